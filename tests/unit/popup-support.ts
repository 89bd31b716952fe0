/**
 * Test support for the popup tests: the browser's i18n, answered from
 * public/_locales/<lang>/messages.json as Chrome does (named placeholders
 * bound to `$1`…`$9`), so rendered text reads as users see it.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function messages(lang: string): Record<string, Message> {
  const url = new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, Message>;
}

export function getMessage(catalog: Record<string, Message>, key: string, substitutions: string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  const placeholders = entry.placeholders ?? {};
  const fill = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = placeholders[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

/** Makes `t()` and `uiLanguage()` answer in `lang` (call again after `vi.restoreAllMocks()`). */
export function useMessages(lang: 'en' | 'fr'): void {
  const catalog = messages(lang);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    getMessage(catalog, key, typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
}

export function useEnglishMessages(): void {
  useMessages('en');
}
