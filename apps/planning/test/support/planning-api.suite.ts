import { Bus, busFromUrl, Delivery } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { bearer, Environment, TestApp, tokens, Tokens } from '@bildungsregion/service-testing';
import { eventually } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { startPlanning } from './planning-test-app';

const BRAMSCHE = '03459014';
const MELLE = '03459024';

/** The planning HTTP API end to end, on whatever event store, bus and read models the environment names. */
export function planningApiSuite(environment: () => Environment): void {
  let service: TestApp;
  let auth: Tokens;
  const run = randomUUID().replace(/-/g, '').slice(0, 8);
  let serial = 0;
  const newId = (prefix: string) => `${prefix}-${run}-${(serial += 1)}`;

  beforeAll(async () => {
    service = await startPlanning(environment());
    auth = await tokens();
  });

  afterAll(() => service?.close());

  const http = () => service.http();
  const register = async (profile: Record<string, unknown> = {}) => {
    const id = newId('traeger');
    await http()
      .post('/actors')
      .set(bearer(auth.coordinator))
      .send({ id, name: `Kita-Träger ${id}`, type: 'traeger', regionKey: BRAMSCHE, ...profile })
      .expect(201);
    return id;
  };
  const listed = async (query: Record<string, string>) =>
    (await http().get('/actors').query(query).set(bearer(auth.auditor)).expect(200)).body.items.map(
      (item: { id: string }) => item.id,
    );

  it('registers an organisation under the id goals use, renames it with a reason and keeps every step audited', async () => {
    const id = await register({ address: { street: 'Große Straße 1', postalCode: '49565', town: 'Bramsche' } });
    const again = await http()
      .post('/actors')
      .set(bearer(auth.coordinator))
      .send({ id, name: 'Doppelt', type: 'traeger', regionKey: BRAMSCHE })
      .expect(409);
    expect(again.body.code).toBe('organisation-exists');
    await http()
      .post(`/actors/${id}/renaming`)
      .set(bearer(auth.coordinator))
      .set('If-Match', '"0"')
      .send({ name: `Kita-Verbund ${id}`, reason: 'neuer Name laut Satzung' })
      .expect(200);
    const stale = await http()
      .post(`/actors/${id}/details`)
      .set(bearer(auth.coordinator))
      .set('If-Match', '"0"')
      .send({ regionKey: MELLE })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
    await http().post(`/actors/${id}/details`).set(bearer(auth.coordinator)).send({ regionKey: MELLE }).expect(200);
    await eventually(
      async () => (await http().get(`/actors/${id}`).set(bearer(auth.auditor))).body.regionKey === MELLE,
      15_000,
    );
    const organisation = (await http().get(`/actors/${id}`).set(bearer(auth.auditor)).expect(200)).body;
    expect(organisation).toMatchObject({ name: `Kita-Verbund ${id}`, type: 'traeger', status: 'active', networks: [] });
    const history = await http().get(`/actors/${id}/history`).set(bearer(auth.auditor)).expect(200);
    expect(history.body.items.map((item: { type: string; reason?: string }) => [item.type, item.reason])).toEqual([
      ['OrganisationRegistered', undefined],
      ['OrganisationRenamed', 'neuer Name laut Satzung'],
      ['OrganisationDetailsChanged', undefined],
    ]);
    expect((await http().get(`/actors/${id}/audit`).set(bearer(auth.auditor)).expect(200)).body).toMatchObject({
      valid: true,
    });
  });

  it('finds organisations by the words of their name, by type and by municipality', async () => {
    const vhs = await register({ name: `Volkshochschule Nord Suche${run}`, type: 'vhs', regionKey: MELLE });
    const kita = await register({ name: `Kita Sonnenschein Suche${run}`, type: 'kita' });
    await eventually(async () => (await listed({ q: `suche${run}`, limit: '200' })).length >= 2, 15_000);
    expect(await listed({ q: `volkshochschule suche${run}` })).toEqual([vhs]);
    expect(await listed({ q: `suche${run}`, type: 'kita' })).toEqual([kita]);
    expect(await listed({ q: `suche${run}`, regionKey: MELLE })).toEqual([vhs]);
    expect(await listed({ q: `(.*) suche${run}` })).toEqual([]);
  });

  it('keeps networks of registered organisations with their roles, in one space of ids with organisations', async () => {
    const member = await register();
    const networkId = newId('netzwerk');
    await http()
      .post('/networks')
      .set(bearer(auth.coordinator))
      .send({ id: networkId, name: `Netzwerk ${run}`, kind: 'netzwerk', purpose: 'Frühe Bildung' })
      .expect(201);
    const taken = await http()
      .post('/actors')
      .set(bearer(auth.coordinator))
      .send({ id: networkId, name: 'X', type: 'verein', regionKey: BRAMSCHE })
      .expect(409);
    expect(taken.body.code).toBe('actor-id-taken');
    const unknown = await http()
      .post(`/networks/${networkId}/members`)
      .set(bearer(auth.coordinator))
      .send({ actorId: `niemand-${run}`, role: 'mitglied' })
      .expect(422);
    expect(unknown.body.code).toBe('unknown-organisation');
    await http()
      .post(`/networks/${networkId}/members`)
      .set(bearer(auth.coordinator))
      .send({ actorId: member, role: 'mitglied' })
      .expect(200);
    await http()
      .post(`/networks/${networkId}/members`)
      .set(bearer(auth.coordinator))
      .send({ actorId: member, role: 'vorsitz' })
      .expect(200);
    await eventually(
      async () =>
        (await http().get(`/actors/${member}`).set(bearer(auth.auditor))).body.networks?.[0]?.role === 'vorsitz',
      15_000,
    );
    const network = (await http().get(`/networks/${networkId}`).set(bearer(auth.auditor)).expect(200)).body;
    expect(network.members).toEqual([{ actorId: member, role: 'vorsitz', name: `Kita-Träger ${member}` }]);
    expect((await http().get('/networks').query({ member }).set(bearer(auth.auditor))).body.items).toHaveLength(1);
    await http()
      .post(`/networks/${networkId}/members/${member}/removal`)
      .set(bearer(auth.coordinator))
      .send({ reason: 'Austritt zum Jahresende' })
      .expect(200);
    const history = await http().get(`/networks/${networkId}/history`).set(bearer(auth.auditor)).expect(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
      'NetworkFormed',
      'MemberAdmitted',
      'MemberRoleChanged',
      'MemberLeft',
    ]);
  });

  it('lets an actor keep its own entry and contacts and nobody else’s; auditors only read', async () => {
    const own = await register();
    const other = await register();
    const actor = await auth.actor(own);
    await http()
      .post(`/actors/${own}/renaming`)
      .set(bearer(actor))
      .send({ name: `Eigener Name ${run}`, reason: 'Umbenennung' })
      .expect(200);
    await http().post(`/actors/${other}/renaming`).set(bearer(actor)).send({ name: 'Fremd', reason: 'x' }).expect(403);
    const contact = { role: 'leitung', personal: { name: 'Test Person' } };
    await http().post(`/actors/${own}/contacts`).set(bearer(actor)).send(contact).expect(201);
    await http().post(`/actors/${other}/contacts`).set(bearer(actor)).send(contact).expect(403);
    await http()
      .post('/actors')
      .set(bearer(actor))
      .send({ id: newId('x'), name: 'X', type: 'verein', regionKey: BRAMSCHE })
      .expect(403);
    await http().post(`/actors/${own}/contacts`).set(bearer(auth.auditor)).send(contact).expect(403);
  });

  it('keeps contact persons with their roles, and no command answer repeats their personal data', async () => {
    const id = await register();
    const added = await http()
      .post(`/actors/${id}/contacts`)
      .set(bearer(auth.coordinator))
      .send({
        role: 'ansprechperson-bildungskoordination',
        personal: { name: 'Ada Beispiel', email: 'ada@example.org' },
      })
      .expect(201);
    expect(Object.keys(added.body).sort()).toEqual(['contactId', 'events', 'revision']);
    expect(JSON.stringify(added.body)).not.toContain('Ada');
    const contactId = added.body.contactId as string;
    expect(added.headers['location']).toBe(`/contacts/${contactId}`);
    await http()
      .post(`/contacts/${contactId}/changes`)
      .set(bearer(auth.coordinator))
      .send({ role: 'leitung' })
      .expect(200);
    await eventually(
      async () =>
        (await http().get(`/actors/${id}/contacts`).set(bearer(auth.auditor))).body.items[0]?.role === 'leitung',
      15_000,
    );
    expect((await http().get(`/actors/${id}/contacts`).set(bearer(auth.auditor))).body.items).toEqual([
      expect.objectContaining({
        contactId,
        status: 'active',
        personal: { name: 'Ada Beispiel', email: 'ada@example.org' },
      }),
    ]);
    await http()
      .post(`/contacts/${contactId}/departure`)
      .set(bearer(auth.coordinator))
      .send({ reason: 'Ruhestand' })
      .expect(200);
    const left = await http()
      .post(`/contacts/${contactId}/changes`)
      .set(bearer(auth.coordinator))
      .send({ role: 'fachberatung' })
      .expect(409);
    expect(left.body.code).toBe('contact-left');
    await http()
      .get(`/contacts/${contactId}/data-export`)
      .set(bearer(await auth.actor(id)))
      .expect(403);
    await http()
      .post(`/contacts/${contactId}/erasure`)
      .set(bearer(await auth.actor(id)))
      .send({ reason: 'x' })
      .expect(403);
    const exported = await http().get(`/contacts/${contactId}/data-export`).set(bearer(auth.coordinator)).expect(200);
    expect(exported.body).toMatchObject({ subject: { contactId }, contact: { status: 'left' } });
    expect(exported.body.history.map((entry: { type: string }) => entry.type)).toEqual([
      'ContactAdded',
      'ContactRoleChanged',
      'ContactLeft',
    ]);
    expect(exported.body.history[0].data.personal).toEqual({ name: 'Ada Beispiel', email: 'ada@example.org' });
  });

  it('answers bad input with a problem that says what is wrong, and changes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ id: 'Mit Leerzeichen', name: 'X', type: 'traeger', regionKey: BRAMSCHE }, 400, 'invalid-request'],
      [{ id: newId('a'), name: 'X', type: 'sportverein', regionKey: BRAMSCHE }, 400, 'invalid-request'],
      [{ id: newId('a'), name: 'X', type: 'verein', regionKey: '03404000' }, 422, 'region-unknown'],
      [
        {
          id: newId('a'),
          name: 'X',
          type: 'verein',
          regionKey: BRAMSCHE,
          address: { street: 'A', postalCode: '4956', town: 'B' },
        },
        400,
        'invalid-request',
      ],
    ];
    for (const [body, status, code] of cases) {
      const answer = await http().post('/actors').set(bearer(auth.coordinator)).send(body).expect(status);
      expect(answer.body.code).toBe(code);
      const id = String(body['id']);
      if (/^[a-z0-9-]+$/.test(id)) await http().get(`/actors/${id}`).set(bearer(auth.auditor)).expect(404);
    }
    const id = await register();
    const email = await http()
      .post(`/actors/${id}/contacts`)
      .set(bearer(auth.coordinator))
      .send({ role: 'leitung', personal: { name: 'X', email: 'keine-adresse' } })
      .expect(400);
    expect(email.body.detail).toMatch(/email|e-mail/i);
    await http()
      .post(`/contacts/${randomUUID()}/erasure`)
      .set(bearer(auth.coordinator))
      .send({ reason: 'x' })
      .expect(404);
    // The directory is a read model: the organisation shows there once it is projected.
    await eventually(async () => (await http().get(`/actors/${id}`).set(bearer(auth.auditor))).status === 200, 15_000);
    expect((await http().get(`/actors/${id}/contacts`).set(bearer(auth.auditor)).expect(200)).body.items).toEqual([]);
  });

  describe('integration events', () => {
    let bus: Bus;
    const received: Delivery[] = [];

    beforeAll(async () => {
      bus = busFromUrl(service.config.busUrl, {
        topicNamespace: service.config.topicNamespace,
        clientId: 'planning-api-test',
      });
      await bus.subscribe({
        groupId: `planning-api-test-${randomUUID()}`,
        topics: [Topics.planning],
        handler: async (delivery) => void received.push(delivery),
      });
    });

    afterAll(() => bus?.close());

    it('publishes organisations and networks registered, renamed and retired, and nothing of contacts', async () => {
      const id = await register();
      await http()
        .post(`/actors/${id}/contacts`)
        .set(bearer(auth.coordinator))
        .send({ role: 'leitung', personal: { name: `Geheim ${run}` } })
        .expect(201);
      await http()
        .post(`/actors/${id}/renaming`)
        .set(bearer(auth.coordinator))
        .send({ name: `Neu ${id}`, reason: 'Fusion' })
        .expect(200);
      await http()
        .post(`/actors/${id}/retirement`)
        .set(bearer(auth.coordinator))
        .send({ reason: 'aufgelöst' })
        .expect(200);
      const networkId = newId('gremium');
      await http()
        .post('/networks')
        .set(bearer(auth.coordinator))
        .send({ id: networkId, name: `Gremium ${run}`, kind: 'gremium', purpose: 'Steuerung' })
        .expect(201);
      const about = (actorId: string) =>
        received
          .filter((delivery) => (delivery.event.data as { actorId?: string }).actorId === actorId)
          .map((delivery) => delivery.event);
      await eventually(
        () => about(id).length === 3 && about(networkId).length === 1,
        30_000,
        () => JSON.stringify(received.map((d) => d.event.type)),
      );
      expect(about(id).map((event) => [event.type, event.data])).toEqual([
        [
          'bildung.planning.actor-registered.v1',
          { actorId: id, name: `Kita-Träger ${id}`, kind: 'organisation', type: 'traeger', regionKey: BRAMSCHE },
        ],
        ['bildung.planning.actor-renamed.v1', { actorId: id, name: `Neu ${id}` }],
        ['bildung.planning.actor-retired.v1', { actorId: id }],
      ]);
      expect(about(networkId)[0]).toMatchObject({ data: { kind: 'network', type: 'gremium', name: `Gremium ${run}` } });
      expect(JSON.stringify(received.map((delivery) => delivery.event))).not.toContain(`Geheim ${run}`);
    });
  });

  it('reports health, metrics and the OpenAPI document without a token', async () => {
    await eventually(async () => (await http().get('/health')).body.status === 'ok', 15_000);
    expect((await http().get('/metrics').expect(200)).text).toMatch(/planning_commands_total/);
    expect((await http().get('/docs/openapi.json').expect(200)).body.paths).toHaveProperty(['/contacts/{id}/erasure']);
  });
}
