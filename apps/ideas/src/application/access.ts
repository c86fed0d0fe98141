import { AccessDeniedError, Principal, ServiceActor } from '@bildungsregion/application';
import { Idea, IdeaCommand } from '../domain/idea';

/**
 * Actors change only their own ideas, endorse only as themselves and edit only their own comments;
 * coordinators and admins may do everything (auditors send no commands: the routes refuse them).
 */
export function assertMayCommand(principal: Principal | ServiceActor, idea: Idea, command: IdeaCommand): void {
  if (principal.role !== 'actor') return;
  const own = idea.submitter?.id === principal.id;
  switch (command.type) {
    case 'ReviseIdea':
    case 'WithdrawIdea':
      if (!own && idea.status !== 'none')
        throw new AccessDeniedError(
          `${principal.id} did not submit this idea; only its author changes or withdraws it.`,
        );
      return;
    case 'EndorseIdea':
    case 'WithdrawEndorsement':
      if (command.actorId !== principal.id)
        throw new AccessDeniedError(`An actor endorses only for itself (${principal.id}), not for ${command.actorId}.`);
      return;
    default:
      return;
  }
}
