// Starts Varnish for one run of the shop, as the current user, with its configuration and work
// folder under the run's data folder; stops it with the shop.
// Debian packages: varnish, varnish-modules (the xkey vmod).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { aptInstallLine, missingSystemPackages, systemPackage } from '../lib/system-packages';
import { varnishConfig, type FrontCachePorts } from './config';

export type FrontCache = { stop(): Promise<void> };

const VARNISHD = systemPackage('varnish').file;

/** What is missing to run the front cache here (the command that installs it), or null. */
export function missingFrontCachePackages(): string | null {
  const missing = missingSystemPackages(['varnish', 'varnish-modules']);
  return missing.length ? aptInstallLine(missing) : null;
}

export async function startFrontCache(
  ports: FrontCachePorts,
  dataDir: string,
  log: (line: string) => void = console.log,
): Promise<FrontCache> {
  const missing = missingFrontCachePackages();
  if (missing) throw new Error(`Le cache frontal a besoin de paquets Debian absents : ${missing}`);
  const runDir = path.resolve(dataDir, 'front-cache');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(path.join(runDir, 'varnish'), { recursive: true });
  writeFileSync(path.join(runDir, 'default.vcl'), varnishConfig(ports));

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
  };
  try {
    // -F: in the foreground, stopped with the shop. -j none: no privilege separation (the
    // current user owns the work folder). Two named sockets: readers, and the app's purges.
    // thread_pools=1: one pool of worker threads rather than two, fewer handovers on a small
    // machine (bench/README.md, book-page.ts; https://varnish-cache.org/docs/7.1/reference/varnishd.html#thread-pools).
    children.push(
      daemon(
        'varnish',
        VARNISHD,
        [
          '-F',
          '-j',
          'none',
          '-n',
          path.join(runDir, 'varnish'),
          '-a',
          `readers=:${ports.port}`,
          '-a',
          `purges=127.0.0.1:${ports.purgePort}`,
          '-f',
          path.join(runDir, 'default.vcl'),
          '-s',
          'malloc,128m',
          '-p',
          'thread_pools=1',
        ],
        log,
      ),
    );
    await Promise.all([waitForPort(ports.port, children[0]!), waitForPort(ports.purgePort, children[0]!)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

function daemon(name: string, command: string, args: string[], log: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} stopped (code ${child.exitCode})`);
    if (await answers(port)) return;
    if (Date.now() > deadline) throw new Error(`${child.spawnfile} does not listen on port ${port} after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
