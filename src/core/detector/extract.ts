/**
 * Allegation extraction for one candidate sentence: who accuses whom of what.
 *
 * The sentence must name an operation (cyber vocabulary, or an attack verb
 * with a group or cyber context) and an actor. Each actor mention then gets a
 * role from the rule registry (./registry.ts: one construction per file under
 * ./roles), and ./decide.ts turns the roles into stance, accused and accuser.
 */
import type { ActorMention, Gazetteer } from '../actors/gazetteer';
import { CYBER_UNIT_IDS, GENERIC_ATTACK_VERBS, KINETIC_CUES } from '../lexicon';
import type { Term } from '../nlp';
import { fold } from '../text';
import type { Action, Lang, Stance } from '../types';
import { assignRoles } from './assign';
import {
  ATTRIBUTION_RE,
  CLAIM_RE,
  DENIAL_RE,
  GENERIC_ATTACK_RE,
  GENERIC_OPERATION_RE,
  HEDGE_RE,
  INCIDENT_RE,
  INCIDENT_VICTIM_RE,
  KINETIC_RE,
} from './cues';
import { decide } from './decide';
import { B, E, OPERATION_ANY, OPERATION_RES, rx, words } from './patterns';
import { rememberSpeakers, resolveSpeaker, type SpeakerMemory } from './speakers';
import type { RoleEvidence } from './types';

