// What a Server Action or a data function returns when the failure is expected:
// a machine-readable code for programs and a French message for people.
export type Failure = { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
export type Result<T> = ({ ok: true } & T) | Failure;

export function failure(code: string, message: string, fieldErrors?: Record<string, string>): Failure {
  return { ok: false, code, message, ...(fieldErrors && { fieldErrors }) };
}
