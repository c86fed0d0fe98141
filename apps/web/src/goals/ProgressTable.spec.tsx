import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { goalKeys } from './goal-queries';
import type { ProgressRecord, ProgressTrace } from './goal-types';
import { ProgressTable } from './ProgressTable';

const goalId = 'c0a80101-0000-4000-8000-000000000001';
const record = {
  progressId: 'p-1',
  asOf: '2026-12-31',
  value: 39.4,
  source: 'manual',
  note: 'Kammerstatistik, vorläufig',
} as ProgressRecord;
const trace = {
  goalId,
  progressId: 'p-1',
  asOf: '2026-12-31',
  cause: { kind: 'manual-entry' },
  corrections: [],
  recorded: {
    actor: { id: 'koordination', role: 'coordinator' },
    correlationId: 'k-1',
    eventId: 'e-1',
    recordedAt: '2026-11-29T10:00:00.000Z',
  },
} as unknown as ProgressTrace;

function renderTable() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(goalKeys.trace(goalId, 'p-1'), trace);
  client.setQueryData(['regions'], []);
  render(
    <QueryClientProvider client={client}>
      <ProgressTable goalId={goalId} progress={[record]} count={1} unit="%" />
    </QueryClientProvider>,
  );
}

describe('ProgressTable', () => {
  it('opens a value’s proof in a row of its own across the whole table, and closes it again', () => {
    renderTable();
    const toggle = screen.getByRole('button', { name: 'Nachweis zum Wert vom 31.12.2026' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('manuelle Erfassung')).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const proofRow = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(proofRow?.tagName).toBe('TR');
    const cell = within(proofRow as HTMLElement).getByRole('cell');
    expect(cell.getAttribute('colspan')).toBe('5');
    expect(within(cell).getByText('manuelle Erfassung')).toBeTruthy();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('manuelle Erfassung')).toBeNull();
  });
});
