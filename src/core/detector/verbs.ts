/**
 * The verb an actor is the subject of, read from compromise's tags: speech,
 * accusation, denial or attack. Used by the subject-verb rule and by the
 * decision (a perpetrator whose verb is negated denies).
 */
import { SPEECH_VERBS } from '../lexicon';
import type { Term } from '../nlp';
import { fold } from '../text';
import { OPERATION_EVENT, rx } from './patterns';
import type { Role } from './types';

/** Verbs that are attacks in themselves. */
const ATTACK_VERB_RE = rx(
  `^(?:revendiqu\\w*|hack\\w*|pirat\\w*|breach\\w*|infiltr\\w*|espionn\\w*|spied|spying|spy|spies|stole|steal\\w*|exfiltr\\w*|compromis(?:e|es|ed|ing)|penetrat\\w*|sabot\\w*|surveill\\w*|derob\\w*|vol(?:e|ent|ait|aient)|target(?:s|ed|ing)?|attack(?:s|ed|ing)?|attaqu\\w*|cibl(?:e|es|ee|ees|ent|ait|aient|er|ant)|vis(?:e|es|ee|ees|ent|ait|aient|er|ant)|struck|hit|infect\\w*|disrupt\\w*|hijack\\w*|deploy\\w*|deploi\\w*|deploy|plant\\w*|implant\\w*|exploit\\w*|defac\\w*|leak(?:s|ed)?|s'en|eavesdrop\\w*|intercept\\w*|soutien\\w*|souten\\w*|financ\\w*|parrain\\w*|commandit\\w*|sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?|backed|orchestrat\\w*|orchestr\\w*|perpetrat\\w*|perpetr\\w*|wag(?:e|es|ed|ing)|pre-positioned|prepositioned|gained|accessed|broke|tricked|drained|encrypted|chiffr\\w*|paraly\\w*|crippl\\w*)$`,
);
/** Verbs that make an attack only with an operation as their object: "launched a cyberattack", not "launched a service". */
const LIGHT_ATTACK_VERB_RE = rx(
  `^(?:encourag\\w*|toler\\w*|harbou?r(?:s|ed|ing)?|abrit\\w*|particip\\w*|took part|prend\\w* part|launch(?:es|ed|ing)?|lanc\\w*|carr(?:y|ies|ied|ying)|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)|mount(?:s|ed|ing)?|run|runs|ran|running|operat\\w*|use[sd]?|using|utilis\\w*|men(?:e|ent|er|ait|aient|ee|ees|es|ons|ant)|men[ea]|menerait|meneraient|effectu\\w*|realis\\w*|commit\\w*|commis|engag\\w*|direct\\w*|control\\w*|employ\\w*|behind|install\\w*|cess\\w*|stop\\w*|arret\\w*|halt\\w*|mettre|mis|met|invent\\w*|develop\\w*|develop\\w*|unleash\\w*|instrumentalis\\w*)$`,
);
/** Verbs that may come before the verb that decides ("continues to target", "tente de pirater"). */
const PASS_THROUGH_VERB_RE = rx(
  `^(?:continu\\w*|tr(?:y|ies|ied|ying)|seek\\w*|sought|appear\\w*|seem\\w*|begin|began|begun|start\\w*|attempt\\w*|keep\\w*|kept|plan\\w*|help\\w*|tent\\w*|essay\\w*|cherch\\w*|commenc\\w*|sembl\\w*|parai\\w*|chose|choisi\\w*|decid\\w*|cess\\w*|manag\\w*|went|go|goes|going|allow\\w*|permis|permet\\w*|aim\\w*|pass\\w*|hid|hide|hidden|caught|devrai\\w*|doi\\w*|should|must|ought|would|feraient|ferait)$`,
);
const SPEECH_VERB_RE = rx(`^(?:${SPEECH_VERBS})$`);
/** A purpose clause whose verb is an attack, in the same clause: "… pour espionner", "… to spy on". */
const PURPOSE_ATTACK_RE = rx(
  `^[^;:.()«»"“”]*?\\s(?:pour|afin d'|afin de|in order to|to)\\s+(?:mieux\\s+|better\\s+)?(?:espionner|pirater|saboter|surveiller|infiltrer|penetrer|cibler|spy|hack|sabotage|infiltrate|penetrate|breach|steal|voler|target)(?![\\p{L}])`,
);
const ACCUSE_STEM_RE =
  /^(?:accus|blam|attribut|attribu|charg|indict|inculp|sanction|condemn|condamn|denounc|denonc|urg|exhort|reproch|soupconn|suspect|pointe|point(?:s|ed)?$|montr|design|relie(?:nt)?$|impute|imput|name|identif)/;
const DENY_VERB_RE = rx(
  `^(?:den(?:y|ies|ied|ying)|reject\\w*|dismiss\\w*|refut\\w*|rebuff\\w*|repudiat\\w*|rebut\\w*|ni(?:e|ent|er|ant)|nie|dement\\w*|rejett\\w*|rejet\\w*|balay\\w*|contest\\w*|oppos\\w*|condemn\\w*)$`,
);
/** "X, which has tapped…", "Washington, qui a écouté…": a relative clause about X, whose verb is X's. */
/** What follows "claimed" / "took" when a group claims an attack. */
const CLAIMED_OBJECT = /^\s+(?:responsibility|credit|the (?:attack|hack|breach|intrusion|operation|cyberattack)s?)\b/;
const RELATIVE_AFTER_MENTION = /^\s*,\s*(?:qui|which|who)\s/;

export interface VerbRole {
  role: Role;
  negated: boolean;
}

const CLAUSE_BREAK =
  /[;:()]|\s[-–—]\s|, (?:which|who|that|qui|que|dont|lequel|laquelle|while|alors que|but|mais|whereas|tandis que)\b/;

