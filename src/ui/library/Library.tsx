/**
 * The library: every saved and annotated claim, searchable and filterable,
 * annotated in place (verdict, note, tags, roles, links to statements of the
 * claim database), tagged in bulk, exported in the formats students and
 * fact-checkers use (Markdown, CSV, CSL-JSON, RIS, ClaimReview, Web
 * Annotation, backup) and imported back. The list is virtualised (only the
 * rows in view are in the DOM) and paints before the search index is built,
 * so 10,000 claims open, scroll and filter smoothly. `library.html#claim=ID`
 * opens one claim's annotation form. Page text is rendered as text, never as
 * HTML.
 */

import { toCslJson, toRis } from '@core/annotation/citations';
import { BACKUP_FORMAT, BACKUP_VERSION, citation, toClaimReviews, toCsv, toMarkdown } from '@core/annotation/exports';
import {
  ALLEGATION_STANCES,
  type AllegationFields,
  LIMITS,
  type SavedClaim,
  VERDICTS,
  type Verdict,
} from '@core/annotation/record';
import { MY_ANNOTATIONS_PACK_ID, statementId } from '@core/annotation/statements';
import { toAnnotationCollection } from '@core/annotation/web-annotation';
import { t } from '@src/i18n';
import { stanceLabel } from '@src/i18n/format';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryApi } from './api';
import { LinkPicker } from './LinkPicker';
import { claimOfHash, facetsOf, type LibraryFilters, linkTo, searchClaims } from './search';
import { useClaims } from './useClaims';

export const ROW_HEIGHT = 148;
const OVERSCAN = 6;

export const EXPORTS = ['markdown', 'csv', 'csl-json', 'ris', 'claimreview', 'webannotation', 'backup'] as const;
export type ExportKind = (typeof EXPORTS)[number];

const EXPORT_LABELS: Record<ExportKind, string> = {
  markdown: 'Markdown',
  csv: 'CSV',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
  claimreview: 'ClaimReview',
  webannotation: 'Web Annotation',
  backup: 'Backup',
};

const VERDICT_KEYS = {
  supported: 'verdictSupported',
  disputed: 'verdictDisputed',
  unsupported: 'verdictUnsupported',
  misleading: 'verdictMisleading',
  unverifiable: 'verdictUnverifiable',
} as const;

