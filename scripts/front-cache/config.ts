// Fills the front cache's configuration template (default.vcl, beside this file) with the ports
// of a run and the cookies that make a request personal (lib/session/cookie-names.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_COOKIES } from '../../lib/session/cookie-names';

export type FrontCachePorts = {
  /** Where readers come in: Varnish. */
  port: number;
  /** Varnish's socket for the app's purges (PURGE is refused on the readers' one). */
  purgePort: number;
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

export function varnishConfig(ports: FrontCachePorts): string {
  return fillTemplate(readFileSync(path.join(TEMPLATES, 'default.vcl'), 'utf8'), {
    APP_PORT: String(ports.appPort),
    PRIVATE_COOKIE_PATTERN: privateCookiePattern(),
  });
}
