import { useEffect } from 'react';

/** Names the page in the browser's title, which screen readers announce on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Bildungsregion`;
  }, [title]);
}