export function verdictLabel(v: Verdict): string {
  return t(VERDICT_KEYS[v]);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/** The file an export writes, for the claims given. */
export function exportFile(
  kind: Exclude<ExportKind, 'backup'>,
  claims: readonly SavedClaim[],
  reviewer: string,
): { name: string; type: string; text: string } {
  switch (kind) {
    case 'markdown':
      return { name: `counterpoint-${stamp()}.md`, type: 'text/markdown', text: toMarkdown(claims) };
    case 'csv':
      return { name: `counterpoint-${stamp()}.csv`, type: 'text/csv', text: toCsv(claims) };
    case 'csl-json':
      return {
        name: `counterpoint-${stamp()}.csl.json`,
        type: 'application/vnd.citationstyles.csl+json',
        text: JSON.stringify(toCslJson(claims), null, 2),
      };
    case 'ris':
      return { name: `counterpoint-${stamp()}.ris`, type: 'application/x-research-info-systems', text: toRis(claims) };
    case 'claimreview':
      return {
        name: `counterpoint-claimreview-${stamp()}.jsonld`,
        type: 'application/ld+json',
        text: JSON.stringify(toClaimReviews(claims, { name: reviewer }), null, 2),
      };
    case 'webannotation':
      return {
        name: `counterpoint-annotations-${stamp()}.jsonld`,
        type: 'application/ld+json',
        text: JSON.stringify(
          toAnnotationCollection(claims, `urn:uuid:${crypto.randomUUID()}`, 'Counterpoint library'),
          null,
          2,
        ),
      };
  }
}

interface EditState {
  note: string;
  tags: string;
  verdict: string;
  stance: string;
  accuser: string;
  accused: string;
  links: string[];
}

function editOf(c: SavedClaim): EditState {
  return {
    note: c.note ?? '',
    tags: c.tags.join(', '),
    verdict: c.verdict ?? '',
    stance: c.allegation?.stance ?? '',
    accuser: c.allegation?.accuser ?? '',
    accused: c.allegation?.accused ?? '',
    links: [...(c.links ?? [])],
  };
}

export function applyEdit(c: SavedClaim, e: EditState): SavedClaim {
  const { note: _n, verdict: _v, allegation: _a, links: _l, ...rest } = c;
  const out: SavedClaim = {
    ...rest,
    tags: [
      ...new Set(
        e.tags
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    ].slice(0, LIMITS.tags),
  };
  if (e.note.trim() !== '') out.note = e.note;
  if ((VERDICTS as readonly string[]).includes(e.verdict)) out.verdict = e.verdict as Verdict;
  if ((ALLEGATION_STANCES as readonly string[]).includes(e.stance))
    out.allegation = {
      ...(c.allegation?.action !== undefined ? { action: c.allegation.action } : {}),
      stance: e.stance as AllegationFields['stance'],
      accuser: e.accuser.trim() === '' ? null : e.accuser.trim(),
      accused: e.accused.trim() === '' ? null : e.accused.trim(),
    };
  const links = [...new Set(e.links)].slice(0, LIMITS.links);
  if (links.length > 0) out.links = links;
  return out;
}

/** The undoable change: the claims as they were before a delete or a bulk tag. */
interface Undo {
  claims: SavedClaim[];
  kind: 'delete' | 'tag';
}

const currentHash = () => (typeof location === 'undefined' ? '' : location.hash);

export function Library({ api }: { api: LibraryApi }) {
  const data = useClaims(api);
  const { claims, complete, index } = data;
  const [filters, setFilters] = useState<LibraryFilters>({ text: '' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<{ id: string; state: EditState } | null>(null);
  const [status, setStatus] = useState<string>('');
  const [undo, setUndo] = useState<Undo | null>(null);
  const [bulkTag, setBulkTag] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [reviewer, setReviewer] = useState<string>(() => localStorage.getItem('counterpoint-reviewer') ?? '');
  /** The claim a `#claim=ID` address asks for, until it is found (or known to be missing). */
  const [wanted, setWanted] = useState<string | null>(() => claimOfHash(currentHash()));
  const [focused, setFocused] = useState<string | null>(null);
  const scrollTo = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = listRef.current;
    if (el === null) return;
    const measure = () => setViewport(el.clientHeight || 800);
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [claims === null]);

  useEffect(() => {
    const onHash = () => setWanted(claimOfHash(currentHash()));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (data.error !== null) setStatus(data.error);
  }, [data.error]);

  // `#claim=ID`: that claim, shown whatever the filters, scrolled into view, its annotation form open.
  useEffect(() => {
    if (wanted === null || claims === null) return;
    const claim = claims.find((c) => c.id === wanted);
    if (claim === undefined) {
      if (!complete) return;
      setStatus(t('libraryClaimNotFound', wanted));
      setWanted(null);
      return;
    }
    setWanted(null);
    setFilters({ text: '' });
    setEditing({ id: claim.id, state: editOf(claim) });
    setFocused(claim.id);
    scrollTo.current = claim.id;
  }, [wanted, claims, complete]);

  const facets = useMemo(() => facetsOf(claims ?? []), [claims]);
  const shown = useMemo(() => searchClaims(claims ?? [], filters, index), [claims, filters, index, data.indexVersion]);

  // Once the claim's form is on screen (it takes room from the list), its row is brought to the list's middle.
  useEffect(() => {
    const id = scrollTo.current;
    const el = listRef.current;
    if (id === null || el === null || editing?.id !== id) return;
    const at = shown.findIndex((c) => c.id === id);
    if (at === -1) return;
    scrollTo.current = null;
    el.scrollTop = Math.max(0, at * ROW_HEIGHT - Math.max(0, el.clientHeight - ROW_HEIGHT) / 2);
    setScrollTop(el.scrollTop);
    // And the page itself, on a short window, once the row is rendered.
    requestAnimationFrame(() => {
      const row = [...el.querySelectorAll('[data-annotation-id]')].find(
        (n) => n.getAttribute('data-annotation-id') === id,
      );
      row?.scrollIntoView({ block: 'nearest' });
    });
  }, [shown, editing]);

  const chosen = (): SavedClaim[] => (selected.size > 0 ? shown.filter((c) => selected.has(c.id)) : shown);
  const set = (patch: Partial<LibraryFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setScrollTop(0);
    if (listRef.current) listRef.current.scrollTop = 0;
  };

  async function doExport(kind: ExportKind) {
    const list = chosen();
    if (kind === 'backup') {
      const [data, settings] = await Promise.all([api.backup(), api.settings()]);
      const backup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: new Date().toISOString(),
        savedClaims: data.savedClaims,
        packs: data.packs,
        settings,
      };
      api.download(`counterpoint-backup-${stamp()}.json`, 'application/json', JSON.stringify(backup, null, 2));
      return;
    }
    const file = exportFile(kind, list, reviewer.trim() || 'Counterpoint user');
    api.download(file.name, file.type, file.text);
  }

  async function doImport(file: File) {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setStatus(t('libraryImportFailed', error instanceof Error ? error.message : String(error)));
      return;
    }
    const result = await api.importJson(json);
    if (!result.ok) {
      setStatus(t('libraryImportFailed', result.error));
      return;
    }
    if (result.settings !== null) {
      await api.restoreSettings(result.settings);
      setReviewer(localStorage.getItem('counterpoint-reviewer') ?? '');
    }
    setStatus(t('libraryImported', result.added, result.duplicates));
    await data.reload();
  }

  async function doDelete(ids: string[]) {
    const removed = await api.remove(ids);
    setUndo({ claims: removed, kind: 'delete' });
    setSelected(new Set());
    setStatus(t('libraryDeleted', removed.length));
    await data.reload();
  }

  async function doTag(op: 'add' | 'remove') {
    const tag = bulkTag.trim();
    if (tag === '' || selected.size === 0) return;
    if (tag.includes(',')) {
      setStatus(t('libraryTagFailed', t('libraryTagComma')));
      return;
    }
    const result = await api.tag([...selected], tag, op);
    if (!result.ok) {
      setStatus(t('libraryTagFailed', result.error));
      return;
    }
    setUndo(result.before.length > 0 ? { claims: result.before, kind: 'tag' } : null);
    setStatus(t(op === 'add' ? 'libraryTagged' : 'libraryUntagged', tag, result.changed));
    await data.reload();
  }

  async function doUndo() {
    if (undo === null) return;
    await api.restore(undo.claims);
    setUndo(null);
    setStatus('');
    await data.reload();
  }

  async function toggleStatement(c: SavedClaim) {
    const result = await api.setStatement([c.id], c.statement !== true, reviewer.trim() || 'Counterpoint user');
    if (!result.ok) setStatus(t('libraryStatementFailed', result.error));
    else setStatus('');
    await data.reload();
  }

  async function saveEdit() {
    if (editing === null) return;
    const claim = claims?.find((c) => c.id === editing.id);
    if (claim === undefined) return;
    const updated = await api.update(applyEdit(claim, editing.state));
    setEditing(null);
    if (updated !== null) data.replace([updated]);
  }

  if (claims === null)
    return (
      <p class="muted" role="status">
        {status || '…'}
      </p>
    );

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const rows = shown.slice(first, last);
  const edited = editing === null ? null : (claims.find((c) => c.id === editing.id) ?? null);
  const searching = filters.text.trim() !== '';

  return (
    <main class="library" data-index={index !== null ? 'ready' : 'pending'} data-complete={String(complete)}>
      <header>
        <h1>{t('libraryTitle')}</h1>
        <p class="count" aria-live="polite">
          {t('libraryCount', shown.length, complete ? claims.length : data.total)}
          {complete ? '' : ` · ${t('libraryLoading')}`}
          {selected.size > 0 ? ` · ${t('librarySelected', selected.size)}` : ''}
        </p>
      </header>

      <section class="toolbar" aria-label={t('librarySearch')}>
        <input
          type="search"
          aria-label={t('librarySearch')}
          placeholder={t('librarySearch')}
          value={filters.text}
          onInput={(e) => set({ text: (e.target as HTMLInputElement).value })}
        />
        {searching && index === null ? <span class="indexing muted">{t('libraryIndexing')}</span> : null}
        <Select
          label={t('libraryFilterStance')}
          name="stance"
          value={filters.stance ?? ''}
          options={ALLEGATION_STANCES.map((s) => [s, stanceLabel(s)])}
          onChange={(v) => set({ stance: v || undefined })}
        />
        <Select
          label={t('libraryFilterVerdict')}
          name="verdict"
          value={filters.verdict ?? ''}
          options={[['none', t('libraryNoVerdict')], ...VERDICTS.map((v) => [v, verdictLabel(v)] as [string, string])]}
          onChange={(v) => set({ verdict: v || undefined })}
        />
        <Select
          label={t('libraryFilterSite')}
          name="site"
          value={filters.site ?? ''}
          options={facets.sites.map((s) => [s, s])}
          onChange={(v) => set({ site: v || undefined })}
        />
        <Select
          label={t('libraryFilterTag')}
          name="tag"
          value={filters.tag ?? ''}
          options={facets.tags.map((s) => [s, s])}
          onChange={(v) => set({ tag: v || undefined })}
        />
        <Select
          label={`${t('libraryAccuser')} / ${t('libraryAccused')}`}
          name="actor"
          value={filters.actor ?? ''}
          options={facets.actors.map((s) => [s, s])}
          onChange={(v) => set({ actor: v || undefined })}
        />
        <label>
          {t('libraryFrom')}
          <input
            type="date"
            name="from"
            value={filters.from ?? ''}
            max={filters.to}
            onInput={(e) => set({ from: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
        <label>
          {t('libraryTo')}
          <input
            type="date"
            name="to"
            value={filters.to ?? ''}
            min={filters.from}
            onInput={(e) => set({ to: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
      </section>

      <section class="actions">
        <label class="file">
          {t('libraryImport')}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void doImport(file);
            }}
          />
        </label>
        <span class="exports">
          {t('libraryExportAs')}:
          {EXPORTS.map((kind) => (
            <button type="button" key={kind} data-export={kind} onClick={() => void doExport(kind)}>
              {EXPORT_LABELS[kind]}
            </button>
          ))}
        </span>
        <label class="reviewer">
          {t('libraryReviewer')}
          <input
            value={reviewer}
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setReviewer(v);
              localStorage.setItem('counterpoint-reviewer', v);
            }}
          />
        </label>
      </section>

      <section class="selection">
        <button
          type="button"
          data-action="select-shown"
          disabled={shown.length === 0}
          onClick={() => setSelected(new Set(shown.map((c) => c.id)))}
        >
          {t('librarySelectShown')} ({shown.length})
        </button>
        {selected.size > 0 ? (
          <>
            <button type="button" data-action="clear-selection" onClick={() => setSelected(new Set())}>
              {t('libraryClearSelection')}
            </button>
            <form
              class="bulk-tag"
              onSubmit={(e) => {
                e.preventDefault();
                void doTag('add');
              }}
            >
              <label>
                {t('libraryBulkTag')}
                <input
                  name="bulk-tag"
                  list="library-tags"
                  maxLength={LIMITS.tag}
                  value={bulkTag}
                  onInput={(e) => setBulkTag((e.target as HTMLInputElement).value)}
                />
              </label>
              <datalist id="library-tags">
                {facets.tags.map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
              <button type="submit" data-action="tag-add" disabled={bulkTag.trim() === ''}>
                {t('libraryTagAdd')}
              </button>
              <button
                type="button"
                data-action="tag-remove"
                disabled={bulkTag.trim() === ''}
                onClick={() => void doTag('remove')}
              >
                {t('libraryTagRemove')}
              </button>
            </form>
            <button type="button" data-action="delete-selected" onClick={() => void doDelete([...selected])}>
              {t('libraryDelete')} ({selected.size})
            </button>
          </>
        ) : null}
      </section>

      <p class="status" role="status">
        {status}
        {undo !== null ? (
          <button type="button" data-action="undo" onClick={() => void doUndo()}>
            {undo.kind === 'delete' ? t('libraryUndo') : t('libraryUndoChange')}
          </button>
        ) : null}
      </p>

      {edited !== null && editing !== null ? (
        <form
          class="edit"
          aria-label={t('libraryAnnotate')}
          data-claim-id={edited.id}
          onSubmit={(e) => {
            e.preventDefault();
            void saveEdit();
          }}
        >
          <blockquote>{edited.quote.exact}</blockquote>
          <EditFields state={editing.state} onChange={(state) => setEditing({ id: editing.id, state })} />
          <LinkPicker
            api={api}
            links={editing.state.links}
            self={`${MY_ANNOTATIONS_PACK_ID}/${statementId(edited.id)}`}
            onChange={(links) => setEditing({ id: editing.id, state: { ...editing.state, links } })}
          />
          <div class="buttons">
            <button type="submit" data-action="save-annotation">
              {t('librarySaveAnnotation')}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setFocused(null);
              }}
            >
              {t('libraryCancel')}
            </button>
          </div>
        </form>
      ) : null}

      {claims.length === 0 ? <p class="empty">{t('libraryEmpty')}</p> : null}
      <div class="list" ref={listRef} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}>
        <ul style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
          {rows.map((c, i) => (
            <Item
              key={c.id}
              claim={c}
              top={(first + i) * ROW_HEIGHT}
              selected={selected.has(c.id)}
              focused={focused === c.id}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(c.id);
                  else next.delete(c.id);
                  return next;
                })
              }
              onEdit={() => {
                setEditing({ id: c.id, state: editOf(c) });
                setFocused(c.id);
              }}
              onStatement={() => void toggleStatement(c)}
              onDelete={() => void doDelete([c.id])}
            />
          ))}
        </ul>
      </div>
    </main>
  );
}

