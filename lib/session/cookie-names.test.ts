import { describe, expect, it } from 'vitest';
import { carriesPrivateCookie } from './cookie-names';

describe('carriesPrivateCookie', () => {
  it.each([
    ['panier=abc.def', true],
    ['theme=sombre; panier=abc', true],
    ['__Host-librairie-equipe=token', true],
    ['librairie-equipe=token', true],
    ['__Host-librairie-lecteur=token', true],
    ['theme=sombre; librairie-lecteur=token', true],
    ['librairie-appareil=x', false],
    ['monpanier=abc', false],
    ['', false],
  ])('%s → %s', (header, expected) => {
    expect(carriesPrivateCookie(header)).toBe(expected);
  });
});
