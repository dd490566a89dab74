import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OTHER_ROUTE, routeMatcher, type RoutesManifest } from './route-pattern';

// The shapes of .next/routes-manifest.json as `next build` writes them for this app.
const MANIFEST: RoutesManifest = {
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/api/health', regex: '^/api/health(?:/)?$' },
    { page: '/panier', regex: '^/panier(?:/)?$' },
    { page: '/suivi', regex: '^/suivi(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/livre/[ean]', regex: '^/livre/([^/]+?)(?:/)?$' },
    { page: '/suivi/[token]', regex: '^/suivi/([^/]+?)(?:/)?$' },
    { page: '/suivi/[token]/facture', regex: '^/suivi/([^/]+?)/facture(?:/)?$' },
    { page: '/theme/[...path]', regex: '^/theme/(.+?)(?:/)?$' },
  ],
};

describe('the route of a request', () => {
  const routeOf = routeMatcher(MANIFEST);

  it('names the page pattern, never the raw path', () => {
    expect(routeOf('/livre/9782296013681')).toBe('/livre/[ean]');
    expect(routeOf('/suivi/c2VjcmV0LXRva2Vu?x=1')).toBe('/suivi/[token]');
    expect(routeOf('/suivi/c2VjcmV0LXRva2Vu/facture')).toBe('/suivi/[token]/facture');
    expect(routeOf('/theme/droit/droit-public/fiscalite')).toBe('/theme/[...path]');
  });

  it('matches static routes with or without a trailing slash or a query', () => {
    expect(routeOf('/')).toBe('/');
    expect(routeOf('/panier/')).toBe('/panier');
    expect(routeOf('/api/health?probe=1')).toBe('/api/health');
    expect(routeOf('/suivi')).toBe('/suivi');
  });

  it('gives Next’s files one label each, whatever the file', () => {
    expect(routeOf('/_next/static/chunks/0ox8--i5b9o0n.js')).toBe('/_next/static');
    expect(routeOf('/_next/image?url=%2Fcovers%2Fa.jpg&w=256&q=75')).toBe('/_next/image');
    expect(routeOf('/_next/webpack-hmr')).toBe('/_next');
  });

  it('puts everything else under one label', () => {
    for (const url of ['/wp-login.php', '/livre', '/livre/1/2/3', '/covers/9782296013681.jpg', '/%00']) {
      expect(routeOf(url), url).toBe(OTHER_ROUTE);
    }
  });

  it('without a manifest (the development server), counts every page under `other`', () => {
    expect(routeMatcher(null)('/livre/9782296013681')).toBe(OTHER_ROUTE);
  });

  it.runIf(existsSync('.next/routes-manifest.json'))('reads the manifest of this app’s build the same way', () => {
    const built = JSON.parse(readFileSync('.next/routes-manifest.json', 'utf8')) as RoutesManifest;
    const routeOfBuilt = routeMatcher(built);
    expect(routeOfBuilt('/livre/9782296013681')).toBe('/livre/[ean]');
    expect(routeOfBuilt('/api/health')).toBe('/api/health');
    expect(routeOfBuilt('/suivi/abc/facture/pdf')).toBe('/suivi/[token]/facture/pdf');
    expect(routeOfBuilt('/theme/droit/droit-public')).toBe('/theme/[...path]');
  });
});
