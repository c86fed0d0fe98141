/** An RFC 9457 problem as every service answers it. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** A request the API refused or could not answer; `problem` says why. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).code === 'string'
  );
}

/** The problem of an answer; an answer without one (a gateway's HTML, say) still becomes a problem. */
export function problemOf(status: number, body: unknown): Problem {
  if (isProblem(body)) return body;
  return { status, code: status >= 500 ? 'unavailable' : 'unexpected-answer', detail: `HTTP ${status}` };
}

/** The problem's field errors by the name of the form field: `body.target.value` → `target.value`. */
export function fieldErrorsOf(problem: Problem): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const field = error.field.replace(/^(body|query)\./, '');
    errors[field] ??= error.message;
  }
  return errors;
}
