import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { OfferingEvent, OfferingProfile } from './offering';
import { offeringDecider } from './offering.decider';

const decider = offeringDecider(LANDKREIS_OSNABRUECK);
const course: OfferingProfile = {
  title: 'Deutsch für Eltern',
  kind: 'kurs',
  providerId: 'vhs-osnabruecker-land',
  stage: 'weiterbildung',
  targetGroup: 'Eltern von Kita-Kindern',
  places: 12,
  startsOn: '2027-02-01',
  endsOn: '2027-06-30',
  regionKey: '03459014',
};
const registered: OfferingEvent = { type: 'OfferingRegistered', data: { offeringId: 'o1', profile: course } };

describe('an offering', () => {
  it('is registered with a period that runs forward', () => {
    given(decider).when({ type: 'RegisterOffering', offeringId: 'o1', profile: course }).then([registered]);
    given(decider)
      .when({ type: 'RegisterOffering', offeringId: 'o1', profile: { ...course, endsOn: '2027-01-01' } })
      .thenRejects('rule-violation', 'period-reversed');
  });

  it('changes only what differs, with a reason, and ends once', () => {
    given(decider, [registered])
      .when({ type: 'ChangeOffering', changes: { places: 15, title: course.title }, reason: 'größerer Raum' })
      .then([{ type: 'OfferingChanged', data: { changes: { places: 15 }, reason: 'größerer Raum' } }]);
    given(decider, [registered])
      .when({ type: 'ChangeOffering', changes: { endsOn: '2026-01-01' }, reason: 'x' })
      .thenRejects('rule-violation', 'period-reversed');
    const ended: OfferingEvent = { type: 'OfferingEnded', data: { reason: 'Kurs abgeschlossen' } };
    given(decider, [registered]).when({ type: 'EndOffering', reason: 'Kurs abgeschlossen' }).then([ended]);
    given(decider, [registered, ended])
      .when({ type: 'EndOffering', reason: 'x' })
      .thenRejects('invalid-transition', 'offering-ended');
  });
});
