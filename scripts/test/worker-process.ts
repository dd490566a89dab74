// The background worker (scripts/worker.ts) as `npm start` runs it, in a process of its own, on the
// integration tests' database: a test can start it, kill it (SIGKILL: no goodbye) and start another.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../lib/project';

export type WorkerProcess = { child: ChildProcess; output: string[]; kill: () => Promise<void> };

export function startWorker(env: Record<string, string>): WorkerProcess {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts/worker.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
