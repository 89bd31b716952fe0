/**
 * Binds the controller to the browser: settings, messages from the extension,
 * SPA navigations and the script's own end (extension updated, disabled,
 * removed, or this script injected again by "Scan this page").
 *
 * Nothing of this life depends on what the page can forge: the handover to a
 * newer instance goes through the isolated world (./lifetime), never WXT's
 * script-started event; navigations are read from the address (./navigation),
 * never WXT's `wxt:locationchange` event. The `ctx` WXT passes is not used for
 * either: a page that knows the extension's id can invalidate it.
 *
 * Injected on a site that is not switched on (a save from the context menu or
 * the keyboard, the toolbar button on a page with saved claims), it runs
 * "saved only": the page's saved claims are found and painted, selections can
 * be saved, and nothing is scanned (see SAVED_ONLY_FLAG).
 */
import type { AllegationFields } from '@core/annotation/record';
import { getCounterStatements, openReport, openTimeline, sendScan, sendToBackground } from '@src/messaging/client';
import type { ScanMode, ScanResponse } from '@src/messaging/protocol';
import { validateToContentMessage } from '@src/messaging/to-content';
import { validateSavedToContent } from '@src/messaging/to-content-saved';
import { isSiteDisabled, siteOf } from '@src/settings/site-match';
import { browser } from 'wxt/browser';
import { createController } from './controller';
import { createPainter } from './highlight';
import { allegationAt, rangeRect } from './hit';
import { claimFrame, type Lifetime } from './lifetime';
import { type WatchedWindow, watchNavigation } from './navigation';
import type { SavedLayer } from './saved';
import type { SaveButton } from './selection';
import { readDisabledSites, watchDisabledSites } from './site-setting';
import { SAVED_ONLY_FLAG } from './sites';
import type { ContentUi } from './ui';
import { createUiLoader, deferredCard } from './ui-loader';

const OWN_UI = 'counterpoint-card, counterpoint-save';

