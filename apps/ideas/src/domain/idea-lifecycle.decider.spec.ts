import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { DEFAULT_CRITERIA, Evaluation, summarizeEvaluation } from './evaluation';
import { IdeaContent, IdeaEvent } from './idea';
import { ideaDecider } from './idea.decider';

const decider = ideaDecider(LANDKREIS_OSNABRUECK);

const content: IdeaContent = {
  title: 'Leseförderung bündeln',
  description: 'Lesepaten und Vorlesestunden an Grundschulen aus einer Hand.',
  stages: ['allgemeinbildende-schulen'],
  regionKeys: [],
  tags: [],
};
const vhs = { id: 'vhs-osnabrueck', kind: 'actor' } as const;
const office = { id: 'koordination', kind: 'coordinator' } as const;
const submitted = (ideaId: string, submitter: { id: string; kind: 'actor' | 'coordinator' } = vhs): IdeaEvent => ({
  type: 'IdeaSubmitted',
  data: { ideaId, content, submitter },
});
const bundleFormed: IdeaEvent = {
  type: 'BundleFormed',
  data: {
    ideaId: 'b1',
    content,
    submitter: office,
    sourceIds: ['i1', 'i2'],
    reason: 'Gleiches Anliegen',
    coAuthors: [vhs, { id: 'stadt-bramsche', kind: 'actor' }],
  },
};
const evaluator = { id: 'schulamt', kind: 'actor' } as const;
const assigned: IdeaEvent = {
  type: 'EvaluatorsAssigned',
  data: { evaluators: [evaluator, { id: 'koordination-2', kind: 'coordinator' }], criteria: DEFAULT_CRITERIA },
};
const scores = (score: number) =>
  DEFAULT_CRITERIA.map((criterion) => ({ criterionKey: criterion.key, score, justification: 'Begründet.' }));
const evaluation = (evaluatorId: string, score: number): Evaluation => ({
  evaluatorId,
  scores: scores(score),
  submittedAt: '2026-11-27T10:00:00.000Z',
});
const accepted: IdeaEvent = {
  type: 'IdeaDecided',
  data: { outcome: 'accepted', authority: 'Steuergruppe', reason: '' },
};

