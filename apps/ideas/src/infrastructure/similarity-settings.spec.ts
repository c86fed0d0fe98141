import { similarityThresholdsFrom } from './similarity-settings';

describe('the similarity thresholds from the environment', () => {
  it('default to the tuned values and take overrides', () => {
    expect(similarityThresholdsFrom({})).toEqual({ similar: 0.18, likelyDuplicate: 0.32 });
    expect(similarityThresholdsFrom({ IDEAS_SIMILAR_THRESHOLD: '0.25', IDEAS_DUPLICATE_THRESHOLD: '0.5' })).toEqual({
      similar: 0.25,
      likelyDuplicate: 0.5,
    });
  });

  it('name what is wrong', () => {
    expect(() => similarityThresholdsFrom({ IDEAS_SIMILAR_THRESHOLD: 'hoch' })).toThrow(/IDEAS_SIMILAR_THRESHOLD/);
    expect(() => similarityThresholdsFrom({ IDEAS_DUPLICATE_THRESHOLD: '2' })).toThrow(/at most 1/);
    expect(() =>
      similarityThresholdsFrom({ IDEAS_SIMILAR_THRESHOLD: '0.6', IDEAS_DUPLICATE_THRESHOLD: '0.4' }),
    ).toThrow(/must not be above/);
  });
});
