import { eventIdFor } from '@bildungsregion/bus';
import { EventStore } from '@bildungsregion/event-store';
import { CommandRejectedError, Principal } from '@bildungsregion/application';
import { GoalCommand, GoalTerms } from '../domain/goal';
import { GoalCommands } from './goal-commands';
import { GOALS } from './streams';

/** Landkreis Osnabrück (AGS); the sample goals are county-wide so they name no municipality's key. */
const LANDKREIS_OSNABRUECK = '03459';
const SEEDER: Principal = { id: 'sample-data', role: 'admin' };
const LABEL = '[Synthetische Beispieldaten] ';
const AGREEMENT = 'Kreisausschuss, Beschluss 2026/041 (synthetisch)';

interface SampleGoal {
  readonly terms: GoalTerms;
  /** What happens to the goal after the draft, in order. */
  readonly steps: readonly {
    readonly command: GoalCommand;
    readonly reason?: string;
    readonly authority?: string;
    readonly effectiveAt?: string;
  }[];
}

const landkreis = {
  id: 'landkreis-osnabrueck',
  name: 'Landkreis Osnabrück, Bildungsbüro',
  role: 'responsible' as const,
};

function agreeWith(...partyIds: string[]): SampleGoal['steps'] {
  return [
    { command: { type: 'ProposeGoal' } },
    ...partyIds.map((partyId) => ({ command: { type: 'RecordConsent' as const, partyId } })),
    {
      command: { type: 'AgreeGoal', authority: AGREEMENT, effectiveOn: '2026-03-01' },
      authority: AGREEMENT,
      effectiveAt: '2026-03-01',
    },
  ];
}

function progress(progressId: string, value: number, asOf: string): SampleGoal['steps'][number] {
  return {
    command: { type: 'RecordProgress', progressId, value, asOf, source: 'manual', note: 'synthetischer Wert' },
    effectiveAt: asOf,
  };
}

const SAMPLE_GOALS: readonly SampleGoal[] = [
  {
    terms: {
      title: `${LABEL}Betreuungsquote unter 3 Jahren auf 45 % steigern`,
      description: 'Ausbau der Krippenplätze im Landkreis gemeinsam mit den Kita-Trägern.',
      stage: 'fruehkindliche-bildung',
      regionKeys: [LANDKREIS_OSNABRUECK],
      parties: [
        landkreis,
        { id: 'kita-traeger-verbund', name: 'Verbund der Kita-Träger (synthetisch)', role: 'contributing' },
      ],
      indicator: { key: 'betreuungsquote-u3', regionKey: LANDKREIS_OSNABRUECK },
      baseline: { value: 36.5, date: '2026-01-01' },
      target: { value: 45, dueDate: '2029-12-31' },
      milestones: [{ date: '2027-12-31', value: 40 }],
      unit: '%',
      direction: 'higher',
    },
    steps: [
      ...agreeWith('landkreis-osnabrueck', 'kita-traeger-verbund'),
      progress('sample-u3-2026', 38.2, '2026-12-31'),
    ],
  },
  {
    terms: {
      title: `${LABEL}Schulabgänge ohne Hauptschulabschluss senken`,
      description: 'Weniger Jugendliche verlassen die Schule ohne Abschluss.',
      stage: 'allgemeinbildende-schulen',
      regionKeys: [LANDKREIS_OSNABRUECK],
      parties: [
        landkreis,
        {
          id: 'regionales-landesamt-schule',
          name: 'Regionales Landesamt für Schule und Bildung (synthetisch)',
          role: 'contributing',
        },
      ],
      indicator: { key: 'schulabgaenge-ohne-abschluss', regionKey: LANDKREIS_OSNABRUECK },
      baseline: { value: 6.8, date: '2026-01-01' },
      target: { value: 5, dueDate: '2028-07-31' },
      milestones: [],
      unit: '%',
      direction: 'lower',
    },
    steps: [
      ...agreeWith('landkreis-osnabrueck', 'regionales-landesamt-schule'),
      progress('sample-abschluss-2026', 6.9, '2026-08-01'),
    ],
  },
  {
    terms: {
      title: `${LABEL}Mehr neu abgeschlossene Ausbildungsverträge`,
      description: 'Übergang Schule–Beruf stärken, mit Kammern und Agentur für Arbeit.',
      stage: 'berufliche-bildung',
      regionKeys: [LANDKREIS_OSNABRUECK],
      parties: [
        landkreis,
        { id: 'ihk-osnabrueck', name: 'IHK (synthetisch)', role: 'contributing' },
        { id: 'agentur-fuer-arbeit', name: 'Agentur für Arbeit (synthetisch)', role: 'contributing' },
      ],
      indicator: { key: 'neue-ausbildungsvertraege', regionKey: LANDKREIS_OSNABRUECK },
      baseline: { value: 2400, date: '2026-01-01' },
      target: { value: 2700, dueDate: '2028-12-31' },
      milestones: [],
      unit: 'Verträge',
      direction: 'higher',
    },
    steps: [
      { command: { type: 'ProposeGoal' } },
      { command: { type: 'RecordConsent', partyId: 'landkreis-osnabrueck' } },
    ],
  },
  {
    terms: {
      title: `${LABEL}VHS-Kurse je 1.000 Einwohner ausbauen`,
      description: 'Mehr wohnortnahe Weiterbildung in den Samtgemeinden.',
      stage: 'weiterbildung',
      regionKeys: [LANDKREIS_OSNABRUECK],
      parties: [
        landkreis,
        { id: 'vhs-osnabruecker-land', name: 'VHS Osnabrücker Land (synthetisch)', role: 'contributing' },
      ],
      indicator: { key: 'vhs-kurse-je-1000', regionKey: LANDKREIS_OSNABRUECK },
      baseline: { value: 4.1, date: '2026-01-01' },
      target: { value: 5, dueDate: '2027-12-31' },
      milestones: [],
      unit: 'je 1.000 Einwohner',
      direction: 'higher',
    },
    steps: [],
  },
];

/**
 * Seeds the sample goals, labelled synthetic, into an empty store. Their ids are fixed, so seeding
 * twice (or from two processes) records nothing twice.
 */
export async function seedSampleGoals(goals: GoalCommands, store: EventStore): Promise<number> {
  const existing = await store.readAll({ filter: { categories: [GOALS.name] }, maxCount: 1 });
  if (existing.length > 0) return 0;
  let seeded = 0;
  for (const [index, sample] of SAMPLE_GOALS.entries()) {
    const goalId = eventIdFor('sample-goal', String(index));
    const request = { principal: SEEDER, correlationId: eventIdFor('sample-goals') };
    try {
      await goals.draft(sample.terms, request, { goalId, synthetic: true });
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'goal-exists') continue; // another process seeded it first
      throw error;
    }
    for (const step of sample.steps) {
      await goals.execute(goalId, step.command, {
        ...request,
        ...(step.authority ? { authority: step.authority } : {}),
        ...(step.effectiveAt ? { effectiveAt: step.effectiveAt } : {}),
      });
    }
    seeded += 1;
  }
  return seeded;
}
