/**
 * "Add as a statement": annotated claims become statements of a local claim
 * pack, "My annotations", matched on other pages like any other
 * counter-statement. A statement is the fact-checker's assessment (stance
 * `fact_check`) of the allegation it annotates: about its accused (and its
 * accuser), with the verdict and the note as its text, the page as its
 * source. The pack is rebuilt whole from the claims marked as statements and
 * validated like any pack. Pure TypeScript.
 */
import { ACTIONS, type Claim, type ClaimPack, PACK_FORMAT, PACK_FORMAT_VERSION, parsePack } from '../pack/schema';
import type { SavedClaim } from './record';

export const MY_ANNOTATIONS_PACK_ID = 'my-annotations';

/** Why a saved claim cannot become a statement, or null when it can. */
export function statementProblem(c: SavedClaim): string | null {
  if (c.allegation?.accused == null) return 'set the accused first';
  if (c.verdict === undefined && (c.note ?? '').trim() === '') return 'add a verdict or a note first';
  return null;
}

/** A claim id the pack format accepts, stable for one saved claim. */
export function statementId(savedId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < savedId.length; i++) h = Math.imul(h ^ savedId.charCodeAt(i), 0x01000193) >>> 0;
  const tail = savedId.replace(/[^A-Za-z0-9]/g, '').slice(-24);
  return `ann-${h.toString(36)}-${tail || 'x'}`;
}

function langOf(c: SavedClaim, detect: (text: string) => string): string {
  return detect(`${c.sentence ?? c.quote.exact} ${c.note ?? ''}`);
}

export function toStatement(c: SavedClaim, reviewer: string, detect: (text: string) => string): Claim {
  const a = c.allegation;
  if (a?.accused == null) throw new Error(`${c.id}: no accused`);
  const verdict = c.verdict !== undefined ? `Verdict: ${c.verdict}. ` : '';
  const note = (c.note ?? '').trim();
  const text = `${verdict}${note !== '' ? note : `Assessment of: “${c.quote.exact.slice(0, 300)}”`}`.slice(0, 600);
  const action = (ACTIONS as readonly string[]).includes(a.action ?? '') ? (a.action as Claim['action']) : 'hacking';
  return {
    id: statementId(c.id),
    text,
    quote: c.quote.exact.replace(/\s+/g, ' ').trim().slice(0, 300),
    lang: langOf(c, detect),
    speaker: reviewer,
    speakerActor: 'Counterpoint user',
    accused: [a.accused],
    accuser: a.accuser,
    targets: [],
    action,
    stance: 'fact_check',
    date: c.modified.slice(0, 10),
    source: {
      url: c.url,
      publisher: (c.site ?? new URL(c.url).hostname).slice(0, 200) || 'web page',
      ...(c.title !== undefined && c.title.trim() !== '' ? { title: c.title.slice(0, 400) } : {}),
    },
    tags: ['my-annotations', ...c.tags.slice(0, 20)],
  };
}

/** The "My annotations" pack of every claim marked as a statement; null when there is none. */
export function toStatementPack(
  claims: readonly SavedClaim[],
  options: { version: number; now: string; reviewer: string; detect: (text: string) => string },
): ClaimPack | null {
  const marked = claims.filter((c) => c.statement === true && statementProblem(c) === null);
  if (marked.length === 0) return null;
  return parsePack({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: MY_ANNOTATIONS_PACK_ID,
    version: options.version,
    title: 'My annotations',
    description: 'Statements made from your own annotations in the Counterpoint library.',
    license: 'All rights reserved (personal annotations)',
    publishedAt: options.now,
    actors: [],
    incidents: [],
    claims: marked.map((c) => toStatement(c, options.reviewer, options.detect)),
    relations: [],
  });
}
