import { act, fireEvent, render, screen } from '@testing-library/react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useAddressField, useAddressQuery } from './url-filters';

function TwoChoices() {
  const { params, update } = useAddressQuery();
  const chooseBoth = () => {
    update((next) => next.set('szenario', 'variante'));
    update((next) => next.set('gebiet', '03459014'), { replace: true });
  };
  return (
    <>
      <output>{params.toString()}</output>
      <button onClick={chooseBoth}>beide</button>
    </>
  );
}

describe('useAddressQuery', () => {
  it('keeps both of two changes made before the page renders again', async () => {
    window.history.replaceState(null, '', '/kapazitaetsplanung?stufe=krippe');
    render(<RouterProvider router={createBrowserRouter([{ path: '*', element: <TwoChoices /> }])} />);
    await act(async () => screen.getByRole('button', { name: 'beide' }).click());
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({
      stufe: 'krippe',
      szenario: 'variante',
      gebiet: '03459014',
    });
    expect(await screen.findByText('stufe=krippe&szenario=variante&gebiet=03459014')).toBeTruthy();
  });
});

function DateField() {
  const [typed, setTyped, inAddress] = useAddressField('stand', '2026-01-01', 50);
  return (
    <>
      <input aria-label="Datum" value={typed} onChange={(event) => setTyped(event.target.value)} />
      <output>{inAddress}</output>
    </>
  );
}

describe('useAddressField', () => {
  it('shows every keystroke at once and writes the address once typing pauses', async () => {
    window.history.replaceState(null, '', '/pruefung/ziele/1');
    render(<RouterProvider router={createBrowserRouter([{ path: '*', element: <DateField /> }])} />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Datum' });
    for (const value of ['0002-06-30', '0020-06-30', '0202-06-30', '2025-06-30']) {
      fireEvent.change(field, { target: { value } });
      expect(field.value).toBe(value);
    }
    expect(screen.getByRole('status').textContent).toBe('2026-01-01');
    expect(await screen.findByText('2025-06-30', { selector: 'output' })).toBeTruthy();
    expect(window.location.search).toBe('?stand=2025-06-30');
  });

  it('follows the address when it changes elsewhere', async () => {
    window.history.replaceState(null, '', '/pruefung/ziele/1?stand=2025-06-30');
    const router = createBrowserRouter([{ path: '*', element: <DateField /> }]);
    render(<RouterProvider router={router} />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Datum' });
    expect(field.value).toBe('2025-06-30');
    await act(() => router.navigate('/pruefung/ziele/1?stand=2024-12-31'));
    expect(field.value).toBe('2024-12-31');
  });
});
