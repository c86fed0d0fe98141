import { FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The address's query and a change of it that builds on the address as it is now, not as at the last
 * render: two changes in quick succession (a tick, then a choice) must not undo each other.
 */
export function useAddressQuery() {
  const [params, setParams] = useSearchParams();
  const update = (change: (next: URLSearchParams) => void, options?: { replace?: boolean }) => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next, options);
  };
  return { params, update };
}

/**
 * A text or date field kept in the address under `name`. The field shows every keystroke at once and
 * the address follows once typing pauses: bound to the address directly, a field is set back to the
 * address's older value while the change is still on its way, which breaks a date being typed. A
 * change of the address from elsewhere (a link, back) shows in the field. Answers the field's value,
 * its setter, and the value in the address to query with.
 */
export function useAddressField(name: string, fallback = '', delayMs = 300) {
  const { params, update } = useAddressQuery();
  const inAddress = params.get(name) ?? fallback;
  const [typed, setTyped] = useState(inAddress);
  const written = useRef(inAddress);
  // The page may render again before typing pauses (a query answering); that must not restart the wait.
  const latestUpdate = useRef(update);
  useEffect(() => {
    latestUpdate.current = update;
  });
  useEffect(() => {
    if (inAddress === written.current) return;
    written.current = inAddress;
    setTyped(inAddress);
  }, [inAddress]);
  useEffect(() => {
    if (typed === written.current) return;
    const timer = setTimeout(() => {
      written.current = typed;
      latestUpdate.current((next) => next.set(name, typed.trim()), { replace: true });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [typed, name, delayMs]);
  return [typed, setTyped, inAddress] as const;
}

/**
 * A list's filters and page, kept in the address so a view can be bookmarked and shared: the
 * filters to query with (with offset and limit), a setter for one filter, the submit of a search
 * form's fields, and the page. Changing a filter goes back to the first page.
 */
export function useUrlFilters<Filters>(names: readonly string[], pageSize: number) {
  const { params, update } = useAddressQuery();
  const page = Math.max(1, Number(params.get('seite') ?? '1') || 1);
  const values: Record<string, string | number> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  const set = (next: URLSearchParams, name: string, value: string) => {
    if (value.trim()) next.set(name, value.trim());
    else next.delete(name);
  };
  return {
    params,
    filters: { ...values, offset: (page - 1) * pageSize, limit: pageSize } as Filters,
    page,
    pagesOf: (total: number) => Math.max(1, Math.ceil(total / pageSize)),
    setFilter: (name: string, value: string) =>
      update((next) => {
        set(next, name, value);
        next.delete('seite');
      }),
    submitSearch: (fields: Record<string, string>) => (event: FormEvent) => {
      event.preventDefault();
      update((next) => {
        for (const [name, value] of Object.entries(fields)) set(next, name, value);
        next.delete('seite');
      });
    },
    goToPage: (number: number) => update((next) => next.set('seite', String(number))),
  };
}
