/**
 * Saved and annotated claims on the page: found again on every visit and
 * after the page changes (exact quote with context, then the position checked
 * against the quote, then fuzzy matching — src/core/anchor/anchor.ts), painted
 * with their own highlights (`counterpoint-saved`, `counterpoint-annotated`:
 * an outline-like double underline and a dotted box, distinct from the
 * allegation styles and not by colour alone), counted on
 * `<html data-counterpoint-saved>`, and reported back so the library can list
 * what was not found as orphaned.
 */
import { anchorExact } from '@core/anchor/exact';
import { isAnnotated } from '@core/annotation/kinds';
import type { SavedClaim } from '@core/annotation/record';
import { rangeFor } from './anchor';
import { extractPageText, type PageText } from './extract';
import { createStyledPainter, type PaintStyles, type StyledPainter } from './highlight';

export const SAVED_HIGHLIGHT = 'counterpoint-saved';
export const ANNOTATED_HIGHLIGHT = 'counterpoint-annotated';
const SAVED_STYLE =
  'background-color: rgba(0, 160, 80, 0.16); text-decoration: underline double rgba(0, 120, 60, 0.95) 1px;';
const ANNOTATED_STYLE =
  'background-color: rgba(230, 0, 120, 0.14); text-decoration: underline dotted rgba(170, 0, 90, 0.95) 2px;';
const ATTR = 'counterpointSaved';

export interface SavedLayerDeps {
  doc: Document;
  /** The saved claims of this page (the background reads the tab's address itself). */
  load(): Promise<SavedClaim[]>;
  report(results: { id: string; orphaned: boolean }[]): Promise<unknown>;
  /** The approximate step, in the background (the matcher is not shipped in the content script). */
  fuzzy(
    text: string,
    quotes: { id: string; quote: SavedClaim['quote']; position?: SavedClaim['position'] }[],
  ): Promise<({ id: string; start: number; end: number } | null)[]>;
  log?: (message: string, error?: unknown) => void;
}

export interface AnchoredClaim {
  claim: SavedClaim;
  range: Range | null;
}

export interface SavedLayer {
  /** Reads the page's saved claims again and anchors them (a visit, a save, a page change). */
  refresh(): Promise<void>;
  /** Anchors the claims already loaded against the page as it is now (after DOM changes). */
  reanchor(): Promise<void>;
  clear(): void;
  readonly anchored: readonly AnchoredClaim[];
}

const SAVED_STYLES: PaintStyles<'saved' | 'annotated'> = {
  saved: { name: SAVED_HIGHLIGHT, css: SAVED_STYLE },
  annotated: { name: ANNOTATED_HIGHLIGHT, css: ANNOTATED_STYLE },
};

export function createSavedLayer(deps: SavedLayerDeps): SavedLayer {
  const { doc } = deps;
  const log = deps.log ?? ((m, e) => console.warn(`[counterpoint] ${m}`, e ?? ''));
  let claims: SavedClaim[] = [];
  let anchored: AnchoredClaim[] = [];
  let painter: StyledPainter<'saved' | 'annotated'> | null = null;
  let loading: Promise<void> | null = null;

  function publish(): void {
    const n = anchored.filter((a) => a.range !== null).length;
    if (claims.length === 0) delete doc.documentElement.dataset[ATTR];
    else doc.documentElement.dataset[ATTR] = String(n);
  }

  let generation = 0;

  /** `retry`: once, when the page changed while the background looked; a page that keeps changing waits for the next change. */
  async function anchorAll(retry = true): Promise<void> {
    const gen = ++generation;
    if (claims.length === 0) {
      painter?.clear();
      anchored = [];
      publish();
      return;
    }
    let page: PageText = extractPageText(doc);
    const spans = new Map<string, { start: number; end: number }>();
    const missing: SavedClaim[] = [];
    for (const claim of claims) {
      const found = anchorExact(page.text, claim.quote, claim.position);
      if (found !== null) spans.set(claim.id, found);
      else missing.push(claim);
    }
    if (missing.length > 0) {
      const found = await deps
        .fuzzy(
          page.text,
          missing.slice(0, 200).map((c) => ({
            id: c.id,
            quote: c.quote,
            ...(c.position !== undefined ? { position: c.position } : {}),
          })),
        )
        .catch((error: unknown) => {
          log('could not look for changed quotes', error);
          return [];
        });
      if (gen !== generation) return;
      for (const f of found) if (f !== null) spans.set(f.id, f);
      // The page may have changed while the background looked: ranges are taken from a fresh reading
      // only if its text is the same (its offsets are those the background searched).
      const now = extractPageText(doc);
      if (now.text !== page.text) return retry ? anchorAll(false) : undefined;
      page = now;
    }
    painter?.clear();
    anchored = claims.map((claim) => {
      const span = spans.get(claim.id);
      return { claim, range: span === undefined ? null : rangeFor(doc, page, span.start, span.end) };
    });
    painter ??= createStyledPainter(doc, SAVED_STYLES);
    painter.paint(
      anchored.flatMap((a) =>
        a.range === null
          ? []
          : [{ range: a.range, style: isAnnotated(a.claim) ? ('annotated' as const) : ('saved' as const) }],
      ),
    );
    publish();
    // Tell the library what changed since it last knew (a claim found again is no longer an orphan).
    const changed = anchored.filter((a) => (a.claim.orphaned ?? false) !== (a.range === null));
    if (changed.length === 0) return;
    for (const a of changed) a.claim = { ...a.claim, orphaned: a.range === null };
    deps
      .report(changed.map((a) => ({ id: a.claim.id, orphaned: a.claim.orphaned ?? false })))
      .catch((error: unknown) => log('could not report anchoring', error));
  }

  return {
    get anchored() {
      return anchored;
    },
    refresh() {
      loading ??= deps
        .load()
        .then((list) => {
          claims = list;
          return anchorAll();
        })
        .catch((error: unknown) => log('could not read the saved claims', error))
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    reanchor() {
      return claims.length > 0 ? anchorAll() : Promise.resolve();
    },
    clear() {
      generation++;
      painter?.clear();
      painter = null;
      claims = [];
      anchored = [];
      delete doc.documentElement.dataset[ATTR];
    },
  };
}
