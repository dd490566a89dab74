// A second (third…) instance of the built shop on the same database: the app as N instances
// behind a load balancer would run it. Shared by the e2e rush test and the benchmarks.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../lib/project';

export type AppInstance = {
  url: string;
  /** Its process (a benchmark reads the CPU time it used). */
  pid: number;
  stop(): Promise<void>;
  /** Sends the process a signal without waiting (a deployment's SIGTERM). */
  signal(signal: NodeJS.Signals): void;
  /** Its exit code once it stopped. */
  exited: Promise<number | null>;
  /** The end of what it wrote (its log lines). */
  output(): string;
};

/**
 * Starts the built app on `port`. Ready when /api/health says the database answers, or with
 * `ready: 'answering'` as soon as it answers at all (an instance whose database is down on purpose).
 */
export async function startAppInstance(
  port: number,
  env: Record<string, string>,
  { ready = 'healthy' }: { ready?: 'healthy' | 'answering' } = {},
): Promise<AppInstance> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts'), '--port', String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-10_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app instance on port ${port} stopped:\n${output}`);
    const healthy = await fetch(`${url}/api/health`)
      .then((response) => response.ok || ready === 'answering')
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app instance on port ${port} did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    signal(signal) {
      child.kill(signal);
    },
    exited,
    output: () => output,
  };
}
