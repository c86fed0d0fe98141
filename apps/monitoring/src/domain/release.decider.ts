import { accept, Decider, Decision, invalidTransition, ruleViolation, DomainEvent } from '@bildungsregion/decider';

/** A data release: the measurements of some periods declared final and citable. */
export interface Release {
  readonly status: 'none' | 'published';
  readonly releaseId?: string;
  readonly title?: string;
  readonly periods: readonly string[];
  readonly indicatorKeys: readonly string[];
  readonly note?: string;
}

export type ReleaseEvent = DomainEvent<
  'ReleasePublished',
  { releaseId: string; title: string; periods: string[]; indicatorKeys: string[]; note?: string }
>;

export interface PublishRelease {
  readonly type: 'PublishRelease';
  readonly releaseId: string;
  readonly title: string;
  readonly periods: readonly string[];
  /** The indicators the release covers; each must have a measurement in one of the periods (checked by the application). */
  readonly indicatorKeys: readonly string[];
  readonly note?: string;
}

export const initialRelease: Release = { status: 'none', periods: [], indicatorKeys: [] };

export function decideRelease(command: PublishRelease, release: Release): Decision<ReleaseEvent> {
  if (release.status !== 'none')
    return invalidTransition('release-exists', `The release ${command.releaseId} is already published.`);
  if (command.periods.length === 0)
    return ruleViolation('release-without-periods', 'Name at least one period the release covers.');
  if (command.indicatorKeys.length === 0)
    return ruleViolation(
      'release-without-indicators',
      'The release covers no indicator with measurements in these periods.',
    );
  return accept({
    type: 'ReleasePublished',
    data: {
      releaseId: command.releaseId,
      title: command.title,
      periods: [...command.periods],
      indicatorKeys: [...command.indicatorKeys],
      ...(command.note !== undefined ? { note: command.note } : {}),
    },
  });
}

export function evolveRelease(_release: Release, event: ReleaseEvent): Release {
  const { releaseId, title, periods, indicatorKeys, note } = event.data;
  return { status: 'published', releaseId, title, periods, indicatorKeys, ...(note !== undefined ? { note } : {}) };
}

export const releaseDecider: Decider<PublishRelease, Release, ReleaseEvent> = {
  initialState: initialRelease,
  decide: decideRelease,
  evolve: evolveRelease,
};
