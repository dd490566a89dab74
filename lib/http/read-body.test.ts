import { describe, expect, it } from 'vitest';
import { readBodyWithLimit } from './read-body';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  let pulled = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[pulled];
      pulled += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(chunk));
    },
  });
}

describe('readBodyWithLimit', () => {
  it('reads a body under the limit', async () => {
    const request = new Request('http://x/', { method: 'POST', body: '{"a":1}' });
    expect(await readBodyWithLimit(request, 100)).toEqual({ ok: true, text: '{"a":1}' });
  });
  it('refuses a declared length over the limit without reading', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      body: 'x'.repeat(10),
      headers: { 'content-length': '5000000' },
    });
    expect(await readBodyWithLimit(request, 1000)).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });
  it('stops reading a stream that goes past the limit', async () => {
    const chunks = Array.from({ length: 1000 }, () => 'y'.repeat(1024));
    const request = new Request('http://x/', { method: 'POST', body: streamOf(chunks), duplex: 'half' } as RequestInit);
    expect(await readBodyWithLimit(request, 10 * 1024)).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });
});
