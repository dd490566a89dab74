import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const VALID = {
  DATABASE_URL: 'postgresql://librairie:secret@127.0.0.1:5432/librairie',
  SITE_URL: 'https://librairie.example/',
  COOKIE_SECRET: 'a'.repeat(32),
  STRIPE_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
  STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111',
};

describe('parseEnv', () => {
  it('reads a valid environment, SITE_URL without its trailing slash', () => {
    const env = parseEnv(VALID);
    expect(env.SITE_URL).toBe('https://librairie.example');
    expect(env.COOKIE_SECRET).toEqual(['a'.repeat(32)]);
  });

  it('reads the observability settings, with their defaults', () => {
    expect(parseEnv(VALID)).toMatchObject({
      LOG_LEVEL: 'info',
      OBSERVABILITY: 'on',
      SHUTDOWN_TIMEOUT_SECONDS: 25,
      WORKER_METRICS_HOST: '127.0.0.1',
    });
    const env = parseEnv({ ...VALID, METRICS_TOKEN: 't'.repeat(32), WORKER_METRICS_PORT: '9464', LOG_LEVEL: 'warn' });
    expect(env).toMatchObject({ METRICS_TOKEN: 't'.repeat(32), WORKER_METRICS_PORT: 9464, LOG_LEVEL: 'warn' });
  });

  it.each([
    ['a short metrics token', { METRICS_TOKEN: 't'.repeat(31) }, 'METRICS_TOKEN doit compter au moins 32 caractères.'],
    ['a metrics token with a space', { METRICS_TOKEN: `${'t'.repeat(32)} x` }, 'METRICS_TOKEN : des caractères'],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL doit valoir fatal, error'],
    ['a worker metrics port out of range', { WORKER_METRICS_PORT: '70000' }, 'WORKER_METRICS_PORT doit être'],
    ['a shutdown bound of zero', { SHUTDOWN_TIMEOUT_SECONDS: '0' }, 'SHUTDOWN_TIMEOUT_SECONDS doit valoir au moins 1.'],
  ])('refuses %s, naming the variable', (_case, override, message) => {
    expect(() => parseEnv({ ...VALID, ...override })).toThrow(message);
  });

  it('reads a list of cookie secrets, newest first, spaces around commas ignored', () => {
    const env = parseEnv({ ...VALID, COOKIE_SECRET: `${'n'.repeat(32)} , ${'o'.repeat(40)}` });
    expect(env.COOKIE_SECRET).toEqual(['n'.repeat(32), 'o'.repeat(40)]);
  });

  it.each([
    [
      'a short secret',
      { COOKIE_SECRET: 'a'.repeat(31) },
      'COOKIE_SECRET: COOKIE_SECRET doit compter au moins 32 caractères.',
    ],
    ['an empty secret', { COOKIE_SECRET: '' }, 'COOKIE_SECRET doit compter au moins 32 caractères.'],
    [
      'a short second secret in the list',
      { COOKIE_SECRET: `${'n'.repeat(32)},court` },
      'COOKIE_SECRET: COOKIE_SECRET : le secret n° 2 de la liste compte moins de 32 caractères',
    ],
    [
      'an empty entry in the list',
      { COOKIE_SECRET: `${'n'.repeat(32)},` },
      'le secret n° 2 de la liste compte moins de 32 caractères',
    ],
    ['no cookie secret', { COOKIE_SECRET: undefined }, 'COOKIE_SECRET: COOKIE_SECRET manque'],
    ['a relative SITE_URL', { SITE_URL: 'librairie.example' }, 'SITE_URL: SITE_URL doit être une URL absolue'],
    [
      'a DATABASE_URL of another database',
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL doit commencer par postgresql://',
    ],
  ])('refuses %s, naming the variable', (_name, change, message) => {
    expect(() => parseEnv({ ...VALID, ...change })).toThrow(message);
  });

  it('lists every bad setting at once', () => {
    expect(() => parseEnv({ ...VALID, SITE_URL: 'nope', COOKIE_SECRET: 'short' })).toThrow(
      /Configuration invalide :\n- SITE_URL: .*\n- COOKIE_SECRET: /,
    );
  });
});
