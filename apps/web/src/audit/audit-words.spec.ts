import i18n from '../i18n/i18n';
import { changeInWords, eventDetail, Vocabulary } from './audit-words';

const words: Vocabulary = {
  t: (key, values) => i18n.t(key, values ?? {}),
  regionName: (key) => ({ '03459': 'Landkreis Osnabrück', '03459008': 'Bramsche' })[key] ?? key,
  partyName: (id) => ({ 'stadt-bramsche': 'Stadt Bramsche' })[id] ?? id,
};

describe('a goal’s changes and events in words', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('de');
  });

  it('names a changed field and writes its values the German way', () => {
    expect(changeInWords({ path: 'terms.target.value', kind: 'changed', before: 45, after: 47.5 }, words)).toBe(
      'Zielwert geändert von 45 auf 47,5',
    );
    expect(
      changeInWords(
        { path: 'terms.target.dueDate', kind: 'changed', before: '2029-12-31', after: '2030-07-31' },
        words,
      ),
    ).toBe('Zieldatum geändert von 31.12.2029 auf 31.07.2030');
    expect(changeInWords({ path: 'status', kind: 'changed', before: 'proposed', after: 'agreed' }, words)).toBe(
      'Status geändert von vorgeschlagen auf vereinbart',
    );
  });

  it('names what was added or removed in a list by what identifies it, not by its position', () => {
    expect(changeInWords({ path: 'consents.1', kind: 'added', after: 'stadt-bramsche' }, words)).toBe(
      'Zustimmung hinzugefügt: Stadt Bramsche',
    );
    expect(
      changeInWords({ path: 'terms.milestones.0', kind: 'removed', before: { date: '2027-12-31', value: 40 } }, words),
    ).toBe('Meilenstein entfernt: 40 zum 31.12.2027');
    expect(changeInWords({ path: 'terms.regionKeys.1', kind: 'added', after: '03459008' }, words)).toBe(
      'Gebiet hinzugefügt: Bramsche',
    );
    expect(
      changeInWords(
        { path: 'progress.3', kind: 'added', after: { progressId: 'p', value: 38.2, asOf: '2026-12-31' } },
        words,
      ),
    ).toBe('Fortschritt hinzugefügt: 38,2 zum 31.12.2026');
  });

  it('falls back to the field’s path for a field it has no word for', () => {
    expect(changeInWords({ path: 'terms.newField', kind: 'added', after: 'x' }, words)).toBe(
      'terms.newField hinzugefügt: x',
    );
  });

  it('says in a few words what an event did', () => {
    expect(eventDetail('ConsentRecorded', { partyId: 'stadt-bramsche' }, words)).toBe('Stadt Bramsche');
    expect(eventDetail('GoalAgreed', { authority: 'Kreisausschuss 2026/041', effectiveOn: '2026-03-01' }, words)).toBe(
      'Kreisausschuss 2026/041, wirksam ab 01.03.2026',
    );
    expect(eventDetail('GoalRevised', { changes: { target: {}, title: 'x' } }, words)).toBe('Zielwert, Titel');
    expect(eventDetail('ProgressCorrected', { previousValue: 38.2, value: 38.5 }, words)).toBe('von 38,2 auf 38,5');
    expect(eventDetail('ProgressRecorded', { value: 31, asOf: '2025-12-31', source: 'monitoring' }, words)).toBe(
      '31 zum 31.12.2025 (aus dem Monitoring)',
    );
    expect(eventDetail('AssessmentChanged', { from: null, to: 'at-risk' }, words)).toBe('– → gefährdet');
  });
});
