import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ideasApi, ResponseJson, unwrap } from '../api/client';
import type { operations, paths } from '../api/generated/ideas';

type Json<Operation extends keyof operations, Status extends number = 200> = ResponseJson<
  operations,
  Operation,
  Status
>;

export type IdeaListFilters = NonNullable<operations['IdeaQueriesController_ideas']['parameters']['query']>;
export type IdeaSummary = Json<'IdeaQueriesController_ideas'>['items'][number];
export type IdeaView = Json<'IdeaQueriesController_idea'>;
export type IdeaComment = IdeaView['idea']['comments'][number];
export type SimilarIdea = Json<'IdeaQueriesController_similarTo'>['items'][number];
export type SubmitIdeaBody = paths['/ideas']['post']['requestBody']['content']['application/json'];
export type ReviseIdeaBody = paths['/ideas/{id}/revisions']['post']['requestBody']['content']['application/json'];
export type WithdrawIdeaBody = paths['/ideas/{id}/withdrawal']['post']['requestBody']['content']['application/json'];
export type IdeaStatus = IdeaSummary['status'];
/** The JSON page of the history route (the same route also answers CSV). */
export type IdeaHistoryPage = paths['/ideas/{id}/history']['get']['responses'][200]['content']['application/json'];
export type WithdrawalReason = WithdrawIdeaBody['reason'];
type Body<Path extends keyof paths> = paths[Path] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type DecisionBody = Body<'/ideas/{id}/decision'>;
export type EvaluationBody = Body<'/ideas/{id}/evaluations'>;
export type Evaluator = Body<'/ideas/{id}/evaluators'>['evaluators'][number];
export type BundleBody = Body<'/bundles'>;
export type Lineage = Json<'IdeaQueriesController_lineage'>;
export type CallSummary = Json<'CallQueriesController_calls'>['items'][number];
export type CallView = Json<'CallQueriesController_call'>;

export const IDEA_STATUSES = [
  'submitted',
  'withdrawn',
  'bundled',
  'split',
  'dissolved',
] as const satisfies readonly IdeaStatus[];
export const WITHDRAWAL_REASONS = [
  'duplicate',
  'under-way',
  'not-feasible',
  'done',
  'other',
] as const satisfies readonly WithdrawalReason[];
/** The similarity search reads the start of a description; the service refuses more in its address. */
export const SIMILAR_DESCRIPTION_MAX = 1_000;
/** A comment's author may change it this long after posting; the service decides, the screen only offers. */
export const COMMENT_EDIT_MINUTES = 15;

export const ideaKeys = {
  all: ['ideas'] as const,
  list: (filters: IdeaListFilters) => ['ideas', 'list', filters] as const,
  idea: (id: string) => ['ideas', 'idea', id] as const,
  history: (id: string) => ['ideas', 'history', id] as const,
  similar: (text: { title: string; description: string; excluding?: string }) => ['ideas', 'similar', text] as const,
  duplicates: ['ideas', 'duplicates'] as const,
  lineage: (id: string) => ['ideas', 'lineage', id] as const,
  criteria: ['ideas', 'criteria'] as const,
  calls: (filters: object) => ['ideas', 'calls', filters] as const,
  call: (id: string) => ['ideas', 'call', id] as const,
};

export function useLineage(id: string) {
  return useQuery({
    queryKey: ideaKeys.lineage(id),
    queryFn: () => unwrap(ideasApi.GET('/ideas/{id}/lineage', { params: { path: { id } } })),
  });
}

export function useCriteria() {
  return useQuery({
    queryKey: ideaKeys.criteria,
    queryFn: () => unwrap(ideasApi.GET('/criteria')),
    staleTime: Infinity,
  });
}

export function useCalls(filters: { status?: 'draft' | 'open' | 'closed'; origin?: 'system' | 'office' }) {
  return useQuery({
    queryKey: ideaKeys.calls(filters),
    queryFn: () => unwrap(ideasApi.GET('/calls', { params: { query: { ...filters, limit: 100 } } })),
  });
}

export function useCall(id: string) {
  return useQuery({
    queryKey: ideaKeys.call(id),
    queryFn: () => unwrap(ideasApi.GET('/calls/{id}', { params: { path: { id } } })),
  });
}

/** A call's steps: open it until a date, or close it now. */
export function useCallStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      step: { kind: 'open'; closesOn: string; stages?: readonly string[] } | { kind: 'close' },
    ): Promise<unknown> => {
      const path = { id };
      if (step.kind === 'close') return unwrap(ideasApi.POST('/calls/{id}/closing', { params: { path }, body: {} }));
      if (step.stages)
        await unwrap(
          ideasApi.POST('/calls/{id}/revisions', {
            params: { path },
            body: { stages: [...step.stages] as SubmitIdeaBody['stages'] },
          }),
        );
      return unwrap(ideasApi.POST('/calls/{id}/opening', { params: { path }, body: { closesOn: step.closesOn } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all }),
  });
}

export function useFormBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BundleBody) => unwrap(ideasApi.POST('/bundles', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all }),
  });
}

