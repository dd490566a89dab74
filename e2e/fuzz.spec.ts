import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { formFields, withValues } from '../scripts/test/action-forms';
import { E2E_BASE_URL, E2E_PORTS } from './support/ports';
import { expect, SEED_BOOK, test } from './support/shop';

// Every route of the running build, found from the app/ tree (a new route is fuzzed without
// anyone adding it here), tried with unknown methods, malformed paths and queries, and forged
// Server Action calls. Whatever the input: a 4xx or a page, never a 5xx.
test.describe.configure({ timeout: 300_000 });

const SAMPLE_SEGMENTS: Record<string, string> = {
  '[ean]': SEED_BOOK.ean,
  '[slug]': 'l-harmattan',
  '[...path]': 'droit/droit-administratif',
  '[part]': 'livres-0.xml',
};

/** URL paths of the app's pages and route handlers, dynamic segments filled with samples. */
function discoverRoutes(directory = 'app', prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith('_') || entry.startsWith('(')) continue;
      routes.push(...discoverRoutes(full, `${prefix}/${SAMPLE_SEGMENTS[entry] ?? entry}`));
    } else if (/^(page|route)\.tsx?$/.test(entry)) {
      routes.push(prefix || '/');
    } else if (/^(sitemap|robots)\.ts$/.test(entry)) {
      routes.push(`/${entry.replace('.ts', entry.startsWith('sitemap') ? '.xml' : '.txt')}`);
    }
  }
  return routes;
}

const ROUTES = discoverRoutes();

type Probe = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

