// Stripe's request encoding: application/x-www-form-urlencoded with bracket notation,
// e.g. `line_items[0][price_data][unit_amount]=2900`, `expand[]=line_items`.
// https://docs.stripe.com/api/request_ids and stripe-node's `stringifyRequestData`.
import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './errors';

export type FormValue = string | FormNode;
export type FormNode = { [key: string]: FormValue };

const MAX_BODY_BYTES = 1024 * 1024;

/** `a[b][0][c]` → `['a', 'b', '0', 'c']`; `a[]` → `['a', '']`. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    parts.push(match[1] ?? '');
    consumed = pattern.lastIndex;
  }
  if (consumed !== rest.length) throw invalidRequest(`Invalid parameter name: ${key}`);
  return parts;
}

export function parseFormBody(body: string): FormNode {
  const root: FormNode = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = splitKey(key);
    let node: FormNode = root;
    for (let i = 0; i < path.length; i++) {
      let part = path[i] ?? '';
      const last = i === path.length - 1;
      // `a[]=x&a[]=y`: empty brackets append to the list.
      if (part === '' && i > 0) part = String(Object.keys(node).length);
      if (last) {
        if (typeof node[part] === 'object')
          throw invalidRequest(`Invalid hash: ${path.slice(0, i + 1).join('.')} has both a value and nested keys`);
        node[part] = value;
      } else {
        const child = node[part];
        if (typeof child === 'string')
          throw invalidRequest(`Invalid hash: ${path.slice(0, i + 1).join('.')} has both a value and nested keys`);
        const next: FormNode = child ?? {};
        node[part] = next;
        node = next;
      }
    }
  }
  return root;
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
