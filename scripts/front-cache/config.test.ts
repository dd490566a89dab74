import { describe, expect, it } from 'vitest';
import { fillTemplate, privateCookiePattern, varnishConfig } from './config';

const PORTS = { port: 3000, purgePort: 3001, appPort: 3002 };

describe('front cache configuration', () => {
  it('fills every placeholder, and refuses one it has no value for', () => {
    expect(fillTemplate('listen {{PORT}};', { PORT: '3000' })).toBe('listen 3000;');
    expect(() => fillTemplate('{{MISSING}}', {})).toThrow(/MISSING/);
    expect(varnishConfig(PORTS)).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('Varnish takes PURGE only on its purge socket, and stores pages compressed', () => {
    const config = varnishConfig(PORTS);
    expect(config).toContain('if (local.socket != "purges" || client.ip !~ purgers)');
    expect(config).toContain('set beresp.do_gzip = true;');
  });

  it('Varnish passes requests with a cart or a staff session', () => {
    const pattern = new RegExp(privateCookiePattern());
    expect(pattern.test('a=1; panier=xyz')).toBe(true);
    expect(pattern.test('__Host-librairie-equipe=t')).toBe(true);
    expect(pattern.test('monpanier=xyz')).toBe(false);
    expect(varnishConfig(PORTS)).toContain('.port = "3002";');
  });
});
