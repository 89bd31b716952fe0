/**
 * The actor gazetteer: finds mentions of states, agencies, groups,
 * organisations and officials in a sentence, in English and French, and
 * normalises them (ISO alpha-2 for states and their organs, canonical names
 * for groups and organisations).
 */
import { escapeRegExp, fold, NOT_AFTER, NOT_BEFORE } from '../text';
import type { ActorKind, ActorRecord } from './types';

export type MentionForm = 'name' | 'demonym' | 'alias';

export interface ActorMention {
  start: number;
  end: number;
  /** The record's id. */
  id: string;
  kind: ActorKind;
  form: MentionForm;
  /** The state the mention resolves to, if any (the id itself for states). */
  state: string | undefined;
  surface: string;
}

interface Entry {
  id: string;
  form: MentionForm;
  /** Acronyms ("US", "NSA") must match with their exact case. */
  exactCase: string | null;
  /** Proper names must start with a capital letter in the text (or be written in capitals). */
  capitalised: boolean;
}

// A metonym followed by these is a newspaper or an institution, not the state ("Washington Post").
const NOT_A_STATE_AFTER =
  /^[\s-]+(?:Post|Times|Journal|University|Université|Institute|Capitals|Commanders|Nationals|Free Beacon|Examiner)\b/;

// "West Bank", "Western Union", "Afrique occidentale": places and brands, not the West as a party.
const NOT_A_COLLECTIVE_AFTER =
  /^[\s-]+(?:Bank|Africa|African|Coast|Virginia|Point|Ham|End|Indies|Midlands|Country|Wing|Side|Java|Papua|Sussex|Yorkshire|Bengal|Union|Digital|Australia|Sahara|Cape|Balkans|Europe|European|Ukraine|Ukrainian|Germany|Hemisphere|Front|Asia|Siberia|Pacific|Sydney)\b/;
const NOT_A_COLLECTIVE_BEFORE =
  /(?:Afrique|Sahara|Europe|Balkans|rive|Cisjordanie|Allemagne|Ukraine|côte|partie|région|zone|province|Australie|Sibérie|Asie|Pacifique|frontière|flanc)\s+$/iu;

function isAcronym(form: string): boolean {
  return /^[A-Z][A-Z0-9.&-]{0,5}$/.test(form) && form.length <= 6;
}

export class Gazetteer {
  readonly records: ReadonlyMap<string, ActorRecord>;
  /** Names, aliases and demonyms (folded) and the pattern that finds them: built at the first need. */
  private index: { entries: Map<string, Entry[]>; pattern: RegExp } | undefined;

  constructor(records: readonly ActorRecord[]) {
    const byId = new Map<string, ActorRecord>();
    for (const r of records) byId.set(r.id, r);
    this.records = byId;
  }

