import { Detector } from '@core/detect';
import { browser } from 'wxt/browser';
import { createBadge } from './badge';
import { createReportStore, type SessionArea } from './report-store';
import { createBackgroundService } from './service';

/**
 * Binds the service to the browser. Listeners are registered synchronously:
 * an MV3 worker woken by an event only sees listeners added in its first turn.
 */
export function startBackground(): void {
  const logError = (error: unknown) => console.warn('[counterpoint]', error);
  const storage = browser.storage as unknown as { session?: SessionArea };
  const service = createBackgroundService({
    createDetector: () => new Detector(),
    reports: createReportStore(storage.session, logError),
    badge: createBadge(logError),
    runtimeId: browser.runtime.id,
    // Not `new URL(…).origin`: extension schemes are non-special URLs, whose origin may read "null".
    extensionOrigin: browser.runtime.getURL('/').replace(/\/+$/, ''),
    log: console,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => service.handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    service.forgetTab(tabId).catch(logError);
  });
}
