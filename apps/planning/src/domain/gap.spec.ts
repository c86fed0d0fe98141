import { given } from '@bildungsregion/decider';
import { GapEvent, GapFigures, gapDecider } from './gap';

const figures = (balance: number, measureIds: string[] = []): GapFigures => ({
  regionKey: '03459014',
  stage: 'krippe',
  year: 2027,
  demand: 100,
  supply: 100 + balance,
  balance,
  missingGroups: balance < 0 ? Math.ceil(-balance / 15) : 0,
  measureIds,
  scenarioVersion: 1,
});

describe('a gap in a municipality, stage and plan year', () => {
  const identified: GapEvent = { type: 'GapIdentified', data: figures(-12) };

  it('is identified when the balance falls below zero, once however often the plan is computed', () => {
    given(gapDecider)
      .when({ type: 'ObserveBalance', figures: figures(0) })
      .then([]);
    given(gapDecider)
      .when({ type: 'ObserveBalance', figures: figures(-12) })
      .then([identified]);
    given(gapDecider, [identified])
      .when({ type: 'ObserveBalance', figures: figures(-30) })
      .then([]);
  });

  it('is closed when the balance is zero or more again, and can open again later', () => {
    const closed: GapEvent = { type: 'GapClosed', data: figures(3, ['neue-gruppe']) };
    given(gapDecider, [identified])
      .when({ type: 'ObserveBalance', figures: figures(3, ['neue-gruppe']) })
      .then([closed]);
    given(gapDecider, [identified, closed])
      .when({ type: 'ObserveBalance', figures: figures(5) })
      .then([]);
    given(gapDecider, [identified, closed])
      .when({ type: 'ObserveBalance', figures: figures(-1) })
      .then([{ type: 'GapIdentified', data: figures(-1) }]);
  });
});
