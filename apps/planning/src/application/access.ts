import { AccessDeniedError, CommandRequest } from '@bildungsregion/application';

/**
 * Coordinators and admins maintain the whole directory; an actor maintains only its own organisation
 * and its contacts (auditors send no commands: the routes refuse them).
 */
export function assertMaintains(request: CommandRequest, actorId: string): void {
  const { principal } = request;
  if (principal.role === 'actor' && principal.id !== actorId)
    throw new AccessDeniedError(`${principal.id} maintains only its own entry, not that of ${actorId}.`);
}
