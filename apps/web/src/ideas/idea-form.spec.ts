import { commentStillEditable, EMPTY_IDEA, highlightParts, ideaFormToBody, tagsOf } from './idea-form';

describe('the idea form', () => {
  it('names each field to fix before anything is sent', () => {
    expect(ideaFormToBody(EMPTY_IDEA)).toEqual({
      ok: false,
      problems: { title: 'required', description: 'required', stages: 'stageRequired' },
    });
    expect(
      ideaFormToBody({ ...EMPTY_IDEA, title: 'a', description: 'b', stages: ['hochschule'], tags: 'Lesen, lesen' }),
    ).toMatchObject({ ok: false, problems: { tags: 'tagsRepeated' } });
  });

  it('builds the request body from what was typed', () => {
    expect(
      ideaFormToBody({
        ...EMPTY_IDEA,
        title: ' Lesepaten ',
        description: 'Ehrenamtliche lesen vor.',
        stages: ['allgemeinbildende-schulen'],
        regionKeys: ['03459014'],
        tags: 'Lesen, , Ehrenamt ',
        onBehalfOf: 'stadt-bramsche',
      }),
    ).toEqual({
      ok: true,
      body: {
        title: 'Lesepaten',
        description: 'Ehrenamtliche lesen vor.',
        stages: ['allgemeinbildende-schulen'],
        regionKeys: ['03459014'],
        tags: ['Lesen', 'Ehrenamt'],
        onBehalfOf: 'stadt-bramsche',
      },
    });
    expect(tagsOf(' , ')).toEqual([]);
  });

  it('marks the matched words of a title, in any case', () => {
    expect(highlightParts('Lesepaten für Grundschulen', ['grundschulen', 'lesepaten'])).toEqual([
      { text: 'Lesepaten', matched: true },
      { text: ' ', matched: false },
      { text: 'für', matched: false },
      { text: ' ', matched: false },
      { text: 'Grundschulen', matched: true },
    ]);
    expect(highlightParts('Ohne Treffer', [])).toEqual([{ text: 'Ohne Treffer', matched: false }]);
  });

  it('offers to change a comment for its first 15 minutes only', () => {
    const posted = '2026-11-27T10:00:00.000Z';
    expect(commentStillEditable(posted, 15, Date.parse('2026-11-27T10:15:00.000Z'))).toBe(true);
    expect(commentStillEditable(posted, 15, Date.parse('2026-11-27T10:15:01.000Z'))).toBe(false);
  });
});
