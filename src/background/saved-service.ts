/**
 * The background's side of saved and annotated claims: who may send which
 * message (see saved-protocol.ts), the content script's budget, and the
 * import of files (Web Annotation, ClaimReview, backups with their packs),
 * validated whole before anything is written.
 */
import { anchorFuzzy } from '@core/anchor/anchor';
import { BACKUP_FORMAT, parseImport } from '@core/annotation/exports';
import type { SavedClaim } from '@core/annotation/record';
import { MY_ANNOTATIONS_PACK_ID, statementProblem, toStatementPack } from '@core/annotation/statements';
import { ImportError } from '@core/annotation/web-annotation';
import { detectLang } from '@core/lang';
import { PackError, parsePack } from '@core/pack/schema';
import {
  CONTENT_SAVED_MESSAGES,
  SavedMessageSchemas,
  type SavedMessageType,
  type SavedResponses,
  validateSavedMessage,
} from '@src/messaging/saved-protocol';
import type { Library } from './library';
import { RejectedMessage } from './rejected';
import { type SavedStore, TagError } from './saved-store';

export interface SavedSenderChecks {
  /** The tab of a top-frame content script, or a reason to refuse. */
  contentTab(sender: unknown): number | string;
  /** The page address the browser reports for a content script's sender. */
  pageUrlOf(sender: unknown): string | undefined;
  isOwnExtensionPage(sender: unknown): boolean;
}

export interface SavedServiceDeps {
  store: SavedStore;
  library: Pick<
    Library,
    'importPack' | 'exportAll' | 'exportPack' | 'listPacks' | 'removePack' | 'searchStatements' | 'statementsByKey'
  >;
  checks: SavedSenderChecks;
  /** Saves a content script may make per tab per minute (a page cannot fill the library). */
  savesPerMinute?: number;
  now?: () => number;
  log: { warn(...args: unknown[]): void };
  /** Tells a tab's content script to re-read its saved claims. */
  notifyTab?: (tabId: number) => void;
  /** Opens the library's annotation form on a claim, next to the tab (`openAnnotator`, from the card). */
  openAnnotator?: (tabId: number, claimId: string) => Promise<void>;
  /** Paints a tab's saved claims, injecting the content script if needed (`showSavedInTab`, from the popup). */
  showSavedInTab?: (tabId: number) => Promise<boolean>;
}

/** Library tabs one page may open per minute from its card. */
const ANNOTATOR_OPENS_PER_MINUTE = 6;

export function isSavedMessageType(type: string | null): type is SavedMessageType {
  return type !== null && Object.hasOwn(SavedMessageSchemas, type);
}

export interface SavedService {
  handle(type: SavedMessageType, message: unknown, sender: unknown): Promise<unknown>;
  /** A save the background itself collected (context menu, keyboard command): trusted, still validated. */
  saveFromTab(tabId: number, url: string, claim: unknown): Promise<SavedResponses['saveClaim']>;
}

