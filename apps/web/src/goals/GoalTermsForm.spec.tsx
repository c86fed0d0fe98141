import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { EMPTY_DRAFT } from './draft-form';
import { GoalTermsForm } from './GoalTermsForm';

function renderForm(onSubmit = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(['regions'], [{ key: '03459', name: 'Landkreis Osnabrück' }]);
  render(
    <QueryClientProvider client={client}>
      <GoalTermsForm initial={EMPTY_DRAFT} submitLabel="Entwurf anlegen" pending={false} onSubmit={onSubmit} />
    </QueryClientProvider>,
  );
  return onSubmit;
}

describe('GoalTermsForm', () => {
  it('asks for a Bildungsbereich and a Gebiet instead of offering "Alle"', () => {
    renderForm();
    for (const name of [/^Bildungsbereich/, /^Gebiet/]) {
      const select = screen.getByRole('combobox', { name }) as HTMLSelectElement;
      expect(select.getAttribute('aria-required')).toBe('true');
      expect(select.options[0]?.textContent).toBe('Bitte wählen');
      expect(screen.getByText(name, { selector: 'label' }).textContent).toContain('(Pflichtfeld)');
    }
    expect(screen.queryByRole('option', { name: 'Alle' })).toBeNull();
  });

  it('sends nothing and names both unchosen fields at the fields', () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Entwurf anlegen' }));
    expect(onSubmit).not.toHaveBeenCalled();
    for (const name of [/^Bildungsbereich/, /^Gebiet/]) {
      const select = screen.getByRole('combobox', { name });
      expect(select.getAttribute('aria-invalid')).toBe('true');
      const described = (select.getAttribute('aria-describedby') ?? '').split(' ');
      const messages = described.map((id) => document.getElementById(id)?.textContent ?? '');
      expect(messages).toContain('Bitte wählen Sie einen Eintrag aus der Liste.');
    }
  });
});
