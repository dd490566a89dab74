import { describe, expect, it } from 'vitest';
import { challengeOf, counterIsPlausible, passkeyLabel, relyingParty } from './passkeys';

const clientData = (data: unknown) => Buffer.from(JSON.stringify(data)).toString('base64url');

describe('relyingParty', () => {
  it('is the host without its port, and the origin with it', () => {
    expect(relyingParty('https://librairie.example/')).toEqual({
      rpID: 'librairie.example',
      origin: 'https://librairie.example',
    });
    expect(relyingParty('http://localhost:3100')).toEqual({ rpID: 'localhost', origin: 'http://localhost:3100' });
  });
});

describe('challengeOf', () => {
  it('reads the challenge the browser signed', () => {
    const challenge = 'q3J0fYk2Vb0wXh9s8e1mPqRt5uVwXyZa0b1c2d3e4f5';
    expect(challengeOf(clientData({ type: 'webauthn.get', challenge, origin: 'https://x' }))).toBe(challenge);
  });

  it('gives null for anything else', () => {
    expect(challengeOf('pas du base64 !')).toBeNull();
    expect(challengeOf(clientData({ type: 'webauthn.get' }))).toBeNull();
    expect(challengeOf(clientData({ challenge: 12 }))).toBeNull();
    expect(challengeOf(clientData({ challenge: 'a"; DROP TABLE' }))).toBeNull();
    expect(challengeOf(clientData(null))).toBeNull();
  });
});

describe('passkeyLabel', () => {
  it('names the browser and the system', () => {
    expect(
      passkeyLabel(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome sur Android');
    expect(
      passkeyLabel(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari sur iOS');
    expect(passkeyLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox sur Windows',
    );
    expect(passkeyLabel(null)).toBe('Clé d’accès');
  });
});

describe('counterIsPlausible', () => {
  it('lets non-counting passkeys through and refuses a counter that went back', () => {
    expect(counterIsPlausible(0, 0)).toBe(true);
    expect(counterIsPlausible(4, 5)).toBe(true);
    expect(counterIsPlausible(5, 5)).toBe(false);
    expect(counterIsPlausible(5, 0)).toBe(false);
  });
});
