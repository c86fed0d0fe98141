import { formatDate, formatNumber } from '../lib/format';
import type { DiffChange } from './audit-queries';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What a sentence about a change needs to name things as people know them. */
export interface Vocabulary {
  readonly t: Translate;
  readonly regionName: (key: string) => string;
  readonly partyName: (id: string) => string;
}

/** The goal's fields by their path without list positions, as the words on screen name them. */
const FIELDS: Record<string, string> = {
  status: 'status',
  suspendedFrom: 'suspendedFrom',
  assessment: 'assessment',
  consents: 'consent',
  agreement: 'agreement',
  'agreement.authority': 'authority',
  'agreement.effectiveOn': 'effectiveOn',
  terms: 'terms',
  'terms.title': 'title',
  'terms.description': 'description',
  'terms.stage': 'stage',
  'terms.regionKeys': 'regions',
  'terms.parties': 'party',
  'terms.parties.name': 'partyName',
  'terms.parties.role': 'partyRole',
  'terms.indicator': 'indicator',
  'terms.indicator.key': 'indicator',
  'terms.indicator.regionKey': 'indicatorRegion',
  'terms.baseline': 'baseline',
  'terms.baseline.value': 'baseline',
  'terms.baseline.date': 'baselineDate',
  'terms.target': 'target',
  'terms.target.value': 'target',
  'terms.target.dueDate': 'dueDate',
  'terms.milestones': 'milestone',
  'terms.milestones.value': 'milestone',
  'terms.milestones.date': 'milestoneDate',
  'terms.unit': 'unit',
  'terms.direction': 'direction',
  progress: 'progress',
  'progress.value': 'progressValue',
  'progress.originalValue': 'originalValue',
  'progress.asOf': 'progressDate',
  'progress.note': 'note',
  goalId: 'goalId',
  synthetic: 'synthetic',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldOf(path: string): string {
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value in words: codes by their labels, dates and numbers the German way, records by what identifies them. */
export function valueInWords(field: string, value: unknown, words: Vocabulary): string {
  const { t } = words;
  if (value === undefined || value === null) return '–';
  if (Array.isArray(value)) return value.map((item) => valueInWords(field, item, words)).join(', ') || '–';
  if (field === 'status' || field === 'suspendedFrom') return t(`goal.status.${String(value)}`);
  if (field === 'assessment') return t(`goal.assessment.${String(value)}`);
  if (field === 'terms.stage') return t(`stage.${String(value)}`);
  if (field === 'terms.direction') return t(`goal.directionValue.${String(value)}`);
  if (field === 'terms.parties.role') return t(`goal.partyRole.${String(value)}`);
  if (field === 'consents') return words.partyName(String(value));
  if (field === 'terms.regionKeys' || field === 'terms.indicator.regionKey') return words.regionName(String(value));
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(value) : value;
  if (isRecord(value)) {
    if (typeof value['title'] === 'string') return value['title'];
    if (typeof value['authority'] === 'string')
      return `${value['authority']}, ${t('goal.effectiveOn', { date: formatDate(String(value['effectiveOn'])) })}`;
    if (typeof value['name'] === 'string') return value['name'];
    if (typeof value['value'] === 'number') {
      const date = value['asOf'] ?? value['date'] ?? value['dueDate'];
      return typeof date === 'string'
        ? t('audit.valueOn', { value: formatNumber(value['value']), date: formatDate(date) })
        : formatNumber(value['value']);
    }
    if (typeof value['key'] === 'string')
      return `${value['key']}, ${words.regionName(String(value['regionKey'] ?? ''))}`;
  }
  return JSON.stringify(value);
}

/** One change between two revisions as a sentence: "Zielwert geändert von 45 auf 50." */
export function changeInWords(change: DiffChange, words: Vocabulary): string {
  const field = fieldOf(change.path);
  const known = FIELDS[field];
  const name = known ? words.t(`audit.field.${known}`) : change.path;
  if (change.kind === 'added')
    return words.t('audit.change.added', { field: name, value: valueInWords(field, change.after, words) });
  if (change.kind === 'removed')
    return words.t('audit.change.removed', { field: name, value: valueInWords(field, change.before, words) });
  return words.t('audit.change.changed', {
    field: name,
    before: valueInWords(field, change.before, words),
    after: valueInWords(field, change.after, words),
  });
}

/** What one recorded event did, in a few words beside its type. */
export function eventDetail(type: string, data: unknown, words: Vocabulary): string {
  const { t } = words;
  const record = isRecord(data) ? data : {};
  switch (type) {
    case 'GoalDrafted':
      return valueInWords('terms', record['terms'], words);
    case 'ConsentRecorded':
      return words.partyName(String(record['partyId']));
    case 'GoalAgreed':
      return valueInWords('agreement', record, words);
    case 'GoalRevised':
      return Object.keys(isRecord(record['changes']) ? record['changes'] : {})
        .map((name) => {
          const known = FIELDS[`terms.${name}`];
          return known ? t(`audit.field.${known}`) : name;
        })
        .join(', ');
    case 'MilestoneAdded':
      return valueInWords('terms.milestones', record['milestone'], words);
    case 'ProgressRecorded':
      return `${valueInWords('progress', record, words)}${record['source'] === 'monitoring' ? ` (${t('goal.source.monitoring')})` : ''}`;
    case 'ProgressCorrected':
      return t('audit.correctedFromTo', {
        before: formatNumber(Number(record['previousValue'])),
        after: formatNumber(Number(record['value'])),
      });
    case 'AssessmentChanged':
      return `${valueInWords('assessment', record['from'], words)} → ${valueInWords('assessment', record['to'], words)}`;
    case 'GoalClosed':
      return t(`goal.status.${String(record['outcome'])}`);
    default:
      return '';
  }
}
