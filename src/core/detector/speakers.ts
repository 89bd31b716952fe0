/**
 * Who speaks, across sentences: people introduced with a role and a state
 * ("Wang Wenbin, porte-parole du ministère chinois") are remembered, so that
 * later "M. Wang" or "le porte-parole" resolves to their state.
 */
import type { ActorMention, Gazetteer } from '../actors/gazetteer';
import { fold } from '../text';
import { SPEECH_BEFORE } from './patterns';

export interface SpeakerMemory {
  /** Surnames of people introduced earlier in the document, with the state they speak for. */
  people: Map<string, string>;
  /** The state of the last official speaker ("le porte-parole" refers back to them). */
  lastSpeaker: string | null;
}
export function newSpeakerMemory(known?: ReadonlyMap<string, string>): SpeakerMemory {
  return { people: new Map(known), lastSpeaker: null };
}

/**
 * Name parts of the officials the actor table knows, each with the state it
 * points to — only the parts that point to one state: "M. Wang", "Mme Mao",
 * "M. Lin" are China's spokespeople even before the article introduces them.
 */
export function knownNameParts(gazetteer: Gazetteer): Map<string, string> {
  const states = new Map<string, Set<string>>();
  for (const r of gazetteer.records.values()) {
    if (r.kind !== 'person' || r.state === undefined) continue;
    for (const name of r.names.en)
      for (const part of name.split(/[\s-]+/)) {
        if (part.length < 3 || !/^\p{Lu}/u.test(part)) continue;
        const key = fold(part);
        const set = states.get(key) ?? new Set();
        set.add(r.state);
        states.set(key, set);
      }
  }
  const out = new Map<string, string>();
  for (const [part, set] of states) if (set.size === 1) out.set(part, [...set][0] as string);
  return out;
}
const TITLE_NAME = /(?:^|[\s(«"“])(?:m\.|mme|mr\.?|mrs\.?|ms\.?|monsieur|madame)\s+([\p{L}-]+)/u;
const SPOKES =
  /(?:le|la|the|du|de la|a)\s+porte-parole|the\s+spokes(?:person|man|woman)|le ministre|la ministre|the minister/;
/** The state of a speaker referred to by title ("M. Wang") or role ("le porte-parole"), from earlier sentences. */
export function resolveSpeaker(f: string, memory: SpeakerMemory | undefined): string | null {
  if (memory === undefined) return null;
  const m = TITLE_NAME.exec(f);
  if (m?.[1] !== undefined) {
    const s = memory.people.get(m[1]);
    if (s !== undefined) return s;
  }
  if (SPOKES.test(f) && memory.lastSpeaker !== null && SPEECH_BEFORE.test(f.replace(/\s*[.!?»"”]*$/, ' ')))
    return memory.lastSpeaker;
  return null;
}
const PERSON_INTRO =
  /(\p{Lu}[\p{L}-]+)\s+(\p{Lu}[\p{L}-]+),\s+(?:the\s+|le\s+|la\s+)?(?:porte-parole|spokes(?:person|man|woman)|ministre|minister|ambassad\w+|director|directeur|directrice|chef|head)/u;
const PERSON_INTRO_EN =
  /(?:spokes(?:person|man|woman)|minister|ambassador|official)\s+(\p{Lu}[\p{L}-]+)\s+(\p{Lu}[\p{L}-]+)/u;
/** Remember people introduced with a role and a state, so later "M. Wang" resolves to CN. */
export function rememberSpeakers(
  text: string,
  mentions: readonly ActorMention[],
  gazetteer: Gazetteer,
  memory: SpeakerMemory | undefined,
): void {
  if (memory === undefined) return;
  const f = fold(text);
  const states = mentions.filter((m) => m.state !== undefined && m.kind !== 'group' && m.kind !== 'organisation');
  for (const m of mentions) {
    if (m.kind === 'person' && m.state !== undefined) {
      for (const part of m.surface.split(/\s+/)) memory.people.set(fold(part), m.state);
    }
  }
  if (states.length === 0) return;
  const intro = PERSON_INTRO.exec(text) ?? PERSON_INTRO_EN.exec(text);
  // The state named closest after the role noun is the one the person speaks for.
  if (intro !== null) {
    const st = states.find((m) => m.start > intro.index) ?? states[0];
    if (st !== undefined) {
      const code = gazetteer.normalise(st.id);
      for (const name of [intro[1], intro[2]]) if (name !== undefined) memory.people.set(fold(name), code);
      memory.lastSpeaker = code;
    }
  }
  if (/porte-parole|spokes(?:person|man|woman)/.test(f)) {
    const official = states.find((m) => m.form === 'demonym' || m.kind === 'agency' || m.kind === 'person');
    if (official !== undefined) memory.lastSpeaker = gazetteer.normalise(official.id);
  }
}
