import createClient, { Middleware } from 'openapi-fetch';
import type { paths as GoalsPaths } from './generated/goals';
import type { paths as IdeasPaths } from './generated/ideas';
import type { paths as MonitoringPaths } from './generated/monitoring';
import type { paths as PlanningPaths } from './generated/planning';
import { ETagStore } from './etags';
import { newIdempotencyKey } from './idempotency-key';
import { ApiError, problemOf } from './problem';

/** What the API layer needs from sign-in: the current access token, and what to do when it is refused. */
export interface Session {
  accessToken(): Promise<string | undefined>;
  onUnauthorized(): void;
}

let session: Session = { accessToken: async () => undefined, onUnauthorized: () => undefined };
export function connectSession(current: Session): void {
  session = current;
}

export const etags = new ETagStore();

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Signs every request in, and gives each command the revision it is based on and a key of its own. */
const sessionAndRevisions: Middleware = {
  async onRequest({ request }) {
    const token = await session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (COMMAND_METHODS.has(request.method)) {
      const etag = etags.forCommand(new URL(request.url).pathname);
      if (etag && !request.headers.has('If-Match')) request.headers.set('If-Match', etag);
    }
    if (request.method === 'POST' && !request.headers.has('Idempotency-Key'))
      request.headers.set('Idempotency-Key', newIdempotencyKey());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401) session.onUnauthorized();
    const etag = response.headers.get('ETag');
    if (etag && response.ok) {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && !new URL(request.url).search.includes('AsOf=')) etags.remember(path, etag);
      else if (COMMAND_METHODS.has(request.method)) etags.rememberAfterCommand(path, etag);
    }
    return response;
  },
};

export const goalsApi = createClient<GoalsPaths>({ baseUrl: `${location.origin}/api/goals` });
export const monitoringApi = createClient<MonitoringPaths>({ baseUrl: `${location.origin}/api/monitoring` });
export const ideasApi = createClient<IdeasPaths>({ baseUrl: `${location.origin}/api/ideas` });
export const planningApi = createClient<PlanningPaths>({ baseUrl: `${location.origin}/api/planning` });
goalsApi.use(sessionAndRevisions);
monitoringApi.use(sessionAndRevisions);
ideasApi.use(sessionAndRevisions);
planningApi.use(sessionAndRevisions);

/** The JSON an operation of a generated API answers with `Status`. */
export type ResponseJson<
  Operations,
  Operation extends keyof Operations,
  Status extends number = 200,
> = Operations[Operation] extends {
  responses: { [status in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** The data of an answer, or an ApiError with the problem the service gave. */
export async function unwrap<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw new ApiError(problemOf(response.status, error));
  return data as Data;
}
