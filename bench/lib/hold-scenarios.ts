// The scenarios of bench/holds.ts, and one run of a scenario: fresh books and carts, one burst of
// orders from the workers, then each book's answers and stock checked against the hold invariants
// (scripts/test/hold-invariants.ts).
import { createCarts, createTestBook } from '../../scripts/test/fixtures/books';
import type { PrismaClient } from '../../lib/database/prisma-client';
import { BUSY, checkBook, readBookFacts, type BookAnswers, type BookPlan } from '../../scripts/test/hold-invariants';
import { placeOrdersFromWorkers, type WorkerPlan } from './hold-workers';
import { sampleSessions, type SessionState } from './session-sampler';

/** Uncounted orders each worker places first, so no scenario pays for JIT warm-up or new connections. */
const WARM_UP_ORDERS_PER_PROCESS = 10;

export type Scenario = {
  name: string;
  /** Worker processes, each an app instance with its own connection pool. */
  processes: number;
  /** sequential: one order at a time per process; burst: all of a process's buyers at once. */
  mode: 'sequential' | 'burst';
  books: BookPlan[];
};

export function scenarios(buyers: number): Scenario[] {
  const spreadBooks = 20;
  return [
    {
      name: '1. baseline: sequential, plenty of stock',
      processes: 1,
      mode: 'sequential',
      books: [{ title: 'Mille exemplaires', onHand: Math.max(1000, buyers), withSupplier: false, buyers }],
    },
    {
      name: '2. contended: 1 book, 5 copies',
      processes: 2,
      mode: 'burst',
      books: [{ title: 'Cinq exemplaires', onHand: 5, withSupplier: false, buyers }],
    },
    {
      name: '3. contended + supplier',
      processes: 2,
      mode: 'burst',
      books: [{ title: 'Cinq et le distributeur', onHand: 5, withSupplier: true, buyers }],
    },
    {
      name: `4. spread: ${spreadBooks} books × 50 copies`,
      processes: 2,
      mode: 'burst',
      books: Array.from({ length: spreadBooks }, (_, index) => ({
        title: `Réparti ${index + 1}`,
        onHand: 50,
        withSupplier: false,
        buyers: Math.floor(buyers / spreadBooks) + (index < buyers % spreadBooks ? 1 : 0),
      })),
    },
  ];
}

export type ScenarioResult = {
  scenario: Scenario;
  buyers: number;
  wallMs: number;
  /** CPU time of the app processes (all workers) during the burst. */
  appCpuMs: number;
  sessions: Map<SessionState, number>;
  latenciesMs: number[];
  accepted: number;
  fromStock: number;
  backorder: number;
  refused: number;
  busy: number;
  oversoldCounter: number;
  oversoldHolds: number;
  broken: string[];
};

/** Cart ids taken one per book in turn, so that every process gets buyers of every book. */
function interleave(lists: string[][]): string[] {
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) => lists.flatMap((list) => list[index] ?? [])).flat();
}

export async function runScenario(db: PrismaClient, databaseUrl: string, scenario: Scenario): Promise<ScenarioResult> {
  const books: { plan: BookPlan; id: number; cartIds: string[] }[] = [];
  for (const plan of scenario.books) {
    const book = await createTestBook(db, { onHand: plan.onHand, withSupplier: plan.withSupplier, title: plan.title });
    books.push({ plan, id: book.id, cartIds: await createCarts(db, book.id, plan.buyers) });
  }
  const warmUpCount = WARM_UP_ORDERS_PER_PROCESS * scenario.processes;
  const warmUpBook = await createTestBook(db, { onHand: warmUpCount, withSupplier: false, title: 'Échauffement' });
  const warmUpCarts = await createCarts(db, warmUpBook.id, warmUpCount);

  const carts = interleave(books.map((book) => book.cartIds));
  const plans = Array.from({ length: scenario.processes }, (_, process): WorkerPlan => {
    const cartIds = carts.filter((_, index) => index % scenario.processes === process);
    return {
      warmUpCartIds: warmUpCarts.filter((_, index) => index % scenario.processes === process),
      cartIds,
      concurrency: scenario.mode === 'sequential' ? 1 : Math.max(1, cartIds.length),
    };
  });
  const sampler = sampleSessions(db);
  const burst = await placeOrdersFromWorkers(databaseUrl, plans).catch(async (error: unknown) => {
    await sampler.stop().catch((samplerError: unknown) => console.error('Session sampler also failed:', samplerError));
    throw error;
  });
  const { outcomes, wallMs, cpuMs } = burst;
  const sessions = await sampler.stop();

  const bookOfCart = new Map(books.flatMap((book) => book.cartIds.map((cartId) => [cartId, book.id] as const)));
  const answersByBook = new Map<number, BookAnswers>(
    books.map((book) => [book.id, { accepted: 0, refusals: new Map(), sampleMessages: new Map() }]),
  );
  for (const outcome of outcomes) {
    const answers = answersByBook.get(bookOfCart.get(outcome.cartId) ?? -1);
    if (!answers) throw new Error(`A worker answered for cart ${outcome.cartId}, which it was not given`);
    if (outcome.ok) {
      answers.accepted += 1;
    } else {
      answers.refusals.set(outcome.code, (answers.refusals.get(outcome.code) ?? 0) + 1);
      if (!answers.sampleMessages.has(outcome.code)) answers.sampleMessages.set(outcome.code, outcome.message);
    }
  }

  const result: ScenarioResult = {
    scenario,
    buyers: outcomes.length,
    wallMs,
    appCpuMs: cpuMs,
    sessions,
    latenciesMs: outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b),
    accepted: 0,
    fromStock: 0,
    backorder: 0,
    refused: 0,
    busy: 0,
    oversoldCounter: 0,
    oversoldHolds: 0,
    broken: [],
  };
  const expectedBuyers = books.reduce((sum, book) => sum + book.plan.buyers, 0);
  if (outcomes.length !== expectedBuyers) result.broken.push(`${outcomes.length} answers for ${expectedBuyers} buyers`);
  for (const book of books) {
    const facts = await readBookFacts(db, book.id);
    const answers = answersByBook.get(book.id) as BookAnswers;
    const verdict = checkBook(book.plan, facts, answers);
    const refusals = [...answers.refusals.values()].reduce((sum, count) => sum + count, 0);
    const busy = answers.refusals.get(BUSY) ?? 0;
    result.accepted += answers.accepted;
    result.fromStock += facts.fromStock;
    result.backorder += facts.backorder;
    result.refused += refusals - busy;
    result.busy += busy;
    result.oversoldCounter += verdict.oversoldCounter;
    result.oversoldHolds += verdict.oversoldHolds;
    result.broken.push(...verdict.broken.map((problem) => `« ${book.plan.title} » (book ${book.id}): ${problem}`));
  }
  return result;
}
