// Scans come faster than the server answers (a barcode scanner types a whole EAN and Enter in a
// few milliseconds): each is sent after the previous one answered, in the order scanned, and the
// page is refreshed once, when none is left. Pure: the component gives it the work.

export type ScanQueue = {
  /**
   * Runs `task` after every task pushed before it. A task that throws is logged and does not
   * stop the next ones; the promise returned settles when the task did, and never rejects.
   */
  push(task: () => Promise<void>): Promise<void>;
  /** Tasks pushed and not finished yet. */
  pending(): number;
};

export function createScanQueue(onIdle: () => void = () => {}): ScanQueue {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  return {
    push(task) {
      waiting += 1;
      const run = tail.then(task).finally(() => {
        waiting -= 1;
        if (waiting === 0) onIdle();
      });
      // The next task waits for this one, whether it succeeded or not.
      // Runs in the browser: its console is where a failed scan shows.
      // eslint-disable-next-line no-console
      tail = run.catch((error: unknown) => console.error('scan failed', error));
      return tail;
    },
    pending: () => waiting,
  };
}
