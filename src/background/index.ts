import { Detector } from '@core/detect';
import { SEED_PACK } from '@src/data/seed-pack';
import { browser } from 'wxt/browser';
import { createBadge } from './badge';
import { CounterpointDB } from './db/database';
import { createLibrary } from './library';
import { createRegistrationSync, type RegistrationApi } from './registration';
import { createReportStore, type SessionArea } from './report-store';
import { createSavedStore } from './saved-store';
import { createBackgroundService } from './service';

/**
 * Binds the service to the browser. Listeners are registered synchronously:
 * an MV3 worker woken by an event only sees listeners added in its first turn.
 */
const SAVE_MENU_ID = 'counterpoint-save-selection';

export function startBackground(): void {
  const logError = (error: unknown) => console.warn('[counterpoint]', error);
  const storage = browser.storage as unknown as { session?: SessionArea };
  // One detector for detection and for the matcher's actor resolution, built on first use.
  let detector: Detector | undefined;
  const getDetector = () => {
    detector ??= new Detector();
    return detector;
  };
  const db = new CounterpointDB();
  const library = createLibrary({
    db,
    resolver: { stateOf: (id) => getDetector().gazetteer.stateOf(id) },
    seed: SEED_PACK,
    log: console,
  });
  const service = createBackgroundService({
    createDetector: getDetector,
    reports: createReportStore(storage.session, logError),
    badge: createBadge(logError),
    library,
    runtimeId: browser.runtime.id,
    // Not `new URL(…).origin`: extension schemes are non-special URLs, whose origin may read "null".
    extensionOrigin: browser.runtime.getURL('/').replace(/\/+$/, ''),
    log: console,
    openReport: async (tabId) => {
      const url = browser.runtime.getURL(`/popup.html?tab=${tabId}`);
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      await browser.tabs.create({ url, openerTabId: tabId, ...(tab ? { index: tab.index + 1 } : {}) });
    },
    savedStore: createSavedStore(db),
    notifyTab: (tabId) => {
      browser.tabs.sendMessage(tabId, { type: 'savedChanged' }).catch(() => {
        // No content script there (any more): nothing to repaint.
      });
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => service.handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    service.forgetTab(tabId).catch(logError);
  });
  // A new page in the tab: the old page's report must not be shown for it. (The content
  // script, where it runs, sends the new page's report after this; `status` needs no permission.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') service.forgetTab(tabId).catch(logError);
  });
  // Installs or updates the seed pack: on install and update, and on every worker start
  // (an update may have been applied while no worker ran). Idempotent; scans wait for it.
  browser.runtime.onInstalled.addListener(() => {
    library.ready().catch(logError);
  });
  library.ready().catch(logError);

  // Save the selection: from the context menu and the keyboard command (both trusted browser events).
  const saveSelection = async (tabId: number | undefined) => {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined || service.saved === null) return;
    const answer = (await browser.tabs.sendMessage(id, { type: 'collectSelection' })) as
      | { ok: boolean; claim?: unknown; url?: unknown }
      | undefined;
    const tab = await browser.tabs.get(id);
    if (answer?.ok !== true || typeof tab.url !== 'string') return;
    await service.saved.saveFromTab(id, tab.url, answer.claim);
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus?.create({
      id: SAVE_MENU_ID,
      title: browser.i18n.getMessage('menuSaveSelection') || 'Save to Counterpoint library',
      contexts: ['selection'],
    });
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID) return;
    void saveSelection(tab?.id).catch(logError);
  });

  // The keyboard commands step through the allegations of the active tab, or save the selection.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'save-selection') {
      void saveSelection(tab?.id).catch(logError);
      return;
    }
    const direction = command === 'next-allegation' ? 1 : command === 'previous-allegation' ? -1 : 0;
    if (direction === 0) return;
    void stepActiveTab(direction, tab?.id).catch(() => {
      // No content script on that tab: nothing to step through.
    });
  });

  const sync = createRegistrationSync(registrationApi(), logError);
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();
}

async function stepActiveTab(direction: 1 | -1, tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await browser.tabs.sendMessage(id, { type: 'step', direction });
}

function registrationApi(): RegistrationApi {
  return {
    getAllOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
    getRegistered: (ids) => browser.scripting.getRegisteredContentScripts({ ids }),
    register: (script) => browser.scripting.registerContentScripts([script]),
    update: (script) => browser.scripting.updateContentScripts([script]),
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  };
}
