/**
 * Allegation extraction for one candidate sentence: who accuses whom of what.
 *
 * Inputs are the sentence, its language, the actor mentions the gazetteer
 * found and the terms compromise tagged. Roles come from local syntax:
 * demonyms on perpetrator nouns ("Chinese hackers", "pirates russes"),
 * link constructions ("China-linked", "attribuée à la Russie", "carried out
 * by"), the verb an actor is the subject of (speech → accuser, attack →
 * perpetrator, denial → denier), objects of accusation verbs ("accused
 * Beijing of"), passive subjects and target prepositions (victims).
 */
import type { ActorMention, Gazetteer } from './actors/gazetteer';
import {
  COUNTER_CUES,
  DEFENSIVE_CUES,
  DENIAL_CUES,
  GENERIC_ATTACK_VERBS,
  HEDGE_CUES,
  LINK_CUES,
  LINK_SUFFIXES,
  OFFICIAL_NOUNS,
  OPERATION_TERMS,
  PERPETRATOR_NOUNS,
  SPEECH_VERBS,
  TARGET_CUES,
} from './lexicon';
import type { Term } from './nlp';
import { fold } from './text';
import type { Action, Lang, Stance } from './types';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rx = (src: string, flags = 'u') => new RegExp(src, flags);
const words = (src: string) => `${B}(?:${src})${E}`;

const OPERATION_RES = OPERATION_TERMS.map(([action, src]) => [action, rx(words(src), 'gu')] as const);
const ATTACK_VERB_RE = rx(
  `^(?:${GENERIC_ATTACK_VERBS}|hack\\w*|pirat\\w*|breach\\w*|infiltr\\w*|espionn\\w*|spied|spying|spy|stole|steal\\w*|exfiltr\\w*|compromis\\w*|penetrat\\w*|sabot\\w*|surveill\\w*|derob\\w*|vol(?:e|ent|ait|aient)|run|ran|running|operat\\w*|control\\w*|direct\\w*|soutien\\w*|souten\\w*|financ\\w*|parrain\\w*|support(?:s|ed|ing)?|sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?|back(?:s|ed|ing)?|employ\\w*|recrut\\w*|recruit\\w*)$`,
);
const SPEECH_VERB_RE = rx(`^(?:${SPEECH_VERBS})$`);
const DENY_VERB_RE = rx(
  `^(?:den(?:y|ies|ied|ying)|reject\\w*|dismiss\\w*|refut\\w*|rebuff\\w*|repudiat\\w*|rebut\\w*|ni(?:e|ent|er|ant)|nie|dement\\w*|rejett\\w*|rejet\\w*|balay\\w*|contest\\w*|oppos\\w*)$`,
);
const DENIAL_RE = rx(words(DENIAL_CUES));
const COUNTER_RE = rx(words(COUNTER_CUES));
const STRONG_COUNTER_RE = rx(
  words(
    'hacker empire|hacking empire|empire of hack\\w*|empire (?:du|de) (?:piratage|hack\\w*)|the real (?:hacker|threat|culprit|empire)|le veritable|la veritable|les veritables|(?:biggest|largest|greatest) (?:hacker|source|threat|perpetrator)\\w*|le plus grand (?:pirate|hacker|empire)\\w*|premier pirate|counter-?accus\\w*|contre-accus\\w*|turn(?:s|ed)? the tables|retorted|retorqu\\w*',
  ),
);
const HEDGE_RE = rx(words(HEDGE_CUES));
const DEFENSIVE_RE = rx(words(DEFENSIVE_CUES));
const GENERIC_ATTACK_RE = rx(words(GENERIC_ATTACK_VERBS));
const NEGATION_RE = rx(words("not|n't|never|no longer|ne|n'|jamais|aucune?|nullement"));

