/**
 * "Add as a statement": annotated claims become statements of a local claim
 * pack, "My annotations", matched on other pages like any other
 * counter-statement. A statement is the fact-checker's assessment (stance
 * `fact_check`) of the allegation it annotates: about its accused (and its
 * accuser), with the verdict and the note as its text, the page as its
 * source, and relations to the statements the annotation links. The pack is
 * rebuilt whole from the claims marked as statements and validated like any
 * pack. Pure TypeScript.
 */
import {
  ACTIONS,
  type Claim,
  type ClaimPack,
  type ClaimStance,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  parsePack,
  plainText,
  type Relation,
  type RelationType,
} from '../pack/schema';
import type { SavedClaim } from './record';
import { splitStatementKey } from './statement-search';

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
  // Page text (the quote, the title, the site) may hold controls a pack refuses: they are dropped,
  // after each cut too (a cut through an emoji leaves half of it).
  const cut = (s: string, n: number) => plainText(plainText(s).slice(0, n));
  const note = plainText(c.note ?? '').trim();
  const text = cut(`${verdict}${note !== '' ? note : `Assessment of: “${cut(c.quote.exact, 300)}”`}`, 600);
  const action = (ACTIONS as readonly string[]).includes(a.action ?? '') ? (a.action as Claim['action']) : 'hacking';
  return {
    id: statementId(c.id),
    text,
    quote: cut(c.quote.exact.replace(/\s+/g, ' ').trim(), 300),
    lang: langOf(c, detect),
    speaker: plainText(reviewer),
    speakerActor: 'Counterpoint user',
    accused: [a.accused],
    accuser: a.accuser,
    targets: [],
    action,
    stance: 'fact_check',
    date: c.modified.slice(0, 10),
    source: {
      url: c.url,
      publisher: cut(c.site ?? new URL(c.url).hostname, 200) || 'web page',
      ...(c.title !== undefined && plainText(c.title).trim() !== '' ? { title: cut(c.title, 400) } : {}),
    },
    tags: ['my-annotations', ...c.tags.slice(0, 20)],
  };
}

const ACCUSING: readonly ClaimStance[] = ['accusation', 'attribution', 'counter_accusation'];

/**
 * How the statement made from an annotation relates to a statement it links,
 * from the annotation's verdict on its quote and the linked statement's
 * stance. The verdict is first read as a judgement on the accusation: on an
 * accusing quote, disputed or unsupported rejects the accusation and
 * supported backs it; on a quoted denial, the other way round (a disputed
 * denial backs the accusation). Misleading, unverifiable or no verdict takes
 * no side. Then:
 *
 * | linked statement                  | rejects the accusation | backs it      | no side        |
 * | accusation, attribution, counter  | `denies`               | `attributes`  | `fact_checks`  |
 * | denial                            | `contextualises`       | `fact_checks` | `contextualises` |
 * | fact-check, context               | `contextualises`       | `contextualises` | `contextualises` |
 */
export function relationFor(annotation: SavedClaim, linked: { stance: ClaimStance }): RelationType {
  const verdict = annotation.verdict;
  const onQuote = verdict === 'disputed' || verdict === 'unsupported' ? -1 : verdict === 'supported' ? 1 : 0;
  const quoteDenies = annotation.allegation?.stance === 'denial';
  /** +1: the statement backs the accusation; -1: it rejects it; 0: neither. */
  const onAccusation = quoteDenies ? -onQuote : onQuote;
  if (ACCUSING.includes(linked.stance))
    return onAccusation < 0 ? 'denies' : onAccusation > 0 ? 'attributes' : 'fact_checks';
  if (linked.stance === 'denial') return onAccusation > 0 ? 'fact_checks' : 'contextualises';
  return 'contextualises';
}

/** A relation from a statement of "My annotations" to a claim of another pack, by claim keys (`packId/claimId`). */
export interface ExternalRelation {
  from: string;
  to: string;
  type: RelationType;
}

/**
 * The relations of the statements made from `claims` (marked ones only) to
 * the statements they link. `local`: links to other statements of "My
 * annotations", which the pack carries. `external`: links to claims of other
 * packs, as claim keys; the pack format only relates claims of one pack, so
 * these stay in the saved claims' `links` (see the README). `stances` gives
 * the stance of each linked claim by key; links to claims it does not know
 * (a pack since removed) are left out.
 */
export function statementRelations(
  claims: readonly SavedClaim[],
  stances: ReadonlyMap<string, ClaimStance> = new Map(),
): { local: Relation[]; external: ExternalRelation[] } {
  const marked = claims.filter((c) => c.statement === true && statementProblem(c) === null);
  const ours = new Set(marked.map((c) => statementId(c.id)));
  const local: Relation[] = [];
  const external: ExternalRelation[] = [];
  for (const c of marked) {
    const from = statementId(c.id);
    for (const link of new Set(c.links ?? [])) {
      const target = splitStatementKey(link);
      if (target === null) continue;
      if (target.packId === MY_ANNOTATIONS_PACK_ID) {
        if (ours.has(target.claimId) && target.claimId !== from)
          local.push({ from, to: target.claimId, type: relationFor(c, { stance: 'fact_check' }) });
        continue;
      }
      const stance = stances.get(link);
      if (stance !== undefined)
        external.push({ from: `${MY_ANNOTATIONS_PACK_ID}/${from}`, to: link, type: relationFor(c, { stance }) });
    }
  }
  return { local, external };
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
    relations: statementRelations(marked).local,
  });
}
