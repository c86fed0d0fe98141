import { Bus, busFromUrl, Delivery } from '@bildungsregion/bus';
import { ActorRegistered, Topics } from '@bildungsregion/contracts';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { startIdeas } from './ideas-test-app';

const BRAMSCHE = '03459014';
const MELLE = '03459024';

interface SimilarItem {
  readonly ideaId: string;
  readonly score: number;
  readonly level: string | null;
  readonly matchedTerms: readonly string[];
}

/** The ideas HTTP API end to end, on whatever event store, bus and read models the environment names. */
export function ideasApiSuite(environment: () => Environment): void {
  let service: TestApp;
  let auth: Tokens;
  let vhs: string;
  let stadt: string;

  beforeAll(async () => {
    service = await startIdeas(environment());
    auth = await tokens();
    vhs = await auth.actor('vhs-osnabruecker-land');
    stadt = await auth.actor('stadt-bramsche');
  });

  afterAll(() => service?.close());

  const http = () => service.http();
  /** A word no other test uses, so similarity and filters see this test's ideas apart from the rest. */
  const marker = () =>
    `Projekt${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 8)}`;
  const lesepaten = (word: string) => ({
    title: `Lesepaten für Grundschulen gewinnen ${word}`,
    description: `Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal pro Woche mit Kindern, die beim Lesen Unterstützung brauchen. ${word}`,
    stages: ['allgemeinbildende-schulen'],
    regionKeys: [BRAMSCHE],
    tags: ['Lesen', 'Ehrenamt'],
  });
  const submit = async (token: string, body: object) =>
    (await http().post('/ideas').set(bearer(token)).send(body).expect(201)).body as {
      ideaId: string;
      revision: number;
      similar: SimilarItem[];
      warnings: { code: string; actorId: string }[];
    };
  const listed = (query: Record<string, string>, token = auth.coordinator) =>
    http()
      .get('/ideas')
      .query({ limit: 200, ...query })
      .set(bearer(token))
      .expect(200)
      .then((response) => (response.body.items as { id: string }[]).map((item) => item.id));

  describe('submitting and finding similar ideas', () => {
    it('answers a submission with the open ideas that read like it, never itself, with the words that matched', async () => {
      const word = marker();
      const first = await submit(vhs, lesepaten(word));
      expect(first.similar.map((item) => item.ideaId)).not.toContain(first.ideaId);
      await eventually(async () => (await listed({ text: word })).includes(first.ideaId), 15_000);
      const second = await submit(auth.coordinator, {
        title: `Ehrenamtliche Lesepatenschaften an Grundschulen ${word}`,
        description: `Wir möchten Ehrenamtliche als Lesepaten gewinnen, die wöchentlich mit leseschwachen Grundschulkindern üben. ${word}`,
        stages: ['allgemeinbildende-schulen'],
        onBehalfOf: 'stadt-bramsche',
      });
      const match = second.similar.find((item) => item.ideaId === first.ideaId);
      expect(match).toMatchObject({ level: 'likely-duplicate' });
      expect(match?.matchedTerms).toEqual(expect.arrayContaining(['ehrenamtliche', 'grundschulen', 'lesepaten']));
      expect(second.similar.map((item) => item.ideaId)).not.toContain(second.ideaId);
      const idea = await http().get(`/ideas/${second.ideaId}`).set(bearer(auth.auditor)).expect(200);
      expect(idea.body.idea).toMatchObject({
        status: 'submitted',
        submitter: { id: 'stadt-bramsche', kind: 'actor' },
        content: { regionKeys: [], tags: [] },
      });
    });

    it('answers while someone types, leaves out the idea being edited, and lists likely duplicates for coordinators', async () => {
      const word = marker();
      const { ideaId } = await submit(vhs, lesepaten(word));
      const typed = async (query: Record<string, string>) =>
        (await http().get('/ideas/similar').query(query).set(bearer(stadt)).expect(200)).body as {
          thresholds: { similar: number; likelyDuplicate: number };
          items: SimilarItem[];
        };
      await eventually(
        async () =>
          (await typed({ title: `Lesepatinnen gesucht ${word}` })).items.some((item) => item.ideaId === ideaId),
        15_000,
      );
      const whileTyping = await typed({ title: `Lesepatinnen gesucht ${word}` });
      expect(whileTyping.thresholds).toEqual({ similar: 0.18, likelyDuplicate: 0.32 });
      expect(whileTyping.items.find((item) => item.ideaId === ideaId)?.score).toBeGreaterThan(0);
      const { title, description } = lesepaten(word);
      const editing = await typed({ title, description, excluding: ideaId });
      expect(editing.items.map((item) => item.ideaId)).not.toContain(ideaId);
      expect((await typed({ title: 'und oder der' })).items).toEqual([]);

      const twin = await submit(stadt, { ...lesepaten(word), title: `Lesepaten an Grundschulen ${word}` });
      await eventually(async () => {
        const pairs = (await http().get('/ideas/duplicates').set(bearer(auth.coordinator)).expect(200)).body.items as {
          ideas: { ideaId: string }[];
        }[];
        return pairs.some((pair) => [ideaId, twin.ideaId].every((id) => pair.ideas.some((idea) => idea.ideaId === id)));
      }, 15_000);
      await http().get('/ideas/duplicates').set(bearer(stadt)).expect(403);
    });
  });

  describe('revising and withdrawing', () => {
    it('lets the author revise, keeps the earlier text in the history, and refuses other actors', async () => {
      const { ideaId } = await submit(vhs, lesepaten(marker()));
      await http()
        .post(`/ideas/${ideaId}/revisions`)
        .set(bearer(vhs))
        .set('If-Match', '"0"')
        .send({ title: 'Lesepatenschaften an Grundschulen', tags: ['Lesen'] })
        .expect(200);
      const refused = await http()
        .post(`/ideas/${ideaId}/revisions`)
        .set(bearer(stadt))
        .send({ title: 'Übernommen' })
        .expect(403);
      expect(refused.body.detail).toMatch(/did not submit this idea/);
      await http()
        .post(`/ideas/${ideaId}/revisions`)
        .set(bearer(auth.coordinator))
        .send({ regionKeys: [MELLE] })
        .expect(200);
      const unchanged = await http()
        .post(`/ideas/${ideaId}/revisions`)
        .set(bearer(vhs))
        .send({ regionKeys: [MELLE] })
        .expect(422);
      expect(unchanged.body.code).toBe('revision-without-change');
      const history = await http().get(`/ideas/${ideaId}/history`).set(bearer(auth.auditor)).expect(200);
      expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
        'IdeaSubmitted',
        'IdeaRevised',
        'IdeaRevised',
      ]);
      expect(history.body.items[1].data).toMatchObject({
        changes: { title: 'Lesepatenschaften an Grundschulen', tags: ['Lesen'] },
        previous: { tags: ['Lesen', 'Ehrenamt'] },
      });
      expect(history.body.items[1].actor).toEqual({ id: 'vhs-osnabruecker-land', role: 'actor' });
      const idea = await http().get(`/ideas/${ideaId}`).set(bearer(stadt)).expect(200);
      expect(idea.headers['etag']).toBe('"2"');
      expect(idea.body.idea).toMatchObject({ revisions: 2, content: { regionKeys: [MELLE] } });
    });

    it('withdraws an idea in favour of an open one, and then it no longer matches or changes', async () => {
      const word = marker();
      const earlier = await submit(stadt, lesepaten(word));
      const later = await submit(vhs, { ...lesepaten(word), title: `Lesepaten gesucht ${word}` });
      const withdraw = (id: string, body: object, token = vhs) =>
        http().post(`/ideas/${id}/withdrawal`).set(bearer(token)).send(body);
      expect(
        (
          await withdraw(later.ideaId, {
            reason: 'duplicate',
            explanation: 'doppelt',
            duplicateOf: randomUUID(),
          }).expect(422)
        ).body.code,
      ).toBe('duplicate-of-unknown');
      expect(
        (await withdraw(later.ideaId, { reason: 'duplicate', explanation: 'doppelt' }).expect(422)).body.code,
      ).toBe('duplicate-of-required');
      expect(
        (await withdraw(later.ideaId, { reason: 'duplicate', explanation: 'x', duplicateOf: later.ideaId }).expect(422))
          .body.code,
      ).toBe('duplicate-of-itself');
      await withdraw(earlier.ideaId, { reason: 'done', explanation: 'x' }).expect(403);
      await withdraw(later.ideaId, {
        reason: 'duplicate',
        explanation: 'Die Stadt Bramsche hatte die Idee schon eingereicht.',
        duplicateOf: earlier.ideaId,
      }).expect(200);
      const idea = await http().get(`/ideas/${later.ideaId}`).set(bearer(auth.auditor)).expect(200);
      expect(idea.body.idea).toMatchObject({
        status: 'withdrawn',
        withdrawal: { reason: 'duplicate', duplicateOf: earlier.ideaId },
      });
      expect(
        (await http().post(`/ideas/${later.ideaId}/revisions`).set(bearer(vhs)).send({ title: 'Neu' }).expect(409)).body
          .code,
      ).toBe('idea-withdrawn');
      await eventually(async () => (await listed({ status: 'withdrawn', text: word })).includes(later.ideaId), 15_000);
      const similarIds = async () =>
        (
          await http()
            .get('/ideas/similar')
            .query({ title: `Lesepaten gesucht ${word}` })
            .set(bearer(vhs))
            .expect(200)
        ).body.items.map((item: SimilarItem) => item.ideaId) as string[];
      await eventually(async () => !(await similarIds()).includes(later.ideaId), 15_000);
      expect(await similarIds()).toContain(earlier.ideaId);
      expect(
        (
          await withdraw(
            earlier.ideaId,
            { reason: 'duplicate', explanation: 'x', duplicateOf: later.ideaId },
            stadt,
          ).expect(422)
        ).body.code,
      ).toBe('duplicate-of-not-open');
    });
  });

  describe('comments and endorsements', () => {
    it('takes comments and one level of replies, and lets only the author change a comment', async () => {
      const { ideaId } = await submit(vhs, lesepaten(marker()));
      const posted = await http()
        .post(`/ideas/${ideaId}/comments`)
        .set(bearer(stadt))
        .send({ text: 'Bramsche macht mit.' })
        .expect(201);
      const { commentId } = posted.body as { commentId: string };
      const reply = await http()
        .post(`/ideas/${ideaId}/comments`)
        .set(bearer(auth.coordinator))
        .send({ text: 'Danke!', replyTo: commentId })
        .expect(201);
      expect(
        (
          await http()
            .post(`/ideas/${ideaId}/comments`)
            .set(bearer(vhs))
            .send({ text: 'Und weiter?', replyTo: reply.body.commentId })
            .expect(422)
        ).body.code,
      ).toBe('reply-to-reply');
      await http()
        .post(`/ideas/${ideaId}/comments/${commentId}/edits`)
        .set(bearer(stadt))
        .send({ text: 'Bramsche macht gern mit.' })
        .expect(200);
      expect(
        (
          await http()
            .post(`/ideas/${ideaId}/comments/${commentId}/edits`)
            .set(bearer(vhs))
            .send({ text: 'Geändert' })
            .expect(422)
        ).body.code,
      ).toBe('not-comment-author');
      const idea = await http().get(`/ideas/${ideaId}`).set(bearer(vhs)).expect(200);
      expect(idea.body.idea.comments).toEqual([
        expect.objectContaining({ commentId, authorId: 'stadt-bramsche', text: 'Bramsche macht gern mit.' }),
        expect.objectContaining({ text: 'Danke!', replyTo: commentId }),
      ]);
      expect(idea.body.idea.comments[0].editedAt).toEqual(expect.any(String));
    });

    it('counts one endorsement per organisation, never the submitter, and lets it be withdrawn', async () => {
      const { ideaId } = await submit(vhs, lesepaten(marker()));
      await http().post(`/ideas/${ideaId}/endorsements`).set(bearer(stadt)).send({}).expect(200);
      expect(
        (await http().post(`/ideas/${ideaId}/endorsements`).set(bearer(stadt)).send({}).expect(409)).body.code,
      ).toBe('already-endorsed');
      expect((await http().post(`/ideas/${ideaId}/endorsements`).set(bearer(vhs)).send({}).expect(422)).body.code).toBe(
        'own-idea',
      );
      await http().post(`/ideas/${ideaId}/endorsements`).set(bearer(auth.coordinator)).send({}).expect(400);
      await http()
        .post(`/ideas/${ideaId}/endorsements`)
        .set(bearer(auth.coordinator))
        .send({ actorId: 'kita-traeger-verbund' })
        .expect(200);
      await http().delete(`/ideas/${ideaId}/endorsements/kita-traeger-verbund`).set(bearer(stadt)).expect(403);
      await http().delete(`/ideas/${ideaId}/endorsements/stadt-bramsche`).set(bearer(stadt)).expect(200);
      expect(
        (await http().delete(`/ideas/${ideaId}/endorsements/stadt-bramsche`).set(bearer(stadt)).expect(409)).body.code,
      ).toBe('endorsement-not-found');
      const idea = await http().get(`/ideas/${ideaId}`).set(bearer(vhs)).expect(200);
      expect(idea.body.idea.endorsements).toEqual(['kita-traeger-verbund']);
      await eventually(async () => {
        const page = await http()
          .get('/ideas')
          .query({ submitter: 'vhs-osnabruecker-land', limit: 200 })
          .set(bearer(vhs));
        return page.body.items.some(
          (item: { id: string; endorsementCount: number }) => item.id === ideaId && item.endorsementCount === 1,
        );
      }, 15_000);
    });
  });

  it('filters the list by Bildungsbereich, region, tag, submitter and German words', async () => {
    const word = marker();
    const { ideaId } = await submit(vhs, {
      title: `Sprachförderung in Kitas ausbauen ${word}`,
      description: 'Mehr Fachkräfte für alltagsintegrierte Sprachbildung in den Kindertagesstätten.',
      stages: ['fruehkindliche-bildung'],
      regionKeys: [MELLE],
      tags: ['Sprache'],
    });
    await eventually(async () => (await listed({ text: word })).includes(ideaId), 15_000);
    const matching: Record<string, string>[] = [
      { stage: 'fruehkindliche-bildung' },
      { region: MELLE },
      { tag: 'sprache' },
      { submitter: 'vhs-osnabruecker-land' },
      { text: `Kindertagesstätte ${word}` },
      { text: `sprachfoerderung ${word}` },
    ];
    for (const query of matching) expect(await listed(query)).toContain(ideaId);
    const other: Record<string, string>[] = [
      { stage: 'hochschule' },
      { region: BRAMSCHE },
      { text: `Hochschule ${word}` },
      { status: 'withdrawn' },
    ];
    for (const query of other) expect(await listed(query)).not.toContain(ideaId);
  });

  it('answers bad input with a problem that says what is wrong, and records nothing', async () => {
    const word = marker();
    const bad = async (body: object, status: number) =>
      (await http().post('/ideas').set(bearer(vhs)).send(body).expect(status)).body as { code: string; detail: string };
    expect((await bad({ ...lesepaten(word), colour: 'rot' }, 400)).code).toBe('invalid-request');
    expect((await bad({ ...lesepaten(word), stages: [] }, 400)).detail).toMatch(/Bildungsbereich/);
    expect((await bad({ ...lesepaten(word), regionKeys: ['03404000'] }, 422)).code).toBe('region-unknown');
    expect((await bad({ ...lesepaten(word), tags: ['Lesen', 'lesen'] }, 422)).code).toBe('tag-duplicate');
    expect((await bad({ ...lesepaten(word), onBehalfOf: 'stadt-bramsche' }, 422)).code).toBe(
      'submit-for-another-actor',
    );
    await http().post(`/ideas/${randomUUID()}/comments`).set(bearer(vhs)).send({ text: 'x' }).expect(404);
    await http().get('/ideas/not-an-id').set(bearer(vhs)).expect(400);
    await http().get('/ideas').query({ stage: 'kita' }).set(bearer(vhs)).expect(400);
    await http().get('/ideas?offset=').set(bearer(vhs)).expect(400);
    await http().post('/ideas').set(bearer(vhs)).set('If-Match', '').send(lesepaten(word)).expect(400);
    // The list follows the store in order: once a later good idea shows, any refused one would have shown first.
    const { ideaId } = await submit(vhs, lesepaten(word));
    await eventually(async () => (await listed({ text: word })).includes(ideaId), 15_000);
    expect(await listed({ text: word })).toEqual([ideaId]);
  });

  it('lets auditors read everything and change nothing, shows every role the history, and verifies every chain', async () => {
    const { ideaId } = await submit(vhs, lesepaten(marker()));
    await http().post('/ideas').send(lesepaten('x')).expect(401);
    await http().post('/ideas').set(bearer(auth.auditor)).send(lesepaten('x')).expect(403);
    await http().post(`/ideas/${ideaId}/comments`).set(bearer(auth.auditor)).send({ text: 'x' }).expect(403);
    expect((await http().get(`/ideas/${ideaId}/audit`).set(bearer(auth.auditor)).expect(200)).body).toMatchObject({
      valid: true,
    });
    expect((await http().get('/audit').set(bearer(auth.auditor)).expect(200)).body).toMatchObject({ valid: true });
    expect((await http().get(`/ideas/${ideaId}/history`).set(bearer(stadt)).expect(200)).body.total).toBe(1);
  });

  it('records a retried submission once', async () => {
    const key = `k-${randomUUID()}`;
    const body = lesepaten(marker());
    const first = await http().post('/ideas').set(bearer(vhs)).set('Idempotency-Key', key).send(body).expect(201);
    const again = await http().post('/ideas').set(bearer(vhs)).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body.ideaId).toBe(first.body.ideaId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const malformed = await http()
      .post('/ideas')
      .set(bearer(vhs))
      .set('Idempotency-Key', key)
      .set('If-Match', '')
      .send(body)
      .expect(400);
    expect(malformed.body.code).toBe('invalid-if-match');
  });

  it('names submitters planning announced, and records an idea of an unknown actor with a warning', async () => {
    const bus = busFromUrl(service.config.busUrl, {
      topicNamespace: service.config.topicNamespace,
      clientId: 'planning-stand-in',
    });
    try {
      await bus.ensureTopics([Topics.planning]);
      const known = `verein-${randomUUID().slice(0, 8)}`;
      await bus.publish([
        {
          topic: Topics.planning,
          event: {
            id: randomUUID(),
            type: ActorRegistered.type,
            source: 'planning',
            subject: `organisation-${known}`,
            time: new Date().toISOString(),
            correlationId: randomUUID(),
            data: { actorId: known, name: 'Leseverein Melle', kind: 'organisation', type: 'verein' },
          },
        },
      ]);
      const unknown = await submit(await auth.actor(`tippfehler-${randomUUID().slice(0, 8)}`), lesepaten(marker()));
      expect(unknown.warnings).toEqual([expect.objectContaining({ code: 'unknown-actor' })]);
      const author = await auth.actor(known);
      await eventually(async () => (await submit(author, lesepaten(marker()))).warnings.length === 0, 20_000);
      const { ideaId } = await submit(author, lesepaten(marker()));
      const idea = (await http().get(`/ideas/${ideaId}`).set(bearer(auth.auditor)).expect(200)).body;
      expect(idea.actors).toEqual({ [known]: { name: 'Leseverein Melle', status: 'active' } });
      await eventually(
        async () =>
          (await http().get('/ideas').query({ submitter: known }).set(bearer(auth.auditor))).body.actors?.[known]
            ?.name === 'Leseverein Melle',
        15_000,
      );
    } finally {
      await bus.close();
    }
  });

  describe('integration events', () => {
    let bus: Bus;
    const received: Delivery[] = [];

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'ideas-api-test',
      });
      await bus.subscribe({
        groupId: `ideas-api-test-${randomUUID()}`,
        topics: [Topics.ideas],
        handler: async (delivery) => void received.push(delivery),
      });
    });

    afterAll(() => bus?.close());

    it('publishes submitted, revised and withdrawn to bildung.ideas.v1, and nothing of comments or endorsements', async () => {
      const { ideaId } = await submit(vhs, lesepaten(marker()));
      await http().post(`/ideas/${ideaId}/comments`).set(bearer(stadt)).send({ text: 'Gut' }).expect(201);
      await http().post(`/ideas/${ideaId}/endorsements`).set(bearer(stadt)).send({}).expect(200);
      await http()
        .post(`/ideas/${ideaId}/revisions`)
        .set(bearer(vhs))
        .send({ tags: ['Lesen'] })
        .expect(200);
      await http()
        .post(`/ideas/${ideaId}/withdrawal`)
        .set(bearer(vhs))
        .set('X-Correlation-Id', 'rueckzug-1')
        .send({ reason: 'under-way', explanation: 'Läuft schon.' })
        .expect(200);
      const mine = () => received.filter((delivery) => delivery.event.subject === `idea-${ideaId}`);
      await eventually(
        () => mine().length === 3,
        30_000,
        () => JSON.stringify(mine().map((delivery) => delivery.event.type)),
      );
      const [submitted, revised, withdrawn] = mine().map((delivery) => delivery.event);
      expect(submitted).toMatchObject({
        type: 'bildung.ideas.idea-submitted.v1',
        source: 'ideas',
        data: {
          ideaId,
          stages: ['allgemeinbildende-schulen'],
          submitter: { id: 'vhs-osnabruecker-land', kind: 'actor' },
        },
      });
      expect(revised).toMatchObject({
        type: 'bildung.ideas.idea-revised.v1',
        data: { ideaId, changes: { tags: ['Lesen'] } },
      });
      expect(withdrawn).toMatchObject({
        type: 'bildung.ideas.idea-withdrawn.v1',
        correlationId: 'rueckzug-1',
        data: { ideaId, reason: 'under-way' },
      });
    });
  });

  it('reports health, metrics and the OpenAPI document without a token', async () => {
    await eventually(async () => (await http().get('/health')).body.status === 'ok', 15_000);
    expect((await http().get('/metrics').expect(200)).text).toMatch(/ideas_commands_total/);
    expect(Object.keys((await http().get('/docs/openapi.json').expect(200)).body.paths)).toEqual(
      expect.arrayContaining([
        '/ideas',
        '/ideas/similar',
        '/ideas/duplicates',
        '/ideas/{id}/withdrawal',
        '/ideas/{id}/endorsements/{actorId}',
      ]),
    );
  });
}
