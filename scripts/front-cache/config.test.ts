import { describe, expect, it } from 'vitest';
import { fillTemplate, nginxConfig, privateCookiePattern, varnishConfig } from './config';
import { FRONT_CACHE_NONCE_PLACEHOLDER } from '../../lib/front-cache/nonce';

const PORTS = { port: 3000, varnishPort: 3001, appPort: 3002 };

describe('front cache configuration', () => {
  it('fills every placeholder, and refuses one it has no value for', () => {
    expect(fillTemplate('listen {{PORT}};', { PORT: '3000' })).toBe('listen 3000;');
    expect(() => fillTemplate('{{MISSING}}', {})).toThrow(/MISSING/);
    expect(nginxConfig(PORTS, '/tmp/run')).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(varnishConfig(PORTS)).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('nginx replaces the app’s placeholder nonce, in the page and in its policy', () => {
    const config = nginxConfig(PORTS, '/tmp/run');
    expect(config).toContain(`sub_filter "${FRONT_CACHE_NONCE_PLACEHOLDER}" "$request_id";`);
    expect(config).toContain('listen 3000');
    expect(config).toContain('server 127.0.0.1:3001;');
  });

  it('Varnish passes requests with a cart or a staff session', () => {
    const pattern = new RegExp(privateCookiePattern());
    expect(pattern.test('a=1; panier=xyz')).toBe(true);
    expect(pattern.test('__Host-librairie-equipe=t')).toBe(true);
    expect(pattern.test('monpanier=xyz')).toBe(false);
    expect(varnishConfig(PORTS)).toContain('.port = "3002";');
  });
});
