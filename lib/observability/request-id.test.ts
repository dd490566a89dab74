import { describe, expect, it } from 'vitest';
import { isWellFormedRequestId, requestIdFor } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request id', () => {
  it('keeps a well-formed id sent by a trusted proxy (nginx $request_id, a UUID, an AWS trace id)', () => {
    for (const id of [
      '3f2a9c1be04d4a7f9d0c6b5e8a7f1c2d',
      '0b8f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
      'Root=1-67891233-abcdef012345678912345678',
    ]) {
      expect(requestIdFor(id, 1)).toBe(id);
    }
  });

  it('makes a fresh one when no proxy is trusted: a client cannot choose it', () => {
    const id = requestIdFor('3f2a9c1be04d4a7f9d0c6b5e8a7f1c2d', 0);
    expect(id).toMatch(UUID);
    expect(id).not.toBe('3f2a9c1be04d4a7f9d0c6b5e8a7f1c2d');
  });

  it('makes a fresh one for a malformed id, even from a trusted proxy', () => {
    for (const bad of ['', 'short', 'has space in it', 'quote"inside-1234', 'x'.repeat(129), 'ligne\ncassée-12345']) {
      expect(isWellFormedRequestId(bad)).toBe(false);
      expect(requestIdFor(bad, 2)).toMatch(UUID);
    }
  });

  it('makes a fresh one when none is sent, and takes the first of repeated headers', () => {
    expect(requestIdFor(undefined, 1)).toMatch(UUID);
    expect(requestIdFor(['first-id-12345', 'second-id-12345'], 1)).toBe('first-id-12345');
  });

  it('never gives the same fresh id twice', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => requestIdFor(undefined, 0)));
    expect(ids.size).toBe(1000);
  });
});
