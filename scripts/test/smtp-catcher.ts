// A local SMTP server for tests (smtp-server, from nodemailer's authors): it keeps every message
// it accepts, and can hold the next one mid-DATA, to stand for a send cut short by a crash.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CaughtEmail = { to: string[]; raw: string };

export type SmtpCatcher = {
  url: string;
  messages: CaughtEmail[];
  /** The next message's DATA is read but never acknowledged, until `release`. */
  holdNext: () => void;
  /** Resolves when a held message has reached the server. */
  held: () => Promise<void>;
  release: () => void;
  close: () => Promise<void>;
};

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtEmail[] = [];
  let hold = false;
  let releaseHeld: (() => void) | null = null;
  let onHeld: (() => void) | null = null;
  const heldPromise = () => new Promise<void>((resolve) => (onHeld = resolve));
  let heldReached = heldPromise();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        };
        if (hold) {
          hold = false;
          // Never acknowledged: the sender is cut off before it hears "250".
          releaseHeld = () => callback(new Error('held message dropped'));
          onHeld?.();
          return;
        }
        accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    holdNext: () => {
      hold = true;
      heldReached = heldPromise();
    },
    held: () => heldReached,
    release: () => releaseHeld?.(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
