/**
 * UI strings, through the browser's i18n (public/_locales/<lang>/messages.json,
 * chosen by the browser's UI language). `MessageKey` is checked against the
 * English file, which every other locale must match (tests/unit/i18n.test.ts).
 */

import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** A message with up to 9 `$1`…`$9` substitutions; the key itself when the browser has no such message. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  let message = '';
  try {
    message = browser.i18n.getMessage(key, substitutions.map(String));
  } catch {
    // Outside an extension (unit tests without a fake i18n): fall through.
  }
  return message !== '' ? message : key;
}

/** The UI language the browser picked (e.g. `en`, `fr`), for `lang` attributes. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage().split('-')[0] || 'en';
  } catch {
    return 'en';
  }
}
