/**
 * What the options page needs of the extension, behind one interface so the
 * component runs in unit tests with a fake: the background's pack operations
 * (extension pages only), the site settings and the granted host
 * permissions, and file downloads.
 */
import type { MispClusterType } from '@core/actors/misp-cluster';
import type { ClaimPack } from '@core/pack/schema';
import type { Subscription } from '@core/pack/subscription';
import {
  exportAll,
  exportPack,
  importMispGalaxy,
  importPackBlob,
  importPackFile,
  listPacks,
  removePack,
  sendToBackground,
} from '@src/messaging/client';
import type {
  ExportAllResponse,
  ImportMispGalaxyResponse,
  ImportPackResponse,
  PackSummary,
  RemovePackResponse,
} from '@src/messaging/protocol';
import type { SubscriptionOutcome } from '@src/messaging/subscription-protocol';
import { type ImportedMispCluster, importedMispClusters, mispClustersOf } from '@src/settings/misp-clusters';
import { disabledPacks, packIdsOf, setPackDisabled } from '@src/settings/packs';
import { disabledSites, setSiteDisabled, siteOf } from '@src/settings/sites';
import { downloadText } from '@src/ui/download';
import { browser } from 'wxt/browser';

export interface OptionsApi {
  listPacks(): Promise<PackSummary[]>;
  /** `file`, when given, is the file the value was parsed from: the background reads it itself (far cheaper than a message holding the value). */
  importPack(json: unknown, file?: Blob): Promise<ImportPackResponse>;
  exportPack(id: string): Promise<ClaimPack | null>;
  exportAll(): Promise<ExportAllResponse>;
  removePack(id: string): Promise<RemovePackResponse>;
  importMisp(json: unknown): Promise<ImportMispGalaxyResponse>;
  /** The imported MISP clusters, one per type. */
  mispClusters(): Promise<ImportedMispCluster[]>;
  /** Withdraws the actors a cluster type's import added (an import of that type with no entries). */
  removeMispCluster(type: MispClusterType): Promise<ImportMispGalaxyResponse>;
  disabledSites(): Promise<string[]>;
  setSiteDisabled(site: string, disabled: boolean): Promise<unknown>;
  /** Sites the user switched on beyond the built-in list (granted optional host permissions). */
  grantedSites(): Promise<string[]>;
  /** Gives a granted site's permission back; true when the browser removed it. */
  revokeSite(site: string): Promise<boolean>;
  download(name: string, type: string, text: string): void;
  /** Packs switched off: installed, not used for matching. */
  disabledPacks(): Promise<string[]>;
  setPackEnabled(id: string, enabled: boolean): Promise<unknown>;
  listSubscriptions(): Promise<Subscription[]>;
  /**
   * Asks for the host permission of a subscription's origin. Browsers grant it
   * only during a user gesture: call it synchronously from the event handler.
   */
  requestOrigin(pattern: string): Promise<boolean>;
  subscribe(url: string): Promise<SubscriptionOutcome>;
  unsubscribe(url: string): Promise<boolean>;
  updateSubscription(url: string): Promise<SubscriptionOutcome>;
}

/** The site of an optional host permission's match pattern (`*://*.example.org/*`), or null. */
export function siteOfPattern(pattern: string): string | null {
  const m = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern);
  return m?.[1] !== undefined ? siteOf(`https://${m[1]}/`) : null;
}

export function browserOptionsApi(): OptionsApi {
  return {
    listPacks: async () => (await listPacks()).packs,
    importPack: (json, file) => (file === undefined ? importPackFile(json) : importPackBlob(file)),
    exportPack: async (id) => (await exportPack(id)).pack,
    exportAll: () => exportAll(),
    removePack: (id) => removePack(id),
    importMisp: (json) => importMispGalaxy(json),
    mispClusters: async () => mispClustersOf(await importedMispClusters.getValue()),
    removeMispCluster: (type) => importMispGalaxy({ type, values: [] }),
    disabledSites: async () => (await disabledSites.getValue()) ?? [],
    setSiteDisabled: (site, disabled) => setSiteDisabled(site, disabled),
    async grantedSites() {
      const { origins = [] } = await browser.permissions.getAll();
      const sites = origins.map(siteOfPattern).filter((s): s is string => s !== null);
      return [...new Set(sites)].sort();
    },
    revokeSite: (site) => browser.permissions.remove({ origins: [`*://*.${site}/*`] }),
    disabledPacks: async () => packIdsOf(await disabledPacks.getValue()),
    setPackEnabled: (id, enabled) => setPackDisabled(id, !enabled),
    listSubscriptions: async () =>
      (await sendToBackground<'listSubscriptions'>({ type: 'listSubscriptions' })).subscriptions,
    requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
    subscribe: (url) => sendToBackground<'subscribe'>({ type: 'subscribe', url }),
    unsubscribe: async (url) => (await sendToBackground<'unsubscribe'>({ type: 'unsubscribe', url })).removed,
    updateSubscription: (url) => sendToBackground<'updateSubscription'>({ type: 'updateSubscription', url }),
    download: downloadText,
  };
}
