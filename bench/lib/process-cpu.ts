// CPU time used by processes and their descendants, from /proc (Linux): user + system, in
// milliseconds. A benchmark divides a run's difference by the requests it answered, a figure
// that the machine's other work disturbs less than a rate does.
// https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html (fields 14 utime, 15 stime, 4 ppid)
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    // The command name (field 2) may hold spaces: the fields after it follow its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The processes and every descendant, as they are now. */
export function processTree(roots: number[]): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) parents.set(Number(entry), Number(fields[1]));
  }
  const tree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** CPU time used so far by these processes, in milliseconds (a process gone counts 0). */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}
