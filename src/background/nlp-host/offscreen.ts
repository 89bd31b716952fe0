/**
 * The NLP host's home in Chrome: an offscreen document (entrypoints/nlp-host/)
 * whose worker runs the NLP (hence the `WORKERS` reason). The browser stops
 * an idle service worker after 30 seconds; it does not close the document,
 * so the models stay built between two pages. The document closes itself
 * after `NLP_HOST_IDLE_MS` without a message (its memory goes back), and is
 * opened again by the next page or scan. Firefox has no offscreen documents:
 * there the background reads the sentences itself.
 */
import type { HostRequest } from '@src/messaging/nlp-host-protocol';
import { browser } from 'wxt/browser';
import type { HostTransport } from './host-queue';

/** The document's path in the build (entrypoints/nlp-host/index.html). */
export const NLP_HOST_DOCUMENT = 'nlp-host.html';

/** What the transport needs of the browser (Chrome's `offscreen` and `runtime`). */
export interface OffscreenApi {
  /** The document's full URL. */
  url: string;
  /** How many documents of that URL are open. */
  openCount(): Promise<number>;
  create(): Promise<void>;
  /** `runtime.sendMessage`: resolves to undefined when no listener answered. */
  sendMessage(message: HostRequest): Promise<unknown>;
}

/** Chrome's API, or null where the browser has no offscreen documents. */
export function chromeOffscreenApi(): OffscreenApi | null {
  const offscreen = (browser as unknown as { offscreen?: { createDocument(p: unknown): Promise<void> } }).offscreen;
  const runtime = browser.runtime as unknown as {
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
  if (offscreen === undefined || typeof runtime.getContexts !== 'function') return null;
  const url = browser.runtime.getURL(`/${NLP_HOST_DOCUMENT}`);
  return {
    url,
    openCount: async () =>
      (await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] }))?.length ?? 0,
    create: () =>
      offscreen.createDocument({
        url,
        reasons: ['WORKERS'],
        justification: 'Reads the candidate sentences of news pages (language analysis) in a worker, locally.',
      }),
    sendMessage: (message) => browser.runtime.sendMessage(message),
  };
}

export type OffscreenHost = HostTransport & {
  /** Opens the document unless it is open (checked with the browser each time). */
  open(): Promise<void>;
};

/** The transport to the NLP host's document, or null where the browser has no offscreen documents. */
export function offscreenHost(given: OffscreenApi | null = chromeOffscreenApi()): OffscreenHost | null {
  if (given === null) return null;
  const api = given;
  /** The check-and-open under way: concurrent callers share it (one document at a time). */
  let opening: Promise<void> | null = null;
  /** Whether the document was open at the last check or send (it may have closed itself since). */
  let knownOpen = false;

  async function openDocument(): Promise<void> {
    if ((await api.openCount()) > 0) {
      knownOpen = true;
      return;
    }
    try {
      await api.create();
    } catch (error) {
      // Opened meanwhile (another start of this worker): that one will do.
      if ((await api.openCount()) === 0) throw error;
    }
    knownOpen = true;
  }

  function open(): Promise<void> {
    opening ??= openDocument().finally(() => {
      opening = null;
    });
    return opening;
  }

  /** Starts `message` on its way; resolves to the answer (rejects when nobody answered). */
  async function dispatch(message: HostRequest): Promise<unknown> {
    const answer: unknown = await api.sendMessage(message);
    if (answer === undefined) throw new Error('the NLP host did not answer');
    return answer;
  }

  /**
   * The last message's turn: each message starts on its way only after the one
   * sent before it did, whatever it waited for (the document opening). The
   * host relies on their order: a cancel must never overtake the run it
   * follows, which it would drop.
   */
  let turn: Promise<void> = Promise.resolve();

  return {
    open,
    async send(message, options = {}) {
      const previous = turn;
      let release = () => {};
      turn = new Promise<void>((resolve) => {
        release = resolve;
      });
      let answer: Promise<unknown>;
      try {
        await previous;
        if (options.open === false) {
          // Only to a document known to be open (a cancel: nothing waits in one that is not).
          if (opening !== null) await opening.catch(() => undefined);
          if (!knownOpen) return { ok: true };
          answer = dispatch(message);
        } else {
          const opened =
            knownOpen ||
            (await open().then(
              () => true,
              () => false,
            ));
          answer = opened ? dispatch(message) : Promise.reject(new Error('the NLP host could not be opened'));
        }
      } finally {
        release();
      }
      if (options.open === false) return answer;
      try {
        return await answer;
      } catch {
        // The document may have closed itself (idle) since: open it again, once. (Out of turn: the
        // messages sent meanwhile found no document either.)
        knownOpen = false;
        await open();
        return dispatch(message);
      }
    },
  };
}
