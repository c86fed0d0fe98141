import { act, render, screen } from '@testing-library/react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useAddressQuery } from './url-filters';

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
