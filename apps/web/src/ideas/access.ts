import type { Person } from '../auth/session';
import type { IdeaView } from './idea-queries';

type Idea = IdeaView['idea'];

/** Mirrors the service's rule for what the screen offers: the author or the office changes an open idea. */
export function mayChange(person: Person, idea: Idea): boolean {
  if (idea.status !== 'submitted') return false;
  if (person.role === 'coordinator' || person.role === 'admin') return true;
  return person.role === 'actor' && person.actorId === idea.submitter.id;
}

/** Actors endorse for their own organisation, never their own idea. */
export function mayEndorse(person: Person, idea: Idea): boolean {
  return (
    idea.status === 'submitted' &&
    person.role === 'actor' &&
    person.actorId !== undefined &&
    person.actorId !== idea.submitter.id
  );
}
