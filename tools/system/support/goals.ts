import { call } from './service-process';

const BRAMSCHE = '03459014';

/** What a drafted goal differs in; the rest is a goal of Stadt Bramsche in early childhood education. */
export interface GoalDraft {
  readonly title: string;
  readonly indicator?: { readonly key: string; readonly regionKey: string };
  readonly baseline?: number;
  readonly target?: number;
  readonly dueDate?: string;
}

/** Drafts, proposes, consents to and agrees a goal through the goals API; answers its id. */
export async function agreedGoal(goalsUrl: string, headers: Record<string, string>, draft: GoalDraft): Promise<string> {
  const regionKey = draft.indicator?.regionKey ?? BRAMSCHE;
  const drafted = await call<{ goalId: string }>(`${goalsUrl}/goals`, {
    headers,
    body: {
      title: draft.title,
      description: 'Ein Ziel, das dem Bildungsmonitoring folgt.',
      stage: 'fruehkindliche-bildung',
      regionKeys: [regionKey],
      parties: [{ id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' }],
      ...(draft.indicator ? { indicator: draft.indicator } : {}),
      baseline: { value: draft.baseline ?? 30, date: '2026-01-01' },
      target: { value: draft.target ?? 40, dueDate: draft.dueDate ?? '2028-12-31' },
      unit: '%',
      direction: 'higher',
    },
  });
  if (drafted.status !== 201) throw new Error(`drafting failed: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const { goalId } = drafted.body;
  for (const [path, body] of [
    ['proposal', {}],
    ['consents', { partyId: 'stadt-bramsche' }],
    ['agreement', { authority: 'Kreisausschuss, Beschluss 2026/041', effectiveOn: '2026-01-15' }],
  ] as const) {
    const answer = await call(`${goalsUrl}/goals/${goalId}/${path}`, { headers, body });
    if (answer.status !== 200) throw new Error(`${path} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return goalId;
}
