/**
 * The decision: from the roles of a sentence's actors (what the rules found)
 * to one allegation's stance, accused and accuser. Precedence is written here
 * once: a denier or rejected party that blames another is a counter-accusation;
 * a perpetrator the speaker itself denies is a denial; otherwise the strongest
 * perpetrator is accused by the speaker.
 */
import type { Gazetteer } from '../actors/gazetteer';
import { OPERATION_TERMS, SPEECH_VERBS } from '../lexicon';
import type { Term } from '../nlp';
import type { Stance } from '../types';
import {
  ATTRIBUTION_RE,
  COUNTER_RE,
  DEFENSIVE_RE,
  DENIAL_RE,
  DESCRIPTION_RE,
  ENFORCEMENT_RE,
  STRONG_COUNTER_RE,
} from './cues';
import { B, E, PREP_BEFORE, rx, words } from './patterns';
import type { RoleEvidence } from './types';
import { verbBetween, verbRoleAfter } from './verbs';

/** A charge set aside: the denial's object is the accusation itself, not a party or its denials. */
const CHARGE_SET_ASIDE_RE =
  /\b(?:brush\w*|sweep\w*|swept|dismiss\w*|reject\w*|balay\w*|rejet\w*|ecart\w*)\s+(?:\S+\s+){0,2}?(?:the|these|those|such|ces|cette|les|l'|la)\s*(?:charges?|accusations?|allegations?)\b/u;

const CLAIMED_RE = rx(words('claim(?:s|ed|ing)?|revendiqu\\w*'));
/** Talk about attributing in general ("before publicly attributing cyberattacks", "name the country responsible"). */
const ATTRIBUTION_TALK_RE = rx(
  words(
    "(?:before|without|avoid|refrain from|avant d'|sans)\\s+(?:\\w+\\s+)?(?:attributing|blaming|naming|attribuer|accuser|nommer)|to (?:publicly )?(?:attribute|blame|name)|(?:d'|de )(?:attribuer|imputer|nommer)|the (?:country|state|actor) responsible|l'(?:etat|acteur|pays) responsable",
  ),
);
const NEGATION_RE = rx(words("not|n't|never|no longer|ne|n'|jamais|nullement"));
const SPEECH_ANY_RE = rx(
  words(SPEECH_VERBS),
); /** "ses cyberattaques", "its hacking campaign": an operation owned by the sentence's actor. */
const POSSESSIVE_OP_RE = rx(
  `${B}(?:ses|sa|son|leurs?|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${OPERATION_TERMS.map(([, src]) => src).join('|')})${E}`,
);
/** Rules whose perpetrator is named as "the real culprit": a counter-accusation when someone else speaks. */
const CLEFT_RULES = new Set(['real-culprit', 'cleft']);
/** A second clause that turns the sentence: ", but Moscow said…", ", mais Pékin juge…". */
const TURN_RE = /,\s*(?:but|mais|yet|while|whereas|alors que|tandis que|however)\s/;
const ORGAN_OF_BEFORE = rx(
  `${B}(?:ambassade|embassy|consulat|consulate|ministere|ministry|gouvernement|government|diplomatie|porte-parole|spokesman|spokeswoman|spokesperson|mission|presidence|presidency)\\s+(?:de|du|d'|of)\\s+(?:(?:la|l'|the)\\s*)?$`,
);
/** Rules that name the source of claims ("les accusations néerlandaises", "Washington's allegations"). */
const CLAIM_OWNER_RULES = new Set(['demonym-claim', 'claims-of', 'name-on-claim', 'possessive-claim']);

export interface DecisionInput {
  roles: RoleEvidence[];
  /** The folded sentence. */
  f: string;
  terms: readonly Term[];
  /** Offsets of the sentence's operation terms. */
  operations: ReadonlyArray<{ start: number }>;
  /** The speaker resolved from earlier sentences ("M. Wang", "le porte-parole"), if any. */
  speakerState: string | null;
  gazetteer: Gazetteer;
}

interface Helpers {
  norm: (r: RoleEvidence) => string;
  isParty: (r: RoleEvidence) => boolean;
  afterPrep: (r: RoleEvidence) => boolean;
  gazetteer: Gazetteer;
}

export interface Decision {
  stance: Stance;
  accused: string;
  accuser: string | null;
  /** The evidence that named the accused. */
  accusedEvidence: RoleEvidence;
}

export function decide(input: DecisionInput): Decision | null {
  const { roles, f, terms, speakerState, gazetteer } = input;
  const ops = input.operations;
  const norm = (r: RoleEvidence) => gazetteer.normalise(r.mention.id);
  const isParty = (r: RoleEvidence) => r.mention.kind !== 'group' && r.mention.kind !== 'organisation';
  const afterPrep = (r: RoleEvidence) => {
    const before = f.slice(Math.max(0, r.mention.start - 30), r.mention.start);
    // "l'ambassade de Chine", "the embassy of China": the state speaking through its organ, not a complement.
    return PREP_BEFORE.test(before) && !ORGAN_OF_BEFORE.test(before);
  };
  const helpers: Helpers = { norm, isParty, afterPrep, gazetteer };

  // A company is blamed only by an explicit construction ("attributed to i-Soon"), not as "caused by a faulty
  // CrowdStrike update".
  const perps = roles
    .filter((r) => r.role === 'perpetrator' && (r.mention.kind !== 'organisation' || r.strength >= 3))
    .sort(byStrength);
  let deniers = roles.filter((r) => r.role === 'denier').sort(byStrength);
  // A party accused before and now answering ("Accusé par Canberra, Pékin…") is the last one taken as blamed.
  const answering = (r: RoleEvidence) => (r.rule === 'fronted-accused' ? 1 : 0);
  const rejected = roles
    .filter((r) => r.role === 'rejected')
    .sort((a, b) => answering(a) - answering(b) || byStrength(a, b));
  const accusers = roles.filter((r) => r.role === 'accuser' && r.mention.kind !== 'group').sort(byStrength);
  const denial = DENIAL_RE.test(f);
  const counter = COUNTER_RE.test(f);
  const strongCounter = STRONG_COUNTER_RE.test(f);

  // The speaker: an explicit accuser (post-posed speakers first, owners of claims last), else an
  // organ of state or a subject state in a sentence with a speech verb, else the document's memory.
  let speaker: string | null = accusers[0] !== undefined ? norm(accusers[0]) : null;
  if (speaker === null || (accusers[0]?.strength ?? 0) < 2) {
    const subject = roles.find(
      (r) => r.role === 'unknown' && isParty(r) && !afterPrep(r) && !verbBetween(terms, 0, r.mention.start),
    );
    if (subject !== undefined && SPEECH_ANY_RE.test(f)) speaker = norm(subject);
  }
  speaker ??= speakerState;

  // A denial with nobody denying in so many words: the subject that is not the source of the claims.
  if (denial && perps.length === 0 && deniers.length === 0 && rejected.length === 0) {
    // The first of them: "The Russian embassy said Germany had presented no evidence" — the embassy denies.
    const subject =
      roles.find(
        (r) =>
          ((r.role === 'unknown' && !afterPrep(r)) ||
            (r.role === 'accuser' && r.strength >= 2 && r.rule === 'subject-verb')) &&
          isParty(r),
      ) ?? roles.find((r) => r.role === 'accuser' && r.strength >= 2 && isParty(r));
    if (subject !== undefined)
      deniers = [{ ...subject, role: 'denier', strength: 1, reason: `${subject.reason} denies` }];
  }

  const answered = secondClauseDenial(roles, f, helpers);
  if (answered !== null) return answered;

  let accusedEv: RoleEvidence | undefined;
  let accused: string | null = null;
  let accuser: string | null = speaker;
  let stance: Stance = 'accusation';

  const denier = deniers[0] !== undefined ? norm(deniers[0]) : null;
  const rejectedParty = rejected[0] !== undefined ? norm(rejected[0]) : null;
  const statePerps = perps.filter(isParty);
  let perp = perps.length > 0 ? pickAccused(perps) : undefined;
  if (perp !== undefined && perp.mention.kind === 'group') {
    // "APT28 … the hackers worked for Russian military intelligence": the group's sponsor is named too.
    const sponsor = gazetteer.stateOf(perp.mention.id);
    const named = roles.find(
      (r) =>
        r.mention.kind !== 'group' && r.mention.state === sponsor && (r.role === 'unknown' || r.role === 'perpetrator'),
    );
    if (sponsor !== undefined && named !== undefined) perp = { ...named, role: 'perpetrator', strength: perp.strength };
  }
  const perpId = perp !== undefined ? resolveAccused(perp, perps, gazetteer) : null;
  const blamedParty = denier ?? rejectedParty;
  // The speaker was itself blamed in this sentence and blames another: "Quand Washington accuse Pékin…, la NSA…".
  const speakerBlamed = speaker !== null && statePerps.some((r) => norm(r) === speaker);
  const otherPerp = speakerBlamed ? statePerps.find((r) => norm(r) !== speaker) : undefined;

  // Claims about a group ("le rapport révèle que le groupe RedEcho…") are not a party answering unless it denies.
  const blamedAnswers =
    denier !== null || (rejected[0] !== undefined && (isParty(rejected[0]) || denial || counter || strongCounter));
  if (
    blamedParty !== null &&
    blamedAnswers &&
    perp !== undefined &&
    perpId !== null &&
    perpId !== blamedParty &&
    isParty(perp)
  ) {
    // The accused turns it back: the denier (or the party the rejected claims are about) blames another.
    accusedEv = perp;
    accused = perpId;
    accuser = denier ?? (speaker !== null && speaker !== perpId ? speaker : rejectedParty);
    stance = 'counter_accusation';
  } else if (otherPerp !== undefined) {
    accusedEv = otherPerp;
    accused = norm(otherPerp);
    accuser = speaker;
    stance = 'counter_accusation';
  } else if (denier !== null && (perp === undefined || !isParty(perp))) {
    // "Hanoï dément que le groupe OceanLotus agisse pour ses services": a denial by the state.
    accusedEv = deniers[0] as RoleEvidence;
    accused = denier;
    stance = 'denial';
    accuser = otherParty(roles, accused, norm, afterPrep);
  } else if (perp !== undefined && perpId !== null) {
    accusedEv = perp;
    accused = perpId;
    const selfDenial =
      denial &&
      (speaker === perpId ||
        denier === perpId ||
        isNegated(perp, f, terms) ||
        roles.some((r) => r !== perp && r.role !== 'target' && r.role !== 'perpetrator' && norm(r) === perpId));
    if (selfDenial) {
      stance = 'denial';
      accuser = otherParty(roles, perpId, norm, afterPrep);
    } else {
      if (accuser === accused) accuser = otherAccuser(accusers, accused, norm);
      const cleft = CLEFT_RULES.has(perp.rule);
      if (
        accuser !== null &&
        accuser !== accused &&
        (strongCounter || cleft || (denial && counter) || ((counter || denial) && rejectedParty === accuser))
      )
        stance = 'counter_accusation';
      else if (strongCounter && accuser === null) stance = 'counter_accusation';
      // "“X is the main source of cyberattacks,” the spokesman said, brushing the charge aside": an unnamed
      // speaker sets a charge aside and blames another.
      else if (denial && accuser === null && speaker === null && CHARGE_SET_ASIDE_RE.test(f))
        stance = 'counter_accusation';
    }
  } else if (rejectedParty !== null) {
    accusedEv = rejected[0] as RoleEvidence;
    accused = rejectedParty;
    const turning = roles.find(
      (r) =>
        (r.role === 'unknown' || r.rule === 'fronted-accused') && isParty(r) && !afterPrep(r) && norm(r) !== accused,
    );
    if (strongCounter && (turning !== undefined || (speaker !== null && speaker !== accused))) {
      // The accusation turned around: "Mis en cause par Paris, Moscou a retourné l'accusation en affirmant que…".
      stance = 'counter_accusation';
      accuser = turning !== undefined ? norm(turning) : speaker;
    } else if (denial || counter || speaker === accused) {
      // A rejected claim with nobody denying it is a denial only when a denial is said, or the accused speaks.
      stance = 'denial';
      accuser = otherParty(roles, accused, norm, afterPrep);
    }
  } else {
    // One actor, neither victim nor source, next to an operation: its likely author.
    const unknown = roles.filter((r) => r.role === 'unknown');
    const sole = unknown[0];
    if (
      unknown.length === 1 &&
      sole !== undefined &&
      !sole.entity &&
      sole.mention.kind === 'state' &&
      POSSESSIVE_OP_RE.test(f) &&
      accusers.length === 0 &&
      !DEFENSIVE_RE.test(f) &&
      ops.some((o) => Math.abs(o.start - sole.mention.start) < 70) &&
      !afterPrep(sole)
    ) {
      accusedEv = { ...sole, strength: 1, reason: `${sole.mention.surface} (sole actor)` };
      accused = norm(sole);
      accuser = speakerState;
    }
  }
  if (accusedEv === undefined) {
    const answer = answerToNamedClaims(roles, accusers, helpers);
    if (answer !== null) ({ stance, accused, accuser, accusedEvidence: accusedEv } = answer);
  }
  if (
    accusedEv === undefined &&
    (denial || strongCounter || (ATTRIBUTION_RE.test(f) && !ATTRIBUTION_TALK_RE.test(f)))
  ) {
    // No construction named the accused, but the sentence says an operation is someone's doing (or denies
    // it): an actor with no other role is the party concerned. The subject denies; otherwise the actor the
    // speaker names is the one blamed.
    const open = roles.filter(
      (r) => (r.role === 'unknown' || r.role === 'rejected') && r.mention.kind !== 'organisation',
    );
    if (denial && !strongCounter) {
      const subject = open.find((r) => isParty(r) && !afterPrep(r));
      if (subject !== undefined) {
        accusedEv = { ...subject, strength: 1, rule: 'fallback', reason: `${subject.mention.surface} (denies)` };
        accused = norm(subject);
        stance = 'denial';
        accuser = otherParty(roles, accused, norm, afterPrep);
      }
    } else {
      const blamed = open.filter((r) => norm(r) !== speaker && isParty(r) && !afterPrep(r)).at(-1);
      if (blamed !== undefined && !DEFENSIVE_RE.test(f)) {
        accusedEv = { ...blamed, strength: 1, rule: 'fallback', reason: `${blamed.mention.surface} (blamed)` };
        accused = norm(blamed);
        accuser = speaker;
        if (accuser !== null && accuser !== accused && (strongCounter || counter)) stance = 'counter_accusation';
        else if (accuser === null && strongCounter) stance = 'counter_accusation';
      }
    }
  }
  if (accusedEv === undefined || accused === null || accused === '') return null;
  // A family or gang described ("Ryuk, a strain often delivered through…") or the object of enforcement
  // ("Europol took down the servers used by NoName057(16)"): nobody is blamed unless the sentence says so.
  if (
    accusedEv.mention.kind === 'group' &&
    (DESCRIPTION_RE.test(f) || ENFORCEMENT_RE.test(f)) &&
    !ATTRIBUTION_RE.test(f) &&
    !CLAIMED_RE.test(f)
  )
    return null;
  if (accuser === accused) accuser = null;
  // "The Chinese embassy in London called the allegations a fabrication": the host state is the accuser.
  if (stance === 'denial' && accuser === null) {
    // Only when the sentence names that state again ("…with the British side"): a seat alone is a place.
    const seat = roles.find(
      (r) =>
        r.rule === 'seat-of-organ' &&
        norm(r) !== accused &&
        roles.some((o) => o !== r && o.rule !== 'seat-of-organ' && norm(o) === norm(r)),
    );
    if (seat !== undefined) accuser = norm(seat);
  }
  return { stance, accused, accuser, accusedEvidence: accusedEv };
}

/**
 * "Britain named the GRU as the culprit, but Moscow said the claims were disinformation": the
 * sentence ends on the accused party's denial of the accusation its first clause reports.
 */
function secondClauseDenial(roles: RoleEvidence[], f: string, h: Helpers): Decision | null {
  const { norm, isParty, afterPrep, gazetteer } = h;
  const turn = TURN_RE.exec(f);
  if (turn === null || !DENIAL_RE.test(f.slice(turn.index)) || DENIAL_RE.test(f.slice(0, turn.index))) return null;
  const answering = roles.find(
    (r) => r.mention.start > turn.index && isParty(r) && r.role !== 'target' && r.role !== 'perpetrator',
  );
  if (answering === undefined) return null;
  const answerer = norm(answering);
  const blamedBefore = roles.filter((r) => r.mention.start < turn.index && r.role === 'perpetrator');
  if (!blamedBefore.some((r) => norm(r) === answerer || gazetteer.stateOf(r.mention.id) === answerer)) return null;
  const source =
    roles.find((r) => r.mention.start < turn.index && r.role === 'accuser' && isParty(r)) ??
    roles.find(
      (r) => r.mention.start < turn.index && r.role !== 'target' && isParty(r) && !afterPrep(r) && norm(r) !== answerer,
    );
  return {
    stance: 'denial',
    accused: answerer,
    accuser: source !== undefined && norm(source) !== answerer ? norm(source) : null,
    accusedEvidence: { ...answering, role: 'denier', strength: 2, reason: `${answering.mention.surface} denies` },
  };
}

/**
 * "Interrogée sur les accusations néerlandaises, l'ambassade de Chine a renvoyé La Haye vers son
 * allié américain": a party answering claims whose source is named blames another party, or denies.
 */
function answerToNamedClaims(roles: RoleEvidence[], accusers: RoleEvidence[], h: Helpers): Decision | null {
  const { norm, isParty } = h;
  const owner = accusers.find((r) => CLAIM_OWNER_RULES.has(r.rule));
  if (owner === undefined) return null;
  const source = norm(owner);
  const subject = roles.find(
    (r) =>
      r.mention.start > owner.mention.end &&
      (r.role === 'unknown' || r.role === 'accuser') &&
      isParty(r) &&
      norm(r) !== source,
  );
  if (subject === undefined) return null;
  const answerer = norm(subject);
  const others = roles.filter(
    (r) => r.mention.start > subject.mention.end && r.role !== 'target' && r.role !== 'accuser' && norm(r) !== answerer,
  );
  const blamed = others.find((r) => norm(r) !== source) ?? others[0];
  if (blamed !== undefined)
    return {
      stance: 'counter_accusation',
      accused: norm(blamed),
      accuser: answerer,
      accusedEvidence: {
        ...blamed,
        role: 'perpetrator',
        strength: 1,
        rule: 'fallback',
        reason: `${blamed.mention.surface} (blamed in answer)`,
      },
    };
  return {
    stance: 'denial',
    accused: answerer,
    accuser: source,
    accusedEvidence: {
      ...subject,
      role: 'denier',
      strength: 1,
      rule: 'fallback',
      reason: `${subject.mention.surface} (answers)`,
    },
  };
}

function byStrength(a: RoleEvidence, b: RoleEvidence): number {
  return b.strength - a.strength || a.mention.start - b.mention.start;
}
/** For a denial, the party whose accusation is rejected: a source of claims, or another subject. */
function otherParty(
  roles: RoleEvidence[],
  accused: string,
  norm: (r: RoleEvidence) => string,
  afterPrep: (r: RoleEvidence) => boolean,
): string | null {
  const candidates = roles.filter((r) => norm(r) !== accused && r.mention.kind !== 'group');
  // The owner of the claims denied ("les allégations chinoises") before any other source ("selon Bloomberg").
  const source =
    candidates.find((r) => r.role === 'accuser' && CLAIM_OWNER_RULES.has(r.rule)) ??
    candidates.find((r) => r.role === 'accuser') ??
    candidates.find((r) => r.role === 'rejected') ??
    candidates.find((r) => r.role === 'unknown' && !afterPrep(r));
  return source !== undefined ? norm(source) : null;
}
function otherAccuser(accusers: RoleEvidence[], accused: string, norm: (r: RoleEvidence) => string): string | null {
  const r = accusers.find((a) => norm(a) !== accused);
  return r !== undefined ? norm(r) : null;
}
function isNegated(ev: RoleEvidence, f: string, terms: readonly Term[]): boolean {
  return verbRoleAfter(terms, f, ev.mention.end).negated && NEGATION_RE.test(f);
}
function pickAccused(perps: RoleEvidence[]): RoleEvidence {
  const top = perps[0] as RoleEvidence;
  // Prefer a state (or a state organ) named among the perpetrators: "China-linked APT31" → CN.
  if (top.mention.kind === 'group') {
    const state = perps.find(
      (r) => r.strength >= top.strength - 1 && r.mention.kind !== 'group' && r.mention.kind !== 'organisation',
    );
    if (state !== undefined) return state;
  }
  return top;
}
function resolveAccused(ev: RoleEvidence, perps: RoleEvidence[], gazetteer: Gazetteer): string {
  if (ev.mention.kind === 'group') {
    const state = perps.find((r) => r.mention.kind === 'state' || r.mention.kind === 'agency');
    if (state !== undefined) return gazetteer.normalise(state.mention.id);
  }
  return gazetteer.normalise(ev.mention.id);
}
