import { SqliteEventStore } from '@bildungsregion/event-store';
import { eventually } from '@bildungsregion/testing';
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { createDecipheriv, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceEnvironment } from './monitoring-to-goals.suite';
import { authHeaders, call, ServiceProcess, startService } from './service-process';

/** Where the service under test may have left copies of what it was sent. */
export interface PlacesToSearch {
  /** Directories searched file by file: the service's data dir. */
  readonly directories: readonly string[];
  /**
   * The broker's and read store's data dirs, which other tests and runs share: only the entries named
   * for this run (its topics, its database) are searched, so the time taken does not grow with them.
   */
  readonly sharedDirectories?: readonly { readonly path: string; readonly entriesStartingWith: string }[];
  /** A MongoDB-wire read store whose every document is searched. */
  readonly readModels?: { readonly url: string; readonly db: string };
}

interface Sealed {
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && statSync(path).size < 512 * 1024 * 1024 ? [path] : [];
  });
}

/** The places (file, collection, log) where any of the needles occurs. */
async function whereFound(needles: readonly Buffer[], places: PlacesToSearch, logs: string): Promise<string[]> {
  const found: string[] = [];
  const ownEntries = (places.sharedDirectories ?? []).flatMap(({ path, entriesStartingWith }) => {
    const names = existsSync(path) ? readdirSync(path).filter((name) => name.startsWith(entriesStartingWith)) : [];
    if (names.length === 0)
      throw new Error(`${path} holds nothing named ${entriesStartingWith}…: the search would miss this run's data.`);
    return names.map((name) => join(path, name));
  });
  const files = [...places.directories, ...ownEntries].flatMap((path) =>
    existsSync(path) && statSync(path).isFile() ? [path] : filesUnder(path),
  );
  for (const file of files) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue; // a file removed while we walked (a rolled WAL or segment index) holds nothing any more
    }
    if (needles.some((needle) => content.includes(needle))) found.push(file);
  }
  if (places.readModels) {
    const connection = await mongoose
      .createConnection(places.readModels.url, { dbName: places.readModels.db })
      .asPromise();
    try {
      const db = connection.db;
      if (!db) throw new Error(`No connection to the read store ${places.readModels.db}.`);
      for (const { name } of await db.listCollections().toArray()) {
        const documents = JSON.stringify(await db.collection(name).find({}).toArray());
        if (needles.some((needle) => documents.includes(needle.toString('utf8')))) found.push(`collection ${name}`);
      }
    } finally {
      await connection.close();
    }
  }
  if (needles.some((needle) => logs.includes(needle.toString('utf8')))) found.push('the service logs');
  return found;
}

/**
 * An erasure request (Art. 17 DSGVO) destroys a contact person's key: afterwards their name, e-mail
 * and phone are found in no file, collection, kept answer or log, while chains and seals still verify.
 */
