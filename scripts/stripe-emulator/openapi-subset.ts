// Validates requests and responses against Stripe's own OpenAPI schema (the subset in
// e2e/fixtures/stripe-checkout-subset.json, spec version 2023-08-16), corrected by its `x-drift`
// notes for API 2026-10-28.endive: fields only in stripe@23 are allowed extras, fields removed
// since 2023 (`payment_method_types` in create params, `shipping_details` on Session) are refused.
// Test support only: the emulator itself does not load the spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const FIXTURE = fileURLToPath(new URL('../../e2e/fixtures/stripe-checkout-subset.json', import.meta.url));
const DOC_ID = 'stripe-checkout-subset';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Drift = { only_in_stripe_node_23_1_0: string[]; only_in_2023_spec: string[] };
type Parameter = { in: string; name: string; schema: JsonObject };
type Spec = {
  operations: Record<
    string,
    { parameters?: Parameter[]; requestBody?: { schema: JsonObject }; response200?: JsonObject }
  >;
  components: { schemas: Record<string, JsonObject> };
  'x-drift': Record<string, Drift>;
};

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes `anyOf [..., null]`; refs point into the stored doc. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#/, `${DOC_ID}#`);
    else if (key === 'properties' && isObject(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    else out[key] = toJsonSchema(value);
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Top level of `schema` is closed: only its own properties plus the drift's new ones. */
function applyDrift(schema: JsonObject, drift: Drift): JsonObject {
  const properties = { ...(isObject(schema.properties) ? schema.properties : {}) };
  for (const removed of drift.only_in_2023_spec) delete properties[removed];
  for (const added of drift.only_in_stripe_node_23_1_0) properties[added] = {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name) => typeof name === 'string' && !drift.only_in_2023_spec.includes(name))
    : [];
  return { ...schema, properties, required, additionalProperties: false };
}

export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n');
}

export type Validator = { validate(data: unknown): true | string };

function wrap(validate: ValidateFunction): Validator {
  return { validate: (data) => (validate(data) ? true : formatErrors(validate.errors)) };
}

export function loadStripeSpec() {
  const spec = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Spec;
  const drift = spec['x-drift'];
  const converted = toJsonSchema(spec as unknown as Json) as JsonObject;
  const responseAjv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  // Form values arrive as strings: Stripe coerces "2900" to an integer, so does this validator.
  const requestAjv = new Ajv({ strict: false, validateFormats: false, allErrors: true, coerceTypes: true });
  responseAjv.addSchema({ ...converted, $id: DOC_ID });
  requestAjv.addSchema({ ...converted, $id: DOC_ID });

  const component = (name: string) =>
    (converted.components as { schemas: Record<string, JsonObject> }).schemas[name] as JsonObject;
  const operationBody = (operation: string) => {
    const op = (converted.operations as Record<string, { requestBody: { schema: JsonObject } }>)[operation];
    if (!op) throw new Error(`No operation ${operation} in the fixture`);
    return op.requestBody.schema;
  };
  const operation = (name: string) => {
    const op = (converted.operations as Record<string, { parameters?: Parameter[]; response200: JsonObject }>)[name];
    if (!op) throw new Error(`No operation ${name} in the fixture`);
    return op;
  };
  /** A GET's query parameters as one closed object, as a form-decoded query string reads. */
  const queryParams = (name: string): JsonObject => {
    const query = (operation(name).parameters ?? []).filter((parameter) => parameter.in === 'query');
    return {
      type: 'object',
      properties: Object.fromEntries(query.map((parameter) => [parameter.name, parameter.schema])),
      additionalProperties: false,
    };
  };
  const driftOf = (name: string): Drift => {
    const found = drift[name];
    if (!found) throw new Error(`No x-drift entry ${name}`);
    return found;
  };

  return {
    session: wrap(responseAjv.compile(applyDrift(component('checkout.session'), driftOf('Session')))),
    refund: wrap(responseAjv.compile(applyDrift(component('refund'), driftOf('Refund')))),
    charge: wrap(responseAjv.compile({ $ref: `${DOC_ID}#/components/schemas/charge` })),
    item: wrap(responseAjv.compile({ $ref: `${DOC_ID}#/components/schemas/item` })),
    createSessionParams: wrap(
      requestAjv.compile(applyDrift(operationBody('POST /v1/checkout/sessions'), driftOf('SessionCreateParams'))),
    ),
    expireSessionParams: wrap(requestAjv.compile(operationBody('POST /v1/checkout/sessions/{session}/expire'))),
    createRefundParams: wrap(
      requestAjv.compile(applyDrift(operationBody('POST /v1/refunds'), driftOf('RefundCreateParams'))),
    ),
    event: wrap(responseAjv.compile(applyDrift(component('event'), driftOf('Event')))),
    eventList: wrap(responseAjv.compile(operation('GET /v1/events').response200)),
    listEventsParams: wrap(requestAjv.compile(applyDrift(queryParams('GET /v1/events'), driftOf('EventListParams')))),
    drift,
  };
}

/**
 * Decodes a Stripe form body independently of the emulator's parser: `a[b][0][c]=v` →
 * `{ a: { b: [{ c: 'v' }] } }`. Numeric keys make arrays (the shop sends no numeric metadata keys).
 */
export function decodeFormBody(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => arrays(item));
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, arrays(item)]));
  };
  return arrays(root) as Record<string, unknown>;
}
