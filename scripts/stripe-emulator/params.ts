// A small declarative checker for Stripe form parameters. It turns the decoded form tree into
// typed values and fails like Stripe does: `parameter_unknown`, `parameter_missing`,
// `parameter_invalid_integer`, `parameter_invalid_empty`, with the bracketed `param` path.
import { parameterInvalid, parameterMissing, parameterUnknown } from './errors';
import type { FormNode, FormValue } from './form-body';

type Required = { required?: boolean };
export type StringSpec = Required & { kind: 'string'; maxLength?: number; oneOf?: readonly string[] };
export type IntegerSpec = Required & { kind: 'integer'; min?: number };
export type BooleanSpec = Required & { kind: 'boolean' };
export type MapSpec = Required & { kind: 'map' };
export type ArraySpec = Required & { kind: 'array'; of: Spec; maxItems?: number };
export type ObjectSpec = Required & { kind: 'object'; fields: { [key: string]: Spec } };
export type Spec = StringSpec | IntegerSpec | BooleanSpec | MapSpec | ArraySpec | ObjectSpec;
type ArrayOf<O extends Spec> = Omit<ArraySpec, 'of'> & { of: O };
type ObjectOf<F extends Record<string, Spec>> = Omit<ObjectSpec, 'fields'> & { fields: F };

export type Infer<S> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'integer' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : S extends { kind: 'map' }
        ? Record<string, string>
        : S extends { kind: 'array'; of: infer O }
          ? Infer<O>[]
          : S extends { kind: 'object'; fields: infer F }
            ? InferFields<F>
            : never;

type Simplify<T> = { [K in keyof T]: T[K] };
type InferFields<F> = Simplify<
  { [K in keyof F as F[K] extends { required: true } ? K : never]: Infer<F[K]> } & {
    [K in keyof F as F[K] extends { required: true } ? never : K]?: Infer<F[K]>;
  }
>;

export const param = {
  string: (options: { maxLength?: number; oneOf?: readonly string[] } = {}): StringSpec => ({
    kind: 'string',
    ...options,
  }),
  integer: (options: { min?: number } = {}): IntegerSpec => ({ kind: 'integer', ...options }),
  boolean: (): BooleanSpec => ({ kind: 'boolean' }),
  map: (): MapSpec => ({ kind: 'map' }),
  array: <O extends Spec>(of: O, options: { maxItems?: number } = {}): ArrayOf<O> => ({
    kind: 'array',
    of,
    ...options,
  }),
  object: <F extends Record<string, Spec>>(fields: F): ObjectOf<F> => ({ kind: 'object', fields }),
  required: <S extends Spec>(spec: S): S & { required: true } => ({ ...spec, required: true }),
};

function child(path: string, key: string): string {
  return path === '' ? key : `${path}[${key}]`;
}

function describe(value: FormValue): string {
  return typeof value === 'string' ? value : 'a hash';
}

function parseValue(spec: Spec, value: FormValue, path: string): unknown {
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string')
        throw parameterInvalid(path, `Invalid string: ${path} must be a string, got a hash`);
      if (value === '') {
        throw parameterInvalid(
          path,
          `You passed an empty string for '${path}'. We assume empty values are an attempt to unset a parameter; however '${path}' cannot be unset. You should remove '${path}' from your request or supply a non-empty value.`,
          'parameter_invalid_empty',
        );
      }
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        throw parameterInvalid(path, `Invalid string: ${path} must be at most ${spec.maxLength} characters`);
      }
      if (spec.oneOf && !spec.oneOf.includes(value)) {
        throw parameterInvalid(path, `Invalid ${path}: must be one of ${spec.oneOf.join(', ')}`);
      }
      return value;
    }
    case 'integer': {
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
        throw parameterInvalid(path, `Invalid integer: ${describe(value)}`, 'parameter_invalid_integer');
      }
      const number = Number(value);
      if (!Number.isSafeInteger(number))
        throw parameterInvalid(path, `Invalid integer: ${value}`, 'parameter_invalid_integer');
      if (spec.min !== undefined && number < spec.min) {
        throw parameterInvalid(path, `Invalid ${path}: must be greater than or equal to ${spec.min}`);
      }
      return number;
    }
    case 'boolean': {
      if (value !== 'true' && value !== 'false') throw parameterInvalid(path, `Invalid boolean: ${describe(value)}`);
      return value === 'true';
    }
    case 'map': {
      // Stripe: "All keys can be unset by posting an empty value to `metadata`."
      if (value === '') return {};
      if (typeof value === 'string') throw parameterInvalid(path, `Invalid hash: ${path} must be a hash`);
      const entries = Object.entries(value);
      if (entries.length > 50) throw parameterInvalid(path, `Invalid ${path}: at most 50 keys are allowed`);
      const map: Record<string, string> = {};
      for (const [key, entry] of entries) {
        if (typeof entry !== 'string')
          throw parameterInvalid(child(path, key), `Invalid string: ${child(path, key)} must be a string`);
        if (key.length > 40)
          throw parameterInvalid(child(path, key), `Invalid ${path}: keys must be at most 40 characters`);
        if (entry.length > 500)
          throw parameterInvalid(child(path, key), `Invalid ${path}: values must be at most 500 characters`);
        // An empty value unsets the key.
        if (entry !== '') map[key] = entry;
      }
      return map;
    }
    case 'array': {
      if (typeof value === 'string') throw parameterInvalid(path, `Invalid array: ${path} must be an array`);
      const keys = Object.keys(value);
      if (!keys.every((key) => /^\d+$/.test(key)))
        throw parameterInvalid(path, `Invalid array: ${path} must be an array`);
      const indices = keys.map(Number).sort((a, b) => a - b);
      if (spec.maxItems !== undefined && indices.length > spec.maxItems) {
        throw parameterInvalid(path, `Invalid ${path}: at most ${spec.maxItems} items are allowed`);
      }
      return indices.map((index) => parseValue(spec.of, value[String(index)] as FormValue, child(path, String(index))));
    }
    case 'object': {
      if (typeof value === 'string') throw parameterInvalid(path, `Invalid object: ${path} must be a hash`);
      return parseObject(spec, value, path);
    }
  }
}

function parseObject(spec: ObjectSpec, node: FormNode, path: string): Record<string, unknown> {
  for (const key of Object.keys(node)) {
    if (!(key in spec.fields)) throw parameterUnknown(child(path, key));
  }
  const result: Record<string, unknown> = {};
  for (const [key, fieldSpec] of Object.entries(spec.fields)) {
    const value = node[key];
    if (value === undefined) {
      if (fieldSpec.required) throw parameterMissing(child(path, key));
      continue;
    }
    result[key] = parseValue(fieldSpec, value, child(path, key));
  }
  return result;
}

/** Checks a whole request body against `spec`; throws a `StripeApiError` like Stripe would. */
export function parseParams<F extends Record<string, Spec>>(spec: ObjectOf<F>, body: FormNode): Infer<ObjectOf<F>> {
  return parseObject(spec, body, '') as Infer<ObjectOf<F>>;
}