export function personalDataErasureSuite(
  environment: () => ServiceEnvironment & { readonly dataDir: string },
  places: () => PlacesToSearch,
  port: number,
): void {
  let planning: ServiceProcess;
  let auth: Awaited<ReturnType<typeof authHeaders>>;
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  const start = () =>
    startService('planning', port, { ...environment(), SEED_SAMPLE_DATA: 'false', LOG_LEVEL: 'info' });

  beforeAll(async () => {
    auth = await authHeaders();
    planning = await start();
  }, 120_000);

  afterAll(() => planning?.stop());

  it('leaves the person found nowhere after an erasure, and every chain and seal intact', async () => {
    const url = planning.url;
    const actorId = `traeger-${run}`;
    const person = {
      name: `Hiltrud Loeschprobe ${run}`,
      email: `loeschprobe.${run}@example.org`,
      phone: `05401 ${run.replace(/\D/g, '').padEnd(6, '7').slice(0, 6)}`,
    };
    const moved = { name: person.name, email: `neu.${run}@example.org`, phone: `05402 ${person.phone.slice(6)}` };
    const needles = [person.name, person.email, person.phone, moved.email, moved.phone].map((text) =>
      Buffer.from(text),
    );
    expect(
      (
        await call(`${url}/actors`, {
          headers: auth.coordinator,
          body: { id: actorId, name: `Träger ${run}`, type: 'traeger', regionKey: '03459014' },
        })
      ).status,
    ).toBe(201);

    const idempotent = { ...auth.coordinator, 'Idempotency-Key': `contact-${run}` };
    const added = await call<{ contactId: string }>(`${url}/actors/${actorId}/contacts`, {
      headers: idempotent,
      body: { role: 'leitung', personal: person },
    });
    expect(added.status).toBe(201);
    const contactId = added.body.contactId;
    expect(
      (await call(`${url}/contacts/${contactId}/changes`, { headers: auth.coordinator, body: { personal: moved } }))
        .status,
    ).toBe(200);
    const refused = await call(`${url}/actors/${actorId}/contacts`, {
      headers: auth.coordinator,
      body: { role: 'leitung', personal: { name: person.name, email: `${person.name}@@` } },
    });
    expect(refused.status).toBe(400);

    // Before: the person is readable, the store holds them only encrypted, and the key is in the key store's file.
    expect((await call(`${url}/contacts/${contactId}`, { headers: auth.coordinator })).body).toMatchObject({
      personal: moved,
    });
    const exported = JSON.stringify(
      (await call(`${url}/contacts/${contactId}/data-export`, { headers: auth.coordinator })).body,
    );
    for (const needle of needles) expect(exported).toContain(needle.toString('utf8'));
    const keyStore = new Database(join(environment().dataDir, 'personal-data-keys.sqlite'), { readonly: true });
    const { key } = keyStore.prepare('SELECT key FROM subject_keys WHERE subject_id = ?').get(contactId) as {
      key: Buffer;
    };
    keyStore.close();
    const store = new SqliteEventStore({ file: environment().EVENT_STORE_URL.slice('sqlite:'.length) });
    const [addedEvent] = await store.readStream(`contact-${contactId}`);
    await store.close();
    const sealed = (addedEvent?.data as { personal: Sealed }).personal;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(
      Buffer.from(contactId),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const opened = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]).toString();
    expect(JSON.parse(opened)).toEqual(person);
    expect(await whereFound([key], { directories: [environment().dataDir] }, '')).not.toEqual([]);
    expect((await call(`${url}/audit/seals`, { headers: auth.auditor, method: 'POST' })).status).toBe(201);

    const erasure = { reason: 'Antrag nach Art. 17 DSGVO', reference: `DS-${run}` };
    const erased = await call<{ events: unknown[] }>(`${url}/contacts/${contactId}/erasure`, {
      headers: auth.coordinator,
      body: erasure,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.events).toHaveLength(1);
    const again = await call<{ events: unknown[] }>(`${url}/contacts/${contactId}/erasure`, {
      headers: auth.coordinator,
      body: erasure,
    });
    expect(again.body.events).toEqual([]);

    // After: API, history and export show the person erased; the kept answer of the first request holds nothing of them.
    const replayed = await call(`${url}/actors/${actorId}/contacts`, {
      headers: idempotent,
      body: { role: 'leitung', personal: person },
    });
    expect(replayed.body).toEqual(added.body);
    expect((await call(`${url}/contacts/${contactId}`, { headers: auth.auditor })).body).toMatchObject({
      status: 'erased',
      personal: { erased: true },
    });
    await eventually(
      async () =>
        (await call<{ items: { status: string }[] }>(`${url}/actors/${actorId}/contacts`, { headers: auth.auditor }))
          .body.items[0]?.status === 'erased',
      15_000,
    );
    const history = (
      await call<{ items: { type: string; data: { personal?: unknown } }[] }>(`${url}/contacts/${contactId}/history`, {
        headers: auth.auditor,
      })
    ).body.items;
    expect(history.map((entry) => entry.type)).toEqual(['ContactAdded', 'ContactDetailsChanged', 'ContactErased']);
    for (const entry of history.slice(0, 2)) expect(entry.data.personal).toMatchObject({ erased: true });
    const after = JSON.stringify(
      (await call(`${url}/contacts/${contactId}/data-export`, { headers: auth.coordinator })).body,
    );
    expect(after).toContain('"erased":true');
    for (const needle of needles) expect(after).not.toContain(needle.toString('utf8'));
    expect((await call(`${url}/contacts/${contactId}/audit`, { headers: auth.auditor })).body).toMatchObject({
      valid: true,
    });
    expect((await call(`${url}/audit`, { headers: auth.auditor })).body).toMatchObject({ valid: true, broken: [] });
    expect((await call(`${url}/audit/seal`, { headers: auth.auditor })).body).toMatchObject({ valid: true });
    expect((await call(`${url}/audit/seals`, { headers: auth.auditor, method: 'POST' })).status).toBe(201);
    expect((await call(`${url}/audit/seal`, { headers: auth.auditor })).body).toMatchObject({ valid: true });

    const logs = planning.output();
    expect(logs).toContain(`/contacts/${contactId}/erasure`);
    await planning.stop();
    expect(await whereFound([...needles, key], places(), logs)).toEqual([]);

    // A restart rebuilds the read models from the store: the person is still erased.
    planning = await start();
    expect((await call(`${planning.url}/contacts/${contactId}`, { headers: auth.auditor })).body).toMatchObject({
      personal: { erased: true },
    });
  }, 180_000);
}
