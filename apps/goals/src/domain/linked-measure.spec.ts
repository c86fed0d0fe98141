import { given } from '@bildungsregion/decider';
import { LinkedMeasureEvent, linkedMeasureDecider, MeasureOutline } from './linked-measure';

const outline: MeasureOutline = {
  measureId: 'm1',
  title: 'Zweite Krippengruppe',
  regionKey: '03459014',
  goalIds: ['g1'],
};
const known: LinkedMeasureEvent = { type: 'MeasureBecameKnown', data: outline };
const approved: LinkedMeasureEvent = { type: 'KnownMeasureProgressed', data: { status: 'approved', on: '2027-03-15' } };

describe('a measure as goals knows it', () => {
  it('becomes known once, and a revision changes it only where it differs', () => {
    given(linkedMeasureDecider).when({ type: 'NotePlanned', outline }).then([known]);
    given(linkedMeasureDecider, [known]).when({ type: 'NotePlanned', outline }).then([]);
    given(linkedMeasureDecider, [known]).when({ type: 'NoteRevised', outline }).then([]);
    const linked = { ...outline, goalIds: ['g1', 'g2'] };
    given(linkedMeasureDecider, [known])
      .when({ type: 'NoteRevised', outline: linked })
      .then([{ type: 'KnownMeasureRevised', data: linked }]);
  });

  it('only moves forward, and a dropped measure stays dropped', () => {
    given(linkedMeasureDecider, [known])
      .when({ type: 'NoteProgress', status: 'approved', on: '2027-03-15' })
      .then([approved]);
    given(linkedMeasureDecider, [known, approved])
      .when({ type: 'NoteProgress', status: 'approved', on: '2027-03-15' })
      .then([]);
    given(linkedMeasureDecider).when({ type: 'NoteProgress', status: 'approved', on: '2027-03-15' }).then([]);
    const dropped: LinkedMeasureEvent = {
      type: 'KnownMeasureProgressed',
      data: { status: 'dropped', on: '2027-04-01' },
    };
    given(linkedMeasureDecider, [known, approved])
      .when({ type: 'NoteProgress', status: 'dropped', on: '2027-04-01' })
      .then([dropped]);
    given(linkedMeasureDecider, [known, approved, dropped])
      .when({ type: 'NoteProgress', status: 'implemented', on: '2027-08-01' })
      .then([]);
  });
});
