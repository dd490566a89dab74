// The route a request went to, as Next names it (`/livre/[ean]`), for the metrics' `route`
// label: never the raw path, whose values are unbounded (every EAN, every tracking token) and
// some of them secret (https://prometheus.io/docs/practices/naming/#labels: "Do not use labels to
// store dimensions with high cardinality"). Built from the build's .next/routes-manifest.json,
// whose regexes are the ones Next routes with.

/** The part of .next/routes-manifest.json read here. */
export type RoutesManifest = {
  staticRoutes: { page: string; regex: string }[];
  dynamicRoutes: { page: string; regex: string }[];
};

/** Requests no route of the manifest answers (public files, unknown paths, the development server). */
export const OTHER_ROUTE = 'other';

/** Next's own files: one label each, whatever the file. */
const NEXT_INTERNAL_ROUTES = ['/_next/static', '/_next/image', '/_next/data'];

export type RoutePatternOf = (url: string) => string;

export function routeMatcher(manifest: RoutesManifest | null): RoutePatternOf {
  const exact = new Map<string, string>();
  const dynamic: { page: string; regex: RegExp }[] = [];
  for (const route of manifest?.staticRoutes ?? []) exact.set(route.page, route.page);
  // Next lists the dynamic routes most specific first (`/suivi/[token]/facture` before
  // `/theme/[...path]`): the first match wins, as in Next's router.
  for (const route of manifest?.dynamicRoutes ?? []) dynamic.push({ page: route.page, regex: new RegExp(route.regex) });
  return (url) => {
    const path = pathOf(url);
    for (const internal of NEXT_INTERNAL_ROUTES) {
      if (path === internal || path.startsWith(`${internal}/`)) return internal;
    }
    if (path.startsWith('/_next/')) return '/_next';
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const page = exact.get(trimmed);
    if (page) return page;
    for (const route of dynamic) if (route.regex.test(path)) return route.page;
    return OTHER_ROUTE;
  };
}

/** The path of a request's target, query left out and percent-escapes kept (as Next's regexes expect). */
function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.startsWith('/') ? path : `/${path}`;
}
