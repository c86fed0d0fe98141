import { given } from '@bildungsregion/decider';
import { NetworkEvent } from './network';
import { networkDecider } from './network.decider';

const formed: NetworkEvent = {
  type: 'NetworkFormed',
  data: {
    networkId: 'kooperationskonferenz-bildung',
    name: 'Kooperationskonferenz Bildung',
    kind: 'gremium',
    purpose: 'Abstimmung der Bildungspartner',
  },
};
const admitted: NetworkEvent = { type: 'MemberAdmitted', data: { actorId: 'vhs-osnabruecker-land', role: 'mitglied' } };

describe('a network or body', () => {
  it('is formed once, with an id goals can name as a party', () => {
    given(networkDecider)
      .when({ type: 'FormNetwork', ...formed.data } as never)
      .then([formed]);
    given(networkDecider, [formed])
      .when({ type: 'FormNetwork', ...formed.data } as never)
      .thenRejects('invalid-transition', 'network-exists');
    given(networkDecider)
      .when({ type: 'FormNetwork', ...formed.data, networkId: 'Konferenz!' } as never)
      .thenRejects('rule-violation', 'actor-id-invalid');
  });

  it('admits a member with a role, and changes the role of one admitted before', () => {
    given(networkDecider, [formed])
      .when({ type: 'AdmitMember', actorId: 'vhs-osnabruecker-land', role: 'mitglied' })
      .then([admitted]);
    given(networkDecider, [formed, admitted])
      .when({ type: 'AdmitMember', actorId: 'vhs-osnabruecker-land', role: 'mitglied' })
      .thenNothingHappened();
    given(networkDecider, [formed, admitted])
      .when({ type: 'AdmitMember', actorId: 'vhs-osnabruecker-land', role: 'vorsitz' })
      .then([
        {
          type: 'MemberRoleChanged',
          data: { actorId: 'vhs-osnabruecker-land', role: 'vorsitz', previousRole: 'mitglied' },
        },
      ]);
  });

  it('lets a member leave with a reason; a non-member cannot leave', () => {
    const left = given(networkDecider, [formed, admitted]).when({
      type: 'RemoveMember',
      actorId: 'vhs-osnabruecker-land',
      reason: 'Austritt',
    });
    left.then([{ type: 'MemberLeft', data: { actorId: 'vhs-osnabruecker-land' } }]);
    expect(left.state.members).toEqual({});
    given(networkDecider, [formed])
      .when({ type: 'RemoveMember', actorId: 'ihk-osnabrueck', reason: 'x' })
      .thenRejects('invalid-transition', 'member-not-found');
  });

  it('is dissolved with a reason and takes no members after', () => {
    const dissolved: NetworkEvent = { type: 'NetworkDissolved', data: {} };
    given(networkDecider, [formed]).when({ type: 'DissolveNetwork', reason: 'Auftrag erfüllt' }).then([dissolved]);
    given(networkDecider, [formed, dissolved])
      .when({ type: 'AdmitMember', actorId: 'ihk-osnabrueck', role: 'mitglied' })
      .thenRejects('invalid-transition', 'network-dissolved');
  });
});
