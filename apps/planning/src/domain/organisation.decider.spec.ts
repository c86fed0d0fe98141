import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { OrganisationEvent, OrganisationProfile } from './organisation';
import { organisationDecider } from './organisation.decider';

const decider = organisationDecider(LANDKREIS_OSNABRUECK);
const profile: OrganisationProfile = {
  name: 'Kita-Verbund Bramsche',
  type: 'traeger',
  regionKey: '03459011',
  address: { street: 'Große Straße 1', postalCode: '49565', town: 'Bramsche' },
};
const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { actorId: 'kita-verbund-bramsche', profile },
};
const retired: OrganisationEvent = { type: 'OrganisationRetired', data: {} };

describe('an organisation of the actors directory', () => {
  it('is registered once under the id goals and ideas use', () => {
    given(decider).when({ type: 'RegisterOrganisation', actorId: 'kita-verbund-bramsche', profile }).then([registered]);
    given(decider, [registered])
      .when({ type: 'RegisterOrganisation', actorId: 'kita-verbund-bramsche', profile })
      .thenRejects('invalid-transition', 'organisation-exists');
  });

  it.each([
    ['actor-id-invalid', 'Kita Verbund', {}],
    ['name-required', 'kita', { name: '  ' }],
    ['region-unknown', 'kita', { regionKey: '03404000' }],
    ['postal-code-invalid', 'kita', { address: { street: 'A 1', postalCode: '4956', town: 'Bramsche' } }],
    ['address-incomplete', 'kita', { address: { street: ' ', postalCode: '49565', town: 'Bramsche' } }],
  ] as const)('refuses a registration that breaks a rule: %s', (code, actorId, change) => {
    given(decider)
      .when({ type: 'RegisterOrganisation', actorId, profile: { ...profile, ...change } })
      .thenRejects('rule-violation', code);
  });

  it('is renamed with a reason, keeping the previous name in the event', () => {
    given(decider, [registered])
      .when({ type: 'RenameOrganisation', name: 'Kita-Verbund Bramsche e. V.', reason: 'Eintragung' })
      .then([
        {
          type: 'OrganisationRenamed',
          data: { name: 'Kita-Verbund Bramsche e. V.', previousName: 'Kita-Verbund Bramsche' },
        },
      ]);
    given(decider, [registered])
      .when({ type: 'RenameOrganisation', name: 'Kita-Verbund Bramsche', reason: 'x' })
      .thenNothingHappened();
    given(decider, [registered])
      .when({ type: 'RenameOrganisation', name: 'Neu', reason: ' ' })
      .thenRejects('rule-violation', 'reason-required');
  });

  it('records only the details that differ', () => {
    given(decider, [registered])
      .when({ type: 'ChangeOrganisationDetails', changes: { type: 'traeger', regionKey: '03459002' } })
      .then([{ type: 'OrganisationDetailsChanged', data: { changes: { regionKey: '03459002' } } }]);
    given(decider, [registered])
      .when({ type: 'ChangeOrganisationDetails', changes: { address: profile.address! } })
      .thenNothingHappened();
  });

  it('is retired with a reason and changes no more', () => {
    given(decider, [registered]).when({ type: 'RetireOrganisation', reason: 'aufgelöst' }).then([retired]);
    given(decider, [registered, retired])
      .when({ type: 'RenameOrganisation', name: 'Neu', reason: 'x' })
      .thenRejects('invalid-transition', 'organisation-retired');
    given(decider)
      .when({ type: 'RetireOrganisation', reason: 'x' })
      .thenRejects('invalid-transition', 'organisation-not-found');
  });
});