// Windows around a mention, over folded text.
const DET = "(?:the|a|an|its|their|la|le|les|l'|un|une|des|du|de|d'|leurs?|ses?|sa|son)";
const PERP_AFTER_DEMONYM = rx(
  `^(?:[\\s-]+(?:state|government|military|intelligence|regime|army|navy|communist|party|-?\\w+-(?:backed|sponsored|linked|affiliated|aligned|based)|backed|sponsored|linked|affiliated|aligned|based|cyber|hacking|hacker|ransomware|apt|criminal|elite|covert|secret|spy|espionage|threat|advanced|persistent|military-intelligence|nation-state|state-run|state-backed|state-sponsored|government-backed|government-linked)){0,3}[\\s-]+(?:${PERPETRATOR_NOUNS})${E}`,
);
const OFFICIAL_AFTER_DEMONYM = rx(`^(?:\\s+(?:\\w+)){0,2}?\\s+(?:${OFFICIAL_NOUNS})${E}`);
const PERP_BEFORE_DEMONYM = rx(
  `(?:${PERPETRATOR_NOUNS})(?:\\s+(?:informatiques?|etatiques?|presumes?|presumees?|soupconnes?|militaires|d'etat|de l'etat|soutenus?|parraines?|\\w+-\\w+)){0,2}\\s+$`,
);
const OFFICIAL_BEFORE_DEMONYM = rx(`(?:${OFFICIAL_NOUNS})(?:\\s+(?:des? |du |de la )?\\w+){0,1}\\s+$`);
const HYPHEN_LINK_AFTER = rx(`^-(?:${LINK_SUFFIXES})${E}`);
const LINK_BEFORE = rx(`${B}(?:${LINK_CUES})\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,2}$`, 'u');
const GENERIC_AGENT_BEFORE = rx(`${B}(?:by|par|vers|pour)\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,2}$`, 'u');
const PRO_BEFORE = rx(`${B}pro-$`);
const TARGET_BEFORE = rx(
  `${B}(?:${TARGET_CUES})\\s+(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,4}$|${B}(?:in|en|au|aux|dans)\\s+(?:${DET}\\s*)?$`,
  'u',
);
const ACCUSE_OBJECT_BEFORE = rx(
  `${B}(?:accus\\w*|blam\\w*|charg\\w*|urg\\w*|exhort\\w*|called on|calls on|appel\\w* (?:la|le|les)|demand\\w*|warn\\w*|reproch\\w* (?:a|au|aux)|suspect\\w*|soupconn\\w*|pointed the finger at|points the finger at|pointe du doigt|met en cause|mis en cause|condemn\\w*|condamn\\w*|denounc\\w*|denonc\\w*|sanction\\w*|named|nomme\\w*|identified|identifie\\w*|attribu\\w* (?:to|a))\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,1}$`,
  'u',
);
const ACCUSED_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+\\S+){0,3}?\\s+(?:is|are|was|were|has been|have been|stands?|est|sont|a ete|ont ete|etait|etaient|serait|seraient|reste|demeure)\\s+(?:\\w+\\s+)?(?:accused|suspected|believed|thought|alleged|blamed|said|reported|held responsible|behind|responsible|accusee?s?|soupconnee?s?|suspectee?s?|derriere|responsables?|a l'origine|mise? en cause)${E}`,
);
const VICTIM_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+[\\p{L}'-]+){0,3}?\\s+(?:is|are|was|were|has been|have been|had been|a ete|ont ete|avait ete|avaient ete|est|sont|etait|etaient|fell|fut)\\s+(?:\\w+\\s+)?(?:hacked|targeted|attacked|breached|hit|compromised|infiltrated|spied|victims?|struck|pirate\\w*|vise\\w*|cible\\w*|attaque\\w*|touche\\w*|infiltre\\w*|espionne\\w*|victimes?|la cible|the target|frapp\\w*)${E}`,
  'u',
);
const POSSESSIVE_PERP_AFTER = rx(`^'s?\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${PERPETRATOR_NOUNS})${E}`, 'u');
const SPEECH_BEFORE = rx(
  `${B}(?:said|says|told|added|according to|a declare|ont declare|a dit|a affirme|a indique|a souligne|a ajoute|a poursuivi|a precise|a explique|a estime|a martele|a assure|a averti|a denonce|a accuse|selon|d'apres|declare|affirme|indique|souligne|estime|explique|precise|note|ajoute)\\s+(?:(?:mercredi|mardi|lundi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hier|yesterday|today|aujourd'hui|jeudi soir|on \\w+|in a statement|dans un communique|lors d'un point de presse)\\s+)?(?:[\\p{L}'.,-]+\\s+){0,8}$`,
  'u',
);
const COPULA_PERP_AFTER = rx(
  `^(?:'s)?\\s+(?:is|are|was|were|remains?|has become|est|sont|reste|restent|demeure|demeurent|serait|seraient|etait|etaient|devient)\\s+(?:[\\p{L}'-]+\\s+){0,5}?(?:hack\\w*|pirat\\w*|cyber\\w*|espion\\w*|spy\\w*|${PERPETRATOR_NOUNS})${E}`,
  'u',
);
const CLEFT_BEFORE = rx(`${B}(?:c'est|ce sont|ce serait|c'etait|it is|it's|it was|is in fact|est en fait)\\s+(?:${DET}\\s*)?$`);
const PREP_BEFORE = rx(`${B}(?:a|au|aux|de|des|du|d'|in|of|at|from|with|avec|pour|for|sur|on|to|en|dans|vers|chez|par|by|than|que)\\s+(?:${DET}\\s*)?$`);
const BEHIND_AFTER = rx(
  `^(?:\\s+\\S+){0,2}?\\s+(?:is|are|was|were|est|sont|etait|etaient|serait|seraient)\\s+(?:\\w+\\s+)?(?:behind|derriere)${E}`,
);

