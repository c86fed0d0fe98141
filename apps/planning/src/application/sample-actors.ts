import { CommandRejectedError, Principal } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import { EventStore } from '@bildungsregion/event-store';
import { MemberRole, NetworkKind } from '../domain/network';
import { OrganisationProfile } from '../domain/organisation';
import { ContactCommands, PersonalData } from './contacts/contact-commands';
import { NetworkCommands } from './network-commands';
import { OrganisationCommands } from './organisation-commands';
import { ORGANISATIONS } from './streams';

const SEEDER: Principal = { id: 'sample-data', role: 'admin' };
const LANDKREIS = '03459';

/**
 * The sample directory: the parties of the sample goals and the development accounts' actors under
 * the same ids, so goals and ideas show their names. Everything here is synthetic.
 */
const SAMPLE_ORGANISATIONS: readonly (OrganisationProfile & { readonly actorId: string })[] = [
  {
    actorId: 'landkreis-osnabrueck',
    name: 'Landkreis Osnabrück, Bildungsbüro',
    type: 'bildungsbuero',
    regionKey: LANDKREIS,
  },
  {
    actorId: 'kita-traeger-verbund',
    name: 'Verbund der Kita-Träger (synthetisch)',
    type: 'traeger',
    regionKey: '03459014',
    address: { street: 'Musterweg 3', postalCode: '49565', town: 'Bramsche' },
  },
  {
    actorId: 'vhs-osnabruecker-land',
    name: 'VHS Osnabrücker Land (synthetisch)',
    type: 'vhs',
    regionKey: '03459019',
    address: { street: 'Beispielstraße 12', postalCode: '49124', town: 'Georgsmarienhütte' },
  },
  {
    actorId: 'regionales-landesamt-schule',
    name: 'Regionales Landesamt für Schule und Bildung (synthetisch)',
    type: 'verwaltung',
    regionKey: LANDKREIS,
  },
  { actorId: 'ihk-osnabrueck', name: 'IHK (synthetisch)', type: 'kammer', regionKey: LANDKREIS },
  {
    actorId: 'agentur-fuer-arbeit',
    name: 'Agentur für Arbeit (synthetisch)',
    type: 'agentur-fuer-arbeit',
    regionKey: LANDKREIS,
  },
  {
    actorId: 'oberschule-artland',
    name: 'Oberschule Artland (synthetisch)',
    type: 'schule',
    regionKey: '03459030',
    address: { street: 'Schulstraße 1', postalCode: '49610', town: 'Quakenbrück' },
  },
];

const SAMPLE_NETWORKS: readonly {
  readonly networkId: string;
  readonly name: string;
  readonly kind: NetworkKind;
  readonly purpose: string;
  readonly members: readonly [string, MemberRole][];
}[] = [
  {
    networkId: 'kooperationskonferenz-bildung',
    name: 'Kooperationskonferenz Bildung',
    kind: 'gremium',
    purpose: 'Jährliche Abstimmung der Bildungspartner im Landkreis (synthetisch).',
    members: [
      ['landkreis-osnabrueck', 'vorsitz'],
      ['kita-traeger-verbund', 'mitglied'],
      ['vhs-osnabruecker-land', 'mitglied'],
      ['regionales-landesamt-schule', 'mitglied'],
      ['ihk-osnabrueck', 'mitglied'],
      ['agentur-fuer-arbeit', 'mitglied'],
    ],
  },
  {
    networkId: 'lenkungsgruppe-bildungsregion',
    name: 'Lenkungsgruppe Bildungsregion',
    kind: 'gremium',
    purpose: 'Steuert die Bildungsregion und beschließt Zielvereinbarungen (synthetisch).',
    members: [
      ['landkreis-osnabrueck', 'geschaeftsstelle'],
      ['regionales-landesamt-schule', 'mitglied'],
    ],
  },
  {
    networkId: 'netzwerk-uebergang-schule-beruf',
    name: 'Netzwerk Übergang Schule – Beruf Nordkreis',
    kind: 'netzwerk',
    purpose: 'Berufsorientierung und Ausbildung im Nordkreis (synthetisch).',
    members: [
      ['oberschule-artland', 'mitglied'],
      ['ihk-osnabrueck', 'beratend'],
      ['agentur-fuer-arbeit', 'mitglied'],
    ],
  },
];

const SAMPLE_CONTACTS: readonly [string, 'leitung' | 'ansprechperson-bildungskoordination', PersonalData][] = [
  [
    'kita-traeger-verbund',
    'ansprechperson-bildungskoordination',
    { name: 'Erika Musterfrau (synthetisch)', email: 'e.musterfrau@example.org', phone: '05461 000000' },
  ],
  ['vhs-osnabruecker-land', 'leitung', { name: 'Max Beispielmann (synthetisch)', email: 'm.beispielmann@example.org' }],
];

/** Seeds the sample directory into an empty store; fixed ids make a second seeding record nothing twice. */
export async function seedSampleActors(
  organisations: OrganisationCommands,
  networks: NetworkCommands,
  contacts: ContactCommands,
  store: EventStore,
): Promise<number> {
  const existing = await store.readAll({ filter: { categories: [ORGANISATIONS.name] }, maxCount: 1 });
  if (existing.length > 0) return 0;
  const request = { principal: SEEDER, correlationId: eventIdFor('sample-actors') };
  let seeded = 0;
  for (const { actorId, ...profile } of SAMPLE_ORGANISATIONS)
    if (await ignoringAlreadyThere(() => organisations.register(actorId, profile, request))) seeded += 1;
  for (const { networkId, members, ...terms } of SAMPLE_NETWORKS) {
    await ignoringAlreadyThere(() => networks.form(networkId, terms, request));
    for (const [actorId, role] of members) await networks.admit(networkId, actorId, role, request);
  }
  for (const [actorId, role, personal] of SAMPLE_CONTACTS)
    await ignoringAlreadyThere(() =>
      contacts.add(actorId, role, personal, { ...request, idempotencyKey: `sample-contact-${actorId}` }),
    );
  return seeded;
}

export async function ignoringAlreadyThere<Result>(step: () => Promise<Result>): Promise<Result | undefined> {
  try {
    return await step();
  } catch (error) {
    const code = error instanceof CommandRejectedError ? error.rejection.code : '';
    if (code.endsWith('-exists') || code === 'actor-id-taken') return undefined;
    throw error;
  }
}