describe('bundling ideas', () => {
  it('forms a bundle whose co-authors are the authors of its sources, once each', () => {
    const formed = given(decider).when({
      type: 'FormBundle',
      ideaId: 'b1',
      content,
      submitter: office,
      reason: 'Gleiches Anliegen',
      sources: [
        { ideaId: 'i1', submitter: vhs, coAuthors: [] },
        { ideaId: 'i2', submitter: { id: 'stadt-bramsche', kind: 'actor' }, coAuthors: [vhs] },
      ],
    });
    formed.then([bundleFormed]);
    expect(formed.state.bundle?.sourceIds).toEqual(['i1', 'i2']);
  });

  it.each([
    ['bundle-too-small', [{ ideaId: 'i1', submitter: vhs, coAuthors: [] }], 'Grund'],
    [
      'bundle-source-duplicate',
      [
        { ideaId: 'i1', submitter: vhs, coAuthors: [] },
        { ideaId: 'i1', submitter: vhs, coAuthors: [] },
      ],
      'Grund',
    ],
    [
      'reason-required',
      [
        { ideaId: 'i1', submitter: vhs, coAuthors: [] },
        { ideaId: 'i2', submitter: vhs, coAuthors: [] },
      ],
      ' ',
    ],
  ] as const)('refuses a bundle that breaks a rule: %s', (code, sources, reason) => {
    given(decider)
      .when({ type: 'FormBundle', ideaId: 'b1', content, submitter: office, sources, reason })
      .thenRejects('rule-violation', code);
  });

  it('marks a source as merged, idempotently, and refuses work on it afterwards', () => {
    const joined = given(decider, [submitted('i1')]).when({ type: 'JoinBundle', bundleId: 'b1' });
    joined.then([{ type: 'IdeaBundled', data: { bundleId: 'b1' } }]);
    expect(joined.state.status).toBe('bundled');
    const bundledSource = [submitted('i1'), { type: 'IdeaBundled', data: { bundleId: 'b1' } } as IdeaEvent];
    given(decider, bundledSource).when({ type: 'JoinBundle', bundleId: 'b1' }).then([]);
    given(decider, bundledSource)
      .when({ type: 'JoinBundle', bundleId: 'b2' })
      .thenRejects('invalid-transition', 'idea-bundled');
    given(decider, bundledSource)
      .when({ type: 'ReviseIdea', changes: { title: 'Neu' } })
      .thenRejects('invalid-transition', 'idea-bundled');
    given(decider, [submitted('i1'), accepted])
      .when({ type: 'JoinBundle', bundleId: 'b1' })
      .thenRejects('invalid-transition', 'idea-decided');
  });

  it('undoes a merge with a reason and frees the sources', () => {
    given(decider, [bundleFormed])
      .when({ type: 'UndoBundle', reason: 'Doch verschieden' })
      .then([{ type: 'BundleUndone', data: { reason: 'Doch verschieden', sourceIds: ['i1', 'i2'] } }]);
    given(decider, [bundleFormed])
      .when({ type: 'UndoBundle', reason: '' })
      .thenRejects('rule-violation', 'reason-required');
    given(decider, [submitted('i1')])
      .when({ type: 'UndoBundle', reason: 'x' })
      .thenRejects('rule-violation', 'not-a-bundle');
    given(decider, [bundleFormed, { type: 'BundleUndone', data: { reason: 'x', sourceIds: ['i1', 'i2'] } }])
      .when({ type: 'UndoBundle', reason: 'x' })
      .thenRejects('invalid-transition', 'bundle-dissolved');
    const left = given(decider, [submitted('i1'), { type: 'IdeaBundled', data: { bundleId: 'b1' } }]).when({
      type: 'LeaveBundle',
      bundleId: 'b1',
    });
    left.then([{ type: 'IdeaUnbundled', data: { bundleId: 'b1' } }]);
    expect(left.state.status).toBe('submitted');
    given(decider, [submitted('i1')])
      .when({ type: 'LeaveBundle', bundleId: 'b1' })
      .then([]);
  });

  it('counts a co-author of a bundle as an author: it does not endorse or evaluate the bundle', () => {
    given(decider, [bundleFormed])
      .when({ type: 'EndorseIdea', actorId: 'stadt-bramsche' })
      .thenRejects('rule-violation', 'own-idea');
    given(decider, [bundleFormed])
      .when({
        type: 'AssignEvaluators',
        evaluators: [{ id: 'stadt-bramsche', kind: 'actor' }],
        criteria: DEFAULT_CRITERIA,
      })
      .thenRejects('rule-violation', 'evaluator-conflict');
  });
});

describe('splitting an idea', () => {
  const parts = [
    { ideaId: 'p1', carries: 'Lesepaten' },
    { ideaId: 'p2', carries: 'Vorlesestunden' },
  ];
  it('records the parts and what each carries, and closes the idea', () => {
    const split = given(decider, [bundleFormed]).when({ type: 'SplitIdea', parts, reason: 'Zwei Träger' });
    split.then([{ type: 'IdeaSplit', data: { parts, reason: 'Zwei Träger' } }]);
    expect(split.state.status).toBe('split');
  });

  it.each([
    ['split-too-small', [parts[0]], 'Grund'],
    ['carries-required', [parts[0], { ideaId: 'p2', carries: ' ' }], 'Grund'],
    ['split-part-duplicate', [parts[0], { ideaId: 'p1', carries: 'x' }], 'Grund'],
    ['split-part-duplicate', [parts[0], { ideaId: 'b1', carries: 'x' }], 'Grund'],
    ['reason-required', parts, ''],
  ] as const)('refuses a split that breaks a rule: %s', (code, splitParts, reason) => {
    given(decider, [bundleFormed])
      .when({ type: 'SplitIdea', parts: splitParts, reason })
      .thenRejects('rule-violation', code);
  });

  it('submits a part with its origin and the co-authors of the idea it came from', () => {
    const part = given(decider).when({
      type: 'SubmitIdea',
      ideaId: 'p1',
      content,
      submitter: office,
      splitFrom: { ideaId: 'b1', carries: 'Lesepaten' },
      coAuthors: [vhs],
    });
    expect(part.state.splitFrom).toEqual({ ideaId: 'b1', carries: 'Lesepaten' });
    expect(part.state.coAuthors).toEqual([vhs]);
  });
});