/** Raw HTTP, so that any method and any bytes in the path go out as written. */
function send(probe: Probe): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: E2E_PORTS.app,
        method: probe.method,
        path: probe.path,
        headers: { accept: 'text/html,application/json', ...probe.headers },
      },
      (response) => {
        status = response.statusCode ?? 0;
        response.resume();
        response.on('end', () => resolve(status));
      },
    );
    let status = 0;
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${probe.method} ${probe.path}`)));
    // A server may answer (413) and close before a large body is all sent: the answer counts.
    request.on('error', (error) => (status ? resolve(status) : reject(error)));
    if (probe.body !== undefined) request.write(probe.body);
    request.end();
  });
}

async function expectNoServerError(probes: Probe[]) {
  const failures: string[] = [];
  for (let start = 0; start < probes.length; start += 8) {
    const batch = probes.slice(start, start + 8);
    const statuses = await Promise.all(batch.map(send));
    statuses.forEach((status, index) => {
      const probe = batch[index]!;
      // The French 503 page answers 503 by design.
      const expected503 = status === 503 && probe.path.startsWith('/indisponible');
      if ((status >= 500 && !expected503) || status === 0)
        failures.push(`${status} ${probe.method} ${probe.path.slice(0, 120)}`);
    });
  }
  expect(failures).toEqual([]);
  return probes.length;
}

test('found the routes', () => {
  expect(ROUTES).toEqual(expect.arrayContaining(['/', '/livres', `/livre/${SEED_BOOK.ean}`, '/api/stripe/webhook']));
});

test('unknown methods, malformed paths and queries on every route', async () => {
  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'TRACK', 'PROPFIND'];
  const suffixes = ['/%C3%28', '/%', '%00', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', `/${'x'.repeat(4000)}`, '/%FF%FE'];
  const queries = [
    '?q=%00',
    '?page=-1&page=2',
    '?page[]=1',
    '?tri=%FF',
    '?apres=%00',
    `?tri=titre&apres=${'A'.repeat(9_000)}`,
    '?q=<script>alert(1)</script>',
    `?q=${'é'.repeat(3000)}`,
  ];
  const probes: Probe[] = [];
  for (const route of ROUTES) {
    for (const method of methods) probes.push({ method, path: route, body: method === 'POST' ? '' : undefined });
    for (const suffix of suffixes) probes.push({ method: 'GET', path: `${route === '/' ? '' : route}${suffix}` });
    for (const query of queries) probes.push({ method: 'GET', path: `${route}${query}` });
  }
  // Random paths and queries, the same every run (fixed seed).
  const segment = fc.string({
    unit: fc.constantFrom('a', '%', 'é', '/', '?', '#', '\\', '0', 'F', '..', '%2', '%C3'),
    maxLength: 40,
  });
  for (const [route, junk] of fc.sample(fc.tuple(fc.constantFrom(...ROUTES), segment), { numRuns: 150, seed: 42 })) {
    probes.push({ method: 'GET', path: `${route}/${encodeURI(junk).replaceAll('%25', '%')}` });
    probes.push({ method: 'GET', path: `${route}?q=${encodeURI(junk).replaceAll('%25', '%')}` });
  }
  const sent = await expectNoServerError(probes);
  console.log(`fuzz: ${sent} requests on ${ROUTES.length} routes, 0 × 5xx`);
});

test('forged Server Action calls and add-to-cart posts: malformed bodies, missing and poisoned fields', async () => {
  const bookPath = `/livre/${SEED_BOOK.ean}`;
  const html = await (await fetch(`${E2E_BASE_URL}${bookPath}`)).text();
  // The book page's Server Action form ("Ajouter à ma liste", the same for every reader).
  const fields = formFields(html, 'Ajouter à ma liste');
  // A plain action form carries its id in a field's name ($ACTION_ID_<id>).
  const actionField = fields.find(([name]) => name.startsWith('$ACTION_ID_'))![0];
  const actionId = actionField.slice('$ACTION_ID_'.length);
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);

  const asAction = (body: string | Buffer, contentType: string, id = actionId!): Probe => ({
    method: 'POST',
    path: bookPath,
    headers: { 'next-action': id, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  const multipart = (parts: [string, string][]) => {
    const boundary = '----fuzz';
    const body = `${parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`;
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  };
  const probes: Probe[] = [
    ...['[]', '{}', 'null', '"\u0000"', '[1,2,3]', '['.repeat(5000), 'not json', '[{"$$typeof":1}]'].map((body) =>
      asAction(body, 'text/plain;charset=UTF-8'),
    ),
    asAction(Buffer.from([0xff, 0xfe, 0x00, 0x01]), 'application/octet-stream'),
    asAction('[]', 'text/plain', 'f'.repeat(42)),
    asAction('[]', 'text/plain', '../../etc'),
  ];
  const poisoned: Record<string, string>[] = [
    { ean: '' },
    { ean: '\u0000' },
    { ean: SEED_BOOK.ean, quantity: '1e9' },
    { ean: SEED_BOOK.ean, quantity: '-1' },
    { ean: SEED_BOOK.ean, quantity: '\u0000' },
    { ean: 'x'.repeat(100_000) },
    { quantity: '2' },
  ];
  const cartFields = formFields(html, 'Ajouter au panier');
  for (const values of poisoned) {
    for (const [path, form] of [
      [bookPath, fields],
      ['/panier/ajouter', cartFields],
    ] as const) {
      const { body, type } = multipart(withValues(form, values));
      probes.push({
        method: 'POST',
        path,
        headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) },
        body,
      });
    }
  }
  // Add-to-cart as a script posts it, asking for JSON, with bodies that are no form.
  for (const [body, type] of [
    ['ean=&quantity=1', 'application/x-www-form-urlencoded'],
    ['{"ean":"9782296013681"}', 'application/json'],
    ['--x\r\nbroken', 'multipart/form-data; boundary=x'],
    ['quantity=' + '9'.repeat(5000), 'application/x-www-form-urlencoded'],
  ] as const) {
    probes.push({
      method: 'POST',
      path: '/panier/ajouter',
      headers: { 'content-type': type, accept: 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
  }
  // The whole form without its action fields, and with a broken action reference.
  const bare = multipart([['ean', SEED_BOOK.ean]]);
  probes.push({ method: 'POST', path: bookPath, headers: { 'content-type': bare.type }, body: bare.body });
  const broken = multipart([
    ...fields.filter(([name]) => name !== actionField),
    ['$ACTION_ID_nope', ''],
    ['$ACTION_REF_1', ''],
    ['$ACTION_1:0', '{"id":"nope","bound":"$@1"}'],
  ]);
  probes.push({ method: 'POST', path: bookPath, headers: { 'content-type': broken.type }, body: broken.body });
  // Oversized: refused before Next reads it.
  probes.push(asAction('x'.repeat(2 * 1024 * 1024), 'text/plain'));
  await expectNoServerError(probes);
});
