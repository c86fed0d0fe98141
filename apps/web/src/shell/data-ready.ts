import { useEffect } from 'react';

/**
 * Marks the page as usable once its data is on screen: `data-ready` on the main element and a
 * `data-ready` performance mark, which tests wait for and the web benchmark times.
 */
export function useDataReady(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const main = document.getElementById('inhalt');
    main?.setAttribute('data-ready', 'true');
    performance.mark('data-ready');
    return () => main?.removeAttribute('data-ready');
  }, [ready]);
}