export type Role = 'perpetrator' | 'accuser' | 'denier' | 'target' | 'unknown';

interface RoleEvidence {
  mention: ActorMention;
  role: Role;
  /** How strong the evidence is, 1 (weak) to 3 (explicit construction). */
  strength: number;
  reason: string;
}

export interface ExtractedAllegation {
  stance: Stance;
  accused: string;
  accuser: string | null;
  target: string | null;
  action: Action;
  hedged: boolean;
  confidence: number;
  /** Why: the roles that decided, for debugging and for the popup's explanations. */
  evidence: string[];
}

export interface SpeakerMemory {
  /** Surnames of people introduced earlier in the document, with the state they speak for. */
  people: Map<string, string>;
  /** The state of the last official speaker ("le porte-parole" refers back to them). */
  lastSpeaker: string | null;
}

export function newSpeakerMemory(): SpeakerMemory {
  return { people: new Map(), lastSpeaker: null };
}

function operations(f: string): Array<{ action: Action; start: number; end: number }> {
  const out: Array<{ action: Action; start: number; end: number }> = [];
  for (const [action, re] of OPERATION_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m !== null; m = re.exec(f))
      out.push({ action, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The first verbs after `from` (skipping auxiliaries), classified, within the same clause. */
function verbRoleAfter(
  terms: readonly Term[],
  f: string,
  from: number,
): { role: Role; negated: boolean; passive: boolean; at: number } {
  let negated = false;
  let passive = false;
  let seen = 0;
  for (const t of terms) {
    if (t.start < from) continue;
    if (t.start - from > 90) break;
    const between = f.slice(from, t.start);
    if (
      /[;:()]|\s[-–—]\s|, (?:which|who|that|qui|que|dont|lequel|laquelle|while|alors que|but|mais)\b/.test(between) &&
      seen > 0
    )
      break;
    if (/[;:]/.test(between)) break;
    if (t.tags.has('Negative') || /^(?:not|never|n't|ne|n'|jamais)$/.test(fold(t.text))) negated = true;
    if (t.tags.has('Passive')) passive = true;
    if (!t.tags.has('Verb') && !t.tags.has('PastTense') && !t.tags.has('Infinitive')) {
      const w = fold(t.text);
      if (w === 'behind' || w === 'derriere') return { role: 'perpetrator', negated, passive, at: t.start };
      if (SPEECH_VERB_RE.test(w) && (w === 'selon' || w === 'according')) continue;
      continue;
    }
    if (t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) continue;
    const w = fold(t.text).replace(/^[a-z]'/, '');
    seen++;
    if (DENY_VERB_RE.test(w)) return { role: 'denier', negated, passive, at: t.start };
    if (
      SPEECH_VERB_RE.test(w) ||
      /^(?:accus|blam|attribut|charg|indict|sanction|condemn|denounc|urg|exhort|reproch|soupconn|pointe)/.test(w)
    ) {
      // ", a poursuivi le porte-parole." / ", said the minister.": a post-posed speaker, not this subject's verb.
      if (between.includes(',') && isPostposedSpeech(f.slice(t.end))) return { role: 'unknown', negated, passive, at: -1 };
      return { role: 'accuser', negated, passive, at: t.start };
    }
    if (ATTACK_VERB_RE.test(w)) return { role: passive ? 'target' : 'perpetrator', negated, passive, at: t.start };
    if (seen >= 3) break;
  }
  return { role: 'unknown', negated, passive, at: -1 };
}

function hasVerbAfter(terms: readonly Term[], from: number): boolean {
  return terms.some((t) => t.start >= from && t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula'));
}

/** What follows a speech verb in inverted order: a short speaker phrase, no "que"/"that" clause. */
function isPostposedSpeech(rest: string): boolean {
  if (/^\s*(?:\S+\s+){0,3}?(?:que|qu'|that|:|«|")/.test(rest)) return false;
  return rest.replace(/[\s.!?»"”]+$/, '').length <= 110;
}

function roleOf(m: ActorMention, f: string, terms: readonly Term[], hasOperation: boolean): RoleEvidence {
  const before = f.slice(Math.max(0, m.start - 90), m.start);
  const after = f.slice(m.end, m.end + 120);
  const ev = (role: Role, strength: number, reason: string): RoleEvidence => ({ mention: m, role, strength, reason });

  if (HYPHEN_LINK_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface}-linked`);
  if (PRO_BEFORE.test(before)) return ev('perpetrator', 2, `pro-${m.surface}`);
  if (m.form === 'demonym') {
    if (PERP_AFTER_DEMONYM.test(after) || PERP_BEFORE_DEMONYM.test(before)) {
      if (TARGET_BEFORE.test(before.replace(/(?:\S+\s+){0,1}$/, ''))) return ev('target', 2, `target: ${m.surface}`);
      return ev('perpetrator', 3, `${m.surface} perpetrators`);
    }
  }
  if (POSSESSIVE_PERP_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface}'s operatives`);
  if (ACCUSED_PASSIVE_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface} is accused`);
  if (BEHIND_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface} is behind`);
  if (CLEFT_BEFORE.test(before)) return ev('perpetrator', 2, `it is ${m.surface}`);
  if (LINK_BEFORE.test(before)) {
    const generic = GENERIC_AGENT_BEFORE.test(before);
    if (!generic) return ev('perpetrator', 3, `linked to ${m.surface}`);
    // "by", "par", "vers": only an agent when an operation comes just before.
    const window = f.slice(Math.max(0, m.start - 70), m.start);
    const opNear = OPERATION_RES.some(([, re]) => {
      re.lastIndex = 0;
      return re.test(window);
    });
    if (opNear || GENERIC_ATTACK_RE.test(window)) return ev('perpetrator', 2, `by ${m.surface}`);
  }
  if (COPULA_PERP_AFTER.test(after)) return ev('perpetrator', 2, `${m.surface} is the hacker`);
  if (ACCUSE_OBJECT_BEFORE.test(before) && hasOperation) return ev('perpetrator', 3, `accused ${m.surface}`);
  if (TARGET_BEFORE.test(before)) return ev('target', 2, `target: ${m.surface}`);
  if (VICTIM_PASSIVE_AFTER.test(after)) return ev('target', 2, `${m.surface} was targeted`);
  if (
    SPEECH_BEFORE.test(before) &&
    !hasVerbAfter(terms, m.end)
  ) {
    return ev('accuser', 2, `said ${m.surface}`);
  }
  if (m.form === 'demonym' && (OFFICIAL_AFTER_DEMONYM.test(after) || OFFICIAL_BEFORE_DEMONYM.test(before))) {
    const v = verbRoleAfter(terms, f, m.end);
    if (v.role === 'perpetrator') return ev(v.negated ? 'denier' : 'perpetrator', 2, `${m.surface} government acts`);
    if (v.role === 'denier') return ev('denier', 2, `${m.surface} officials deny`);
    return ev('accuser', 2, `${m.surface} officials`);
  }
  if (m.form === 'demonym') {
    // "the Belgian parliament", "des députés belges": a demonym on anything else describes a place or a victim.
    return ev('target', 1, `${m.surface} (qualifier)`);
  }
  const v = verbRoleAfter(terms, f, m.end);
  if (v.role === 'perpetrator') return ev(v.negated ? 'denier' : 'perpetrator', 2, `${m.surface} acts`);
  if (v.role === 'accuser') return ev('accuser', 2, `${m.surface} says`);
  if (v.role === 'denier') return ev('denier', 2, `${m.surface} denies`);
  if (v.role === 'target') return ev('target', 2, `${m.surface} was targeted`);
  if (m.kind === 'group') return ev('perpetrator', 2, `group ${m.surface}`);
  if (m.kind === 'organisation') return ev('accuser', 1, `${m.surface} (organisation)`);
  return ev('unknown', 0, m.surface);
}

function targetPhrase(text: string, f: string, accusedStarts: Set<number>): string | null {
  const re = rx(
    `${B}(?:against|targeting|targetting|aimed at|contre|visant|ciblant|ayant vise|a l'encontre des?|a l'encontre du)\\s+`,
    'gu',
  );
  for (let m = re.exec(f); m !== null; m = re.exec(f)) {
    const from = m.index + m[0].length;
    const rest = f.slice(from);
    const stop = rest.search(
      /[,;:.!?()«»"“”]|\s(?:by|par|in order|afin|pour|since|depuis|who|qui|que|which|dont|and said|et a|a declare|said|according|selon|via|through|using|avec|with|from|de la part)\s/u,
    );
    let phrase = text.slice(from, from + (stop < 0 ? rest.length : stop)).trim();
    const w = phrase.split(/\s+/);
    if (w.length > 8) phrase = w.slice(0, 8).join(' ');
    if (phrase.length > 1 && !accusedStarts.has(from)) return phrase;
  }
  return null;
}

const ACTION_PRIORITY: Action[] = [
  'ransomware',
  'ddos',
  'data_theft',
  'espionage',
  'surveillance',
  'sabotage',
  'phishing',
  'malware',
  'intrusion',
  'cyberattack',
  'hacking',
];

export interface ExtractInput {
  text: string;
  lang: Lang;
  mentions: readonly ActorMention[];
  terms: readonly Term[];
  gazetteer: Gazetteer;
  memory?: SpeakerMemory;
}

/** Extract at most one allegation from a candidate sentence, or null. */
export function extractAllegation(input: ExtractInput): ExtractedAllegation | null {
  const { text, mentions, terms, gazetteer, memory } = input;
  const f = fold(text);
  const ops = operations(f);
  const groupNamed = mentions.some((m) => m.kind === 'group');
  const hasOperation = ops.length > 0 || (groupNamed && GENERIC_ATTACK_RE.test(f));
  if (!hasOperation) {
    rememberSpeakers(text, mentions, gazetteer, memory);
    return null;
  }

  // Drop mentions nested inside a perpetrator/operation noun phrase's own words (e.g. "US" in "USB").
  const roles = mentions.map((m) => roleOf(m, f, terms, hasOperation));
  const norm = (m: ActorMention) => gazetteer.normalise(m.id);

  // People and spokespersons introduced earlier speak for their state.
  const speakerState = resolveSpeaker(text, f, memory);

  const perps = roles.filter((r) => r.role === 'perpetrator');
  const deniers = roles.filter((r) => r.role === 'denier');
  let accusers = roles.filter((r) => r.role === 'accuser');

  let accusedEv: RoleEvidence | undefined;
  let stanceHint: Stance | null = null;
  if (perps.length > 0) {
    accusedEv = pickAccused(perps, gazetteer);
  } else if (deniers.length > 0) {
    accusedEv = deniers[0];
    stanceHint = 'denial';
  } else {
    // One actor, neither victim nor speaker, in a sentence about an operation: its likely author.
    const unknown = roles.filter((r) => r.role === 'unknown');
    const sole = unknown[0];
    const nearOp =
      sole !== undefined &&
      ops.some((o) => Math.abs(o.start - sole.mention.start) < 70) &&
      !PREP_BEFORE.test(f.slice(Math.max(0, sole.mention.start - 30), sole.mention.start));
    if (unknown.length === 1 && nearOp && accusers.length + deniers.length === 0 && !DEFENSIVE_RE.test(f)) {
      accusedEv = {
        ...(unknown[0] as RoleEvidence),
        strength: 1,
        reason: `${unknown[0]?.mention.surface} (sole actor)`,
      };
    }
  }
  rememberSpeakers(text, mentions, gazetteer, memory);
  if (accusedEv === undefined) return null;

  const accused = resolveAccused(accusedEv, perps, gazetteer);
  accusers = accusers.filter((r) => norm(r.mention) !== accused);
  let accuser: string | null = accusers.length > 0 ? norm(pickAccuser(accusers)) : null;
  if (accuser === null && speakerState !== null && speakerState !== accused) accuser = speakerState;

  // Denials and counter-accusations.
  const denial = DENIAL_RE.test(f);
  const counter = COUNTER_RE.test(f);
  const strongCounter = STRONG_COUNTER_RE.test(f);
  let stance: Stance = 'accusation';
  const denierEv = deniers[0];
  const denier = denierEv !== undefined ? norm(denierEv.mention) : null;

  if (stanceHint === 'denial' || (denial && denier !== null && denier === accused)) {
    stance = 'denial';
    // The accuser of a denial is the party whose accusation is rejected.
    const other = roles.find((r) => norm(r.mention) !== accused && r.role !== 'target');
    accuser = other !== undefined ? norm(other.mention) : accusers.length > 0 ? accuser : null;
    if (accuser === accused) accuser = null;
  } else if (denier !== null && denier !== accused) {
    stance = 'counter_accusation';
    accuser = denier;
  } else if (
    denial &&
    accuser !== null &&
    accuser !== accused &&
    (counter || perps.length > 0) &&
    mentionsAccusation(f)
  ) {
    stance = 'counter_accusation';
  } else if (strongCounter || (counter && accuser !== null && accuser !== accused && mentionsAccusation(f))) {
    stance = 'counter_accusation';
  } else if (denial && (accusedEv.role === 'denier' || NEGATION_RE.test(f)) && accuser === null) {
    stance = 'denial';
  }
  if (stance === 'accusation' && accusedEv.role === 'perpetrator' && isNegatedPerp(accusedEv, f, terms) && denial) {
    stance = 'denial';
  }
  if (accuser === accused) accuser = null;
  if (accused === '') return null;

  const accusedStarts = new Set(roles.filter((r) => norm(r.mention) === accused).map((r) => r.mention.start));
  const action = ACTION_PRIORITY.find((a) => ops.some((o) => o.action === a)) ?? 'cyberattack';
  const hedged = HEDGE_RE.test(f);
  let confidence = 0.45 + 0.12 * accusedEv.strength + (accuser !== null ? 0.08 : 0) + (ops.length > 0 ? 0.05 : 0);
  if (stance !== 'accusation') confidence -= 0.05;
  confidence = Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
  return {
    stance,
    accused,
    accuser,
    target: targetPhrase(text, f, accusedStarts),
    action,
    hedged,
    confidence,
    evidence: roles.map((r) => `${r.role}:${r.reason}`),
  };
  function mentionsAccusation(s: string): boolean {
    return (
      /accus|alleg|claim|charge|smear|calomn|pretend|affirm|soupcon|reproch|blame|attribut/.test(s) || strongCounter
    );
  }
}

function isNegatedPerp(ev: RoleEvidence, f: string, terms: readonly Term[]): boolean {
  return verbRoleAfter(terms, f, ev.mention.end).negated;
}

function pickAccused(perps: RoleEvidence[], gazetteer: Gazetteer): RoleEvidence {
  const sorted = [...perps].sort((a, b) => b.strength - a.strength || a.mention.start - b.mention.start);
  // Prefer a state (or a state organ) when one is named among the perpetrators: "China-linked APT31" → CN.
  const top = sorted[0] as RoleEvidence;
  const state = sorted.find(
    (r) => r.strength >= top.strength - 1 && r.mention.kind !== 'group' && r.mention.kind !== 'organisation',
  );
  if (top.mention.kind === 'group' && state !== undefined) return state;
  void gazetteer;
  return top;
}

function resolveAccused(ev: RoleEvidence, perps: RoleEvidence[], gazetteer: Gazetteer): string {
  const id = gazetteer.normalise(ev.mention.id);
  if (ev.mention.kind === 'group') {
    const state = perps.find((r) => r.mention.kind === 'state' || r.mention.kind === 'agency');
    if (state !== undefined) return gazetteer.normalise(state.mention.id);
  }
  return id;
}

function pickAccuser(accusers: RoleEvidence[]): ActorMention {
  const sorted = [...accusers].sort((a, b) => b.strength - a.strength || a.mention.start - b.mention.start);
  return (sorted[0] as RoleEvidence).mention;
}

const TITLE_NAME = /(?:^|[\s(«"“])(?:m\.|mme|mr\.?|mrs\.?|ms\.?|monsieur|madame)\s+([\p{L}-]+)/u;
const SPOKES =
  /(?:le|la|the|du|de la|a)\s+porte-parole|the\s+spokes(?:person|man|woman)|le ministre|la ministre|the minister/;

/** The state of a speaker referred to by title ("M. Wang") or role ("le porte-parole"), from earlier sentences. */
function resolveSpeaker(text: string, f: string, memory: SpeakerMemory | undefined): string | null {
  if (memory === undefined) return null;
  const m = TITLE_NAME.exec(f);
  if (m?.[1] !== undefined) {
    const s = memory.people.get(m[1]);
    if (s !== undefined) return s;
  }
  if (SPOKES.test(f) && memory.lastSpeaker !== null && SPEECH_BEFORE.test(f.replace(/\s*[.!?»"”]*$/, ' ')))
    return memory.lastSpeaker;
  void text;
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
  const states = mentions.filter((m) => m.state !== undefined && m.kind !== 'group');
  if (states.length === 0) return;
  const intro = PERSON_INTRO.exec(text) ?? PERSON_INTRO_EN.exec(text);
  // The state named closest after the role noun is the one the person speaks for.
  if (intro !== null) {
    const at = intro.index;
    const st = states.find((m) => m.start > at) ?? states[0];
    const code = st !== undefined ? gazetteer.normalise(st.id) : undefined;
    if (code !== undefined) {
      for (const name of [intro[1], intro[2]]) if (name !== undefined) memory.people.set(fold(name), code);
      memory.lastSpeaker = code;
    }
  }
  for (const m of mentions) {
    if (m.kind === 'person' && m.state !== undefined) {
      for (const part of m.surface.split(/\s+/)) memory.people.set(fold(part), m.state);
    }
  }
  if (/porte-parole|spokes(?:person|man|woman)/.test(f)) {
    const official = states.find((m) => m.form === 'demonym' || m.kind === 'agency' || m.kind === 'person');
    if (official !== undefined) memory.lastSpeaker = gazetteer.normalise(official.id);
  }
}
