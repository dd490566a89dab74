// Fills the front cache's configuration templates (nginx.conf, default.vcl, beside this file)
// with the ports of a run, and the facts the app defines once: the CSP nonce placeholder
// (lib/front-cache/nonce.ts) and the cookies that make a request personal (lib/session/cookie-names.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FRONT_CACHE_NONCE_PLACEHOLDER } from '../../lib/front-cache/nonce';
import { PRIVATE_COOKIES } from '../../lib/session/cookie-names';

export type FrontCachePorts = {
  /** Where readers come in: nginx. */
  port: number;
  /** Varnish, reached by nginx and by the app's purges. */
  varnishPort: number;
  /** The app (scripts/serve.ts). */
  appPort: number;
};

const TEMPLATES = import.meta.dirname;

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {{${name}}} in the front cache configuration`);
    return value;
  });
}

/** A Cookie header carrying a private cookie, with or without the `__Host-` prefix. */
export function privateCookiePattern(): string {
  return `(^|;\\s*)(__Host-)?(${PRIVATE_COOKIES.join('|')})=`;
}

export function nginxConfig(ports: FrontCachePorts, runDir: string): string {
  return fillTemplate(readFileSync(path.join(TEMPLATES, 'nginx.conf'), 'utf8'), {
    // As root, nginx would run its workers as `nobody`, who cannot write the run's folders.
    USER_DIRECTIVE: process.getuid?.() === 0 ? 'user root;' : '',
    RUN_DIR: runDir,
    PORT: String(ports.port),
    VARNISH_PORT: String(ports.varnishPort),
    NONCE_PLACEHOLDER: FRONT_CACHE_NONCE_PLACEHOLDER,
  });
}

export function varnishConfig(ports: FrontCachePorts): string {
  return fillTemplate(readFileSync(path.join(TEMPLATES, 'default.vcl'), 'utf8'), {
    APP_PORT: String(ports.appPort),
    PRIVATE_COOKIE_PATTERN: privateCookiePattern(),
  });
}
