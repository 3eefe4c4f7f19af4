import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  name: string;
  type: string | null;
  inSheet: boolean;
}

/** What has keyboard focus, looking through open shadow roots. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const el = a as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      // A form control is known by its label, as a screen reader would announce it.
      name: (el?.getAttribute('aria-label') || (el as HTMLInputElement | null)?.labels?.[0]?.textContent || el?.textContent || '')
        .replace(/\s+/g, ' ')
        .trim(),
      type: el?.getAttribute('type') ?? null,
      inSheet: !!el?.closest('[part~=sheet]'),
    };
  });
}

/** Presses Tab (or Shift+Tab) until focus is on a control matching `want`; fails after `max` presses. */
export async function tabTo(page: Page, want: (f: Focused) => boolean, { max = 40, back = false } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (want(f)) return f;
    seen.push(`${f.tag}:${f.name}`);
  }
  throw new Error(`Tab never reached the control; focus went through: ${seen.join(' → ')}`);
}

export const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));
