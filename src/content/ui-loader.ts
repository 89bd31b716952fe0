/**
 * Loads the content script's UI (./ui.ts) on first need: the background
 * injects `content-ui.js` into this frame, which puts the UI on the isolated
 * world's global object (the page cannot reach it). One injection for any
 * number of callers; a failed one is tried again at the next need.
 */
import type { CardView } from './controller';
import type { ContentUi } from './ui';

/**
 * Where content-ui.js leaves the UI, on the isolated world's global object, with the version of
 * the extension it came with: the world outlives an update of the extension, and a content script
 * injected after one must not use the older build's UI.
 */
export const CONTENT_UI_KEY = '__counterpointUi';

export interface InstalledUi {
  version: string;
  ui: ContentUi;
}

/** The UI installed in `scope` for this `version` of the extension, if any. */
export function installedUi(scope: Record<string, unknown>, version: string): ContentUi | undefined {
  const entry = scope[CONTENT_UI_KEY] as InstalledUi | undefined;
  return entry?.version === version ? entry.ui : undefined;
}

/** The UI script in the build, as `scripting.executeScript` names it. */
export const CONTENT_UI_FILE = '/content-ui.js';

/** Resolves to the UI, injecting it first when needed; `ready()` gives it at once when it is there. */
export type UiLoader = (() => Promise<ContentUi>) & { ready(): ContentUi | undefined };

/**
 * `inject` asks the background to inject the UI into this frame; `scope` is the isolated world's
 * global object; `version` the extension's (runtime.getManifest().version).
 */
export function createUiLoader(
  scope: Record<string, unknown>,
  inject: () => Promise<unknown>,
  version: string,
): UiLoader {
  let loading: Promise<ContentUi> | null = null;
  const present = () => installedUi(scope, version);
  const load = () => {
    const ui = present();
    if (ui !== undefined) return Promise.resolve(ui);
    if (loading === null) {
      loading = inject().then(() => {
        const injected = present();
        if (injected === undefined) throw new Error('the UI script was not injected');
        return injected;
      });
      // Whatever failed (the injection, or a script that installed nothing) is tried again at the next need.
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
  return Object.assign(load, { ready: present });
}

/**
 * A card that exists before the UI does: the controller creates its card
 * synchronously on a click, so this one forwards to the real card once the UI
 * is loaded, showing the last allegation asked for (usually the UI is there
 * already: the content script loads it as soon as it paints an allegation).
 */
export function deferredCard(
  load: UiLoader,
  create: (ui: ContentUi) => CardView,
  log: (message: string, error: unknown) => void,
): CardView {
  let real: CardView | null = null;
  let pending: Parameters<CardView['show']> | null = null;
  let destroyed = false;
  const now = load.ready();
  if (now !== undefined) real = create(now);
  else
    void load().then(
      (ui) => {
        if (destroyed) return;
        real = create(ui);
        if (pending !== null) real.show(...pending);
        pending = null;
      },
      (error: unknown) => log('could not load the card', error),
    );
  return {
    show: (...args) => {
      if (real !== null) real.show(...args);
      else pending = args;
    },
    hide: () => {
      if (real !== null) real.hide();
      else pending = null;
    },
    isOpen: () => (real !== null ? real.isOpen() : pending !== null),
    contains: (node) => real?.contains(node) === true,
    destroy: () => {
      destroyed = true;
      pending = null;
      real?.destroy();
    },
  };
}