describe('evaluating an idea', () => {
  it('assigns evaluators once each with the criteria, and refuses the submitting organisation', () => {
    given(decider, [submitted('i1')])
      .when({
        type: 'AssignEvaluators',
        evaluators: [evaluator, { id: 'koordination-2', kind: 'coordinator' }],
        criteria: DEFAULT_CRITERIA,
      })
      .then([assigned]);
    given(decider, [submitted('i1')])
      .when({ type: 'AssignEvaluators', evaluators: [vhs], criteria: DEFAULT_CRITERIA })
      .thenRejects('rule-violation', 'evaluator-conflict');
    given(decider, [submitted('i1'), assigned])
      .when({ type: 'AssignEvaluators', evaluators: [evaluator], criteria: DEFAULT_CRITERIA })
      .thenRejects('invalid-transition', 'evaluators-already-assigned');
    given(decider, [submitted('i1')])
      .when({ type: 'AssignEvaluators', evaluators: [evaluator, evaluator], criteria: DEFAULT_CRITERIA })
      .thenRejects('rule-violation', 'evaluator-duplicate');
    given(decider, [submitted('i1')])
      .when({ type: 'AssignEvaluators', evaluators: [], criteria: DEFAULT_CRITERIA })
      .thenRejects('rule-violation', 'evaluator-required');
  });

  it('keeps the criteria fixed once evaluation started, and freezes the text', () => {
    const added = given(decider, [submitted('i1'), assigned]).when({
      type: 'AssignEvaluators',
      evaluators: [{ id: 'jugendamt', kind: 'actor' }],
      criteria: [{ key: 'anders', label: 'Anders', weight: 1 }],
    });
    expect(added.state.evaluation?.criteria).toEqual(DEFAULT_CRITERIA);
    expect(added.state.evaluation?.evaluators).toHaveLength(3);
    given(decider, [submitted('i1'), assigned])
      .when({ type: 'ReviseIdea', changes: { title: 'Neu' } })
      .thenRejects('invalid-transition', 'evaluation-started');
  });

  it('records a complete, justified evaluation of an assigned evaluator, the latest one counting', () => {
    const first = given(decider, [submitted('i1'), assigned]).when({
      type: 'SubmitEvaluation',
      ...evaluation('schulamt', 4),
    });
    first.then([{ type: 'EvaluationSubmitted', data: evaluation('schulamt', 4) }]);
    const again = given(decider, [
      submitted('i1'),
      assigned,
      { type: 'EvaluationSubmitted', data: evaluation('schulamt', 4) },
    ]).when({ type: 'SubmitEvaluation', ...evaluation('schulamt', 2) });
    expect(again.state.evaluation?.evaluations).toEqual([evaluation('schulamt', 2)]);
  });

  it.each([
    ['not-an-evaluator', { ...evaluation('jugendamt', 3) }],
    ['criterion-not-scored', { ...evaluation('schulamt', 3), scores: scores(3).slice(1) }],
    [
      'criterion-unknown',
      { ...evaluation('schulamt', 3), scores: [...scores(3), { criterionKey: 'x', score: 3, justification: 'j' }] },
    ],
    ['criterion-scored-twice', { ...evaluation('schulamt', 3), scores: [...scores(3), scores(3)[0]] }],
    ['score-out-of-scale', evaluation('schulamt', 6)],
    ['score-out-of-scale', evaluation('schulamt', 2.5)],
    [
      'justification-required',
      { ...evaluation('schulamt', 3), scores: scores(3).map((score) => ({ ...score, justification: ' ' })) },
    ],
  ] as const)('refuses an evaluation that breaks a rule: %s', (code, submittedEvaluation) => {
    given(decider, [submitted('i1'), assigned])
      .when({ type: 'SubmitEvaluation', ...(submittedEvaluation as Evaluation) })
      .thenRejects('rule-violation', code);
  });

  it('summarises progress, the weighted mean and the spread', () => {
    const criteria = [
      { key: 'a', label: 'A', weight: 3 },
      { key: 'b', label: 'B', weight: 1 },
    ];
    const of = (evaluatorId: string, a: number, b: number): Evaluation => ({
      evaluatorId,
      submittedAt: '',
      scores: [
        { criterionKey: 'a', score: a, justification: 'j' },
        { criterionKey: 'b', score: b, justification: 'j' },
      ],
    });
    // (3×5 + 1×1) ÷ 4 = 4; (3×2 + 1×2) ÷ 4 = 2
    expect(summarizeEvaluation(criteria, 4, [of('x', 5, 1), of('y', 2, 2)])).toEqual({
      assigned: 4,
      submitted: 2,
      weightedMean: 3,
      spread: { lowest: 2, highest: 4 },
    });
    expect(summarizeEvaluation(criteria, 2, [])).toEqual({
      assigned: 2,
      submitted: 0,
      weightedMean: null,
      spread: null,
    });
  });
});

