import { Bus, busFromUrl, DeadLetter, Delivery } from '@bildungsregion/bus';
import {
  ActorRegistered,
  IdeaPromoted,
  MeasureApproved,
  MeasurePlanned,
  MeasureRevised,
  IntegrationEvent,
  MeasurementCorrected,
  MeasurementRecorded,
  Topics,
} from '@bildungsregion/contracts';
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { changeBytesInFile, eventually, EventStoreFileAttacker } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { goalIdForPromotion } from '../../src/application/idea-reactions';
import { draftBody, startGoals } from './goals-test-app';

/**
 * The goals HTTP API end to end, on whatever event store, bus and read models the environment
 * names. `environment` is called once per app start; `sqliteFile` is the event store file for the
 * tamper test.
 */
export function goalsApiSuite(environment: () => Environment, sqliteFile: () => string): void {
  let service: TestApp;
  let auth: Tokens;
  let bramsche: string;
  let outsider: string;

  beforeAll(async () => {
    service = await startGoals(environment());
    auth = await tokens();
    bramsche = await auth.actor('stadt-bramsche');
    outsider = await auth.actor('vhs-osnabrueck');
  });

  afterAll(() => service?.close());

  const http = () => service.http();
  const as = (token: string) => bearer(token);

  async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await http().post('/goals').set(as(auth.coordinator)).send(draftBody(overrides)).expect(201);
    return response.body.goalId as string;
  }

  function command(goalId: string, path: string, body: Record<string, unknown> = {}, token = auth.coordinator) {
    return http().post(`/goals/${goalId}/${path}`).set(as(token)).send(body);
  }

  async function agreed(overrides: Record<string, unknown> = {}): Promise<string> {
    const goalId = await draft(overrides);
    await command(goalId, 'proposal').expect(200);
    await command(goalId, 'consents', { partyId: 'stadt-bramsche' }).expect(200);
    await command(goalId, 'consents', { partyId: 'kita-traeger-nord' }).expect(200);
    await command(goalId, 'agreement', {
      authority: 'Kreisausschuss, Beschluss 2026/041',
      effectiveOn: '2026-02-01',
    }).expect(200);
    return goalId;
  }

  async function revisionOf(goalId: string): Promise<string> {
    const response = await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200);
    return response.headers['etag'] as string;
  }

  async function goalCount(): Promise<number> {
    return (await http().get('/audit').set(as(auth.auditor)).expect(200)).body.streamsChecked as number;
  }

  describe('the lifecycle of a target agreement', () => {
    it('drafts, proposes, collects consent, agrees, tracks, suspends, resumes and closes a goal, each step with its ETag', async () => {
      const drafted = await http()
        .post('/goals')
        .set(as(auth.coordinator))
        .set('X-Correlation-Id', 'abstimmung-42')
        .send(draftBody())
        .expect(201);
      const goalId = drafted.body.goalId as string;
      expect(drafted.headers['location']).toBe(`/goals/${goalId}`);
      expect(drafted.headers['etag']).toBe('"0"');
      expect(drafted.headers['x-correlation-id']).toBe('abstimmung-42');
      expect(drafted.body.events).toEqual([{ eventId: expect.any(String), type: 'GoalDrafted' }]);

      await http()
        .post(`/goals/${goalId}/proposal`)
        .set(as(auth.coordinator))
        .set('If-Match', '"0"')
        .send({})
        .expect(200)
        .expect('ETag', '"1"');
      await command(goalId, 'consents', {}, bramsche).expect(200).expect('ETag', '"2"');
      await command(goalId, 'consents', { partyId: 'kita-traeger-nord' }).expect(200);
      await command(goalId, 'agreement', { authority: 'Kreisausschuss, Beschluss 2026/041', effectiveOn: '2026-02-01' })
        .expect(200)
        .expect('ETag', '"4"');
      await command(goalId, 'milestones', { date: '2027-01-01', value: 40 }).expect(200);
      const progress = await command(
        goalId,
        'progress',
        { value: 36, asOf: '2026-10-01', note: 'Kita-Statistik' },
        bramsche,
      ).expect(201);
      expect(progress.body.events.map((event: { type: string }) => event.type)).toEqual([
        'ProgressRecorded',
        'AssessmentChanged',
      ]);
      expect(progress.headers['location']).toBe(`/goals/${goalId}/progress/${progress.body.progressId}`);
      await command(goalId, `progress/${progress.body.progressId}/correction`, {
        value: 39.5,
        reason: 'Meldung eines Trägers nachgereicht',
      }).expect(200);
      await command(goalId, 'suspension', { reason: 'Neubau verzögert sich' }).expect(200);
      await command(goalId, 'resumption', {}).expect(200);
      await command(goalId, 'closure', {
        outcome: 'achieved',
        reason: 'Quote erreicht',
        authority: 'Jugendhilfeausschuss 2028/003',
      }).expect(200);

      const goal = await http().get(`/goals/${goalId}`).set(as(auth.coordinator)).expect(200);
      expect(goal.headers['etag']).toBe('"12"');
      expect(goal.body).toMatchObject({
        goalId,
        revision: 12,
        goal: {
          status: 'achieved',
          consents: ['stadt-bramsche', 'kita-traeger-nord'],
          agreement: { authority: 'Kreisausschuss, Beschluss 2026/041', effectiveOn: '2026-02-01' },
          progress: [
            {
              progressId: progress.body.progressId,
              value: 39.5,
              originalValue: 36,
              source: 'manual',
              note: 'Kita-Statistik',
            },
          ],
          terms: { milestones: [{ date: '2027-01-01', value: 40 }] },
        },
      });

      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      expect(history.body.total).toBe(13);
      expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual([
        'GoalDrafted',
        'GoalProposed',
        'ConsentRecorded',
        'ConsentRecorded',
        'GoalAgreed',
        'MilestoneAdded',
        'ProgressRecorded',
        'AssessmentChanged',
        'ProgressCorrected',
        'AssessmentChanged',
        'GoalSuspended',
        'GoalResumed',
        'GoalClosed',
      ]);
      expect(history.body.items[0]).toMatchObject({
        revision: 0,
        actor: { id: 'dev-coordinator', role: 'coordinator' },
        correlationId: 'abstimmung-42',
      });
      expect(history.body.items[2]).toMatchObject({ actor: { id: 'stadt-bramsche', role: 'actor' } });
      expect(history.body.items[4]).toMatchObject({
        authority: 'Kreisausschuss, Beschluss 2026/041',
        effectiveAt: '2026-02-01T00:00:00.000Z',
      });
      expect(history.body.items[8]).toMatchObject({
        reason: 'Meldung eines Trägers nachgereicht',
        data: { value: 39.5, previousValue: 36 },
      });
      expect(history.body.items[12]).toMatchObject({
        reason: 'Quote erreicht',
        authority: 'Jugendhilfeausschuss 2028/003',
      });
      expect(history.body.items[1].prevHash).toBe(history.body.items[0].hash);
    });

    it('answers a goal with its planned line and the margins of on track and at risk, in its unit', async () => {
      const goalId = await draft({ milestones: [{ date: '2027-01-01', value: 40 }] });
      const { body } = await http().get(`/goals/${goalId}`).set(as(auth.coordinator)).expect(200);
      expect(body.trajectory).toEqual({
        points: [
          { date: '2026-01-01', value: 35, kind: 'baseline' },
          { date: '2027-01-01', value: 40, kind: 'milestone' },
          { date: '2028-01-01', value: 45, kind: 'target' },
        ],
        direction: 'higher',
        onTrackMargin: 0.5,
        atRiskMargin: 1.5,
      });
    });

    it('sends a revised agreement back to proposed, where every party consents again', async () => {
      const goalId = await agreed();
      await command(goalId, 'revisions', {
        reason: 'Ausbau schneller als geplant',
        changes: { target: { value: 50, dueDate: '2028-06-30' } },
      }).expect(200);
      const goal = await http().get(`/goals/${goalId}`).set(as(auth.coordinator)).expect(200);
      expect(goal.body.goal).toMatchObject({
        status: 'proposed',
        consents: [],
        terms: { target: { value: 50, dueDate: '2028-06-30' } },
      });
      const refused = await command(goalId, 'agreement', {
        authority: 'Kreisausschuss 2026/050',
        effectiveOn: '2026-06-01',
      }).expect(409);
      expect(refused.body).toMatchObject({
        code: 'consent-missing',
        detail: expect.stringContaining('stadt-bramsche'),
      });
      await command(goalId, 'cancellation', { reason: 'Förderung entfällt' }).expect(200);
      expect((await http().get(`/goals/${goalId}`).set(as(auth.coordinator))).body.goal.status).toBe('cancelled');
    });
  });

  describe('authentication and roles', () => {
    const commands: readonly [string, Record<string, unknown>][] = [
      ['proposal', {}],
      ['consents', { partyId: 'stadt-bramsche' }],
      ['agreement', { authority: 'Kreisausschuss', effectiveOn: '2026-02-01' }],
      ['revisions', { reason: 'x', changes: { title: 'Neu' } }],
      ['milestones', { date: '2027-01-01', value: 40 }],
      ['progress', { value: 40, asOf: '2026-10-01' }],
      ['progress/p-1/correction', { value: 40, reason: 'x' }],
      ['suspension', { reason: 'x' }],
      ['resumption', {}],
      ['closure', { outcome: 'achieved', reason: 'x' }],
      ['cancellation', { reason: 'x' }],
    ];

    it('answers 401 without a token, with a forged one and with an expired one, and records nothing', async () => {
      const before = await goalCount();
      const missing = await http().post('/goals').send(draftBody()).expect(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      const forged = `${auth.coordinator.slice(0, -4)}AAAA`;
      await http().post('/goals').set(as(forged)).send(draftBody()).expect(401);
      const expired = await issueToken(DEVELOPMENT_SECRET, { role: 'coordinator', expiresIn: '-1m' });
      const response = await http().get('/goals').set(as(expired)).expect(401);
      expect(response.body.detail).toMatch(/expired/);
      const wrongSecret = await issueToken('another-secret-of-sufficient-length', { role: 'coordinator' });
      await http().get('/goals').set(as(wrongSecret)).expect(401);
      expect(await goalCount()).toBe(before);
    });

    it('answers 401 on every route but health, metrics and docs when no token is sent', async () => {
      const goalId = randomUUID();
      const routes: [string, string][] = [
        ['get', '/goals'],
        ['get', '/goals/dashboard'],
        ['get', `/goals/${goalId}`],
        ['get', `/goals/${goalId}/history`],
        ['get', `/goals/${goalId}/diff?from=0&to=1`],
        ['get', `/goals/${goalId}/audit`],
        ['get', '/audit'],
        ['post', '/goals'],
        ...commands.map(([path]): [string, string] => ['post', `/goals/${goalId}/${path}`]),
      ];
      for (const [method, path] of routes) {
        const response = await (method === 'get' ? http().get(path) : http().post(path).send({}));
        expect([method, path, response.status]).toEqual([method, path, 401]);
      }
    });

    it('forbids auditor-only reads to actors, even on their own goals', async () => {
      const goalId = await draft();
      for (const path of [
        `/goals/${goalId}/history`,
        `/goals/${goalId}/diff?from=0&to=1`,
        `/goals/${goalId}/audit`,
        '/audit',
      ]) {
        const response = await http().get(path).set(as(bramsche));
        expect([path, response.status, response.body.code]).toEqual([path, 403, 'forbidden']);
      }
    });

    it('forbids every command to auditors, and the stream does not move', async () => {
      const goalId = await agreed();
      const revision = await revisionOf(goalId);
      await http().post('/goals').set(as(auth.auditor)).send(draftBody()).expect(403);
      for (const [path, body] of commands) {
        const response = await command(goalId, path, body, auth.auditor);
        expect([path, response.status, response.body.code]).toEqual([path, 403, 'forbidden']);
      }
      expect(await revisionOf(goalId)).toBe(revision);
    });

    it('lets an actor consent and record progress only on goals it is party to, and nothing else', async () => {
      const goalId = await draft();
      await command(goalId, 'proposal').expect(200);
      const vhs = await command(goalId, 'consents', {}, outsider).expect(403);
      expect(vhs.body.detail).toMatch(/not a party/);
      const onBehalf = await command(goalId, 'consents', { partyId: 'kita-traeger-nord' }, bramsche).expect(403);
      expect(onBehalf.body.detail).toMatch(/only for itself/);
      await command(goalId, 'consents', {}, bramsche).expect(200);
      await command(goalId, 'agreement', { authority: 'Kreisausschuss', effectiveOn: '2026-02-01' }, bramsche).expect(
        403,
      );
      await command(goalId, 'cancellation', { reason: 'x' }, bramsche).expect(403);
      await http().post('/goals').set(as(bramsche)).send(draftBody()).expect(403);
      await http().get(`/goals/${goalId}`).set(as(bramsche)).expect(200);
      await http().get(`/goals/${goalId}`).set(as(outsider)).expect(403);
      await http().get(`/goals/${goalId}/history`).set(as(bramsche)).expect(403);
      await http().get(`/goals/${goalId}/audit`).set(as(bramsche)).expect(403);
      expect(await revisionOf(goalId)).toBe('"2"');
    });

    it('decides an actor’s access by today’s party list, also for reads of the past', async () => {
      const goalId = await agreed();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const beforeChange = new Date().toISOString();
      await command(goalId, 'revisions', {
        reason: 'Trägerwechsel',
        changes: {
          parties: [
            { id: 'kita-traeger-nord', name: 'Kita-Träger Nord', role: 'responsible' },
            { id: 'vhs-osnabrueck', name: 'VHS Osnabrück', role: 'contributing' },
          ],
        },
      }).expect(200);
      for (const query of ['', `?recordedAsOf=${beforeChange}`, '?effectiveAsOf=2026-03-01']) {
        const removed = await http().get(`/goals/${goalId}${query}`).set(as(bramsche)).expect(403);
        expect(removed.body.detail).toMatch(/not a party/);
        await http().get(`/goals/${goalId}${query}`).set(as(outsider)).expect(200);
      }
    });

    it('lets auditors and admins read everything', async () => {
      const goalId = await draft();
      for (const token of [auth.auditor, auth.admin]) {
        await http().get(`/goals/${goalId}`).set(as(token)).expect(200);
        await http().get(`/goals/${goalId}/history`).set(as(token)).expect(200);
        await http().get(`/goals/${goalId}/diff?from=0&to=0`).set(as(token)).expect(400);
        await http().get(`/goals/${goalId}/audit`).set(as(token)).expect(200);
        await http().get('/audit').set(as(token)).expect(200);
        await http().get('/goals/dashboard').set(as(token)).expect(200);
      }
      await command(goalId, 'proposal', {}, auth.admin).expect(200);
    });
  });

  describe('bad input changes nothing', () => {
    const huge = 'x'.repeat(100_000);
    const cases: readonly [string, Record<string, unknown>, number, RegExp][] = [
      ['a missing field', { title: undefined }, 400, /body\.title/],
      ['an unknown field', { budget: 100_000 }, 400, /unknown field "budget"/],
      [
        'a wrong type',
        { baseline: { value: '35', date: '2026-01-01' } },
        400,
        /body\.baseline\.value: must be a number/,
      ],
      ['a number as text "NaN"', { target: { value: 'NaN', dueDate: '2028-01-01' } }, 400, /body\.target\.value/],
      ['a date that is no date', { baseline: { value: 35, date: '2026-13-01' } }, 400, /body\.baseline\.date/],
      ['a date in year 0000', { baseline: { value: 35, date: '0000-01-01' } }, 400, /between 1900 and 2199/],
      ['a title of zero-width characters', { title: '\u200b\u200c\u2060\ufeff' }, 400, /visible character/],
      [
        'dates in the wrong order',
        { target: { value: 45, dueDate: '2025-01-01' } },
        422,
        /due date 2025-01-01 must be after the baseline date/,
      ],
      ['a target equal to its baseline', { target: { value: 35, dueDate: '2028-01-01' } }, 422, /equals the baseline/],
      ['a 100 kB string', { description: huge }, 400, /body\.description: must be at most 5000 characters/],
      ['an object with $ keys', { indicator: { $ne: null } }, 400, /unknown field "\$ne"/],
      ['a region that is no AGS key', { regionKeys: ['Bramsche'] }, 400, /AGS/],
      [
        'a municipality outside the district',
        { regionKeys: ['03404000'] },
        422,
        /03404000 is neither Landkreis Osnabrück/,
      ],
      ['an unknown stage', { stage: 'kita' }, 400, /body\.stage/],
      [
        'no responsible party',
        { parties: [{ id: 'kita', name: 'Kita', role: 'contributing' }] },
        422,
        /responsible party/,
      ],
    ];

    it.each(cases)('refuses a draft with %s', async (_name, change, status, detail) => {
      const before = await goalCount();
      const response = await http().post('/goals').set(as(auth.coordinator)).send(draftBody(change)).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status,
        detail: expect.stringMatching(detail),
        type: expect.stringContaining('/problems/'),
      });
      expect(await goalCount()).toBe(before);
    });

    it('refuses malformed JSON and NaN literals with a 400', async () => {
      const response = await http()
        .post('/goals')
        .set(as(auth.coordinator))
        .set('Content-Type', 'application/json')
        .send('{"title": NaN}')
        .expect(400);
      expect(response.body.code).toBe('malformed-json');
      expect(response.body.detail).not.toContain('NaN');
    });

    it.each([
      ['with a token', true],
      ['without a token', false],
    ])('refuses a body over the limit %s with 413 before any other work', async (_name, withToken) => {
      const before = await goalCount();
      const oversized = JSON.stringify(draftBody({ description: 'x'.repeat(600_000) }));
      const post = http().post('/goals').set('Content-Type', 'application/json');
      const response = await (withToken ? post.set(as(auth.coordinator)) : post).send(oversized).expect(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 413, code: 'payload-too-large' });
      expect(await goalCount()).toBe(before);
    });

    it('refuses a gzip bomb by its inflated size, and a body that is not gzip as it claims', async () => {
      const bomb = gzipSync(Buffer.from(`{"title":"${' '.repeat(20_000_000)}"}`));
      expect(bomb.length).toBeLessThan(100_000);
      const gzipped = async (body: Buffer) =>
        http()
          .post('/goals')
          .set(as(auth.coordinator))
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .serialize((raw: Buffer) => raw as unknown as string)
          .send(body);
      expect((await gzipped(bomb)).body).toMatchObject({ status: 413, code: 'payload-too-large' });
      expect((await gzipped(Buffer.from('not gzip at all'))).body).toMatchObject({
        status: 400,
        code: 'unreadable-body',
      });
    });

    it('refuses deeply nested JSON with a 400, also with an Idempotency-Key', async () => {
      const before = await goalCount();
      const response = await http()
        .post('/goals')
        .set(as(auth.coordinator))
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', 'application/json')
        .send(`{"title":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)
        .expect(400);
      expect(response.body.code).toBe('body-too-deep');
      expect(await goalCount()).toBe(before);
    });

    it('answers a method a path does not offer, and TRACE anywhere, with 405 and the methods it allows', async () => {
      const trace = await http().trace('/goals').set(as(auth.coordinator)).expect(405);
      expect(trace.headers['allow']).toContain('POST');
      const remove = await http().delete('/goals').set(as(auth.coordinator)).expect(405);
      expect(remove.headers['allow']).toBe('POST, GET, HEAD');
      expect(remove.body.code).toBe('method-not-allowed');
      const put = await http().put(`/goals/${randomUUID()}`).set(as(auth.coordinator)).send({}).expect(405);
      expect(put.headers['allow']).toBe('GET, HEAD');
      await http().get('/nowhere').set(as(auth.coordinator)).expect(404);
    });

    it('refuses bad commands on an existing goal without moving its stream', async () => {
      const goalId = await agreed();
      const revision = await revisionOf(goalId);
      const attempts: readonly [string, Record<string, unknown>, number][] = [
        ['progress', { value: 'viel', asOf: '2027-01-01' }, 400],
        ['progress', { value: 40 }, 400],
        ['progress', { value: 40, asOf: '2025-01-01' }, 422],
        ['progress', { value: 40, asOf: '2199-01-01' }, 400],
        ['progress', { value: 40, asOf: '0000-01-01' }, 400],
        ['progress', { value: 40, asOf: '2027-01-01', source: 'monitoring' }, 400],
        ['revisions', { changes: { title: 'Neu' } }, 400],
        ['revisions', { reason: 'x', changes: {} }, 400],
        ['revisions', { reason: 'x', changes: { target: { value: 35, dueDate: '2028-01-01' } } }, 422],
        ['suspension', {}, 400],
        ['suspension', { reason: '   ' }, 400],
        ['closure', { outcome: 'achieved' }, 400],
        ['closure', { outcome: 'perfect', reason: 'x' }, 400],
        ['cancellation', {}, 400],
        ['progress/unknown-progress/correction', { value: 1, reason: 'x' }, 422],
        ['milestones', { date: '2030-01-01', value: 44 }, 422],
        ['proposal', { note: 'unerwartet' }, 400],
      ];
      for (const [path, body, status] of attempts) {
        const response = await command(goalId, path, body);
        expect([path, body, response.status]).toEqual([path, body, status]);
        expect(response.body.detail).toEqual(expect.any(String));
      }
      expect(await revisionOf(goalId)).toBe(revision);
    });

    it('answers an invalid transition with 409 and changes nothing', async () => {
      const goalId = await draft();
      const response = await command(goalId, 'agreement', {
        authority: 'Kreisausschuss',
        effectiveOn: '2026-02-01',
      }).expect(409);
      expect(response.body).toMatchObject({
        code: 'not-proposed',
        detail: expect.stringContaining('the goal is draft'),
      });
      await command(goalId, 'resumption', {}).expect(409);
      expect(await revisionOf(goalId)).toBe('"0"');
    });

    it('answers unknown and malformed goal ids', async () => {
      await http().get(`/goals/${randomUUID()}`).set(as(auth.auditor)).expect(404);
      await command(randomUUID(), 'proposal').expect(404);
      const malformed = await http().get('/goals/not-a-uuid').set(as(auth.auditor)).expect(400);
      expect(malformed.body.detail).toMatch(/path\.id/);
    });
  });

  describe('concurrency and retries', () => {
    it('refuses a command based on a stale revision with 409 and the current ETag', async () => {
      const goalId = await draft();
      await http()
        .post(`/goals/${goalId}/proposal`)
        .set(as(auth.coordinator))
        .set('If-Match', '"0"')
        .send({})
        .expect(200);
      const stale = await http()
        .post(`/goals/${goalId}/cancellation`)
        .set(as(auth.coordinator))
        .set('If-Match', '"0"')
        .send({ reason: 'x' })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
      expect(stale.headers['etag']).toBe('"1"');
      await http()
        .post(`/goals/${goalId}/cancellation`)
        .set(as(auth.coordinator))
        .set('If-Match', 'yesterday')
        .send({ reason: 'x' })
        .expect(400);
      const empty = await http()
        .post(`/goals/${goalId}/cancellation`)
        .set(as(auth.coordinator))
        .set('If-Match', '')
        .send({ reason: 'x' })
        .expect(400);
      expect(empty.body.code).toBe('invalid-if-match');
      expect(await revisionOf(goalId)).toBe('"1"');
    });

    it('answers a retried request with the first response and records nothing twice', async () => {
      const goalId = await agreed();
      const key = randomUUID();
      const send = (body: Record<string, unknown>) =>
        http().post(`/goals/${goalId}/progress`).set(as(auth.coordinator)).set('Idempotency-Key', key).send(body);
      const first = await send({ value: 37, asOf: '2026-06-30' }).expect(201);
      const retry = await send({ value: 37, asOf: '2026-06-30' }).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['etag']).toBe(first.headers['etag']);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const reused = await send({ value: 38, asOf: '2026-06-30' }).expect(422);
      expect(reused.body.code).toBe('idempotency-key-reused');
      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      expect(history.body.items.filter((entry: { type: string }) => entry.type === 'ProgressRecorded')).toHaveLength(1);
    });

    it('creates a goal once for a retried draft', async () => {
      const before = await goalCount();
      const key = randomUUID();
      const body = draftBody();
      const first = await http()
        .post('/goals')
        .set(as(auth.coordinator))
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      const retry = await http()
        .post('/goals')
        .set(as(auth.coordinator))
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      expect(retry.body.goalId).toBe(first.body.goalId);
      expect(await goalCount()).toBe(before + 1);
    });

    it('answers retries after a restart with the first responses, as durable as the events', async () => {
      const goalId = await agreed();
      const keys = { draft: randomUUID(), progress: randomUUID(), suspension: randomUUID() };
      const body = draftBody();
      const keyed = (path: string, key: string, payload: Record<string, unknown>) =>
        http().post(path).set(as(auth.coordinator)).set('Idempotency-Key', key).send(payload);
      const first = {
        draft: await keyed('/goals', keys.draft, body).expect(201),
        progress: await keyed(`/goals/${goalId}/progress`, keys.progress, { value: 36, asOf: '2026-06-30' }).expect(
          201,
        ),
        suspension: await keyed(`/goals/${goalId}/suspension`, keys.suspension, { reason: 'Haushaltssperre' }).expect(
          200,
        ),
      };
      await service.close();
      service = await startGoals(environment());
      const retried = {
        draft: await keyed('/goals', keys.draft, body),
        progress: await keyed(`/goals/${goalId}/progress`, keys.progress, { value: 36, asOf: '2026-06-30' }),
        suspension: await keyed(`/goals/${goalId}/suspension`, keys.suspension, { reason: 'Haushaltssperre' }),
      };
      for (const name of ['draft', 'progress', 'suspension'] as const) {
        expect([retried[name].status, retried[name].body]).toEqual([first[name].status, first[name].body]);
        expect(retried[name].headers['idempotent-replayed']).toBe('true');
      }
      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      const types = history.body.items.map((entry: { type: string }) => entry.type);
      expect(types.filter((type: string) => type === 'GoalSuspended')).toHaveLength(1);
      expect(types.filter((type: string) => type === 'ProgressRecorded')).toHaveLength(1);
    });
  });

  describe('audit replay', () => {
    it('shows a goal as recorded by a past time and as effective on a past date', async () => {
      const goalId = await draft();
      await command(goalId, 'proposal').expect(200);
      await command(goalId, 'consents', { partyId: 'stadt-bramsche' }).expect(200);
      await command(goalId, 'consents', { partyId: 'kita-traeger-nord' }).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const beforeAgreement = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Recorded now, in effect from a date in the future.
      await command(goalId, 'agreement', {
        authority: 'Kreisausschuss, Beschluss 2026/041',
        effectiveOn: '2030-01-01',
      }).expect(200);

      const recorded = await http()
        .get(`/goals/${goalId}`)
        .query({ recordedAsOf: beforeAgreement })
        .set(as(auth.auditor))
        .expect(200);
      expect(recorded.headers['etag']).toBe('"3"');
      expect(recorded.body.goal.status).toBe('proposed');
      const inEffectToday = await http()
        .get(`/goals/${goalId}`)
        .query({ effectiveAsOf: new Date().toISOString() })
        .set(as(auth.auditor))
        .expect(200);
      expect(inEffectToday.body.goal.status).toBe('proposed');
      const inEffect2030 = await http()
        .get(`/goals/${goalId}`)
        .query({ effectiveAsOf: '2030-01-01' })
        .set(as(auth.auditor))
        .expect(200);
      expect(inEffect2030.body.goal.status).toBe('agreed');
      await http().get(`/goals/${goalId}`).query({ recordedAsOf: '2000-01-01' }).set(as(auth.auditor)).expect(404);
      await http().get(`/goals/${goalId}`).query({ recordedAsOf: 'gestern' }).set(as(auth.auditor)).expect(400);
    });

    it('carries the newest 100 progress values with the count and the latest, and pages all of them, also as of a past time', async () => {
      const goalId = await agreed();
      const day = (index: number) => new Date(Date.UTC(2026, 2, 1 + index)).toISOString().slice(0, 10);
      for (let index = 0; index < 120; index++)
        await command(goalId, 'progress', { value: index, asOf: day(index) }).expect(201);
      const afterFirst120 = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Recorded last, but for the earliest date: the oldest value, not the latest.
      await command(goalId, 'progress', { value: 999, asOf: '2026-02-15' }).expect(201);

      const { body } = await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200);
      expect(body.progressSummary).toMatchObject({ count: 121, carried: 100, latest: { value: 119, asOf: day(119) } });
      expect(body.goal.progress).toHaveLength(100);
      expect(body.goal.progress.map((record: { value: number }) => record.value)).toEqual(
        Array.from({ length: 100 }, (_, index) => index + 20),
      );

      const page = await http()
        .get(`/goals/${goalId}/progress`)
        .query({ offset: 100, limit: 50 })
        .set(as(auth.auditor))
        .expect(200);
      expect(page.body).toMatchObject({ total: 121, offset: 100, limit: 50 });
      expect(page.body.items.map((record: { value: number }) => record.value)).toEqual([
        ...Array.from({ length: 20 }, (_, index) => 19 - index),
        999,
      ]);
      const past = await http()
        .get(`/goals/${goalId}/progress`)
        .query({ recordedAsOf: afterFirst120, limit: 3 })
        .set(as(auth.auditor))
        .expect(200);
      expect(past.body).toMatchObject({ total: 120, items: [{ value: 119 }, { value: 118 }, { value: 117 }] });
      await http().get(`/goals/${goalId}/progress`).set(as(bramsche)).expect(200);
      await http().get(`/goals/${goalId}/progress`).set(as(outsider)).expect(403);
      const refused = await http().get(`/goals/${goalId}/progress`).query({ limit: 0 }).set(as(auth.auditor));
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('query.limit');
    });

    it('pages the history and exports it as CSV', async () => {
      const goalId = await agreed();
      const page = await http()
        .get(`/goals/${goalId}/history`)
        .query({ offset: 2, limit: 2 })
        .set(as(auth.auditor))
        .expect(200);
      expect(page.body).toMatchObject({ total: 5, offset: 2, limit: 2 });
      expect(page.body.items.map((entry: { revision: number }) => entry.revision)).toEqual([2, 3]);
      const csv = await http()
        .get(`/goals/${goalId}/history`)
        .query({ format: 'csv' })
        .set(as(auth.auditor))
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe(
        'revision,recordedAt,effectiveAt,type,actorId,actorRole,reason,authority,correlationId,causationId,eventId,data,prevHash,hash',
      );
      expect(lines).toHaveLength(6);
      expect(lines[5]).toContain('"Kreisausschuss, Beschluss 2026/041"');
      await http().get(`/goals/${goalId}/history`).query({ format: 'pdf' }).set(as(auth.auditor)).expect(400);
    });

    it('shows what changed between two revisions and which events changed it', async () => {
      const goalId = await agreed();
      await command(goalId, 'revisions', {
        reason: 'Neue Datenlage',
        changes: { target: { value: 48, dueDate: '2028-01-01' } },
      }).expect(200);
      const diff = await http()
        .get(`/goals/${goalId}/diff`)
        .query({ from: 4, to: 5 })
        .set(as(auth.auditor))
        .expect(200);
      expect(diff.body.changes).toEqual(
        expect.arrayContaining([
          { path: 'status', kind: 'changed', before: 'agreed', after: 'proposed' },
          { path: 'terms.target.value', kind: 'changed', before: 45, after: 48 },
        ]),
      );
      expect(diff.body.events).toEqual([
        expect.objectContaining({ revision: 5, type: 'GoalRevised', reason: 'Neue Datenlage' }),
      ]);
      const whole = await http()
        .get(`/goals/${goalId}/diff`)
        .query({ from: 0, to: 4 })
        .set(as(auth.auditor))
        .expect(200);
      expect(whole.body.events).toHaveLength(4);
      expect(whole.body.changes).toEqual(
        expect.arrayContaining([{ path: 'status', kind: 'changed', before: 'draft', after: 'agreed' }]),
      );
      await http().get(`/goals/${goalId}/diff`).query({ from: 5, to: 4 }).set(as(auth.auditor)).expect(400);
      await http().get(`/goals/${goalId}/diff`).query({ from: 0, to: 9 }).set(as(auth.auditor)).expect(400);
    });

    it('verifies the hash chain of one goal and of all goals', async () => {
      const goalId = await agreed();
      const one = await http().get(`/goals/${goalId}/audit`).set(as(auth.auditor)).expect(200);
      expect(one.body).toMatchObject({
        streamId: `goal-${goalId}`,
        valid: true,
        eventsChecked: 5,
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const all = await http().get('/audit').set(as(auth.auditor)).expect(200);
      expect(all.body).toMatchObject({ valid: true, broken: [] });
      expect(all.body.streamsChecked).toBeGreaterThan(0);
      await http().get(`/goals/${randomUUID()}/audit`).set(as(auth.auditor)).expect(404);
    });
  });

  describe('the goal list and the dashboard', () => {
    // Each test has a municipality of its own, so the counts are its goals only.
    it('filters, sorts and pages goals, and actors see only their own', async () => {
      const region = '03459031';
      const early = await agreed({
        regionKeys: [region],
        title: 'A Ganztag',
        target: { value: 45, dueDate: '2027-06-30' },
      });
      const late = await draft({
        regionKeys: [region],
        title: 'B Sprachförderung',
        stage: 'allgemeinbildende-schulen',
        parties: [{ id: 'schule-x', name: 'Schule X', role: 'responsible' }],
      });
      await command(early, 'progress', { value: 30, asOf: '2026-10-31' }).expect(201);
      const list = (query: Record<string, string>, token = auth.coordinator) =>
        http()
          .get('/goals')
          .query({ region, ...query })
          .set(as(token));
      await eventually(async () => (await list({ assessment: 'off-track' })).body.total === 1, 15_000);

      expect((await list({}).expect(200)).body.total).toBe(2);
      expect((await list({ status: 'draft' })).body.items.map((goal: { id: string }) => goal.id)).toEqual([late]);
      expect(
        (await list({ stage: 'fruehkindliche-bildung' })).body.items.map((goal: { id: string }) => goal.id),
      ).toEqual([early]);
      expect((await list({ party: 'schule-x' })).body.items.map((goal: { id: string }) => goal.id)).toEqual([late]);
      expect((await list({ indicator: 'betreuungsquote-u3' })).body.total).toBe(2);
      const offTrack = (await list({ assessment: 'off-track' })).body.items[0];
      expect(offTrack).toMatchObject({
        id: early,
        status: 'agreed',
        assessment: 'off-track',
        latestProgress: { value: 30, asOf: '2026-10-31' },
        partyIds: ['stadt-bramsche', 'kita-traeger-nord'],
      });
      expect((await list({ sort: 'title' })).body.items.map((goal: { title: string }) => goal.title)).toEqual([
        'A Ganztag',
        'B Sprachförderung',
      ]);
      expect((await list({ sort: '-title' })).body.items.map((goal: { title: string }) => goal.title)).toEqual([
        'B Sprachförderung',
        'A Ganztag',
      ]);
      const second = (await list({ sort: 'dueDate', limit: '1', offset: '1' })).body;
      expect(second).toMatchObject({ total: 2, offset: 1, limit: 1, items: [{ id: late }] });
      expect((await list({}, bramsche)).body.items.map((goal: { id: string }) => goal.id)).toEqual([early]);
      expect((await list({ party: 'schule-x' }, bramsche)).body.total).toBe(0);
    });

    it('finds goals by the words of their title, in any case and order, and reads the words literally', async () => {
      const region = '03459033';
      const ganztag = await draft({ regionKeys: [region], title: 'Ganztagsplätze in Bramsche ausbauen' });
      await draft({ regionKeys: [region], title: 'Sprachförderung (Kita) stärken' });
      const search = async (q: string) =>
        (await http().get('/goals').query({ region, q }).set(as(auth.coordinator)).expect(200)).body.items.map(
          (goal: { id: string }) => goal.id,
        );
      await eventually(async () => (await search('ganztag')).length === 1, 15_000);
      expect(await search('BRAMSCHE ganztags')).toEqual([ganztag]);
      expect(await search('bramsche kita')).toEqual([]);
      expect(await search('(kita)')).toHaveLength(1);
      expect(await search('.*')).toEqual([]);
      const blank = await http().get('/goals').query({ q: '   ' }).set(as(auth.coordinator));
      expect([blank.status, blank.body.code]).toEqual([400, 'invalid-request']);
    });

    it('refuses filters that are not plain values', async () => {
      for (const query of [
        'status=finished',
        'status[$ne]=draft',
        'limit=5000',
        'limit=ten',
        'sort=$where',
        'region[$gt]=0',
        'colour=red',
      ]) {
        const response = await http().get(`/goals?${query}`).set(as(auth.coordinator));
        expect([query, response.status, response.body.code]).toEqual([query, 400, 'invalid-request']);
      }
    });

    it('counts goals by status, assessment and stage', async () => {
      const region = '03459032';
      const goalId = await agreed({ regionKeys: [region] });
      await draft({ regionKeys: [region], stage: 'weiterbildung' });
      await command(goalId, 'progress', { value: 44, asOf: '2026-06-30' }).expect(201);
      const dashboard = async () =>
        (await http().get('/goals/dashboard').query({ region }).set(as(auth.auditor)).expect(200)).body;
      await eventually(async () => (await dashboard()).byAssessment['on-track'] === 1, 15_000);
      const counts = await dashboard();
      expect(counts).toMatchObject({
        total: 2,
        byStatus: { draft: 1, agreed: 1, proposed: 0 },
        byStage: { 'fruehkindliche-bildung': 1, weiterbildung: 1 },
      });
      expect(counts.byAssessment).toEqual({ 'on-track': 1, 'at-risk': 0, 'off-track': 0 });
    });

    it('narrows the dashboard to a stage, and counts only an actor’s own goals for an actor', async () => {
      const region = '03459034';
      await agreed({ regionKeys: [region] });
      await draft({
        regionKeys: [region],
        stage: 'weiterbildung',
        parties: [{ id: 'vhs-x', name: 'VHS X', role: 'responsible' }],
      });
      const dashboard = async (query: Record<string, string>, token = auth.coordinator) =>
        (
          await http()
            .get('/goals/dashboard')
            .query({ region, ...query })
            .set(as(token))
            .expect(200)
        ).body;
      await eventually(async () => (await dashboard({})).total === 2, 15_000);
      expect(await dashboard({ stage: 'weiterbildung' })).toMatchObject({
        total: 1,
        byStatus: { draft: 1, agreed: 0 },
      });
      expect(await dashboard({}, bramsche)).toMatchObject({ total: 1, byStatus: { agreed: 1, draft: 0 } });
      const wrongStage = await http().get('/goals/dashboard').query({ stage: 'kita' }).set(as(auth.coordinator));
      expect([wrongStage.status, wrongStage.body.code]).toEqual([400, 'invalid-request']);
    });
  });

  describe('integration events', () => {
    let bus: Bus;
    const received: Delivery[] = [];

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'goals-api-test',
      });
      await bus.subscribe({
        groupId: `goals-api-test-${randomUUID()}`,
        topics: [Topics.goals],
        handler: async (delivery) => void received.push(delivery),
      });
    });

    afterAll(() => bus?.close());

    it('publishes the draft, agreement, progress and assessment changes to bildung.goals.v1 with causation and correlation', async () => {
      const goalId = await agreed();
      await http()
        .post(`/goals/${goalId}/progress`)
        .set(as(auth.coordinator))
        .set('X-Correlation-Id', 'meldung-7')
        .send({ value: 36, asOf: '2026-10-01' })
        .expect(201);
      const mine = () => received.filter((delivery) => delivery.event.subject === `goal-${goalId}`);
      await eventually(
        () => mine().length === 4,
        30_000,
        () => JSON.stringify(mine().map((delivery) => delivery.event.type)),
      );
      const [drafted, agreement, progress, assessment] = mine().map((delivery) => delivery.event);
      expect(drafted).toMatchObject({
        type: 'bildung.goals.goal-drafted.v1',
        data: { goalId, regionKeys: ['03459008'] },
      });
      expect(drafted?.data).not.toHaveProperty('origin');
      expect(agreement).toMatchObject({
        type: 'bildung.goals.goal-agreed.v1',
        source: 'goals',
        data: {
          goalId,
          authority: 'Kreisausschuss, Beschluss 2026/041',
          regionKeys: ['03459008'],
          indicator: { key: 'betreuungsquote-u3' },
        },
      });
      expect(progress).toMatchObject({
        type: 'bildung.goals.progress-recorded.v1',
        correlationId: 'meldung-7',
        data: { goalId, value: 36, source: 'manual' },
      });
      expect(assessment).toMatchObject({
        type: 'bildung.goals.assessment-changed.v1',
        data: { goalId, from: null, to: 'off-track' },
      });
      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      expect(progress?.id).toBe(history.body.items[5].eventId);
      expect(progress?.causationId).toBe(history.body.items[5].eventId);
    });
  });

  describe('knowing the actors directory', () => {
    let bus: Bus;

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'planning-stand-in',
      });
      await bus.ensureTopics([Topics.planning]);
    });

    afterAll(() => bus?.close());

    it('names the parties planning announced, and records a goal with an unknown party with a warning', async () => {
      const known = `traeger-${randomUUID().slice(0, 8)}`;
      const event: IntegrationEvent = {
        id: randomUUID(),
        type: ActorRegistered.type,
        source: 'planning',
        subject: `organisation-${known}`,
        time: new Date().toISOString(),
        correlationId: randomUUID(),
        data: { actorId: known, name: 'Kita-Träger aus dem Verzeichnis', kind: 'organisation', type: 'traeger' },
      };
      await bus.publish([{ topic: Topics.planning, event }]);
      const parties = [
        { id: known, name: 'Tippname', role: 'responsible' },
        { id: 'nicht-im-verzeichnis', name: 'Unbekannt', role: 'contributing' },
      ];
      await eventually(
        async () =>
          (await http().post('/goals').set(as(auth.coordinator)).send(draftBody({ parties }))).body.warnings?.length ===
          1,
        20_000,
      );
      const drafted = await http().post('/goals').set(as(auth.coordinator)).send(draftBody({ parties })).expect(201);
      expect(drafted.body.warnings).toEqual([
        {
          code: 'unknown-actor',
          actorId: 'nicht-im-verzeichnis',
          message: expect.stringContaining('actors directory'),
        },
      ]);
      const goal = (await http().get(`/goals/${drafted.body.goalId}`).set(as(auth.auditor)).expect(200)).body;
      expect(goal.actors).toEqual({ [known]: { name: 'Kita-Träger aus dem Verzeichnis', status: 'active' } });
      const revised = await command(drafted.body.goalId, 'draft', { changes: { parties: [parties[0]] } });
      expect(revised.body).toMatchObject({ revision: 1 });
      expect(revised.body.warnings).toEqual([]);
    });
  });

  describe('reacting to ideas', () => {
    let bus: Bus;

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'ideas-stand-in',
      });
      await bus.ensureTopics([Topics.ideas, Topics.planning]);
    });

    afterAll(() => bus?.close());

    const promotion = (promotionId: string, ideaId: string, target = 'goal'): IntegrationEvent => ({
      id: randomUUID(),
      type: IdeaPromoted.type,
      source: 'ideas',
      subject: `idea-${ideaId}`,
      time: new Date().toISOString(),
      correlationId: randomUUID(),
      data: {
        ideaId,
        promotionId,
        target,
        title: 'Ausbildungslotsen im Nordkreis',
        description: 'Lotsen begleiten Jugendliche vom Praktikum bis zum Ausbildungsvertrag.',
        stages: ['berufliche-bildung', 'allgemeinbildende-schulen'],
        regionKeys: ['03459030'],
      },
    });

    it('drafts one incomplete goal per promotion, which is completed before it can be proposed', async () => {
      const ideaId = randomUUID();
      const promotionId = randomUUID();
      const goalId = goalIdForPromotion(promotionId);
      const measure = randomUUID();
      await bus.publish(
        [promotion(promotionId, ideaId), promotion(promotionId, ideaId), promotion(measure, ideaId, 'measure')].map(
          (event) => ({ topic: Topics.ideas, event }),
        ),
      );
      await eventually(async () => (await http().get(`/goals/${goalId}`).set(as(auth.auditor))).status === 200, 20_000);
      const drafted = (await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200)).body;
      expect(drafted.goal).toMatchObject({
        status: 'draft',
        origin: { ideaId, promotionId },
        incompleteTerms: {
          title: 'Ausbildungslotsen im Nordkreis',
          stage: 'berufliche-bildung',
          regionKeys: ['03459030'],
        },
      });
      expect(drafted.goal.terms).toBeUndefined();
      await http()
        .get(`/goals/${goalIdForPromotion(measure)}`)
        .set(as(auth.auditor))
        .expect(404);
      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      expect(history.body.items).toHaveLength(1);
      expect(history.body.items[0]).toMatchObject({
        type: 'GoalDraftedFromIdea',
        actor: { id: 'goals.ideas-consumer' },
      });
      await eventually(async () => {
        const rows = (await http().get('/goals').query({ status: 'draft', limit: 200 }).set(as(auth.coordinator))).body
          .items as { id: string; originIdeaId: string | null; missingTerms: string[] }[];
        const row = rows.find((item) => item.id === goalId);
        return row?.originIdeaId === ideaId && row.missingTerms.includes('baseline');
      }, 15_000);

      const refused = await command(goalId, 'proposal').expect(422);
      expect(refused.body).toMatchObject({ code: 'draft-incomplete' });
      expect(refused.body.detail).toContain('parties, baseline, target, unit, direction');
      await command(goalId, 'draft', { changes: { stage: 'allgemeinbildende-schulen', unit: 'Jugendliche' } }).expect(
        200,
      );
      await command(goalId, 'draft', { changes: { unit: 'Jugendliche' } }).expect(422);
      const {
        title: _title,
        description: _description,
        stage: _stage,
        regionKeys: _regions,
        ...rest
      } = draftBody({
        unit: 'Jugendliche',
        baseline: { value: 40, date: '2026-01-01' },
        target: { value: 80, dueDate: '2028-01-01' },
      });
      await command(goalId, 'draft', { changes: rest }).expect(200);
      await command(goalId, 'proposal').expect(200);
      const proposed = (await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200)).body.goal;
      expect(proposed).toMatchObject({
        status: 'proposed',
        terms: { stage: 'allgemeinbildende-schulen', unit: 'Jugendliche' },
      });
      await command(goalId, 'draft', { changes: { unit: 'Plätze' } }).expect(409);
    });

    it('lists the measures planning links to a goal, as far as each has come', async () => {
      const goalId = await draft();
      const measureId = randomUUID();
      const event = (type: string, data: Record<string, unknown>): IntegrationEvent => ({
        id: randomUUID(),
        type,
        source: 'planning',
        subject: `measure-${measureId}`,
        time: '2026-11-20T10:00:00.000Z',
        correlationId: randomUUID(),
        data: { measureId, ...data },
      });
      const outline = { title: 'Zweite Krippengruppe', regionKey: '03459014', goalIds: [goalId] };
      const planned = event(MeasurePlanned.type, outline);
      await bus.publish(
        [
          planned,
          planned,
          event(MeasureApproved.type, { authority: 'Rat der Stadt Bramsche', decidedOn: '2026-11-20' }),
          event(MeasurePlanned.type, { ...outline, goalIds: [] }),
        ].map((published) => ({ topic: Topics.planning, event: published })),
      );
      const measures = async () =>
        (await http().get(`/goals/${goalId}/measures`).set(as(auth.auditor)).expect(200)).body.items;
      await eventually(async () => (await measures())[0]?.status === 'approved', 20_000);
      expect(await measures()).toEqual([
        expect.objectContaining({ id: measureId, title: 'Zweite Krippengruppe', status: 'approved' }),
      ]);
      await bus.publish([{ topic: Topics.planning, event: event(MeasureRevised.type, { ...outline, goalIds: [] }) }]);
      await eventually(async () => (await measures()).length === 0, 20_000);
      await http().get(`/goals/${randomUUID()}/measures`).set(as(auth.auditor)).expect(404);
    });
  });

  describe('reacting to monitoring', () => {
    let bus: Bus;
    const deadLetters: DeadLetter[] = [];

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'monitoring-stand-in',
      });
      await bus.ensureTopics([Topics.monitoring]);
      await bus.subscribeDeadLetters({
        groupId: `dlq-reader-${randomUUID()}`,
        topics: [Topics.monitoring],
        handler: async (deadLetter) => void deadLetters.push(deadLetter),
      });
    });

    afterAll(() => bus?.close());

    /** A measurement as monitoring publishes it; each test links its goals to an indicator of its own. */
    function measurement(
      indicatorKey: string,
      overrides: { regionKey?: string; period?: string; value?: number; breakdown?: Record<string, string> } = {},
    ): IntegrationEvent {
      const measurementId = randomUUID();
      return {
        id: randomUUID(),
        type: MeasurementRecorded.type,
        source: 'monitoring',
        subject: `indicator-${indicatorKey}`,
        time: '2027-03-01T09:00:00.000Z',
        correlationId: 'import-kjh-2026',
        data: {
          measurementId,
          indicatorKey,
          regionKey: overrides.regionKey ?? '03459008',
          period: overrides.period ?? '2026',
          value: overrides.value ?? 38,
          ...(overrides.breakdown ? { breakdown: overrides.breakdown } : {}),
          source: 'Kinder- und Jugendhilfestatistik',
          recordedBy: { id: 'koordination-1', role: 'coordinator' },
          importId: '6f1c2b9e-4a7d-4c55-9b0e-2f4f7a1d9c01',
        },
      };
    }

    const publish = (...events: IntegrationEvent[]) =>
      bus.publish(events.map((event) => ({ topic: Topics.monitoring, event })));
    const progressOf = async (goalId: string) =>
      (await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200)).body.goal.progress as {
        progressId: string;
        value: number;
        source: string;
      }[];
    const indicatorKey = () => `reaktion-${randomUUID().slice(0, 8)}`;

    it('records a linked measurement as progress on the agreed goal, once, and traces it back to the import', async () => {
      const key = indicatorKey();
      const goalId = await agreed({ indicator: { key, regionKey: '03459008' } });
      const event = measurement(key);
      await publish(event);
      await eventually(async () => (await progressOf(goalId)).length === 1, 15_000);
      await publish(event);
      const marker = measurement(key, { period: '2027', value: 39 });
      await publish(marker);
      await eventually(async () => (await progressOf(goalId)).some((progress) => progress.value === 39), 15_000);
      expect(await progressOf(goalId)).toHaveLength(2);
      const [first] = await progressOf(goalId);
      expect(first).toMatchObject({
        value: 38,
        asOf: '2026-12-31',
        source: 'monitoring',
        measurementId: (event.data as { measurementId: string }).measurementId,
      });
      const history = await http().get(`/goals/${goalId}/history`).set(as(auth.auditor)).expect(200);
      const recorded = history.body.items.find((entry: { type: string }) => entry.type === 'ProgressRecorded');
      expect(recorded).toMatchObject({
        causationId: event.id,
        correlationId: 'import-kjh-2026',
        actor: { id: 'goals.monitoring-consumer', role: 'service' },
      });
      const trace = await http()
        .get(`/goals/${goalId}/progress/${first?.progressId}/trace`)
        .set(as(auth.auditor))
        .expect(200);
      expect(trace.body).toMatchObject({
        value: 38,
        source: 'monitoring',
        recorded: { causationId: event.id },
        cause: {
          kind: 'monitoring-measurement',
          eventId: event.id,
          indicatorKey: key,
          regionKey: '03459008',
          period: '2026',
          value: 38,
          recordedBy: { id: 'koordination-1', role: 'coordinator' },
          origin: { kind: 'import', importId: '6f1c2b9e-4a7d-4c55-9b0e-2f4f7a1d9c01' },
        },
        corrections: [],
      });
    });

    it('corrects the progress when monitoring corrects the measurement, and not again on redelivery', async () => {
      const key = indicatorKey();
      const goalId = await agreed({ indicator: { key, regionKey: '03459008' } });
      const event = measurement(key, { value: 37 });
      await publish(event);
      await eventually(async () => (await progressOf(goalId)).length === 1, 15_000);
      const data = event.data as { measurementId: string; indicatorKey: string; regionKey: string; period: string };
      const correction: IntegrationEvent = {
        ...event,
        id: randomUUID(),
        type: MeasurementCorrected.type,
        data: {
          measurementId: data.measurementId,
          indicatorKey: key,
          regionKey: data.regionKey,
          period: data.period,
          value: 40,
          previousValue: 37,
          reason: 'Nachmeldung eines Trägers',
          correctedBy: { id: 'koordination-2', role: 'coordinator' },
        },
      };
      await publish(correction, correction);
      await eventually(async () => (await progressOf(goalId))[0]?.value === 40, 15_000);
      const [progress] = await progressOf(goalId);
      const trace = await http()
        .get(`/goals/${goalId}/progress/${progress?.progressId}/trace`)
        .set(as(auth.auditor))
        .expect(200);
      expect(trace.body.corrections).toEqual([
        expect.objectContaining({
          value: 40,
          previousValue: 37,
          causationId: correction.id,
          reason: 'Korrektur im Bildungsmonitoring: Nachmeldung eines Trägers',
          cause: {
            kind: 'monitoring-correction',
            eventId: correction.id,
            correctedBy: { id: 'koordination-2', role: 'coordinator' },
          },
        }),
      ]);
    });

    it('changes nothing for another indicator, another region, a subgroup, a period before the baseline or a goal not yet agreed', async () => {
      const key = indicatorKey();
      const goalId = await agreed({ indicator: { key, regionKey: '03459008' } });
      const draftOnly = await draft({ indicator: { key, regionKey: '03459008' } });
      await publish(
        measurement(indicatorKey()),
        measurement(key, { regionKey: '03459014' }),
        measurement(key, { breakdown: { sex: 'female' } }),
        measurement(key, { period: '2024' }),
      );
      const marker = measurement(key, { period: '2027', value: 41 });
      await publish(marker);
      await eventually(async () => (await progressOf(goalId)).length === 1, 15_000);
      expect((await progressOf(goalId))[0]).toMatchObject({ value: 41, asOf: '2027-12-31' });
      expect(await progressOf(draftOnly)).toEqual([]);
    });

    it('moves a message it cannot handle to the dead-letter topic with its error and handles the ones after it', async () => {
      const key = indicatorKey();
      const goalId = await agreed({ indicator: { key, regionKey: '03459008' } });
      const poison = measurement(key, { period: '2026-02-30' });
      await publish(poison, measurement(key, { period: '2026', value: 42 }));
      await eventually(async () => (await progressOf(goalId)).length === 1, 30_000);
      await eventually(
        () =>
          deadLetters.some(
            (deadLetter) => deadLetter.value.includes(poison.id) || deadLetter.headers['ce_id'] === poison.id,
          ),
        30_000,
      );
      const deadLetter = deadLetters.find((candidate) => candidate.headers['ce_id'] === poison.id);
      expect(deadLetter).toMatchObject({
        consumerGroup: 'goals',
        attempts: 5,
        error: expect.stringContaining('2026-02-30, which is not a real year'),
      });
      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/bus_dead_letters_total\{topic="bildung.monitoring.v1",service="goals"\} [1-9]/);
      expect(metrics.text).toMatch(/bus_consumer_lag_messages\{topic="bildung.monitoring.v1",service="goals"\} \d+/);
      await eventually(
        async () => (await http().get('/health').expect(200)).body.consumer?.lag?.['bildung.monitoring.v1'] === 0,
        15_000,
      );
      expect(metrics.text).toMatch(
        /goals_monitoring_reactions_total\{event="measurement-recorded",outcome="applied",service="goals"\} [1-9]/,
      );
    });
  });

  describe('operations', () => {
    it('reports health, metrics and the OpenAPI document without a token', async () => {
      await draft();
      const health = await http().get('/health').expect(200);
      expect(health.body).toMatchObject({
        status: 'ok',
        eventStore: { status: 'up' },
        readModels: { status: 'up' },
        projections: [
          { name: 'goals.summaries', state: 'live' },
          { name: 'actor-directory', state: 'live' },
          { name: 'goals.linked-measures', state: 'live' },
        ],
        relay: { state: 'running' },
      });
      await http().get('/health/live').expect(200);
      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(
        /goals_commands_total\{command="DraftGoal",outcome="accepted",service="goals"\} \d+/,
      );
      expect(metrics.text).toMatch(/projection_lag_events\{projection="goals.summaries",service="goals"\} \d+/);
      expect(metrics.text).toMatch(/http_requests_total\{method="POST",route="\/goals",status="201",service="goals"\}/);
      const openapi = await http().get('/docs/openapi.json').expect(200);
      const paths = Object.keys(openapi.body.paths as object);
      for (const path of [
        '/goals',
        '/goals/{id}/proposal',
        '/goals/{id}/progress/{progressId}/correction',
        '/goals/{id}/history',
        '/goals/{id}/diff',
        '/goals/{id}/audit',
        '/audit',
        '/goals/dashboard',
        '/health',
      ]) {
        expect(paths).toContain(path);
      }
      expect(openapi.body.paths['/goals'].post.requestBody.content['application/json'].schema.required).toEqual(
        expect.arrayContaining(['title', 'stage', 'baseline', 'target', 'direction']),
      );
    });
  });

  describe('tampering', () => {
    it('seals the store, and after an attacker rewrote and re-hashed a goal refuses commands on it and says so', async () => {
      const goalId = await agreed();
      const untouched = await agreed();
      const sealed = await http().post('/audit/seals').set(as(auth.auditor)).expect(201);
      expect(sealed.body).toMatchObject({ service: 'goals', sequence: expect.any(Number), keyId: expect.any(String) });
      await http().post('/audit/seals').set(as(auth.coordinator)).expect(403);
      expect((await http().get('/audit/seal').set(as(auth.auditor)).expect(200)).body).toMatchObject({ valid: true });
      await service.close();
      const attacker = new EventStoreFileAttacker(sqliteFile());
      attacker.rewrite(`goal-${goalId}`, 4, (data) => ({ ...data, authority: 'Bürgermeister, mündlich' }));
      attacker.close();
      service = await startGoals(environment());
      const check = await http().get('/audit/seal').set(as(auth.auditor)).expect(200);
      expect(check.body).toMatchObject({
        valid: false,
        brokenChains: [],
        rewrittenStreams: [{ streamId: `goal-${goalId}` }],
      });
      const refused = await command(goalId, 'suspension', { reason: 'Prüfung' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'tampered-stream', streamId: `goal-${goalId}` });
      const read = await http().get(`/goals/${goalId}`).set(as(auth.auditor)).expect(200);
      expect(read.body.integrity).toMatchObject({ intact: false, problem: { reason: 'rewritten' } });
      await command(untouched, 'suspension', { reason: 'Prüfung' }).expect(200);
      const health = await http().get('/health').expect(200);
      expect(health.body).toMatchObject({ status: 'degraded', seals: { brokenStreams: [`goal-${goalId}`] } });
      expect((await http().get('/metrics').expect(200)).text).toMatch(
        /event_store_broken_streams{service="goals"} 1\b/,
      );
      await http().post('/audit/seals').set(as(auth.admin)).expect(409);
    });

    it('names the first event whose stored bytes were changed on disk', async () => {
      const goalId = await agreed();
      await command(goalId, 'progress', { value: 36, asOf: '2026-10-01', note: 'Manipulationsprobe-1234' }).expect(201);
      await service.close();
      changeBytesInFile(sqliteFile(), 'Manipulationsprobe-1234', 'Manipulationsprobe-9234');
      service = await startGoals(environment());
      const one = await http().get(`/goals/${goalId}/audit`).set(as(auth.auditor)).expect(200);
      expect(one.body).toMatchObject({
        valid: false,
        eventsChecked: 5,
        firstBroken: { streamId: `goal-${goalId}`, revision: 5, problem: { reason: 'hash-mismatch' } },
      });
      const all = await http().get('/audit').set(as(auth.auditor)).expect(200);
      expect(all.body.valid).toBe(false);
      expect(all.body.broken).toEqual([expect.objectContaining({ streamId: `goal-${goalId}`, revision: 5 })]);
    });
  });
}
