import { describe, expect, it, vi } from 'vitest';
import { createScanQueue } from './scan-queue';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the scan queue', () => {
  it('runs scans one after the other, in the order scanned, however long each takes', async () => {
    const done: string[] = [];
    const queue = createScanQueue();
    const slow = queue.push(async () => {
      await later(30);
      done.push('first');
    });
    const fast = queue.push(async () => {
      done.push('second');
    });
    expect(queue.pending()).toBe(2);
    await Promise.all([slow, fast]);
    expect(done).toEqual(['first', 'second']);
  });

  it('says it is idle once, when the last scan answered', async () => {
    const onIdle = vi.fn();
    const queue = createScanQueue(onIdle);
    const runs = [1, 2, 3].map((n) => queue.push(() => later(n * 5)));
    await Promise.all(runs);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(queue.pending()).toBe(0);
  });

  it('goes on after a scan that failed, and logs the failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const done: string[] = [];
    const queue = createScanQueue();
    const failed = queue.push(async () => {
      throw new Error('network');
    });
    const next = queue.push(async () => {
      done.push('next');
    });
    await failed;
    await next;
    expect(done).toEqual(['next']);
    expect(logged).toHaveBeenCalledWith('scan failed', expect.objectContaining({ message: 'network' }));
    vi.restoreAllMocks();
  });
});
