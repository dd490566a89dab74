import { describe, expect, it } from 'vitest';
import { guardActionRequest } from './action-request-guard';

const post = (headers: Record<string, string>) =>
  guardActionRequest('POST', new Headers({ host: 'librairie.example', 'next-action': 'abc', ...headers }));

describe('guardActionRequest', () => {
  it('lets same-origin actions and every other request through', () => {
    expect(post({ origin: 'https://librairie.example', 'content-length': '120' })).toBeNull();
    expect(post({ 'content-length': '120' })).toBeNull();
    expect(guardActionRequest('GET', new Headers({ origin: 'https://ailleurs.example' }))).toBeNull();
    expect(
      guardActionRequest('POST', new Headers({ 'content-type': 'application/json', origin: 'https://api.stripe.com' })),
    ).toBeNull();
    expect(
      post({ origin: 'https://boutique.example', 'x-forwarded-host': 'boutique.example', 'content-length': '9' }),
    ).toBeNull();
  });

  it.each([
    [{ origin: 'https://ailleurs.example', 'content-length': '9' }, 403],
    [{ origin: 'pas une origine', 'content-length': '9' }, 403],
    [{ origin: 'null', 'content-length': '9' }, 403],
  ])('%o → %i', (headers, status) => {
    expect(post(headers)?.status).toBe(status);
  });

  it('treats a multipart POST without the action header as a possible action (a form posted without JavaScript)', () => {
    const headers = new Headers({
      host: 'a.example',
      origin: 'https://b.example',
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(guardActionRequest('POST', headers)).toMatchObject({ status: 403, code: 'CROSS_SITE_REQUEST' });
  });
});
