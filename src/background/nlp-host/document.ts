/**
 * The NLP host's offscreen document: relays the service worker's NLP host
 * messages to the worker that holds the NLP, and closes itself after
 * `NLP_HOST_IDLE_MS` without one. It answers nothing else, and only the
 * extension's own service worker: a content script's messages reach every
 * extension page too, and are left for the service worker to answer.
 */
import { messageType } from '@src/messaging/boundary';
import { NLP_HOST_MESSAGE_TYPES } from '@src/messaging/nlp-host-protocol';
import { browser } from 'wxt/browser';

/** Without a message for this long, the document closes: its memory goes back to the browser. */
export const NLP_HOST_IDLE_MS = 20 * 60_000;

export interface HostSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Whether a message is an NLP host message from this extension's service worker. */
export function fromServiceWorker(message: unknown, sender: HostSender, runtimeId: string, workerUrl: string): boolean {
  return (
    NLP_HOST_MESSAGE_TYPES.has(messageType(message) ?? '') &&
    sender.id === runtimeId &&
    sender.tab === undefined &&
    sender.url === workerUrl
  );
}

export interface HostWorker {
  postMessage(message: { id: number; message: unknown }): void;
  onmessage: ((event: MessageEvent<{ id: number; answer: unknown }>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export function startHostDocument(
  startWorker: () => HostWorker,
  close: () => void = () => window.close(),
  idleMs = NLP_HOST_IDLE_MS,
): void {
  const worker = startWorker();
  const answers = new Map<number, (answer: unknown) => void>();
  let nextId = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; answer: unknown }>) => {
    const resolve = answers.get(event.data.id);
    answers.delete(event.data.id);
    resolve?.(event.data.answer);
  };
  worker.onerror = (event) => {
    // A worker that cannot start answers nothing: close, and the service worker reads itself.
    console.warn('[counterpoint] NLP host worker failed', event.message);
    close();
  };
  let idle = setTimeout(close, idleMs);
  const workerUrl = browser.runtime.getURL('/background.js');
  browser.runtime.onMessage.addListener((message: unknown, sender: HostSender) => {
    if (!fromServiceWorker(message, sender, browser.runtime.id, workerUrl)) return undefined;
    clearTimeout(idle);
    idle = setTimeout(close, idleMs);
    return new Promise((resolve) => {
      const id = ++nextId;
      answers.set(id, resolve);
      worker.postMessage({ id, message });
    });
  });
}