/** "any involvement", "toute implication": a part in the operation already named. */
const INVOLVEMENT_RE = rx(
  words(
    'any (?:involvement|role|part|responsibility|hand)|(?:toute|aucune) (?:implication|responsabilite|participation)|(?:tout|aucun) role',
  ),
);
/** An organ named without its state, as a speaker or an accuser ("the ministry said", "selon l'agence"). */
const UNNAMED_ORGAN_RE = rx(
  words(
    "(?:the|le|la|l') ?(?:ministry|agency|centre|center|bureau|department|directorate|government|prosecutors?|investigators|police|commission|ministere|agence|centre|direction|gouvernement|parquet|enqueteurs|police) (?:said|says|added|wrote|concluded|found|stated|attributed|blamed|pinned|accused|linked|tied|traced|a (?:indique|precise|affirme|declare|ajoute|conclu|estime|attribue|impute|accuse)|affirme|indique|estime|precise|attribue|impute|accuse)|(?:selon|d'apres|according to) (?:the|le|la|l') ?(?:ministry|agency|centre|center|bureau|department|directorate|government|ministere|agence|centre|direction|gouvernement|parquet|enqueteurs|police)",
  ),
);
/** A group named before, by anaphora: "the group", "ce groupe", "the same hackers". */
const GROUP_ANAPHOR_RE = rx(
  words(
    '(?:the|this|that|le|ce|ces|les|la) (?:same )?(?:group|gang|crew|collective|hackers|attackers|groupe|collectif|pirates|hackeurs|attaquants)(?: (?:meme|memes))?',
  ),
);
/** "it", "them", "this one": the operation just named. */
const ANAPHOR_RE = rx(
  words(
    "(?:for|of|behind|to|in|with) (?:it|them|this|that)|(?:this|that|cette|cet|ce) (?:episode|affair|affaire|incident|operation|attack|attaque|piratage|hack)|(?:en|y) (?:est|sont|serait|seraient)|derriere (?:cela|ca|elle|eux)|l'en accuse\\w*",
  ),
);
const CYBER_CONTEXT_RE = rx(
  words(
    "iphones?|smartphones?|phones?|telephones?|devices?|appareils?|e-?mails?|courriels?|websites?|cyber\\w*|informatiques?|numeriques?|hack\\w*|pirat\\w*|networks?|reseaux?|systems?|systemes?|servers?|serveurs?|computers?|ordinateurs?|fournisseurs? d'acces|internet (?:service )?providers?|telecom\\w*|messageries?|mailboxes|databases?|bases? de donnees",
  ),
); /** What makes a named threat group's sentence about an operation even without cyber vocabulary. */
const GROUP_CONTEXT_RE = rx(
  words(
    'campaigns?|campagnes?|operations?|pre-?positioned|prepositionne\\w*|utilities|infrastructures?|networks?|systems?|servers?|e-?mails?|accounts?|data|devices?|reseaux?|systemes?|serveurs?|courriels?|messageries?|comptes?|donnees|appareils?|claimed responsibility|took responsibility|vol|theft|heist|stole|crypto\\w*|bitcoin|ether|claimed|revendiqu\\w*|responsabilite|access|acces',
  ),
);
export interface ExtractedAllegation {
  stance: Stance;
  accused: string;
  accuser: string | null;
  target: string | null;
  action: Action;
  hedged: boolean;
  confidence: number;
  /** Why: the roles that decided, for debugging and explanations. */
  evidence: string[];
}
interface Operation {
  action: Action;
  start: number;
  end: number;
}
function operations(f: string): Operation[] {
  const out: Operation[] = [];
  // One pass first: most sentences name no operation, and eleven passes cost more than one.
  if (!OPERATION_ANY.test(f)) return out;
  for (const [action, re] of OPERATION_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m !== null; m = re.exec(f))
      out.push({ action, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const CYBER_UNITS = new Set(CYBER_UNIT_IDS);
/** Spies arrested, recruited or handing over documents; no network, system or hacking named. */
const HUMINT_RE = rx(
  words(
    'arrest\\w*|detained|detention|jailed|convicted|recruited|arrete\\w*|arrestation|interpell\\w*|ecroue\\w*|condamne\\w*|recrute\\w*|assistant parlementaire|parliamentary aide|aide to|transmis des (?:informations|documents)|passed (?:information|documents|secrets)|handed over',
  ),
);
/** Spies named with no cyber thing: no device, network or hacking, and no operation but espionage itself. */
function humanEspionage(f: string, ops: readonly Operation[]): boolean {
  return HUMINT_RE.test(f) && !CYBER_CONTEXT_RE.test(f) && ops.every((o) => o.action === 'espionage');
}
const TARGET_PHRASE_RE = rx(
  `${B}(?:against|targeting|targetting|aimed at|contre|visant|ciblant|ayant vise|a l'encontre des?|a l'encontre du)\\s+`,
  'gu',
);
function targetPhrase(text: string, f: string, excluded: Set<number>): string | null {
  const re = TARGET_PHRASE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(f); m !== null; m = re.exec(f)) {
    const from = m.index + m[0].length;
    const rest = f.slice(from);
    const stop = rest.search(
      /[,;:.!?()«»"“”]|\s(?:by|par|in order|afin|pour|since|depuis|who|qui|que|which|dont|and said|et a|a declare|said|according|selon|via|through|using|avec|with|from|de la part|in the|during|pendant|lors)\s/u,
    );
    let phrase = text.slice(from, from + (stop < 0 ? rest.length : stop)).trim();
    const w = phrase.split(/\s+/);
    if (w.length > 8) phrase = w.slice(0, 8).join(' ');
    if (phrase.length > 1 && !excluded.has(from)) return phrase;
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
  'influence',
  'malware',
  'intrusion',
  'cyberattack',
  'hacking',
];
/** An operation named this many sentences back still is "the attack" of an attribution. */
const RECENT = 2;

/** What the article around a sentence tells: read in document order, one state per page. */
export interface DocumentState {
  speakers: SpeakerMemory;
  /** The page is about cyber operations (several sentences name one). */
  cyberTopic: boolean;
  /** Sentences read since the last one that named an operation (Infinity before the first). */
  sinceOperation: number;
  /** The last threat group the article blamed: "the group", "ces pirates" refer back to it. */
  lastGroup: string | null;
  /** The last accuser the article named: "the ministry said" speaks for it. */
  lastAccuser: string | null;
  /** The last party the article said was accused: it is the one that turns the charge around. */
  lastAccused: string | null;
}

export function newDocumentState(speakers: SpeakerMemory, cyberTopic = false): DocumentState {
  return {
    speakers,
    cyberTopic,
    sinceOperation: Number.POSITIVE_INFINITY,
    lastGroup: null,
    lastAccuser: null,
    lastAccused: null,
  };
}

/**
 * An attribution that can only be about the operation already named: its
 * object is "the attack" or "cette opération", or it names none ("Officials
 * blamed Moscow."). "Accused Beijing of economic coercion" is about something else.
 */
function refersToOperation(f: string, text: string): boolean {
  if (KINETIC_RE.test(f)) return false;
  if (GENERIC_OPERATION_RE.test(f) || ANAPHOR_RE.test(f) || INVOLVEMENT_RE.test(f)) return true;
  // "accused Beijing of economic coercion" is about something else; "the handiwork of Sandworm" names a party.
  return f.split(/\s+/).length <= 12 && !/\b(?:of|for|over|de|d'|pour)\s*\p{Ll}/u.test(text);
}

/** Whether a folded sentence names a cyber operation on its own (used to find the page's topic). */
export function namesOperation(f: string): boolean {
  return OPERATION_ANY.test(f) || INCIDENT_RE.test(f);
}

export interface ExtractInput {
  text: string;
  lang: Lang;
  mentions: readonly ActorMention[];
  /**
   * The sentence's tagged terms, or a function that computes them: tagging
   * (compromise) is by far the dearest step, and most candidate sentences are
   * ruled out before it is needed.
   */
  terms: readonly Term[] | (() => readonly Term[]);
  gazetteer: Gazetteer;
  memory?: SpeakerMemory;
  /** The article so far; without it the sentence is read alone. */
  doc?: DocumentState;
}
/** A charge with its own object ("accused Doha of bankrolling…", "accusé de financer…"): about something else. */
const OTHER_CHARGE_RE =
  /\b(?:accus|blam|charg|reproch)\p{L}*\s+(?:\S+\s+){0,4}?(?:(?:of|for)\s+\p{Ll}+ing|(?:de|d')\s*(?:avoir\s+)?\p{Ll}+(?:er|ée?s?))(?!\p{L})/u;
/** The link between a threat group and its sponsor. */
const GROUP_SPONSOR_RE = rx(
  words(
    'works? for|worked for|working for|au service (?:de|du|des)|run by|operated by|controlled by|directed by|aligned with|tied to|linked to|backed by|sponsored by|a front for|une? (?:facade|paravent|vitrine) (?:de|du|des)|lie\\w* (?:a|au|aux)|rattache\\w* (?:a|au|aux)|soutenue?s? par|pilote\\w* par|dirige\\w* par|controle\\w* par|proches? (?:de|du|des)',
  ),
);
/** A generic verb whose object is physical: "commandité des incendies criminels", "launched missile strikes". */
const KINETIC_OBJECT_RE = rx(`${B}(?:${GENERIC_ATTACK_VERBS})\\s+(?:[\\p{L}'-]+\\s+){0,2}?(?:${KINETIC_CUES})${E}`);
/** Cyber words in other senses: blanked out (same length) before the sentence is read. */
const OTHER_SENSES_RE = rx(
  words(
    "charges? d'affaires|pirate party|parti pirate|pirates? (?:somali\\w*|des caraibes)|somali pirates|pirates of the caribbean|(?:software|video|music|film|movie) piracy|life ?hacks?|growth hack\\w*|hackathons?|hack days?|ethical hackers?|white[- ]hat hackers?|hackers? ethiques|bug bount\\w*|primes aux bogues",
  ),
  'gu',
);
/** Extract at most one allegation from a candidate sentence, or null. */
export function extractAllegation(input: ExtractInput): ExtractedAllegation | null {
  const { text, mentions, gazetteer } = input;
  const memory = input.memory ?? input.doc?.speakers;
  const f = fold(text).replace(OTHER_SENSES_RE, (m) => ' '.repeat(m.length));
  const doc = input.doc;
  const cyberTopic = doc?.cyberTopic ?? false;
  /** Sentences since the last that named an operation (0: the one just before). */
  const recent = doc?.sinceOperation ?? Number.POSITIVE_INFINITY;
  // "The group also targeted three embassies": a group the article named before, by anaphora.
  const anaphor = doc?.lastGroup != null ? GROUP_ANAPHOR_RE.exec(f) : null;
  // "Germany arrests three people suspected of spying for China": human espionage, not a cyber operation.
  const named = operations(f);
  const humint = humanEspionage(f, named);
  const ops = humint ? [] : named;
  const groupNamed = mentions.some((m) => m.kind === 'group') || anaphor !== null;
  const incident = INCIDENT_RE.test(f);
  const ownOperation =
    ops.length > 0 ||
    incident ||
    (DENIAL_RE.test(f) && CLAIM_RE.test(f) && CYBER_CONTEXT_RE.test(f)) ||
    (GENERIC_ATTACK_RE.test(f) && (groupNamed || CYBER_CONTEXT_RE.test(f)) && !KINETIC_OBJECT_RE.test(f)) ||
    (groupNamed && GROUP_CONTEXT_RE.test(f)) ||
    // "APT40, a group that works for China's Ministry of State Security": who is behind a known group is an attribution.
    (groupNamed && GROUP_SPONSOR_RE.test(f)) ||
    // "Britain named the GRU as the culprit": a unit whose trade is intrusion, blamed or defended, is about an operation.
    (mentions.some((m) => CYBER_UNITS.has(m.id)) &&
      (ATTRIBUTION_RE.test(f) || DENIAL_RE.test(f)) &&
      !KINETIC_RE.test(f) &&
      !humint) ||
    // "the attack on Sony", "l'affaire" in an article about a cyber operation.
    (GENERIC_OPERATION_RE.test(f) && (INCIDENT_VICTIM_RE.test(f) || groupNamed || cyberTopic) && !KINETIC_RE.test(f));
  // "The outage crippled the ministry. Officials blamed Moscow.": the operation is the one just named;
  // "called the allegations baseless" in an article about one.
  const hasOperation =
    ownOperation ||
    (recent === 0 && ATTRIBUTION_RE.test(f) && !KINETIC_RE.test(f) && !OTHER_CHARGE_RE.test(text)) ||
    (recent < RECENT && ATTRIBUTION_RE.test(f) && refersToOperation(f, text)) ||
    (cyberTopic && ATTRIBUTION_RE.test(f) && refersToOperation(f, text)) ||
    (cyberTopic && DENIAL_RE.test(f) && !KINETIC_RE.test(f));
  if (doc !== undefined) doc.sinceOperation = ownOperation ? 0 : doc.sinceOperation + 1;
  const speakerState = hasOperation ? resolveSpeaker(f, memory) : null;
  rememberSpeakers(text, mentions, gazetteer, memory);
  if (!hasOperation || (mentions.length === 0 && anaphor === null)) return null;
  const terms = typeof input.terms === 'function' ? input.terms() : input.terms;

  const reference: ActorMention[] =
    anaphor !== null && doc?.lastGroup != null && !mentions.some((m) => m.kind === 'group')
      ? [
          {
            start: anaphor.index,
            end: anaphor.index + anaphor[0].length,
            id: doc.lastGroup,
            kind: 'group',
            form: 'name',
            state: gazetteer.stateOf(doc.lastGroup),
            surface: text.slice(anaphor.index, anaphor.index + anaphor[0].length),
          },
        ]
      : [];
  const all = reference.length === 0 ? mentions : [...mentions, ...reference].sort((a, b) => a.start - b.start);
  const roles = assignRoles(all, f, terms, hasOperation, input.lang);
  const decision = decide({ roles, f, terms, operations: ops, speakerState, gazetteer });
  if (decision === null) return null;
  const { stance, accused, accusedEvidence: accusedEv } = decision;
  let accuser = decision.accuser;
  // "…, the ministry said": an organ named without its state speaks for the accuser the article named.
  if (accuser === null && stance === 'accusation' && doc?.lastAccuser != null && doc.lastAccuser !== accused)
    if (UNNAMED_ORGAN_RE.test(f)) accuser = doc.lastAccuser;
  // "Moscou a balayé ces accusations": a denial in an article answers the accuser the article named.
  if (accuser === null && stance === 'denial' && doc?.lastAccuser != null && doc.lastAccuser !== accused)
    accuser = doc.lastAccuser;
  // "The spokesman said the US government had no moral standing": the party accused before answers back.
  if (accuser === null && stance === 'counter_accusation' && doc?.lastAccused != null && doc.lastAccused !== accused)
    accuser = doc.lastAccused;
  // The accuser of the article: who accused, or whose accusation a denial names.
  if (doc !== undefined && accuser !== null && stance !== 'counter_accusation') doc.lastAccuser = accuser;
  // The party on the defensive: the one accused, the one denying, the one turning the charge around.
  if (doc !== undefined && accusedEv.mention.kind !== 'group')
    doc.lastAccused = stance === 'counter_accusation' ? (accuser ?? doc.lastAccused) : accused;
  if (doc !== undefined && accusedEv.mention.kind === 'group' && stance === 'accusation')
    doc.lastGroup = accusedEv.mention.id;
  const norm = (r: RoleEvidence) => gazetteer.normalise(r.mention.id);

  const excluded = new Set(roles.filter((r) => norm(r) === accused).map((r) => r.mention.start));
  const action = ACTION_PRIORITY.find((a) => ops.some((o) => o.action === a)) ?? 'hacking';
  const hedged = HEDGE_RE.test(f);
  let confidence =
    0.45 +
    0.12 * accusedEv.strength +
    (accuser !== null ? 0.08 : 0) +
    (ops.length > 0 ? 0.05 : 0) -
    (hedged ? 0.03 : 0);
  if (stance !== 'accusation') confidence -= 0.05;
  confidence = Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
  return {
    stance,
    accused,
    accuser,
    target: targetPhrase(text, f, excluded),
    action,
    hedged,
    confidence,
    evidence: roles.map((r) => `${r.role}:${r.reason}`),
  };
}
