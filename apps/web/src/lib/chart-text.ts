import { formatNumber } from './format';

/** The most values a chart's text alternative lists one by one; longer series are summarised. */
export const LISTED_VALUES = 12;

export interface LabelledValue {
  readonly label: string;
  readonly value: number;
}

/**
 * A chart's values in words for its text alternative: all of them when they are few, otherwise how
 * many, the first, the last, the lowest and the highest; the table beside the chart has every value.
 */
export function valuesInWords(
  values: readonly LabelledValue[],
  words: { none: string; summary: (facts: Record<string, string>) => string },
): string {
  if (values.length === 0) return words.none;
  if (values.length <= LISTED_VALUES)
    return values.map((item) => `${item.label}: ${formatNumber(item.value)}`).join('; ');
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const first = values[0] as LabelledValue;
  const last = values[values.length - 1] as LabelledValue;
  const lowest = sorted[0] as LabelledValue;
  const highest = sorted[sorted.length - 1] as LabelledValue;
  return words.summary({
    count: formatNumber(values.length),
    first: `${first.label}: ${formatNumber(first.value)}`,
    last: `${last.label}: ${formatNumber(last.value)}`,
    lowest: `${lowest.label}: ${formatNumber(lowest.value)}`,
    highest: `${highest.label}: ${formatNumber(highest.value)}`,
  });
}
