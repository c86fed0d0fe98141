import { goalsApi } from './client';

/** Sends a request through the API client and hands back the request a service would have received. */
async function sent(call: (fetch: (request: Request) => Promise<Response>) => Promise<unknown>): Promise<Request> {
  let received: Request | undefined;
  await call(async (request) => {
    received = request;
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  if (!received) throw new Error('the client sent nothing');
  return received;
}

describe('the API client', () => {
  it('gives every command a key of its own, so a command sent again runs once', async () => {
    const first = await sent((fetch) =>
      goalsApi.POST('/goals/{id}/proposal', { params: { path: { id: 'g-1' } }, body: {}, fetch }),
    );
    const second = await sent((fetch) =>
      goalsApi.POST('/goals/{id}/proposal', { params: { path: { id: 'g-1' } }, body: {}, fetch }),
    );
    const key = first.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[\x21-\x7e]{1,200}$/);
    expect(second.headers.get('Idempotency-Key')).not.toBe(key);
  });

  it('sends reads without a key', async () => {
    const read = await sent((fetch) => goalsApi.GET('/goals/{id}', { params: { path: { id: 'g-1' } }, fetch }));
    expect(read.headers.has('Idempotency-Key')).toBe(false);
  });
});
