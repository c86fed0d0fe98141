import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { InstitutionEvent, InstitutionProfile } from './institution';
import { institutionDecider } from './institution.decider';

const decider = institutionDecider(LANDKREIS_OSNABRUECK);
const kita: InstitutionProfile = {
  name: 'Kita Sonnenschein',
  type: 'kita',
  regionKey: '03459014',
  locality: 'Achmer',
  operatorId: 'kita-traeger-verbund',
};
const registered: InstitutionEvent = { type: 'InstitutionRegistered', data: { institutionId: 'k1', profile: kita } };
const places = { krippe: { approved: 30, overSevenHours: 20, integration: 2 } };
const capacity: InstitutionEvent = {
  type: 'InstitutionCapacityChanged',
  data: { effectiveFrom: '2026-08-01', places, reason: 'Betriebserlaubnis erteilt' },
};

describe('an institution', () => {
  it('is registered in one municipality, not in the district as a whole', () => {
    given(decider).when({ type: 'RegisterInstitution', institutionId: 'k1', profile: kita }).then([registered]);
    given(decider)
      .when({ type: 'RegisterInstitution', institutionId: 'k1', profile: { ...kita, regionKey: '03459' } })
      .thenRejects('rule-violation', 'municipality-required');
    given(decider)
      .when({ type: 'RegisterInstitution', institutionId: 'k1', profile: { ...kita, regionKey: '03404000' } })
      .thenRejects('rule-violation', 'region-unknown');
    given(decider, [registered])
      .when({ type: 'RegisterInstitution', institutionId: 'k1', profile: kita })
      .thenRejects('invalid-transition', 'institution-exists');
  });

  it('changes its capacity as of a day, with a reason; the same capacity again records nothing', () => {
    given(decider, [registered])
      .when({
        type: 'ChangeCapacity',
        change: { effectiveFrom: '2026-08-01', places },
        reason: 'Betriebserlaubnis erteilt',
      })
      .then([capacity]);
    given(decider, [registered, capacity])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-08-01', places }, reason: 'noch einmal' })
      .thenNothingHappened();
    given(decider, [registered])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-02-30', places }, reason: 'x' })
      .thenRejects('rule-violation', 'date-invalid');
    given(decider, [registered])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-13-45', places }, reason: 'x' })
      .thenRejects('rule-violation', 'date-invalid');
  });

  it('keeps places over seven hours and integration places within the approved places', () => {
    given(decider, [registered])
      .when({
        type: 'ChangeCapacity',
        change: {
          effectiveFrom: '2026-08-01',
          places: { krippe: { approved: 10, overSevenHours: 11, integration: 0 } },
        },
        reason: 'Antrag',
      })
      .thenRejects('rule-violation', 'places-inconsistent');
  });

  it('counts a school in streams and a Kita in places, and no capacity of adult education', () => {
    const school = { ...registered, data: { institutionId: 's1', profile: { ...kita, type: 'grundschule' as const } } };
    given(decider, [school])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-08-01', places }, reason: 'x' })
      .thenRejects('rule-violation', 'places-for-school');
    given(decider, [school])
      .when({
        type: 'ChangeCapacity',
        change: { effectiveFrom: '2026-08-01', places: {}, streams: 2 },
        reason: 'Schulentwicklungsplan',
      })
      .then([
        {
          type: 'InstitutionCapacityChanged',
          data: { effectiveFrom: '2026-08-01', places: {}, streams: 2, reason: 'Schulentwicklungsplan' },
        },
      ]);
    given(decider, [registered])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-08-01', places: {}, streams: 2 }, reason: 'x' })
      .thenRejects('rule-violation', 'streams-for-kita');
    const vhs = { ...registered, data: { institutionId: 'v1', profile: { ...kita, type: 'vhs' as const } } };
    given(decider, [vhs])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-08-01', places }, reason: 'x' })
      .thenRejects('rule-violation', 'capacity-not-planned');
  });

  it('reports occupied places only for age groups with approved places', () => {
    given(decider, [registered, capacity])
      .when({ type: 'ReportOccupancy', occupancy: { referenceDate: '2026-10-01', occupied: { krippe: 28 } } })
      .then([
        { type: 'InstitutionOccupancyReported', data: { referenceDate: '2026-10-01', occupied: { krippe: 28 } } },
      ]);
    given(decider, [registered, capacity])
      .when({ type: 'ReportOccupancy', occupancy: { referenceDate: '2026-10-01', occupied: { hort: 5 } } })
      .thenRejects('rule-violation', 'occupancy-without-places');
  });

  it('closes as of a day with a reason; afterwards nothing more is recorded', () => {
    const closed: InstitutionEvent = {
      type: 'InstitutionClosed',
      data: { closedFrom: '2028-07-31', reason: 'Neubau ersetzt' },
    };
    given(decider, [registered])
      .when({ type: 'CloseInstitution', closedFrom: '2028-07-31', reason: 'Neubau ersetzt' })
      .then([closed]);
    given(decider, [registered, closed])
      .when({ type: 'ChangeCapacity', change: { effectiveFrom: '2026-08-01', places }, reason: 'x' })
      .thenRejects('invalid-transition', 'institution-closed');
  });
});
