/// <reference lib="dom" />
import { Page } from 'playwright-core';

export interface FocusedElement {
  readonly text: string;
  readonly tag: string | undefined;
  /** The text of the label that names the element, if it has one. */
  readonly label: string;
  readonly outlined: boolean;
}

/** What has the keyboard focus now, how it is named, and whether the focus can be seen. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : undefined;
    return {
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      tag: element?.tagName.toLowerCase(),
      label: element?.id ? (document.querySelector(`label[for="${element.id}"]`)?.textContent ?? '') : '',
      // Chromium rings the parts of a date field (day, month, year, picker) itself.
      outlined:
        element instanceof HTMLInputElement && element.type === 'date'
          ? true
          : style
            ? style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
            : false,
    };
  });
}

/**
 * Presses Tab until the focused element matches, failing when any element on the way shows no focus
 * or the element is not reached within `limit` presses; the path is in the error.
 */
export async function tabTo(
  page: Page,
  matches: (element: FocusedElement) => boolean,
  limit = 40,
): Promise<FocusedElement> {
  const visited: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const element = await focusedElement(page);
    visited.push(`${element.tag} ${element.label || element.text.slice(0, 40)}`);
    if (!element.outlined) throw new Error(`No visible focus: ${visited.join(' → ')}`);
    if (matches(element)) return element;
  }
  throw new Error(`Tab never reached the control: ${visited.join(' → ')}`);
}
