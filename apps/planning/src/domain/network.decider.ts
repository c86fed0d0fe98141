import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { initialNetwork, Network, NetworkCommand, NetworkEvent } from './network';
import { ACTOR_ID_PATTERN } from './organisation.decider';
import { Rejected, requireName, requireReason } from './rules';

function requireActive(network: Network): Rejected | undefined {
  if (network.status === 'none')
    return invalidTransition('network-not-found', 'There is no network with this id; form it first.');
  return network.status === 'dissolved'
    ? invalidTransition('network-dissolved', 'The network is dissolved; its record is kept.')
    : undefined;
}

function form(command: Extract<NetworkCommand, { type: 'FormNetwork' }>, network: Network): Decision<NetworkEvent> {
  if (network.status !== 'none')
    return invalidTransition('network-exists', `A network with the id ${command.networkId} exists already.`);
  if (!ACTOR_ID_PATTERN.test(command.networkId))
    return ruleViolation(
      'actor-id-invalid',
      `The id ${command.networkId} may hold only lower-case letters, digits and dashes.`,
    );
  const { type: _type, ...data } = command;
  return requireName(command.name) ?? accept({ type: 'NetworkFormed', data });
}

function admit(actorId: string, role: Network['members'][string], network: Network): Decision<NetworkEvent> {
  const rejected = requireActive(network);
  if (rejected) return rejected;
  const previousRole = network.members[actorId];
  if (previousRole === role) return accept();
  return previousRole
    ? accept({ type: 'MemberRoleChanged', data: { actorId, role, previousRole } })
    : accept({ type: 'MemberAdmitted', data: { actorId, role } });
}

function remove(actorId: string, reason: string, network: Network): Decision<NetworkEvent> {
  const rejected = requireActive(network) ?? requireReason(reason);
  if (rejected) return rejected;
  return network.members[actorId]
    ? accept({ type: 'MemberLeft', data: { actorId } })
    : invalidTransition('member-not-found', `${actorId} is not a member of ${network.name}.`);
}

function rename(name: string, reason: string, network: Network): Decision<NetworkEvent> {
  const rejected = requireActive(network) ?? requireName(name) ?? requireReason(reason);
  if (rejected) return rejected;
  return name === network.name
    ? accept()
    : accept({ type: 'NetworkRenamed', data: { name, previousName: network.name } });
}

export function decideNetwork(command: NetworkCommand, network: Network): Decision<NetworkEvent> {
  switch (command.type) {
    case 'FormNetwork':
      return form(command, network);
    case 'RenameNetwork':
      return rename(command.name, command.reason, network);
    case 'AdmitMember':
      return admit(command.actorId, command.role, network);
    case 'RemoveMember':
      return remove(command.actorId, command.reason, network);
    case 'DissolveNetwork':
      return requireActive(network) ?? requireReason(command.reason) ?? accept({ type: 'NetworkDissolved', data: {} });
    default:
      return unknownCommand(command);
  }
}

export function evolveNetwork(network: Network, event: NetworkEvent): Network {
  switch (event.type) {
    case 'NetworkFormed':
      return {
        status: 'active',
        name: event.data.name,
        kind: event.data.kind,
        purpose: event.data.purpose,
        members: {},
      };
    case 'NetworkRenamed':
      return { ...network, name: event.data.name };
    case 'MemberAdmitted':
    case 'MemberRoleChanged':
      return { ...network, members: { ...network.members, [event.data.actorId]: event.data.role } };
    case 'MemberLeft': {
      const { [event.data.actorId]: _left, ...members } = network.members;
      return { ...network, members };
    }
    case 'NetworkDissolved':
      return { ...network, status: 'dissolved' };
  }
}

export const networkDecider: Decider<NetworkCommand, Network, NetworkEvent> = {
  initialState: initialNetwork,
  decide: decideNetwork,
  evolve: evolveNetwork,
};
