/**
 * The sites the user switched off, as the content script reads them: the raw
 * `disabledSites` entry of storage.local and its changes. The popup and the
 * background own the setting through WXT's versioned storage item
 * (src/settings/sites.ts), which runs its migrations; the content script only
 * reads, and WXT's storage layer would cost it a tenth of its size budget.
 */
import { browser } from 'wxt/browser';

const KEY = 'disabledSites';

/** Stored data: anything but a list reads as "nothing switched off" (isSiteDisabled checks the entries). */
const asList = (value: unknown): string[] => (Array.isArray(value) ? value : []);

export async function readDisabledSites(): Promise<string[]> {
  return asList((await browser.storage.local.get(KEY))[KEY]);
}

/** Calls `onChange` with the new list whenever it changes; returns the unsubscribe function. */
export function watchDisabledSites(onChange: (list: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, KEY)) onChange(asList(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