export function createSavedService(deps: SavedServiceDeps): SavedService {
  const now = deps.now ?? Date.now;
  const perMinute = deps.savesPerMinute ?? 30;
  const recent = new Map<number, number[]>();

  function refuse(type: string, reason: string): Promise<never> {
    deps.log.warn(`[counterpoint] rejected "${type}" message: ${reason}`);
    return Promise.reject(new RejectedMessage(reason));
  }

  function withinBudget(tabId: number): boolean {
    const t = now();
    const list = (recent.get(tabId) ?? []).filter((x) => t - x < 60_000);
    if (list.length >= perMinute) {
      recent.set(tabId, list);
      return false;
    }
    list.push(t);
    recent.set(tabId, list);
    return true;
  }

  const opened = new Map<number, number[]>();

  /** Only for a claim saved on the sender's own page, and a few times a minute: a page cannot open tabs at will. */
  async function openAnnotator(tabId: number, url: string | undefined, message: unknown) {
    const m = validateSavedMessage('openAnnotator', message);
    if (!m.ok) return refuse('openAnnotator', m.reason);
    const own = url === undefined ? [] : await deps.store.forPage(url);
    if (!own.some((c) => c.id === m.value.id)) return refuse('openAnnotator', 'not a claim saved on this page');
    const t = now();
    const times = (opened.get(tabId) ?? []).filter((x) => t - x < 60_000);
    if (times.length >= ANNOTATOR_OPENS_PER_MINUTE) {
      opened.set(tabId, times);
      return { ok: false as const, error: 'too many library tabs from this tab; try again in a minute' };
    }
    opened.set(tabId, [...times, t]);
    if (deps.openAnnotator === undefined) return { ok: false as const, error: 'not available' };
    await deps.openAnnotator(tabId, m.value.id);
    return { ok: true as const };
  }

  async function save(tabId: number, url: string | undefined, message: unknown) {
    const checked = validateSavedMessage('saveClaim', message);
    if (!checked.ok) return refuse('saveClaim', checked.reason);
    if (url === undefined || !/^https?:\/\//i.test(url)) return { ok: false as const, error: 'not a web page' };
    if (!withinBudget(tabId))
      return { ok: false as const, error: 'too many saves from this tab; try again in a minute' };
    const { meta, ...rest } = checked.value.claim;
    const saved = await deps.store.save(
      {
        ...rest,
        tags: rest.tags ?? [],
        ...(meta.title !== undefined && meta.title !== '' ? { title: meta.title } : {}),
        ...(meta.site !== undefined && meta.site !== '' ? { site: meta.site } : {}),
        ...(meta.authors !== undefined && meta.authors.length > 0 ? { authors: meta.authors } : {}),
        ...(meta.published !== undefined && meta.published !== '' ? { published: meta.published } : {}),
      },
      url,
    );
    deps.notifyTab?.(tabId);
    return { ok: true as const, id: saved.id };
  }

  async function importFile(json: unknown): Promise<SavedResponses['importSaved']> {
    try {
      const parsed = parseImport(json, new Date(now()).toISOString());
      // Every pack of a backup is checked before anything is written: all or nothing.
      parsed.packs.forEach((p, i) => {
        try {
          parsePack(p);
        } catch (error) {
          if (error instanceof PackError) throw new ImportError(`$.packs[${i}]`, error.message);
          throw error;
        }
      });
      const outcome = await deps.store.addAll(parsed.claims);
      for (const pack of parsed.packs) {
        const result = await deps.library.importPack(pack);
        if (!result.ok) deps.log.warn('[counterpoint] a backed-up pack was not restored', result.error);
      }
      return { ok: true, kind: parsed.kind, ...outcome, packs: parsed.packs.length, settings: parsed.settings };
    } catch (error) {
      if (error instanceof ImportError) return { ok: false, error: error.message };
      throw error;
    }
  }

  /**
   * Rebuilds the "My annotations" pack from every claim marked as a statement
   * (or removes it when there is none). `reviewer`: the name the statements
   * are signed with; when absent (an edit, a delete), the current pack's.
   */
  async function rebuildPack(reviewer?: string): Promise<SavedResponses['setStatement']> {
    const claims = await deps.store.list();
    const previous = (await deps.library.listPacks()).find((p) => p.id === MY_ANNOTATIONS_PACK_ID);
    const signer =
      reviewer ??
      (previous === undefined
        ? undefined
        : (await deps.library.exportPack(MY_ANNOTATIONS_PACK_ID))?.claims[0]?.speaker) ??
      'Counterpoint user';
    const pack = toStatementPack(claims, {
      version: (previous?.version ?? 0) + 1,
      now: new Date(now()).toISOString(),
      reviewer: signer,
      detect: (text) => {
        const lang = detectLang(text);
        return lang === 'und' ? 'en' : lang;
      },
    });
    if (pack === null) {
      if (previous !== undefined) await deps.library.removePack(MY_ANNOTATIONS_PACK_ID);
      return { ok: true, statements: 0 };
    }
    const result = await deps.library.importPack(pack);
    if (!result.ok) return { ok: false, error: result.error };
    return { ok: true, statements: pack.claims.length };
  }

  /** After an edit, a delete, an undo or a bulk tag: the pack follows the statements it was made from. */
  async function followStatements(changed: readonly SavedClaim[]): Promise<void> {
    if (!changed.some((c) => c.statement === true)) return;
    const result = await rebuildPack();
    if (!result.ok) deps.log.warn('[counterpoint] "My annotations" not rebuilt', result.error);
  }

  /** Marks claims as statements (or not) and rebuilds the "My annotations" pack from every marked claim. */
  async function setStatement(ids: string[], on: boolean, reviewer: string): Promise<SavedResponses['setStatement']> {
    const all = await deps.store.list();
    const chosen = all.filter((c) => ids.includes(c.id));
    if (on) {
      const problem = chosen.map((c) => statementProblem(c)).find((p) => p !== null);
      if (problem != null) return { ok: false, error: problem };
    }
    for (const c of chosen) {
      const { statement: _s, ...rest } = c;
      await deps.store.update(on ? { ...rest, statement: true } : rest);
    }
    return rebuildPack(reviewer);
  }

  async function tag(ids: string[], tag: string, op: 'add' | 'remove'): Promise<SavedResponses['tagSaved']> {
    try {
      const { before, after } = await deps.store.tag(ids, tag, op);
      await followStatements(after);
      return { ok: true, changed: after.length, before };
    } catch (error) {
      if (error instanceof TagError) return { ok: false, error: error.message };
      throw error;
    }
  }

  async function fromPage(type: SavedMessageType, message: unknown): Promise<unknown> {
    switch (type) {
      case 'listSaved': {
        const m = validateSavedMessage('listSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        return { claims: await deps.store.list() };
      }
      case 'updateSaved': {
        const m = validateSavedMessage('updateSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        const claim = await deps.store.update(m.value.claim);
        if (claim !== null) await followStatements([claim]);
        return { claim };
      }
      case 'deleteSaved': {
        const m = validateSavedMessage('deleteSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        const removed = await deps.store.remove(m.value.ids);
        await followStatements(removed);
        return { removed };
      }
      case 'restoreSaved': {
        const m = validateSavedMessage('restoreSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        const restored = await deps.store.restore(m.value.claims);
        await followStatements(m.value.claims);
        return { restored };
      }
      case 'listSavedPage': {
        const m = validateSavedMessage('listSavedPage', message);
        if (!m.ok) return refuse(type, m.reason);
        return deps.store.page(m.value.offset, m.value.limit);
      }
      case 'tagSaved': {
        const m = validateSavedMessage('tagSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        return tag(m.value.ids, m.value.tag, m.value.op);
      }
      case 'searchStatements': {
        const m = validateSavedMessage('searchStatements', message);
        if (!m.ok) return refuse(type, m.reason);
        return { statements: await deps.library.searchStatements(m.value.query, m.value.limit) };
      }
      case 'statementsByKey': {
        const m = validateSavedMessage('statementsByKey', message);
        if (!m.ok) return refuse(type, m.reason);
        return { statements: await deps.library.statementsByKey(m.value.keys) };
      }
      case 'importSaved': {
        const m = validateSavedMessage('importSaved', message);
        if (!m.ok) return refuse(type, m.reason);
        return importFile(m.value.json);
      }
      case 'exportBackup': {
        const m = validateSavedMessage('exportBackup', message);
        if (!m.ok) return refuse(type, m.reason);
        const [savedClaims, packs, all] = await Promise.all([
          deps.store.list(),
          deps.library.listPacks(),
          deps.library.exportAll(),
        ]);
        const userPacks = new Set(packs.filter((p) => !p.builtin).map((p) => p.id));
        return { savedClaims, packs: all.packs.filter((p) => userPacks.has(p.id)) };
      }
      case 'setStatement': {
        const m = validateSavedMessage('setStatement', message);
        if (!m.ok) return refuse(type, m.reason);
        return setStatement(m.value.ids, m.value.on, m.value.reviewer);
      }
      case 'showSavedInTab': {
        const m = validateSavedMessage('showSavedInTab', message);
        if (!m.ok) return refuse(type, m.reason);
        return { shown: (await deps.showSavedInTab?.(m.value.tabId)) ?? false };
      }
      default:
        return refuse(type, 'not an extension-page message');
    }
  }

  return {
    async handle(type, message, sender) {
      if (CONTENT_SAVED_MESSAGES.includes(type)) {
        const tabId = deps.checks.contentTab(sender);
        if (typeof tabId === 'string') return refuse(type, tabId);
        const url = deps.checks.pageUrlOf(sender);
        if (type === 'saveClaim') return save(tabId, url, message);
        if (type === 'openAnnotator') return openAnnotator(tabId, url, message);
        if (type === 'savedForPage') {
          const m = validateSavedMessage('savedForPage', message);
          if (!m.ok) return refuse(type, m.reason);
          return { claims: url === undefined ? [] : await deps.store.forPage(url) };
        }
        if (type === 'anchorFuzzy') {
          const m = validateSavedMessage('anchorFuzzy', message);
          if (!m.ok) return refuse(type, m.reason);
          const { text, quotes } = m.value;
          return {
            anchors: quotes.map((q) => {
              const found = anchorFuzzy(text, q.quote, q.position);
              return found === null ? null : { id: q.id, start: found.start, end: found.end };
            }),
          };
        }
        const m = validateSavedMessage('anchorStatus', message);
        if (!m.ok) return refuse(type, m.reason);
        return { changed: url === undefined ? 0 : await deps.store.setOrphaned(url, m.value.results) };
      }
      if (!deps.checks.isOwnExtensionPage(sender)) return refuse(type, 'sender is not an extension page');
      return fromPage(type, message);
    },
    saveFromTab(tabId, url, claim) {
      return save(tabId, url, { type: 'saveClaim', claim });
    },
  };
}

export { BACKUP_FORMAT };
