import { fireEvent, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { problemOf } from '../api/problem';
import { CommandProblem } from './CommandProblem';

describe('CommandProblem', () => {
  it('says of a conflict only what changed, once, and reloads that thing', () => {
    const reload = vi.fn();
    const staleText = 'Die Idee wurde inzwischen geändert. Laden Sie sie neu und wiederholen Sie Ihre Eingabe.';
    render(
      <CommandProblem
        problem={{ status: 409, code: 'stale-revision', detail: 'revision 3 expected' }}
        onReload={reload}
        staleText={staleText}
      />,
    );
    expect(screen.getByText('Nicht gespeichert')).toBeTruthy();
    expect(screen.getAllByText(/inzwischen geändert/)).toHaveLength(1);
    expect(screen.queryByText(/Ziel/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Neu laden' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says in German that the gateway reached no instance of the service', () => {
    render(
      <CommandProblem
        problem={{
          status: 502,
          code: 'service-unreachable',
          detail: 'The goals service does not answer; try again in a moment.',
        }}
        onReload={() => undefined}
        staleText=""
      />,
    );
    expect(
      screen.getByText('Der Dienst ist gerade nicht erreichbar. Versuchen Sie es in einem Moment erneut.'),
    ).toBeTruthy();
    expect(screen.queryByText(/does not answer/)).toBeNull();
  });

  it('says in German that an answer without a problem, such as a proxy page, was unexpected', () => {
    render(
      <CommandProblem
        problem={problemOf(413, '<html><body>Request Entity Too Large</body></html>')}
        onReload={() => undefined}
        staleText=""
      />,
    );
    expect(
      screen.getByText('Der Dienst hat unerwartet geantwortet. Laden Sie die Seite neu und versuchen Sie es erneut.'),
    ).toBeTruthy();
    expect(screen.queryByText(/HTTP 413/)).toBeNull();
  });
});
