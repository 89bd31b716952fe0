/**
 * The content script's UI, in a script of its own (entrypoints/content-ui.ts,
 * built as `content-ui.js`): the card, the Save button, the saved-claims layer
 * and the page's metadata. Most pages need none of it — nothing is
 * clicked, selected or saved there — and every kilobyte of the script that
 * runs on each page load is compiled on the page's main thread (~0.05 ms a
 * kilobyte on this machine, with no code cache for content scripts). The
 * content script asks for it (./ui-loader.ts) the first time a page does need
 * it; the background injects this file into the same frame, where it shares
 * the content script's isolated world: the page can neither see it nor provide
 * one of its own.
 */
import { createCard } from './card';
import { readPageMeta } from './page-meta';
import { createSavedLayer } from './saved';
import { createSaveButton, describeRange, describeSelection } from './selection';
import { CONTENT_UI_KEY, type InstalledUi, installedUi } from './ui-loader';

export const contentUi = {
  createCard,
  readPageMeta,
  createSavedLayer,
  createSaveButton,
  describeRange,
  describeSelection,
};

export type ContentUi = typeof contentUi;

/**
 * Makes the UI reachable from the content script sharing `scope` (the isolated world's global
 * object), under the extension's `version`: one left there by another version is replaced.
 */
export function installContentUi(scope: Record<string, unknown>, version: string): void {
  if (installedUi(scope, version) === undefined)
    scope[CONTENT_UI_KEY] = { version, ui: contentUi } satisfies InstalledUi;
}
