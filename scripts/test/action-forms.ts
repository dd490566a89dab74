// Posting the shop's forms as a browser without JavaScript does: a multipart body with the
// form's inputs (a Server Action's hidden fields $ACTION_REF_n, $ACTION_n:0, $ACTION_KEY
// included), so load tests and fuzzing need no build-specific action id.
// Shared by e2e tests and benchmarks.

export type FormField = [name: string, value: string];

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&amp;': '&',
  '&#x27;': "'",
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:quot|amp|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

function findForm(html: string, marker: string): string {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((match) => match[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`No form containing ${JSON.stringify(marker)} in the page`);
  return form;
}

/** The inputs of the first form whose HTML contains `marker`, in page order. */
export function formFields(html: string, marker: string): FormField[] {
  const form = findForm(html, marker);
  const fields: FormField[] = [];
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (!name) continue;
    const type = /\btype="([^"]*)"/.exec(input)?.[1];
    if (type === 'radio' && !/\bchecked\b/.test(input)) continue;
    fields.push([decodeEntities(name), decodeEntities(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? '')]);
  }
  return fields;
}

/** The fields with some values replaced (or added). */
export function withValues(fields: FormField[], values: Record<string, string>): FormField[] {
  const replaced = fields.map(([name, value]): FormField => [name, name in values ? (values[name] ?? '') : value]);
  const missing = Object.entries(values).filter(([name]) => !fields.some(([field]) => field === name));
  return [...replaced, ...missing];
}

export type PostOptions = { cookie?: string; forwardedFor?: string };

/** POSTs the form to `url` as multipart/form-data, without following the redirect. */
export async function postForm(url: string, fields: FormField[], options: PostOptions = {}): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const headers: Record<string, string> = { accept: 'text/html' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  return fetch(url, { method: 'POST', body, headers, redirect: 'manual' });
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
