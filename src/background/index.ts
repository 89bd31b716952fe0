import { stopwordsFrom } from '@core/actors/family-rules';
import type { Subscription } from '@core/pack/subscription';
import { CONTENT_SCRIPT_FILE } from '@src/content/sites';
import { CONTENT_UI_FILE } from '@src/content/ui-loader';
import { SEED_PACK_FILE, SEED_PACK_ID, SEED_PACK_VERSION } from '@src/data/seed-pack/version';
import { importedMispClusters, mispClustersOf } from '@src/settings/misp-clusters';
import { disabledPacks, packIdsOf } from '@src/settings/packs';
import { builtinDomainOf, siteOf, sitePermissionPattern } from '@src/settings/sites';
import malwareStopwords from '@src/tools/malware-stopwords.txt?raw';
import { browser } from 'wxt/browser';
import { storage as wxtStorage } from 'wxt/utils/storage';
import { createBadge } from './badge';
import { CounterpointDB } from './db/database';
import { createDetectQueue } from './detect-queue';
import { createImportedDetector } from './imported-detector';
import { createLibrary } from './library';
import { createLocalDetector } from './local-detector';
import { createMispClusters } from './misp-clusters';
import { createNlpPreparer, readJsonAt } from './nlp-data';
import { createHostQueue } from './nlp-host/host-queue';
import { offscreenHost } from './nlp-host/offscreen';
import { createPageAccess, type PageAccessApi } from './page-access';
import { createRegistrationSync, type RegistrationApi } from './registration';
import { createReportStore, type SessionArea } from './report-store';
import { createSavedStore } from './saved-store';
import { type BundledSeed, seedSource } from './seed';
import { createBackgroundService } from './service';
import { createSubscriptions } from './subscriptions';

/**
 * Binds the service to the browser. Listeners are registered synchronously:
 * an MV3 worker woken by an event only sees listeners added in its first turn.
 */
const SAVE_MENU_ID = 'counterpoint-save-selection';
const SUBSCRIPTION_ALARM = 'counterpoint-subscriptions';
/** The subscriptions and their state (storage.local: small, kept across restarts and updates). */
const subscriptionList = wxtStorage.defineItem<Subscription[]>('local:subscriptions', { fallback: [] });

