/** Facts about a saved claim that the content script needs, without the schema library. */
import type { SavedClaim } from './record';

/** Annotated: carries a fact-checker's work (note, verdict, corrected roles or links), not only saved. */
export function isAnnotated(c: SavedClaim): boolean {
  return (
    (c.note !== undefined && c.note.trim() !== '') ||
    c.verdict !== undefined ||
    c.rating !== undefined ||
    (c.links?.length ?? 0) > 0
  );
}
