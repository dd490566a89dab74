// Method + path-pattern routing for node:http, e.g. `/v1/checkout/sessions/:id/expire`.
export type RouteMatch<H> = { handler: H; params: Record<string, string> };

type CompiledRoute<H> = { method: string; pattern: RegExp; names: string[]; handler: H };

export class Router<H> {
  private readonly routes: CompiledRoute<H>[] = [];

  add(method: string, path: string, handler: H): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** `undefined` when no route has this path; `'method_not_allowed'` when only the method differs. */
  match(method: string, pathname: string): RouteMatch<H> | 'method_not_allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method_not_allowed' : undefined;
  }
}