  /**
   * The forms index, built on first use: a lookup by id needs only `records`
   * (the service worker resolves ids to states while the NLP host finds the
   * mentions), and building it for ~3,300 forms takes ~10 ms.
   */
  private forms(): { entries: Map<string, Entry[]>; pattern: RegExp } {
    if (this.index !== undefined) return this.index;
    const entries = new Map<string, Entry[]>();
    for (const r of this.records.values()) {
      for (const n of [...r.names.en, ...r.names.fr]) add(entries, n, r.id, 'name', true, r.exactCase === true);
      for (const a of r.aliases ?? []) add(entries, a, r.id, 'alias');
      // English demonyms are capitalised ("Polish", not "polish"); French ones are not ("chinois").
      for (const d of r.demonyms?.en ?? []) add(entries, d, r.id, 'demonym', true);
      for (const d of r.demonyms?.fr ?? []) add(entries, d, r.id, 'demonym');
    }
    const forms = [...entries.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.index = { entries, pattern: new RegExp(`${NOT_BEFORE}(?:${forms.join('|')})${NOT_AFTER}`, 'gu') };
    return this.index;
  }

  get(id: string): ActorRecord | undefined {
    return this.records.get(id);
  }

  /** The record for an id or any of its names and aliases ("Salt Typhoon" → GhostEmperor). */
  lookup(idOrName: string): ActorRecord | undefined {
    const direct = this.records.get(idOrName);
    if (direct !== undefined) return direct;
    const entry = this.forms().entries.get(fold(idOrName.trim()))?.[0];
    return entry !== undefined ? this.records.get(entry.id) : undefined;
  }

  /** The state an actor resolves to (by id or name): itself for a state, its state for organs and officials. */
  stateOf(id: string): string | undefined {
    const r = this.lookup(id);
    if (r === undefined) return undefined;
    // A company's home country is not the company's voice: Microsoft does not speak for the US.
    if (r.kind === 'organisation') return undefined;
    return r.kind === 'state' || r.kind === 'collective' ? r.id : r.state;
  }

  /**
   * The normalised value for `accused` / `accuser`: states, agencies and
   * officials give an ISO code; groups and organisations keep their name.
   */
  normalise(id: string): string {
    const r = this.records.get(id);
    if (r === undefined) return id;
    if (r.kind === 'state' || r.kind === 'collective') return r.id;
    if ((r.kind === 'agency' || r.kind === 'person') && r.state !== undefined) return r.state;
    // Groups and organisations: the name the press uses ("Salt Typhoon"), not a vendor codename.
    return r.names.en[0] ?? r.id;
  }

  /** Every actor mention in `text`, longest match first, non-overlapping, in order. */
  find(text: string): ActorMention[] {
    const folded = fold(text);
    const out: ActorMention[] = [];
    const re = this.forms().pattern;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      const surface = text.slice(start, end);
      const entry = this.pick(m[0], surface);
      if (entry === undefined) {
        // The longest form failed its case check ("us" for "US"): retry just after its first character.
        re.lastIndex = start + 1;
        continue;
      }
      const record = this.records.get(entry.id);
      if (record === undefined) continue;
      if (record.kind === 'state' && entry.form === 'name' && NOT_A_STATE_AFTER.test(text.slice(end, end + 24)))
        continue;
      if (record.kind === 'collective' && !isCollective(record.id, entry.form, text, start, end)) continue;
      out.push({
        start,
        end,
        id: entry.id,
        kind: record.kind,
        form: entry.form,
        state: record.kind === 'state' || record.kind === 'collective' ? record.id : record.state,
        surface,
      });
    }
    return out;
  }

  private pick(key: string, surface: string): Entry | undefined {
    const list = this.forms().entries.get(key);
    if (list === undefined) return undefined;
    const allCaps = surface === surface.toUpperCase() && surface.length > 6;
    for (const e of list) {
      if (e.exactCase !== null) {
        if (surface === e.exactCase) return e;
        continue;
      }
      if (e.capitalised && !allCaps && !/^[\p{Lu}\p{N}]/u.test(surface)) continue;
      return e;
    }
    return undefined;
  }
}

function add(
  entries: Map<string, Entry[]>,
  surface: string,
  id: string,
  form: MentionForm,
  capitalised = form !== 'demonym',
  exact = false,
): void {
  const s = surface.trim();
  if (s.length < 2) return;
  const key = fold(s);
  const entry: Entry = {
    id,
    form,
    exactCase: exact || isAcronym(s) ? s : null,
    capitalised: capitalised && /^\p{Lu}/u.test(s),
  };
  const list = entries.get(key);
  if (list === undefined) entries.set(key, [entry]);
  else if (!list.some((e) => e.id === id && e.exactCase === entry.exactCase && e.capitalised === entry.capitalised))
    list.push(entry);
}

/** A collective's mention that really names it: "the West" (not "West Bank"), "Western" (not "Western Union"). */
function isCollective(id: string, form: MentionForm, text: string, start: number, end: number): boolean {
  if (NOT_A_COLLECTIVE_AFTER.test(text.slice(end, end + 24))) return false;
  if (NOT_A_COLLECTIVE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return false;
  // "West" alone is a name only as "the West".
  if (id === 'West' && form === 'name' && /^west$/i.test(text.slice(start, end)))
    return /\bthe\s+$/i.test(text.slice(Math.max(0, start - 6), start));
  return true;
}