export function startBackground(): void {
  const logError = (error: unknown) => console.warn('[counterpoint]', error);
  const storage = browser.storage as unknown as { session?: SessionArea };
  const db = new CounterpointDB();
  /** One of the extension's own files, as JSON (the build writes the data this script does not carry). */
  const readOwnJson = (file: string): Promise<unknown> => readJsonAt(browser.runtime.getURL('/'), file);
  // The seed pack ships as a file beside this script, read only to install or upgrade it.
  const seedPack: BundledSeed = {
    id: SEED_PACK_ID,
    version: SEED_PACK_VERSION,
    load: () => readOwnJson(SEED_PACK_FILE),
  };
  const seed = seedSource(db, seedPack);
  let stopwords: ReadonlySet<string> | undefined;
  const clusters = createMispClusters({
    db,
    importThreatActors: (json) => library.importMispGalaxy(json),
    stopwords: () => {
      stopwords ??= stopwordsFrom(malwareStopwords);
      return stopwords;
    },
    store: {
      get: async () => mispClustersOf(await importedMispClusters.getValue()),
      set: (list) => importedMispClusters.setValue(list),
    },
    log: console,
  });
  // The imported MISP clusters' actors: in the actor table the matcher reads (states of actors), and
  // in the worker's own detector, built on first use (where the NLP host cannot read). Scans wait
  // for them in the queue (nlp-host/host-queue.ts): a worker woken by a scan must know them.
  const detectors = createImportedDetector(() => clusters.actors(), logError, createLocalDetector);
  const savedStore = createSavedStore(db);
  const pages = createPageAccess(pageAccessApi());
  const library = createLibrary({
    db,
    resolver: { stateOf: (id) => detectors.gazetteer().stateOf(id) },
    seed: seedPack,
    // The seed is installed and updated as the built-in subscription (listed, with its status).
    installSeed: () => subscriptions.ensureBuiltin(seed.url),
    log: console,
  });
  // Packs switched off in the options page: read now, and whenever the setting changes.
  const applyDisabledPacks = (value: unknown) => library.setDisabledPacks?.(packIdsOf(value));
  void disabledPacks.getValue().then(applyDisabledPacks, logError);
  disabledPacks.watch(applyDisabledPacks);
  const subscriptions = createSubscriptions({
    builtins: [seed],
    builtinsChecked: () => library.ready(),
    store: {
      get: async () => (await subscriptionList.getValue()) ?? [],
      set: (list) => subscriptionList.setValue(list),
    },
    fetch: (url, init) => fetch(url, init),
    installed: async () => (await library.listPacks()).map((p) => ({ ...p, claims: p.counts.claims })),
    install: (json, url) => library.importPack(json, { kind: 'url', url }),
    log: console,
  });
  // Subscriptions are checked on an alarm (the worker sleeps between); each is fetched only when due.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUBSCRIPTION_ALARM) void subscriptions.updateDue().catch(logError);
  });
  void (async () => {
    if ((await browser.alarms.get(SUBSCRIPTION_ALARM)) === undefined)
      await browser.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  })().catch(logError);
  // Data a library takes before its first use (French: its expanded lexicon), read once from the
  // extension's own files; on any failure the library expands it itself, as it ships.
  const prepareNlp = createNlpPreparer(readOwnJson, logError);
  // The NLP runs in the NLP host (Chrome: an offscreen document's worker, which outlives this worker
  // and keeps its models built); here only where there is no NLP host, or it cannot answer.
  const nlpHost = offscreenHost();
  const detectQueue = createHostQueue({
    transport: nlpHost,
    local: createDetectQueue(),
    prepareLocal: prepareNlp,
    actors: () => detectors.snapshot(),
    log: console,
  });
  const openNlpHost = () => nlpHost?.open().catch(logError);
  const service = createBackgroundService({
    detectQueue,
    subscriptions,
    createDetector: () => detectors.delegate,
    reports: createReportStore(storage.session, { onError: logError }),
    badge: createBadge(logError),
    library: {
      ...library,
      // Any of the three MISP clusters; the detector reads the new actors before the answer goes back.
      async importMispGalaxy(json) {
        const result = await clusters.import(json);
        if (result.ok) await detectors.reload();
        return result;
      },
    },
    runtimeId: browser.runtime.id,
    // Not `new URL(…).origin`: extension schemes are non-special URLs, whose origin may read "null".
    extensionOrigin: browser.runtime.getURL('/').replace(/\/+$/, ''),
    log: console,
    openReport: (tabId) => openNextTo(tabId, browser.runtime.getURL(`/popup.html?tab=${tabId}`)),
    injectContentUi: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_UI_FILE] });
    },
    // The library opens the annotation form of the claim named in its fragment.
    openAnnotator: (tabId, claimId) =>
      openNextTo(tabId, `${browser.runtime.getURL('/library.html')}#claim=${encodeURIComponent(claimId)}`),
    openTimeline: (tabId, pack, id, date) =>
      openNextTo(
        tabId,
        `${browser.runtime.getURL('/timeline.html')}?${new URLSearchParams({ pack, id, ...(date !== undefined ? { date } : {}) }).toString()}`,
      ),
    showSavedInTab: (tabId) => pages.showSaved(tabId, async (url) => (await savedStore.forPage(url)).length > 0),
    savedStore,
    // To the extension pages (the popup); content scripts never receive runtime messages.
    reportChanged: (tabId) => {
      browser.runtime.sendMessage({ type: 'reportChanged', tabId }).catch(() => {
        // No extension page open: nobody to tell.
      });
    },
    notifyTab: (tabId) => {
      browser.tabs.sendMessage(tabId, { type: 'savedChanged' }).catch(() => {
        // No content script there (any more): nothing to repaint.
      });
    },
  });

  // A scan is segmented at once; its sentences wait for the imported actors in the queue (host-queue.ts).
  browser.runtime.onMessage.addListener((message: unknown, sender) => service.handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    service.closeTab(tabId).catch(logError);
  });
  // A new page in the tab: the old page's report must not be shown for it. (The content
  // script, where it runs, sends the new page's report after this; `status` needs no permission.)
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    service.forgetTab(tabId).catch(logError);
    // A page of a site where Counterpoint runs is loading (its address is visible only there): the
    // NLP host gets ready while it loads. Elsewhere, nothing.
    if (typeof tab.url === 'string') {
      void siteOn(tab.url).then((on) => (on ? openNlpHost() : undefined), logError);
    }
  });
  // Installs or updates the seed pack: on install and update, and on every worker start
  // (an update may have been applied while no worker ran). Idempotent; scans wait for it.
  browser.runtime.onInstalled.addListener(() => {
    library.ready().catch(logError);
    void openNlpHost();
  });
  browser.runtime.onStartup.addListener(() => void openNlpHost());
  library.ready().catch(logError);

  // Save the selection: from the context menu and the keyboard command (both trusted browser events).
  // On a page without the content script (a site outside the list), the gesture's activeTab lets it be injected.
  const saveSelection = async (tabId: number | undefined) => {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined || service.saved === null) return;
    const claim = await pages.collectSelection(id);
    const tab = await browser.tabs.get(id);
    if (claim === null || typeof tab.url !== 'string') return;
    await service.saved.saveFromTab(id, tab.url, claim);
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

/** Opens one of the extension's pages in a new tab next to `tabId`. */
async function openNextTo(tabId: number, url: string): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({ url, openerTabId: tabId, ...(tab ? { index: tab.index + 1 } : {}) });
}

function pageAccessApi(): PageAccessApi {
  return {
    send: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    siteOn,
    async runFunc(tabId, func, args) {
      await browser.scripting.executeScript({ target: { tabId }, func, args });
    },
    async runContentScript(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    },
  };
}

/** Whether Counterpoint runs on the page at `url`: a built-in news site, or one the user switched on. */
async function siteOn(url: string): Promise<boolean> {
  const site = siteOf(url);
  if (site === null) return false;
  return builtinDomainOf(site) !== null || browser.permissions.contains({ origins: [sitePermissionPattern(site)] });
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
