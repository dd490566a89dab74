// Whether this instance is stopping: scripts/serve.ts marks it on SIGTERM, and /api/ready then
// answers 503 so that a load balancer stops sending it requests while those in flight finish
// (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).

// Next's server bundle and scripts/serve.ts (run by tsx) load separate copies of this module: a
// symbol registered on globalThis makes them share the flag.
const DRAINING_KEY = Symbol.for('librairie.draining');

type Holder = typeof globalThis & { [DRAINING_KEY]?: boolean };

export function markDraining(): void {
  (globalThis as Holder)[DRAINING_KEY] = true;
}

export function isDraining(): boolean {
  return (globalThis as Holder)[DRAINING_KEY] === true;
}
