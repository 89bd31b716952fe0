/**
 * What the library page needs of the extension, behind one interface so the
 * component runs in unit tests with a fake: the background's saved-claim
 * operations, the settings a backup carries, and file downloads.
 */
import type { SavedClaim } from '@core/annotation/record';
import type { StatementHit } from '@core/annotation/statement-search';
import { sendToBackground } from '@src/messaging/client';
import type { SavedResponses } from '@src/messaging/saved-protocol';
import { disabledSites } from '@src/settings/sites';
import { downloadText } from '@src/ui/download';

export interface LibraryApi {
  list(): Promise<SavedClaim[]>;
  /** The first `limit` claims from `offset`, newest first, and how many there are. */
  listPage(offset: number, limit: number): Promise<SavedResponses['listSavedPage']>;
  tag(ids: string[], tag: string, op: 'add' | 'remove'): Promise<SavedResponses['tagSaved']>;
  searchStatements(query: string, limit: number): Promise<StatementHit[]>;
  statementsByKey(keys: string[]): Promise<StatementHit[]>;
  update(claim: SavedClaim): Promise<SavedClaim | null>;
  remove(ids: string[]): Promise<SavedClaim[]>;
  restore(claims: SavedClaim[]): Promise<number>;
  importJson(json: unknown): Promise<SavedResponses['importSaved']>;
  backup(): Promise<SavedResponses['exportBackup']>;
  setStatement(ids: string[], on: boolean, reviewer: string): Promise<SavedResponses['setStatement']>;
  settings(): Promise<Record<string, unknown>>;
  restoreSettings(settings: Record<string, unknown>): Promise<void>;
  download(name: string, type: string, text: string): void;
}

export function browserLibraryApi(): LibraryApi {
  return {
    list: async () => (await sendToBackground<'listSaved'>({ type: 'listSaved' })).claims,
    listPage: (offset, limit) => sendToBackground<'listSavedPage'>({ type: 'listSavedPage', offset, limit }),
    tag: (ids, tag, op) => sendToBackground<'tagSaved'>({ type: 'tagSaved', ids, tag, op }),
    searchStatements: async (query, limit) =>
      (await sendToBackground<'searchStatements'>({ type: 'searchStatements', query, limit })).statements,
    statementsByKey: async (keys) =>
      (await sendToBackground<'statementsByKey'>({ type: 'statementsByKey', keys })).statements,
    update: async (claim) => (await sendToBackground<'updateSaved'>({ type: 'updateSaved', claim })).claim,
    remove: async (ids) => (await sendToBackground<'deleteSaved'>({ type: 'deleteSaved', ids })).removed,
    restore: async (claims) => (await sendToBackground<'restoreSaved'>({ type: 'restoreSaved', claims })).restored,
    importJson: (json) => sendToBackground<'importSaved'>({ type: 'importSaved', json }),
    backup: () => sendToBackground<'exportBackup'>({ type: 'exportBackup' }),
    setStatement: (ids, on, reviewer) => sendToBackground<'setStatement'>({ type: 'setStatement', ids, on, reviewer }),
    // The reviewer's name (signs ClaimReview exports and "My annotations") is a setting too: a backup carries it.
    settings: async () => ({
      disabledSites: (await disabledSites.getValue()) ?? [],
      reviewer: localStorage.getItem('counterpoint-reviewer') ?? '',
    }),
    async restoreSettings(settings) {
      const list = settings.disabledSites;
      if (Array.isArray(list) && list.every((s) => typeof s === 'string')) await disabledSites.setValue(list);
      // A backup made before a name was set does not erase the one this profile has.
      const reviewer = settings.reviewer;
      if (typeof reviewer === 'string' && reviewer.trim() !== '')
        localStorage.setItem('counterpoint-reviewer', reviewer);
    },
    download: downloadText,
  };
}