/**
 * The verb an actor is the subject of: the first full verb after it in the
 * same clause (auxiliaries skipped, "continues to", "tente de" passed
 * through), classified as speech, denial or attack.
 */
/** "launched tens of thousands of malicious attacks": a generic attack as the object, read as one when the sentence names an operation. */
const GENERIC_ATTACK_OBJECT = rx(
  `^\\s+(?:out\\s+)?(?:[\\p{L}\\p{N}'-]+\\s+){0,6}?(?:attacks|attaques|assauts|offensives|intrusions|incursions)(?![\\p{L}])`,
);

export function verbRoleAfter(terms: readonly Term[], f: string, from: number, operationNamed = false): VerbRole {
  let negated = false;
  let passive = false;
  let copula = false;
  for (const t of terms) {
    if (t.start < from) continue;
    if (t.start - from > 110) break;
    const between = f.slice(from, t.start);
    if (CLAUSE_BREAK.test(between) && !RELATIVE_AFTER_MENTION.test(between)) break;
    const w0 = fold(t.text);
    if (t.tags.has('Negative') || /^(?:not|never|n't|ne|n'|jamais)$/.test(w0)) negated = true;
    if (t.tags.has('Passive')) passive = true;
    if (!t.tags.has('Verb') && !t.tags.has('PastTense') && !t.tags.has('Infinitive')) {
      if (w0 === 'behind' || w0 === 'derriere') return { role: 'perpetrator', negated };
      continue;
    }
    // "DarkSide ransomware was used to compromise…", "Pegasus a été utilisé pour…": the instrument of the attack.
    if (
      (passive || copula) &&
      /^(?:used|utilise\w*|employed|employe\w*|deployed|deploye\w*)$/.test(w0) &&
      /^\s+(?:to|pour|in|dans|against|contre)\b/.test(f.slice(t.end, t.end + 12))
    )
      return { role: 'perpetrator', negated };
    if (t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) {
      if (/^(?:is|are|was|were|be|est|sont|etait|etaient|fut|furent|serait|seraient)$/.test(w0)) copula = true;
      continue;
    }
    const w = w0.replace(/^[a-z]'/, '');
    // "est visée", "is accused": a participle after a form of "be".
    if (copula && !/ing$|ant$/.test(w)) passive = true;
    if (/^(?:been|ete|being)$/.test(w)) {
      passive = true;
      continue;
    }
    if (DENY_VERB_RE.test(w)) return { role: 'denier', negated };
    // "X claimed responsibility for", "took credit for the attack": the claimant did it.
    if (/^(?:claim(?:s|ed|ing)?|took|takes|take)$/.test(w) && CLAIMED_OBJECT.test(f.slice(t.end, t.end + 40)))
      return { role: 'perpetrator', negated };
    // "is accused of", "a été accusée de", "were blamed for": the subject is the accused.
    if (passive && ACCUSE_STEM_RE.test(w)) return { role: 'perpetrator', negated };
    if (w === 'hit' && /^\s+back\b/.test(f.slice(t.end))) return { role: 'accuser', negated };
    if (SPEECH_VERB_RE.test(w) || ACCUSE_STEM_RE.test(w)) {
      // ", a poursuivi le porte-parole." / ", said the minister.": a post-posed speaker, not this subject's verb.
      if (between.includes(',') && isPostposedSpeech(f.slice(t.end))) return { role: 'unknown', negated };
      return { role: 'accuser', negated };
    }
    if (ATTACK_VERB_RE.test(w)) return { role: passive ? 'target' : 'perpetrator', negated };

    if (LIGHT_ATTACK_VERB_RE.test(w)) {
      if (OPERATION_EVENT.test(f.slice(t.end, t.end + 50)))
        return { role: passive ? 'target' : 'perpetrator', negated };
      if (operationNamed && GENERIC_ATTACK_OBJECT.test(f.slice(t.end, t.end + 70)))
        return { role: passive ? 'target' : 'perpetrator', negated };
      // "Morocco used Pegasus to target the phone of…": the purpose is the attack.
      if (!passive && PURPOSE_ATTACK_RE.test(f.slice(t.end, t.end + 110))) return { role: 'perpetrator', negated };
      return { role: 'unknown', negated };
    }
    if (PASS_THROUGH_VERB_RE.test(w)) continue;
    // "tirent parti de leur domination … pour espionner", "use their access to spy on": the purpose is the attack.
    if (!passive && PURPOSE_ATTACK_RE.test(f.slice(t.end, t.end + 110))) return { role: 'perpetrator', negated };
    return { role: 'unknown', negated };
  }
  return { role: 'unknown', negated };
}

export function hasVerbAfter(terms: readonly Term[], from: number): boolean {
  return terms.some(
    (t, i) =>
      t.start >= from &&
      (t.tags.has('Verb') || t.tags.has('Copula')) &&
      // "dans un message publié sur X": a participle on a noun is no verb of the clause.
      !(t.tags.has('PastParticiple') && !terms[i - 1]?.tags.has('Auxiliary') && terms[i - 1]?.tags.has('Noun')),
  );
}

/** What follows a speech verb in inverted order: a short speaker phrase, no "que"/"that" clause. */
function isPostposedSpeech(rest: string): boolean {
  if (/^\s*(?:\S+\s+){0,3}?(?:que|qu'|that|:|«|")/.test(rest)) return false;
  return rest.replace(/[\s.!?»"”]+$/, '').length <= 110;
}

/** Whether a full verb stands between two offsets (then a speech verb before is not this mention's). */
export function verbBetween(terms: readonly Term[], from: number, to: number): boolean {
  return terms.some(
    (t) => t.start >= from && t.end <= to && t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula'),
  );
}