export function useIdeaList(filters: IdeaListFilters) {
  return useQuery({
    queryKey: ideaKeys.list(filters),
    queryFn: () => unwrap(ideasApi.GET('/ideas', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** How often an idea page asks again while goals or planning have yet to report what a promotion became. */
const PROMOTION_POLL_MS = 2_000;

export function useIdea(id: string) {
  return useQuery({
    queryKey: ideaKeys.idea(id),
    queryFn: () => unwrap(ideasApi.GET('/ideas/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data?.idea.promotions.some((promotion) => !promotion.resultId) ? PROMOTION_POLL_MS : false,
  });
}

/** Every recorded change of an idea, oldest first (an idea's history is short: one page of 1,000). */
export function useIdeaHistory(id: string) {
  return useQuery({
    queryKey: ideaKeys.history(id),
    queryFn: () =>
      unwrap(
        ideasApi.GET('/ideas/{id}/history', { params: { path: { id }, query: { offset: 0, limit: 1_000 } } }),
      ) as Promise<IdeaHistoryPage>,
  });
}

/** The lookup of open ideas like a text: the same for the panel while typing and the check before submitting. */
export function similarIdeasQuery(text: { title: string; description: string; excluding?: string }) {
  const query = {
    title: text.title.trim(),
    description: text.description.trim().slice(0, SIMILAR_DESCRIPTION_MAX),
    ...(text.excluding ? { excluding: text.excluding } : {}),
  };
  return {
    queryKey: ideaKeys.similar(query),
    queryFn: () => unwrap(ideasApi.GET('/ideas/similar', { params: { query: { ...query, limit: 5 } } })),
    enabled: `${query.title} ${query.description}`.trim().length >= 4,
  };
}

/** Open ideas like the text being typed; asks only once there is something to compare. */
export function useSimilarIdeas(text: { title: string; description: string; excluding?: string }) {
  return useQuery({ ...similarIdeasQuery(text), placeholderData: keepPreviousData });
}

export function useDuplicatePairs() {
  return useQuery({
    queryKey: ideaKeys.duplicates,
    queryFn: () => unwrap(ideasApi.GET('/ideas/duplicates', { params: { query: { level: 'similar', limit: 20 } } })),
  });
}

export function useSubmitIdea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitIdeaBody) => unwrap(ideasApi.POST('/ideas', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all }),
  });
}

/** The changes a person makes on an idea page; each reloads the idea (and the lists) afterwards. */
export type IdeaStep =
  | { readonly kind: 'revise'; readonly body: ReviseIdeaBody }
  | { readonly kind: 'withdraw'; readonly body: WithdrawIdeaBody }
  | { readonly kind: 'comment'; readonly text: string; readonly replyTo?: string }
  | { readonly kind: 'editComment'; readonly commentId: string; readonly text: string }
  | { readonly kind: 'endorse' }
  | { readonly kind: 'withdrawEndorsement'; readonly actorId: string }
  | { readonly kind: 'assignEvaluators'; readonly evaluators: readonly Evaluator[] }
  | { readonly kind: 'evaluate'; readonly body: EvaluationBody }
  | { readonly kind: 'decide'; readonly body: DecisionBody }
  | { readonly kind: 'promote'; readonly target: 'goal' | 'measure' };

function send(id: string, step: IdeaStep) {
  const path = { id };
  switch (step.kind) {
    case 'revise':
      return unwrap(ideasApi.POST('/ideas/{id}/revisions', { params: { path }, body: step.body }));
    case 'withdraw':
      return unwrap(ideasApi.POST('/ideas/{id}/withdrawal', { params: { path }, body: step.body }));
    case 'comment':
      return unwrap(
        ideasApi.POST('/ideas/{id}/comments', {
          params: { path },
          body: { text: step.text, ...(step.replyTo ? { replyTo: step.replyTo } : {}) },
        }),
      );
    case 'editComment':
      return unwrap(
        ideasApi.POST('/ideas/{id}/comments/{commentId}/edits', {
          params: { path: { id, commentId: step.commentId } },
          body: { text: step.text },
        }),
      );
    case 'endorse':
      return unwrap(ideasApi.POST('/ideas/{id}/endorsements', { params: { path }, body: {} }));
    case 'withdrawEndorsement':
      return unwrap(
        ideasApi.DELETE('/ideas/{id}/endorsements/{actorId}', { params: { path: { id, actorId: step.actorId } } }),
      );
    case 'assignEvaluators':
      return unwrap(
        ideasApi.POST('/ideas/{id}/evaluators', { params: { path }, body: { evaluators: [...step.evaluators] } }),
      );
    case 'evaluate':
      return unwrap(ideasApi.POST('/ideas/{id}/evaluations', { params: { path }, body: step.body }));
    case 'decide':
      return unwrap(ideasApi.POST('/ideas/{id}/decision', { params: { path }, body: step.body }));
    case 'promote':
      return unwrap(ideasApi.POST('/ideas/{id}/promotion', { params: { path }, body: { target: step.target } }));
  }
}

export function useIdeaStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: IdeaStep) => send(id, step),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ideaKeys.all }),
  });
}
