import { describe, expect, it } from 'vitest';
import { actionBodyProblem, isWellFormedPath, requestProblem } from './request-problems';

const get = (rawPath: string) => ({ method: 'GET', rawPath, contentLength: null, transferEncoding: null });

describe('requestProblem', () => {
  it.each(['GET', 'HEAD', 'POST', 'get'])('lets %s through', (method) => {
    expect(requestProblem({ ...get('/livres'), method, contentLength: '10' })).toBeNull();
  });
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'PROPFIND'])('refuses %s with 405', (method) => {
    expect(requestProblem({ ...get('/livres'), method })).toMatchObject({ kind: 'refused', status: 405 });
  });
  it.each(['/livre/%C3%28', '/theme/%E0%A4%A', '/auteur/%', '/editeur/%00', '/collection/a%ZZ'])(
    'sends %s to the French 404',
    (rawPath) => {
      expect(requestProblem(get(rawPath))).toEqual({ kind: 'not_found' });
    },
  );
  it('refuses a POST body over 1 MB, and one without a length', () => {
    const post = { method: 'POST', rawPath: '/panier', transferEncoding: null };
    expect(requestProblem({ ...post, contentLength: String(200 * 1024 * 1024) })).toMatchObject({ status: 413 });
    expect(requestProblem({ ...post, contentLength: 'abc' })).toMatchObject({ status: 413 });
    expect(requestProblem({ ...post, contentLength: null, transferEncoding: 'chunked' })).toMatchObject({
      status: 411,
    });
    expect(requestProblem({ ...post, contentLength: '1024' })).toBeNull();
  });
  it('lets the two upload routes take more, but not a Server Action posted to them', () => {
    const cover = {
      method: 'POST',
      rawPath: '/admin/catalogue/livres/9782296013681/couverture',
      transferEncoding: null,
    };
    expect(requestProblem({ ...cover, contentLength: String(4 * 1024 * 1024) })).toBeNull();
    expect(requestProblem({ ...cover, contentLength: String(11 * 1024 * 1024) })).toMatchObject({
      status: 413,
      message: 'Requête trop volumineuse (10 Mo au plus).',
    });
    expect(requestProblem({ ...cover, contentLength: String(4 * 1024 * 1024), serverAction: true })).toMatchObject({
      status: 413,
      message: 'Requête trop volumineuse (1 Mo au plus).',
    });
    const csv = { method: 'POST', rawPath: '/admin/inventaire/12/fichier', transferEncoding: null };
    expect(requestProblem({ ...csv, contentLength: String(3 * 1024 * 1024) })).toBeNull();
    expect(requestProblem({ ...csv, contentLength: String(6 * 1024 * 1024) })).toMatchObject({ status: 413 });
    expect(
      requestProblem({ ...csv, rawPath: '/admin/inventaire/12/fichier/autre', contentLength: String(3 * 1024 * 1024) }),
    ).toMatchObject({ status: 413 });
  });
});

describe('isWellFormedPath', () => {
  it.each([
    ['/livre/9782296013681', true],
    ['/auteur/fabrice-dhume-sonzogni', true],
    ['/recherche/%C3%A9t%C3%A9', true],
    ['/livre/%C3%28', false],
    ['/a%00b', false],
  ])('%s → %s', (path, expected) => {
    expect(isWellFormedPath(path)).toBe(expected);
  });
});

describe('actionBodyProblem', () => {
  const body = (text: string) => () => Promise.resolve(text);
  it('lets forms and argument arrays through', async () => {
    expect(await actionBodyProblem('multipart/form-data; boundary=x', body('anything'))).toBeNull();
    expect(await actionBodyProblem('text/plain;charset=UTF-8', body('[1,"$undefined"]'))).toBeNull();
  });
  it.each(['null', '{}', 'not json', '"\u0000', '['.repeat(50)])('refuses the text body %s with 400', async (text) => {
    expect(await actionBodyProblem('text/plain', body(text))).toMatchObject({ status: 400, code: 'MALFORMED_ACTION' });
  });
  it('refuses other media types with 415', async () => {
    expect(await actionBodyProblem('application/octet-stream', body(''))).toMatchObject({ status: 415 });
    expect(await actionBodyProblem(null, body('[]'))).toMatchObject({ status: 415 });
  });
});
