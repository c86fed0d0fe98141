import { call } from './service-process';

/** Promotes accepted ideas one after another, each answered 200, to a goal or a measure. */
export async function promoteEach(
  ideasUrl: string,
  ideaIds: readonly string[],
  target: 'goal' | 'measure',
  headers: Record<string, string>,
): Promise<void> {
  for (const ideaId of ideaIds) {
    const promoted = await call(`${ideasUrl}/ideas/${ideaId}/promotion`, { headers, body: { target } });
    expect(promoted.status).toBe(200);
  }
}

/** What each idea's first promotion became (the goal or measure id), as ideas has noted it. */
export function promotionResults(
  ideasUrl: string,
  ideaIds: readonly string[],
  headers: Record<string, string>,
): Promise<(string | undefined)[]> {
  return Promise.all(
    ideaIds.map(
      async (ideaId) =>
        (await call<{ idea: { promotions: { resultId?: string }[] } }>(`${ideasUrl}/ideas/${ideaId}`, { headers })).body
          .idea.promotions[0]?.resultId,
    ),
  );
}
