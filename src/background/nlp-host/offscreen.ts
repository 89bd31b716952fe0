/**
 * The NLP host's home in Chrome: an offscreen document (entrypoints/nlp-host/)
 * whose worker runs the NLP (hence the `WORKERS` reason). The browser stops
 * an idle service worker after 30 seconds; it does not close the document,
 * so the models stay built between two pages. The document closes itself
 * after `NLP_HOST_IDLE_MS` without a message (its memory goes back), and is
 * opened again by the next scan. Firefox has no offscreen documents: there
 * the background reads the sentences itself.
 */
import type { HostRequest } from '@src/messaging/nlp-host-protocol';
import { browser } from 'wxt/browser';
import type { HostTransport } from './host-queue';

/** The document's path in the build (entrypoints/nlp-host/index.html). */
export const NLP_HOST_DOCUMENT = 'nlp-host.html';

interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ContextsApi {
  getContexts(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

/** The transport to the NLP host's document, or null where the browser has no offscreen documents. */
export function offscreenHost(): (HostTransport & { open(): Promise<void> }) | null {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  const runtime = browser.runtime as unknown as ContextsApi;
  if (offscreen === undefined || typeof runtime.getContexts !== 'function') return null;
  const url = browser.runtime.getURL(`/${NLP_HOST_DOCUMENT}`);
  let opening: Promise<void> | null = null;

  async function openDocument(): Promise<void> {
    const open = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (open.length > 0) return;
    try {
      await offscreen?.createDocument({
        url,
        reasons: ['WORKERS'],
        justification: 'Reads the candidate sentences of news pages (language analysis) in a worker, locally.',
      });
    } catch (error) {
      // Opened meanwhile (two scans at once, or another start of this worker): that one will do.
      const again = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      if (again.length === 0) throw error;
    }
  }

  /** Opens the document unless it is open; a failure is not remembered (the next call tries again). */
  function open(): Promise<void> {
    opening ??= openDocument().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  }

  async function sendOnce(message: HostRequest): Promise<unknown> {
    const answer: unknown = await browser.runtime.sendMessage(message);
    if (answer === undefined) throw new Error('the NLP host did not answer');
    return answer;
  }

  return {
    open,
    async send(message, options = {}) {
      if (options.open === false) {
        // Only to a document opened already (a cancel: nothing waits in one that is not).
        if (opening === null) return { ok: true };
        await opening;
        return sendOnce(message);
      }
      const tried = open();
      try {
        await tried;
        return await sendOnce(message);
      } catch {
        // The document may have closed itself (idle) since it was opened: open it again, once.
        // (Only if no other message has done so meanwhile: one document at a time.)
        if (opening === tried) opening = null;
        await open();
        return sendOnce(message);
      }
    },
  };
}