describe('deciding on and promoting an idea', () => {
  it('records a decision with its authority; a rejection needs a reason', () => {
    given(decider, [submitted('i1')])
      .when({ type: 'DecideIdea', outcome: 'accepted', authority: 'Steuergruppe', reason: '' })
      .then([accepted]);
    given(decider, [submitted('i1')])
      .when({ type: 'DecideIdea', outcome: 'rejected', authority: 'Steuergruppe', reason: ' ' })
      .thenRejects('rule-violation', 'reason-required');
    given(decider, [submitted('i1')])
      .when({ type: 'DecideIdea', outcome: 'parked', authority: '', reason: '' })
      .thenRejects('rule-violation', 'authority-required');
    given(decider, [submitted('i1'), accepted])
      .when({ type: 'DecideIdea', outcome: 'accepted', authority: 'Kreistag', reason: '' })
      .thenRejects('invalid-transition', 'already-decided');
  });

  it('closes evaluation once decided, and reopens it while parked', () => {
    given(decider, [submitted('i1'), assigned, accepted])
      .when({ type: 'SubmitEvaluation', ...evaluation('schulamt', 4) })
      .thenRejects('invalid-transition', 'idea-decided');
    const parked: IdeaEvent = {
      type: 'IdeaDecided',
      data: { outcome: 'parked', authority: 'Steuergruppe', reason: '' },
    };
    given(decider, [submitted('i1'), assigned, parked])
      .when({ type: 'SubmitEvaluation', ...evaluation('schulamt', 4) })
      .then([{ type: 'EvaluationSubmitted', data: evaluation('schulamt', 4) }]);
  });

  it('promotes only an accepted idea, once per target, and records what it became', () => {
    given(decider, [submitted('i1')])
      .when({ type: 'PromoteIdea', promotionId: 'pr1', target: 'goal' })
      .thenRejects('invalid-transition', 'idea-not-accepted');
    const promoted: IdeaEvent = { type: 'IdeaPromoted', data: { promotionId: 'pr1', target: 'goal', content } };
    given(decider, [submitted('i1'), accepted])
      .when({ type: 'PromoteIdea', promotionId: 'pr1', target: 'goal' })
      .then([promoted]);
    given(decider, [submitted('i1'), accepted, promoted])
      .when({ type: 'PromoteIdea', promotionId: 'pr2', target: 'goal' })
      .thenRejects('invalid-transition', 'already-promoted');
    given(decider, [submitted('i1'), accepted, promoted])
      .when({ type: 'PromoteIdea', promotionId: 'pr2', target: 'measure' })
      .then([{ type: 'IdeaPromoted', data: { promotionId: 'pr2', target: 'measure', content } }]);
    const realised = given(decider, [submitted('i1'), accepted, promoted]).when({
      type: 'RecordPromotionResult',
      promotionId: 'pr1',
      resultId: 'g1',
    });
    expect(realised.state.promotions).toEqual([{ promotionId: 'pr1', target: 'goal', resultId: 'g1' }]);
    given(decider, [
      submitted('i1'),
      accepted,
      promoted,
      { type: 'PromotionRealised', data: { promotionId: 'pr1', resultId: 'g1' } },
    ])
      .when({ type: 'RecordPromotionResult', promotionId: 'pr1', resultId: 'g1' })
      .then([]);
    given(decider, [submitted('i1'), accepted])
      .when({ type: 'RecordPromotionResult', promotionId: 'pr9', resultId: 'g1' })
      .thenRejects('invalid-transition', 'promotion-unknown');
    given(decider, [submitted('i1'), accepted, promoted])
      .when({ type: 'WithdrawIdea', withdrawal: { reason: 'done', explanation: 'x' } })
      .thenRejects('invalid-transition', 'idea-promoted');
  });
});
