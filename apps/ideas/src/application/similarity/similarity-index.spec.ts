import { SimilarityIndex } from './similarity-index';

const bus = {
  title: 'Schulbus-Takt an den Ganztag anpassen',
  description:
    'Die Busse fahren nach der sechsten Stunde. Die Fahrpläne sollen an das Ende des Ganztags angepasst werden.',
};

describe('the similarity index', () => {
  const index = () => {
    const created = new SimilarityIndex({ similar: 0.18, likelyDuplicate: 0.32 });
    created.upsert('bus', bus);
    created.upsert('lesen', {
      title: 'Lesepaten für Grundschulen',
      description: 'Ehrenamtliche lesen wöchentlich mit Kindern, die beim Lesen Unterstützung brauchen.',
    });
    return created;
  };

  it('finds an idea by its own words, explains the match, and never matches the idea excluded', () => {
    const [match] = index().similarTo({ title: 'Busfahrpläne an den Ganztag anpassen', description: '' });
    expect(match).toMatchObject({ ideaId: 'bus', level: expect.any(String) });
    expect(match?.matchedTerms).toEqual(expect.arrayContaining(['ganztag', 'anpassen']));
    expect(index().similarTo(bus, { excluding: 'bus' })).toEqual([]);
  });

  it('does not call a text of one shared word a likely duplicate', () => {
    const [match] = index().similarTo({ title: 'angepasst', description: '' }, { minScore: 0 });
    expect(match?.ideaId).toBe('bus');
    expect(match?.level).not.toBe('likely-duplicate');
  });

  it('forgets a removed idea and takes a changed text', () => {
    const changed = index();
    changed.remove('bus');
    expect(changed.similarTo(bus)).toEqual([]);
    changed.upsert('lesen', bus);
    expect(changed.similarTo(bus).map((match) => match.ideaId)).toEqual(['lesen']);
    expect(changed.size).toBe(1);
  });

  it('refuses thresholds out of order', () => {
    expect(() => new SimilarityIndex({ similar: 0.5, likelyDuplicate: 0.3 })).toThrow(/similar/);
  });
});
