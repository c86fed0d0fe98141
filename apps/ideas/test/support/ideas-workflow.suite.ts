import { Bus, busFromUrl, Delivery } from '@bildungsregion/bus';
import {
  AssessmentChanged,
  GoalDrafted,
  IntegrationEvent,
  MeasurePlanned,
  ThresholdBreached,
  Topics,
} from '@bildungsregion/contracts';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { startIdeas } from './ideas-test-app';

const QUAKENBRUECK = '03459030';

interface IdeaView {
  readonly idea: {
    status: string;
    bundledInto?: string;
    coAuthors: { id: string }[];
    evaluation: { evaluations: { evaluatorId: string }[] } | null;
    decision: { outcome: string } | null;
    promotions: { promotionId: string; target: string; resultId?: string }[];
    splitFrom?: { ideaId: string; carries: string };
  };
  readonly evaluationSummary: {
    assigned: number;
    submitted: number;
    weightedMean: number | null;
    spread: { lowest: number; highest: number } | null;
  } | null;
  readonly endorsementTotal: number;
}

/** Bundles, splits, evaluation, decisions, promotions and calls, end to end on the environment's components. */
export function ideasWorkflowSuite(environment: () => Environment): void {
  let service: TestApp;
  let auth: Tokens;
  let vhs: string;
  let stadt: string;
  let kita: string;
  let schulamt: string;
  let jugendamt: string;
  let bus: Bus;
  const received: Delivery[] = [];

  beforeAll(async () => {
    service = await startIdeas(environment());
    auth = await tokens();
    [vhs, stadt, kita, schulamt, jugendamt] = await Promise.all(
      ['vhs-osnabruecker-land', 'stadt-bramsche', 'kita-traeger-verbund', 'schulamt', 'jugendamt'].map((id) =>
        auth.actor(id),
      ),
    );
    bus = busFromUrl(service.config.busUrl, {
      topicNamespace: service.config.topicNamespace,
      clientId: 'upstream-stand-in',
    });
    await bus.ensureTopics([Topics.monitoring, Topics.goals, Topics.ideas, Topics.planning]);
    await bus.subscribe({
      groupId: `ideas-workflow-test-${randomUUID()}`,
      topics: [Topics.ideas],
      handler: async (delivery) => void received.push(delivery),
    });
  });

  afterAll(async () => {
    await bus?.close();
    await service?.close();
  });

  const http = () => service.http();
  const word = () =>
    `Vorhaben${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 8)}`;
  const content = (title: string) => ({
    title,
    description: `${title}: Jugendliche aus dem Nordkreis finden leichter einen Ausbildungsplatz.`,
    stages: ['berufliche-bildung'],
    regionKeys: [QUAKENBRUECK],
  });
  const submit = async (token: string, title: string, extra: object = {}) =>
    (
      (
        await http()
          .post('/ideas')
          .set(bearer(token))
          .send({ ...content(title), ...extra })
          .expect(201)
      ).body as {
        ideaId: string;
      }
    ).ideaId;
  const view = async (ideaId: string, token = auth.coordinator) =>
    (await http().get(`/ideas/${ideaId}`).set(bearer(token)).expect(200)).body as IdeaView;
  const listed = async (query: Record<string, string>) =>
    (
      await http()
        .get('/ideas')
        .query({ limit: 200, ...query })
        .set(bearer(auth.coordinator))
        .expect(200)
    ).body.items as { id: string; endorsementTotal: number; status: string; evaluation: { state: string } }[];
  const bundle = (sourceIds: string[], title: string) =>
    http()
      .post('/bundles')
      .set(bearer(auth.coordinator))
      .send({ ...content(title), sourceIds, reason: 'Gleiches Anliegen: Ausbildung im Nordkreis.' });
  const scores = (score: number) =>
    ['wirkung', 'umsetzbarkeit', 'kosten', 'zielbeitrag'].map((criterionKey) => ({
      criterionKey,
      score,
      justification: `Begründung für ${criterionKey}.`,
    }));

  describe('bundles and splits', () => {
    it('merges ideas into a bundle that keeps their authors and counts their endorsements, and undoes the merge', async () => {
      const w = word();
      const messe = await submit(vhs, `Ausbildungsmesse ${w}`);
      const wohnheim = await submit(stadt, `Azubi-Wohnheim ${w}`);
      await http().post(`/ideas/${messe}/endorsements`).set(bearer(kita)).send({}).expect(200);

      await http().post('/bundles').set(bearer(vhs)).send({}).expect(403);
      const formed = await bundle([messe, wohnheim], `Ausbildung im Nordkreis ${w}`).expect(201);
      const bundleId = formed.body.ideaId as string;
      expect(formed.headers['location']).toBe(`/ideas/${bundleId}`);

      const merged = await view(bundleId);
      expect(merged.idea.coAuthors.map((author) => author.id).sort()).toEqual([
        'stadt-bramsche',
        'vhs-osnabruecker-land',
      ]);
      expect(merged.endorsementTotal).toBe(1);
      expect((await view(messe)).idea).toMatchObject({ status: 'bundled', bundledInto: bundleId });
      await eventually(
        async () => (await listed({ text: w })).find((row) => row.id === bundleId)?.endorsementTotal === 1,
        15_000,
      );

      // Co-authors neither endorse nor evaluate their own bundle; a bundled idea takes no further work.
      await http().post(`/ideas/${bundleId}/endorsements`).set(bearer(stadt)).send({}).expect(422);
      const refused = await http()
        .post(`/ideas/${messe}/comments`)
        .set(bearer(kita))
        .send({ text: 'Und?' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'idea-bundled' });
      const third = await submit(kita, `Praktikumsbörse ${w}`);
      const again = await bundle([messe, third], `Noch ein Bündel ${w}`).expect(409);
      expect(again.body.detail).toContain(messe);
      expect((await view(third)).idea.status).toBe('submitted');

      const lineage = (await http().get(`/ideas/${messe}/lineage`).set(bearer(vhs)).expect(200)).body;
      expect(lineage.edges).toEqual(
        expect.arrayContaining([
          { from: messe, to: bundleId, kind: 'merged' },
          { from: wohnheim, to: bundleId, kind: 'merged' },
        ]),
      );

      await http().post(`/bundles/${bundleId}/undo`).set(bearer(auth.coordinator)).send({ reason: '' }).expect(400);
      await http()
        .post(`/bundles/${bundleId}/undo`)
        .set(bearer(auth.coordinator))
        .send({ reason: 'Doch zwei verschiedene Vorhaben.' })
        .expect(200);
      expect((await view(bundleId)).idea.status).toBe('dissolved');
      expect((await view(messe)).idea.status).toBe('submitted');
      const undone = (await http().get(`/ideas/${bundleId}/lineage`).set(bearer(vhs)).expect(200)).body;
      expect(undone.edges).toContainEqual({ from: messe, to: bundleId, kind: 'merged', undone: true });
    });

    it('splits a bundle into ideas that each carry a part and keep its authors', async () => {
      const w = word();
      const bundleId = (
        await bundle([await submit(vhs, `Messe ${w}`), await submit(stadt, `Wohnheim ${w}`)], `Bündel ${w}`).expect(201)
      ).body.ideaId as string;
      const parts = [
        { ...content(`Messe allein ${w}`), carries: 'die Ausbildungsmesse' },
        { ...content(`Wohnheim allein ${w}`), carries: 'das Wohnheim' },
      ];
      await http()
        .post(`/ideas/${bundleId}/split`)
        .set(bearer(auth.coordinator))
        .send({ reason: 'Zwei Träger.', parts: [parts[0]] })
        .expect(400);
      const split = await http()
        .post(`/ideas/${bundleId}/split`)
        .set(bearer(auth.coordinator))
        .send({ reason: 'Zwei Träger, zwei Zeitpläne.', parts })
        .expect(201);
      const partIds = split.body.partIds as string[];
      expect(partIds).toHaveLength(2);
      expect((await view(bundleId)).idea.status).toBe('split');
      const part = await view(partIds[1] as string);
      expect(part.idea.splitFrom).toEqual({ ideaId: bundleId, carries: 'das Wohnheim' });
      expect(part.idea.coAuthors.map((author) => author.id).sort()).toEqual([
        'stadt-bramsche',
        'vhs-osnabruecker-land',
      ]);
      const lineage = (await http().get(`/ideas/${partIds[0]}/lineage`).set(bearer(auth.auditor)).expect(200)).body;
      expect(lineage.nodes).toHaveLength(5);
      expect(lineage.edges).toContainEqual({
        from: bundleId,
        to: partIds[0],
        kind: 'split',
        carries: 'die Ausbildungsmesse',
      });
    });
  });

  describe('evaluation, decision and promotion', () => {
    it('assigns evaluators without conflicts, scores every criterion with a reason, and summarises the spread', async () => {
      const ideaId = await submit(vhs, `Berufsorientierung ${word()}`);
      const criteria = (await http().get('/criteria').set(bearer(schulamt)).expect(200)).body;
      expect(criteria.scale).toEqual({ min: 1, max: 5 });
      expect(criteria.criteria.map((criterion: { label: string }) => criterion.label)).toEqual([
        'Wirkung',
        'Umsetzbarkeit',
        'Kosten',
        'Beitrag zu vereinbarten Zielen',
      ]);

      const conflict = await http()
        .post(`/ideas/${ideaId}/evaluators`)
        .set(bearer(auth.coordinator))
        .send({ evaluators: [{ id: 'vhs-osnabruecker-land', kind: 'actor' }] })
        .expect(422);
      expect(conflict.body).toMatchObject({ code: 'evaluator-conflict' });
      await http()
        .post(`/ideas/${ideaId}/evaluators`)
        .set(bearer(schulamt))
        .send({ evaluators: [{ id: 'schulamt', kind: 'actor' }] })
        .expect(403);
      await http()
        .post(`/ideas/${ideaId}/evaluators`)
        .set(bearer(auth.coordinator))
        .send({
          evaluators: [
            { id: 'schulamt', kind: 'actor' },
            { id: 'jugendamt', kind: 'actor' },
          ],
        })
        .expect(200);
      await eventually(async () => (await listed({ evaluator: 'schulamt' })).some((row) => row.id === ideaId), 15_000);

      await http()
        .post(`/ideas/${ideaId}/evaluations`)
        .set(bearer(kita))
        .send({ scores: scores(3) })
        .expect(422);
      const incomplete = await http()
        .post(`/ideas/${ideaId}/evaluations`)
        .set(bearer(schulamt))
        .send({ scores: scores(4).slice(1) })
        .expect(422);
      expect(incomplete.body.detail).toContain('Wirkung');
      await http()
        .post(`/ideas/${ideaId}/evaluations`)
        .set(bearer(schulamt))
        .send({ scores: scores(4).map((score) => ({ ...score, score: 6 })) })
        .expect(400);
      await http()
        .post(`/ideas/${ideaId}/evaluations`)
        .set(bearer(schulamt))
        .send({ scores: scores(4) })
        .expect(200);
      await eventually(async () => (await listed({ evaluation: 'pending' })).some((row) => row.id === ideaId), 15_000);
      expect((await view(ideaId)).evaluationSummary).toMatchObject({ assigned: 2, submitted: 1 });

      await http()
        .post(`/ideas/${ideaId}/evaluations`)
        .set(bearer(jugendamt))
        .send({ scores: scores(2) })
        .expect(200);
      const evaluated = await view(ideaId);
      expect(evaluated.evaluationSummary).toEqual({
        assigned: 2,
        submitted: 2,
        weightedMean: 3,
        spread: { lowest: 2, highest: 4 },
      });
      expect(evaluated.idea.evaluation?.evaluations).toHaveLength(2);
      // Evaluators score independently: an actor sees only its own evaluation.
      const ownOnly = await view(ideaId, schulamt);
      expect(ownOnly.idea.evaluation?.evaluations.map((entry) => entry.evaluatorId)).toEqual(['schulamt']);
      await eventually(async () => (await listed({ evaluation: 'complete' })).some((row) => row.id === ideaId), 15_000);
      const row = (await listed({ evaluation: 'complete' })).find((candidate) => candidate.id === ideaId);
      expect(row).toMatchObject({ evaluation: { state: 'complete', assigned: 2, submitted: 2, weightedMean: 3 } });
      expect(row).not.toHaveProperty('evaluationBasis');
    });

    it('decides with an authority, promotes an accepted idea once, and shows the goal that goals drafted', async () => {
      const ideaId = await submit(vhs, `Ausbildungslotsen ${word()}`);
      await http()
        .post(`/ideas/${ideaId}/promotion`)
        .set(bearer(auth.coordinator))
        .send({ target: 'goal' })
        .expect(409);
      const noReason = await http()
        .post(`/ideas/${ideaId}/decision`)
        .set(bearer(auth.coordinator))
        .send({ outcome: 'rejected', authority: 'Steuergruppe' })
        .expect(422);
      expect(noReason.body).toMatchObject({ code: 'reason-required' });
      await http()
        .post(`/ideas/${ideaId}/decision`)
        .set(bearer(vhs))
        .send({ outcome: 'accepted', authority: 'Steuergruppe' })
        .expect(403);
      await http()
        .post(`/ideas/${ideaId}/decision`)
        .set(bearer(auth.coordinator))
        .send({ outcome: 'accepted', authority: 'Steuergruppe Bildungsregion, Sitzung 2026/4' })
        .expect(200);
      const promoted = await http()
        .post(`/ideas/${ideaId}/promotion`)
        .set(bearer(auth.coordinator))
        .send({ target: 'goal' })
        .expect(200);
      const { promotionId } = promoted.body as { promotionId: string };
      const twice = await http()
        .post(`/ideas/${ideaId}/promotion`)
        .set(bearer(auth.coordinator))
        .send({ target: 'goal' })
        .expect(409);
      expect(twice.body).toMatchObject({ code: 'already-promoted' });

      const mine = () => received.filter((delivery) => delivery.event.subject === `idea-${ideaId}`);
      await eventually(
        () => mine().some((delivery) => delivery.event.type === 'bildung.ideas.idea-promoted.v1'),
        30_000,
        () => JSON.stringify(mine().map((delivery) => delivery.event.type)),
      );
      expect(mine().map((delivery) => delivery.event.type)).toEqual([
        'bildung.ideas.idea-submitted.v1',
        'bildung.ideas.idea-decided.v1',
        'bildung.ideas.idea-promoted.v1',
      ]);
      expect(mine()[2]?.event.data).toMatchObject({
        ideaId,
        promotionId,
        target: 'goal',
        stages: ['berufliche-bildung'],
        description: expect.stringContaining('Ausbildungsplatz'),
      });

      const goalId = randomUUID();
      const drafted = (): IntegrationEvent => ({
        id: randomUUID(),
        type: GoalDrafted.type,
        source: 'goals',
        subject: `goal-${goalId}`,
        time: new Date().toISOString(),
        correlationId: randomUUID(),
        data: {
          goalId,
          title: 'Ausbildungslotsen',
          stage: 'berufliche-bildung',
          regionKeys: [],
          origin: { ideaId, promotionId },
        },
      });
      await bus.publish([drafted(), drafted()].map((event) => ({ topic: Topics.goals, event })));
      await eventually(async () => (await view(ideaId)).idea.promotions[0]?.resultId === goalId, 15_000);
      const history = await http().get(`/ideas/${ideaId}/history`).set(bearer(auth.auditor)).expect(200);
      expect(history.body.items.filter((entry: { type: string }) => entry.type === 'PromotionRealised')).toHaveLength(
        1,
      );

      const toMeasure = await http()
        .post(`/ideas/${ideaId}/promotion`)
        .set(bearer(auth.coordinator))
        .send({ target: 'measure' })
        .expect(200);
      const measureId = randomUUID();
      const planned: IntegrationEvent = {
        id: randomUUID(),
        type: MeasurePlanned.type,
        source: 'planning',
        subject: `measure-${measureId}`,
        time: new Date().toISOString(),
        correlationId: randomUUID(),
        data: {
          measureId,
          title: 'Ausbildungslotsen',
          regionKey: QUAKENBRUECK,
          goalIds: [],
          origin: { ideaId, promotionId: toMeasure.body.promotionId },
        },
      };
      await bus.publish([{ topic: Topics.planning, event: planned }]);
      await eventually(async () => {
        const promotions = (await view(ideaId)).idea.promotions as { target: string; resultId: string | null }[];
        return promotions.find((promotion) => promotion.target === 'measure')?.resultId === measureId;
      }, 15_000);
    });
  });

  describe('calls for ideas', () => {
    it('takes ideas while open, lists them with the call, and refuses them once closed', async () => {
      const theme = `Übergang Schule – Beruf ${word()}`;
      const drafted = await http()
        .post('/calls')
        .set(bearer(auth.coordinator))
        .send({ theme, description: 'Ideen gesucht.', stages: ['berufliche-bildung'], regionKeys: [QUAKENBRUECK] })
        .expect(201);
      const callId = drafted.body.callId as string;
      await http().post('/calls').set(bearer(vhs)).send({ theme, description: 'x' }).expect(403);
      const notOpen = await http()
        .post('/ideas')
        .set(bearer(vhs))
        .send({ ...content(`Zu früh ${word()}`), callId })
        .expect(422);
      expect(notOpen.body).toMatchObject({ code: 'call-not-accepting' });
      await http()
        .post(`/calls/${callId}/opening`)
        .set(bearer(auth.coordinator))
        .send({ closesOn: '2020-01-01' })
        .expect(422);
      await http()
        .post(`/calls/${callId}/opening`)
        .set(bearer(auth.coordinator))
        .send({ closesOn: '2099-12-31' })
        .expect(200);
      const ideaId = await submit(vhs, `Antwort auf den Aufruf ${word()}`, { callId });
      await eventually(async () => (await listed({ callId })).map((row) => row.id).includes(ideaId), 15_000);
      const call = (await http().get(`/calls/${callId}`).set(bearer(vhs)).expect(200)).body;
      expect(call).toMatchObject({ call: { status: 'open', period: { closesOn: '2099-12-31' } }, ideaCount: 1 });
      await http().post(`/calls/${callId}/closing`).set(bearer(auth.coordinator)).send({}).expect(200);
      await http()
        .post('/ideas')
        .set(bearer(vhs))
        .send({ ...content(`Zu spät ${word()}`), callId })
        .expect(422);
      await eventually(
        async () =>
          (await http().get('/calls').query({ status: 'closed' }).set(bearer(vhs)).expect(200)).body.items.some(
            (item: { id: string }) => item.id === callId,
          ),
        15_000,
      );
    });

    it('drafts one call per threshold breach and per goal turning at risk, with its cause, never twice', async () => {
      const indicatorKey = `schulabgaenger-ohne-abschluss-${randomUUID().slice(0, 6)}`;
      const breach = (): IntegrationEvent => ({
        id: randomUUID(),
        type: ThresholdBreached.type,
        source: 'monitoring',
        subject: `indicator-${indicatorKey}`,
        time: new Date().toISOString(),
        correlationId: randomUUID(),
        data: {
          measurementId: randomUUID(),
          indicatorKey,
          regionKey: QUAKENBRUECK,
          period: '2025/26',
          value: 9.5,
          threshold: 8,
          preferredDirection: 'lower',
        },
      });
      const goalId = randomUUID();
      const assessment = (to: string): IntegrationEvent => ({
        id: randomUUID(),
        type: AssessmentChanged.type,
        source: 'goals',
        subject: `goal-${goalId}`,
        time: new Date().toISOString(),
        correlationId: randomUUID(),
        data: { goalId, from: 'on-track', to, asOf: '2026-10-01' },
      });
      const atRisk = assessment('at-risk');
      await bus.publish([
        { topic: Topics.monitoring, event: breach() },
        { topic: Topics.monitoring, event: breach() },
        { topic: Topics.goals, event: atRisk },
        { topic: Topics.goals, event: atRisk },
        { topic: Topics.goals, event: assessment('on-track') },
      ]);
      const drafts = async () =>
        (
          (
            await http()
              .get('/calls')
              .query({ origin: 'system', status: 'draft', limit: 200 })
              .set(bearer(auth.coordinator))
              .expect(200)
          ).body.items as { id: string; cause: { kind: string; indicatorKey?: string; goalId?: string } }[]
        ).filter((call) => call.cause.indicatorKey === indicatorKey || call.cause.goalId === goalId);
      await eventually(async () => (await drafts()).length === 2, 20_000);
      const marker = assessment('off-track');
      await bus.publish([{ topic: Topics.goals, event: marker }]);
      await eventually(async () => (await drafts()).length === 3, 20_000);
      const causes = (await drafts()).map((call) => call.cause);
      expect(causes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'threshold-breach',
            indicatorKey,
            regionKey: QUAKENBRUECK,
            period: '2025/26',
          }),
          expect.objectContaining({ kind: 'goal-assessment', goalId, to: 'at-risk', eventId: atRisk.id }),
          expect.objectContaining({ kind: 'goal-assessment', goalId, to: 'off-track', eventId: marker.id }),
        ]),
      );
      const breachCall = (await drafts()).find((call) => call.cause.kind === 'threshold-breach') as { id: string };
      const history = (await http().get(`/calls/${breachCall.id}/history`).set(bearer(auth.auditor)).expect(200)).body;
      expect(history.items[0]).toMatchObject({ type: 'CallDrafted', actor: { id: 'ideas.upstream-consumer' } });
      // A drafted call has no Bildungsbereich yet; the coordinator names one before opening it.
      const opening = await http()
        .post(`/calls/${breachCall.id}/opening`)
        .set(bearer(auth.coordinator))
        .send({ closesOn: '2099-12-31' })
        .expect(422);
      expect(opening.body).toMatchObject({ code: 'stage-required' });
    });
  });
}