export function startContentScript(doc: Document = document): Lifetime {
  const scope = globalThis as Record<string, unknown>;
  // Ends the instance that ran before in this frame (injected again by "Scan this page", or an older build).
  const life = claimFrame({ scope, extensionAlive: () => browser.runtime?.id != null, checkEveryMs: 2000 });
  const savedOnly = scope[SAVED_ONLY_FLAG] === true;
  delete scope[SAVED_ONLY_FLAG];
  const log = (message: string, error: unknown) => console.warn(`[counterpoint] ${message}`, error);
  // The card, the Save button and the saved claims live in content-ui.js, injected on first need (./ui.ts).
  const ui = createUiLoader(
    scope,
    async () => {
      const answer = await sendToBackground<'loadContentUi'>({ type: 'loadContentUi' });
      if (!answer.ok) throw new Error('the background could not inject the UI');
    },
    browser.runtime.getManifest().version,
  );
  /** The saved claims' layer: created when the page has saved claims (or the reader saves one). */
  let saved: SavedLayer | null = null;
  const savedLayer = async (): Promise<SavedLayer> => {
    const { createSavedLayer } = await ui();
    saved ??= createSavedLayer({
      doc,
      load: async () => (await sendToBackground<'savedForPage'>({ type: 'savedForPage' })).claims,
      report: (results) => sendToBackground<'anchorStatus'>({ type: 'anchorStatus', results }),
      fuzzy: async (text, quotes) =>
        (await sendToBackground<'anchorFuzzy'>({ type: 'anchorFuzzy', text, quotes })).anchors,
    });
    return saved;
  };
  const refreshSaved = () =>
    savedLayer()
      .then((layer) => (life.ended ? undefined : layer.refresh()))
      .catch((error: unknown) => log('could not show the saved claims', error));
  /** From the answer to the page's first scan: false when the reader saved nothing on this page. */
  let pageHasSaved: boolean | undefined;
  const controller = createController({
    onScanned: (mode) => {
      // Allegations on the page: the card will be asked for; its code is loaded now, off the click's path.
      if (controller.items.length > 0) ui().catch((error: unknown) => log('could not load the card', error));
      if (mode !== 'replace') void saved?.reanchor();
      // Nothing saved here and nothing painted: no need to ask (a round trip on every page load).
      else if (pageHasSaved !== false || (saved?.anchored.length ?? 0) > 0) void refreshSaved();
    },
    doc,
    // A worker stopped while it answered (idle, or killed) loses the answer: ask again, twice at most.
    // The background answers a repeated append from its report: nothing is read (or painted) twice.
    send: async function retrying(slice, mode: ScanMode, tries = 2): Promise<ScanResponse> {
      try {
        const response = await sendScan(slice, mode);
        if (mode === 'replace' && slice.offset === 0) pageHasSaved = response.saved;
        return response;
      } catch (error) {
        if (tries > 0 && /closed|receiving/i.test(String(error))) return retrying(slice, mode, tries - 1);
        throw error;
      }
    },
    counterStatements: async (index) => (await getCounterStatements(index)).counterStatements,
    openReport,
    // The allegation is placed on the timeline at the page's publication date (today when it gives none).
    openTimeline: async (incident) => openTimeline(incident.pack, incident.id, pageDate(await ui(), doc)),
    createPainter,
    createCard: (d, callbacks) => deferredCard(ui, ({ createCard }) => createCard(d, callbacks), log),
    hitTest: allegationAt,
    rectOf: rangeRect,
    claims: {
      savedId: (range) =>
        saved?.anchored.find(
          ({ range: r }) =>
            r !== null &&
            r.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
            r.compareBoundaryPoints(Range.END_TO_END, range) === 0,
        )?.claim.id ?? null,
      async save(range) {
        const claim = (await ui()).describeRange({ doc, allegationOver }, range);
        if (claim === null) return null;
        const answer = await sendToBackground<'saveClaim'>({ type: 'saveClaim', claim });
        return answer.ok ? answer.id : null;
      },
      annotate: (id) => sendToBackground<'openAnnotator'>({ type: 'openAnnotator', id }),
    },
  });
  const site = siteOf(doc.location?.href);
  const isOwnNode = (n: Node) => (n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest(OWN_UI) != null;
  /** The detected allegation a range overlaps: its parties go with a saved quote. */
  const allegationOver = (range: Range): AllegationFields | null => {
    const item = controller.items.find(
      (i) =>
        i.range !== null &&
        range.compareBoundaryPoints(Range.START_TO_END, i.range) > 0 &&
        range.compareBoundaryPoints(Range.END_TO_START, i.range) < 0,
    );
    if (item === undefined) return null;
    const a = item.allegation;
    return { stance: a.stance, accused: a.accused, accuser: a.accuser, action: a.action };
  };
  /**
   * The Save button, built at the reader's first selection (a trusted mouseup with text selected):
   * the UI is loaded then, and the button shown for that selection.
   */
  let saveButton: SaveButton | null = null;
  let selectionWatch: AbortController | null = null;
  const watchSelection = () => {
    if (saveButton !== null || selectionWatch !== null) return;
    const watch = new AbortController();
    selectionWatch = watch;
    const win = doc.defaultView;
    const build = ({ createSaveButton }: ContentUi) => {
      if (watch.signal.aborted || saveButton !== null) return;
      watch.abort();
      selectionWatch = null;
      saveButton = createSaveButton({
        doc,
        allegationOver,
        isOwnNode,
        save: (claim) => sendToBackground<'saveClaim'>({ type: 'saveClaim', claim }),
      });
      saveButton.checkSelection();
    };
    doc.addEventListener(
      'mouseup',
      (event) => {
        if (!event.isTrusted) return;
        // After the browser has updated the selection.
        setTimeout(() => {
          const selection = win?.getSelection?.();
          if (!selection || selection.isCollapsed || watch.signal.aborted) return;
          ui().then(build, (error: unknown) => log('could not load the Save button', error));
        }, 0);
      },
      { signal: watch.signal, passive: true },
    );
  };
  const stopSaveButton = () => {
    selectionWatch?.abort();
    selectionWatch = null;
    saveButton?.destroy();
    saveButton = null;
  };

  const apply = (disabled: readonly string[]) => {
    if (!life.alive()) return;
    if (site !== null && isSiteDisabled(site, disabled)) {
      const wasActive =
        controller.items.length > 0 || doc.documentElement.dataset.counterpointAllegations !== undefined;
      controller.stop();
      saved?.clear();
      stopSaveButton();
      // Clears the tab's report and badge too.
      if (wasActive) sendScan({ text: '', offset: 0 }, 'replace').catch(() => {});
    } else {
      watchSelection();
      if (savedOnly) void refreshSaved();
      else void controller.start();
    }
  };

  const answer = (message: unknown): Promise<unknown> | undefined => {
    const own = validateSavedToContent(message);
    if (own !== null) {
      if (own.type === 'savedChanged') return refreshSaved().then(() => ({ ok: true }));
      return ui().then(({ describeSelection }) => {
        const claim = describeSelection({ doc, allegationOver }, isOwnNode);
        return claim === null ? { ok: false } : { ok: true, claim };
      });
    }
    const checked = validateToContentMessage(message);
    if (!checked.ok) return undefined;
    return Promise.resolve(controller.handleMessage(checked.value));
  };
  // The browser's own API, not the polyfill (see wxt.config.ts): an answer goes through
  // `sendResponse`, the listener returning true, which Chrome and Firefox both honour.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response?: unknown) => void) => {
    // Only this extension can message its content scripts; checked anyway.
    if (!life.alive() || sender.id !== browser.runtime.id) return undefined;
    let pending: Promise<unknown> | undefined;
    try {
      pending = answer(message);
    } catch {
      return undefined;
    }
    if (pending === undefined) return undefined;
    pending.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = watchDisabledSites(apply);
  const win = doc.defaultView;
  const navigation =
    win === null
      ? null
      : watchNavigation(win as unknown as WatchedWindow, () => {
          if (!life.alive()) return;
          saved?.clear();
          controller.navigated();
          // Without scans to follow, the new page's saved claims are read here.
          if (savedOnly) void refreshSaved();
        });
  life.onEnd(() => {
    navigation?.stop();
    controller.stop();
    saved?.clear();
    stopSaveButton();
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
  });

  readDisabledSites().then(apply, () => apply([]));
  return life;
}

/** The page's declared publication date (YYYY-MM-DD), or today's. */
function pageDate({ readPageMeta }: ContentUi, doc: Document): string {
  const published = readPageMeta(doc).published?.slice(0, 10);
  return published !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(published) && !Number.isNaN(Date.parse(published))
    ? published
    : new Date().toISOString().slice(0, 10);
}
