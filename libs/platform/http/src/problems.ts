import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { bodyReadingProblem } from './request-limits';

/** RFC 9457 problem details, with a stable `code` a client can branch on. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** An error that already knows its HTTP answer. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** Turns a service's own error types into problems; returns undefined for errors it does not know. */
export type ErrorMapper = (error: unknown) => ProblemError | undefined;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

function fromHttpException(exception: HttpException): ProblemError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? (response as { message: unknown }).message
      : exception.message;
  const detail = Array.isArray(message) ? message.join('; ') : String(message);
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'error';
  // Nest turns the JSON parser's error into a 400 whose message quotes the raw body; it is not repeated.
  if (status === 400 && /is not valid JSON|in JSON at position|Unexpected (token|end of JSON)/.test(detail))
    return new ProblemError(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.');
  const code = status === 413 ? 'payload-too-large' : status === 404 ? 'not-found' : title.replace(/ /g, '-');
  return new ProblemError(status, code, title.charAt(0).toUpperCase() + title.slice(1), detail);
}

/** Answers every error as problem+json; unknown errors become a 500 whose details stay in the log. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly mapError: ErrorMapper = () => undefined) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem =
      exception instanceof ProblemError
        ? exception
        : (this.mapError(exception) ??
          bodyReadingProblem(exception) ??
          (exception instanceof HttpException
            ? fromHttpException(exception)
            : new ProblemError(
                500,
                'internal-error',
                'Internal error',
                'Something went wrong on our side; the request may be retried. The log has the details.',
              )));
    if (problem.status >= 500) this.logger.error({ err: exception, correlationId: request.id }, 'request failed');
    const body: ProblemDetails = {
      type: `https://bildungsregion.osnabrueck.de/problems/${problem.code}`,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      code: problem.code,
      instance: request.originalUrl,
      ...problem.extensions,
    };
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
