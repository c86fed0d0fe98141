import { spreadsheetCsv } from '@bildungsregion/http';
import { District } from '@bildungsregion/reference-data';
import { Response } from 'express';
import { CapacityPlan } from '../application/capacity/capacity-plans';
import { NkitagLine } from '../application/capacity/nkitag-report';
import { PlanRunDocument } from '../application/capacity/plan-runs';
import { ScenarioComparison } from '../application/capacity/scenario-comparison';

/** The CSV exports of plans, comparisons and the § 21 NKiTaG report, with German headings for the office's spreadsheets. */

const STAGE_NAMES = {
  krippe: 'Krippe',
  kindergarten: 'Kindergarten',
  hort: 'Hort',
  grundschule: 'Grundschule',
} as const;
const VERDICTS = {
  covered: 'gedeckt',
  tight: 'knapp',
  shortfall: 'Fehlbedarf',
  'no-population': 'keine Bevölkerungszahlen',
};
const blank = (value: number | null | undefined) => (value === null || value === undefined ? '' : value);
const schoolYear = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

export function sendCsv(response: Response, filename: string, csv: string): string {
  response.type('text/csv').setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return csv;
}

const nameOf = (district: District, regionKey: string) => district.regionOf(regionKey)?.name ?? regionKey;

export function planCsv(plan: CapacityPlan, district: District): string {
  const rows = plan.rows.map((row) => [
    row.regionKey,
    nameOf(district, row.regionKey),
    STAGE_NAMES[row.stage],
    schoolYear(row.year),
    blank(row.children),
    row.participation,
    blank(row.demand),
    row.supply,
    blank(row.balance),
    blank(row.coverage),
    blank(row.groupsNeeded),
    row.missingGroups,
    VERDICTS[row.verdict],
    row.sources.measures.reduce((total, measure) => total + measure.places, 0),
    row.sources.measures.map((measure) => `${measure.title} (+${measure.places})`).join('; '),
  ]);
  return spreadsheetCsv(rows, [
    'AGS',
    'Gemeinde',
    'Stufe',
    'Jahr',
    'Kinder',
    'Quote %',
    'Bedarf',
    'Platzangebot',
    'Saldo',
    'Versorgungsgrad %',
    'benötigte Gruppen',
    'fehlende Gruppen',
    'Bewertung',
    'davon Plätze aus Maßnahmen',
    'Maßnahmen',
  ]);
}

export function comparisonCsv(comparison: ScenarioComparison, district: District): string {
  const names = comparison.scenarios.map((scenario) => `${scenario.name} (Version ${scenario.version})`);
  const rows = comparison.rows.map((row) => [
    row.regionKey,
    nameOf(district, row.regionKey),
    STAGE_NAMES[row.stage],
    schoolYear(row.year),
    ...row.figures.flatMap((figures, index) => [
      blank(figures.demand),
      figures.supply,
      blank(figures.balance),
      ...(index === 0 ? [] : [blank(figures.balanceDifference)]),
    ]),
  ]);
  const columns = names.flatMap((name, index) => [
    `Bedarf ${name}`,
    `Platzangebot ${name}`,
    `Saldo ${name}`,
    ...(index === 0 ? [] : [`Differenz Saldo ${name}`]),
  ]);
  return spreadsheetCsv(rows, ['AGS', 'Gemeinde', 'Stufe', 'Jahr', ...columns]);
}

export function nkitagCsv(lines: readonly NkitagLine[]): string {
  const years = lines[0]?.demand.length ?? 6;
  const referenceYear = Number((lines[0]?.referenceDate ?? '2000').slice(0, 4));
  const rows = lines.map((line) => [
    line.regionKey,
    line.municipality,
    line.locality,
    line.referenceDate,
    STAGE_NAMES[line.ageGroup],
    line.approved,
    line.overSevenHours,
    line.integration,
    line.occupied,
    ...line.demand.map(blank),
  ]);
  return spreadsheetCsv(rows, [
    'AGS',
    'Gemeinde',
    'Ortslage',
    'Stichtag',
    'Altersgruppe',
    'genehmigte Plätze',
    'davon über 7 Stunden',
    'davon Integrationsplätze',
    'belegte Plätze',
    ...Array.from({ length: years }, (_, offset) => `Bedarf ${schoolYear(referenceYear + 1 + offset)}`),
  ]);
}

export function planRunCsv(run: PlanRunDocument, district: District): string {
  const rows = run.rows.map((row) => [
    row.scenarioId,
    row.regionKey,
    nameOf(district, row.regionKey),
    STAGE_NAMES[row.stage],
    schoolYear(row.year),
    blank(row.children),
    row.participation,
    blank(row.demand),
    row.supply,
  ]);
  return spreadsheetCsv(rows, [
    'Szenario',
    'AGS',
    'Gemeinde',
    'Stufe',
    'Jahr',
    'Kinder',
    'Teilhabequote %',
    'Bedarf',
    'Angebot',
  ]);
}