function Select(props: {
  label: string;
  name: string;
  value: string;
  options: [string, string][];
  onChange(v: string): void;
}) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('libraryAll')}</option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

function EditFields({ state, onChange }: { state: EditState; onChange(s: EditState): void }) {
  const field = (key: keyof EditState) => (e: Event) =>
    onChange({ ...state, [key]: (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value });
  return (
    <div class="fields">
      <label>
        {t('libraryFilterVerdict')}
        <select name="verdict" value={state.verdict} onChange={field('verdict')}>
          <option value="">{t('libraryNoVerdict')}</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryFilterStance')}
        <select name="stance" value={state.stance} onChange={field('stance')}>
          <option value="">—</option>
          {ALLEGATION_STANCES.map((s) => (
            <option key={s} value={s}>
              {stanceLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('libraryAccuser')}
        <input name="accuser" value={state.accuser} onInput={field('accuser')} />
      </label>
      <label>
        {t('libraryAccused')}
        <input name="accused" value={state.accused} onInput={field('accused')} />
      </label>
      <label class="wide">
        {t('libraryNote')}
        <textarea name="note" rows={3} value={state.note} onInput={field('note')} />
      </label>
      <label class="wide">
        {t('libraryTags')}
        <input name="tags" value={state.tags} onInput={field('tags')} />
      </label>
    </div>
  );
}

function Item(props: {
  claim: SavedClaim;
  top: number;
  selected: boolean;
  focused: boolean;
  onSelect(on: boolean): void;
  onEdit(): void;
  onStatement(): void;
  onDelete(): void;
}) {
  const c = props.claim;
  const orphaned = c.orphaned === true;
  return (
    <li
      data-annotation-id={c.id}
      data-orphaned={orphaned ? 'true' : 'false'}
      data-focused={props.focused ? 'true' : undefined}
      aria-current={props.focused ? 'true' : undefined}
      class={orphaned ? 'item orphaned' : 'item'}
      style={{ top: `${props.top}px`, height: `${ROW_HEIGHT - 8}px` }}
    >
      <input
        type="checkbox"
        aria-label={t('librarySelect')}
        checked={props.selected}
        onChange={(e) => props.onSelect((e.target as HTMLInputElement).checked)}
      />
      <div class="body">
        <blockquote>{c.quote.exact}</blockquote>
        <p class="cite">{citation(c)}</p>
        <p class="meta">
          {c.allegation ? (
            <span class={`stance ${c.allegation.stance}`}>
              {stanceLabel(c.allegation.stance)}: {c.allegation.accuser ?? '?'} → {c.allegation.accused ?? '?'}
            </span>
          ) : null}
          {c.verdict ? <span class="verdict">{verdictLabel(c.verdict)}</span> : null}
          {c.statement ? <span class="statement">{t('libraryStatementBadge')}</span> : null}
          {(c.links?.length ?? 0) > 0 ? (
            <span class="links-count">{t('libraryLinksCount', c.links?.length ?? 0)}</span>
          ) : null}
          {c.tags.map((tag) => (
            <span class="tag" key={tag}>
              #{tag}
            </span>
          ))}
          {orphaned ? <span class="orphan">{t('libraryOrphaned')}</span> : null}
        </p>
        {c.note ? <p class="note">{c.note}</p> : null}
      </div>
      <div class="item-actions">
        <a href={linkTo(c)} target="_blank" rel="noopener noreferrer">
          {t('libraryOpen')}
        </a>
        <button type="button" data-action="annotate" onClick={props.onEdit}>
          {t('libraryAnnotate')}
        </button>
        <button type="button" data-action="statement" onClick={props.onStatement}>
          {c.statement ? t('libraryRemoveStatement') : t('libraryAddStatement')}
        </button>
        <button type="button" data-action="delete" onClick={props.onDelete}>
          {t('libraryDelete')}
        </button>
      </div>
    </li>
  );
}
