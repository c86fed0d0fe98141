import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { STATUS_QUO_ASSUMPTIONS } from './capacity';
import { BASELINE_SCENARIO_ID, ScenarioEvent, ScenarioProfile } from './scenario';
import { scenarioDecider } from './scenario.decider';

const decider = scenarioDecider(LANDKREIS_OSNABRUECK);
const profile: ScenarioProfile = {
  name: 'Neubaugebiet Am Kanal',
  description: 'Annahme: 120 Kinder ziehen ab 2028 zu.',
  assumptions: {
    ...STATUS_QUO_ASSUMPTIONS,
    buildingAreas: [{ name: 'Am Kanal', regionKey: '03459014', children: 120, fromYear: 2028 }],
  },
};
const created: ScenarioEvent = { type: 'ScenarioCreated', data: { scenarioId: 'am-kanal', profile } };

describe('a scenario', () => {
  it('is created with assumptions a plan can mean', () => {
    given(decider).when({ type: 'CreateScenario', scenarioId: 'am-kanal', profile }).then([created]);
    given(decider)
      .when({
        type: 'CreateScenario',
        scenarioId: 'x',
        profile: { ...profile, assumptions: { ...profile.assumptions, participation: { krippe: 140 } } },
      })
      .thenRejects('rule-violation', 'assumption-out-of-range');
    given(decider)
      .when({
        type: 'CreateScenario',
        scenarioId: 'x',
        profile: {
          ...profile,
          assumptions: {
            ...profile.assumptions,
            buildingAreas: [{ name: 'Irgendwo', regionKey: '03459', children: 5, fromYear: 2028 }],
          },
        },
      })
      .thenRejects('rule-violation', 'region-unknown');
  });

  it('is revised into a new version recording only what changed', () => {
    const assumptions = { ...profile.assumptions, birthsChangePercent: -5 };
    given(decider, [created])
      .when({ type: 'ReviseScenario', changes: { name: profile.name, assumptions }, reason: 'Geburten 2026 gesunken' })
      .then([
        { type: 'ScenarioRevised', data: { version: 2, changes: { assumptions }, reason: 'Geburten 2026 gesunken' } },
      ]);
    given(decider, [created])
      .when({ type: 'ReviseScenario', changes: { name: profile.name }, reason: 'x' })
      .thenNothingHappened();
  });

  it('is archived with a reason, but the status-quo baseline stays', () => {
    given(decider, [created])
      .when({ type: 'ArchiveScenario', reason: 'verworfen' })
      .then([{ type: 'ScenarioArchived', data: { reason: 'verworfen' } }]);
    const baseline: ScenarioEvent = { type: 'ScenarioCreated', data: { scenarioId: BASELINE_SCENARIO_ID, profile } };
    given(decider, [baseline])
      .when({ type: 'ArchiveScenario', reason: 'x' })
      .thenRejects('invalid-transition', 'baseline-kept');
  });
});
