/**
 * Pattern fragments shared by the detector's rules: word boundaries over
 * folded text, determiners, the operation vocabulary as regular expressions,
 * and the windows several constructions read (targets, state organs,
 * perpetrator nouns). The words themselves live in ../lexicon.ts.
 */
import { CLAIM_NOUNS, ENTITY_NOUNS, OPERATION_TERMS, PERPETRATOR_NOUNS, TARGET_CUES } from '../lexicon';

export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';
export const rx = (src: string, flags = 'u') => new RegExp(src, flags);
export const words = (src: string) => `${B}(?:${src})${E}`;

export const OPERATION_RES = OPERATION_TERMS.map(([action, src]) => [action, rx(words(src), 'gu')] as const);
export const OPERATION_ANY = rx(words(OPERATION_TERMS.map(([, src]) => src).join('|')));
/** Operations as events, not the people doing them: "launched a cyberattack", not "invited ethical hackers". */
export const OPERATION_EVENT = rx(
  `(?!(?:hack(?:er|eur)s?|pirates?|cyber-?criminal\\w*|cyber-?criminels?|hacktivist\\w*)${E})${words(OPERATION_TERMS.map(([, src]) => src).join('|'))}`,
);
export const CYBER_AFTER_RE = rx(
  words(
    `${OPERATION_TERMS.map(([, src]) => src).join('|')}|cyber[- ]?(?:attaq|attack|espion|operation|activit|campa|intrusion|offensi|guerre|war)\\w*|pirat\\w*|hack\\w*|espion\\w*|spy\\w*|intrusion\\w*|attaqu\\w*|attack\\w*|operations?|campa\\w*|infrastructures?|networks?|reseaux|systems?|systemes?|servers?|serveurs?|empire|menace|threat|source`,
  ),
);
// Windows around a mention, over folded text.
export const DET =
  "(?:the|a|an|its|their|la|le|les|l'|un|une|des|du|de|d'|leurs?|ses?|sa|son|this|that|these|ce|cette|ces)";
export const MODIFIERS =
  'state|government|military|intelligence|regime|army|navy|communist|party|-?\\w+-(?:backed|sponsored|linked|affiliated|aligned|based|run)|backed|sponsored|linked|affiliated|aligned|based|cyber|hacking|hacker|ransomware|apt|criminal|elite|covert|secret|spy|espionage|threat|advanced|persistent|nation-state|state-run|state-backed|state-sponsored|government-backed|government-linked|military-intelligence|suspected|alleged|presumed|notorious|prolific|well-known|sophisticated|special|young|two|three|four|five|six|seven|several|many';
export const PERP_AFTER_DEMONYM = rx(`^(?:[\\s-]+(?:${MODIFIERS})){0,3}[\\s-]+(?:${PERPETRATOR_NOUNS})${E}`);
/** End of a word that is not the first half of a compound ("state" in "state-owned" is not a state organ). */
export const EH = '(?![\\p{L}\\p{N}-])';
export const ENTITY_AFTER_DEMONYM = rx(`^(?:[\\s-]+(?:[\\p{L}-]+)){0,2}?\\s+(?:${ENTITY_NOUNS})${EH}`, 'u');
/** "le ministère chinois", "le Directorat national de la cyberdéfense israélien": the demonym closes the organ's name. */
export const ENTITY_BEFORE_DEMONYM = rx(
  `(?:${ENTITY_NOUNS})(?:\\s+(?:des? |du |de la )?[\\p{L}'-]+)?(?:\\s+(?:des?|du|de la|de l')\\s*[\\p{L}'-]+){0,2}\\s+$`,
  'u',
);
export const POSSESSIVE_ENTITY_AFTER = rx(`^'s?\\s+(?:own\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${ENTITY_NOUNS})${EH}`, 'u');
/** "l'ambassade de Chine", "the government of Iran": an organ of that state. */
export const ENTITY_OF_BEFORE = rx(`(?:${ENTITY_NOUNS})\\s+(?:of|de|du|d')\\s+(?:${DET}\\s*)?$`);
export const CLAIM_AFTER_DEMONYM = rx(`^(?:\\s+[\\p{L}-]+)?\\s+(?:${CLAIM_NOUNS})${E}`, 'u');
export const GENERIC_AGENT_BEFORE = rx(`${B}(?:by|par)\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,2}$`, 'u');
export const SOURCE_BY_BEFORE = rx(
  `${B}(?:(?:accusee?s?|soupconnee?s?|mise?s? en cause|pointee?s? du doigt|designee?s?|condamnee?s?|sanctionnee?s?)\\s+(?:[\\p{L}'-]+\\s+)?(?:par)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,3}$|(?:attribut\\w*|attribue\\w*|formulee?s?|portee?s?|lancee?s?|emise?s?|made|levell?ed|blamed|pinned|imput\\w*|traced|denounced|named|cooked up|concocted|fabricated|invented|spread|accused|charged|sanctioned|condemned|unmasked|singled out|exposed|revealed|identified|reported|published|discovered|detected|uncovered|according to a report|document\\w*|denonce\\w*|revele\\w*|publie\\w*|identifie\\w*|detecte\\w*|decouvert\\w*)\\s+(?:[\\p{L}\\p{N}'-]+\\s+){0,4}?(?:by|par)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,3}$)`,
  'u',
);
/** "sanctions against two Chinese nationals", "des poursuites contre des pirates russes". */
export const MEASURES_AGAINST_BEFORE = rx(
  `${B}(?:sanctions?|charges?|measures?|indictments?|arrest warrants?|lawsuits?|poursuites?|mesures?|plaintes?|mandats? d'arret|inculpations?)\\s+(?:against|contre|on|visant)\\s+(?:${DET}\\s*)?(?:[\\p{L}\\p{N}-]+\\s+){0,4}$`,
  'u',
);
export const NOT_CLAUSE =
  "(?!(?:that|que|qu'|which|who|whose|qui|dont|where|said|says|told|when|quand|lorsque|while|but|mais|and said|et a|by|par)\\b)";
export const TARGET_BEFORE = rx(
  `${B}(?:${TARGET_CUES})\\s+(?:${DET}\\s*)?(?:${NOT_CLAUSE}[\\p{L}'-]+\\s+){0,4}$|${B}(?:in|en|au|aux|dans|across|throughout|inside|within)\\s+(?:${DET}\\s*)?$`,
  'u',
);
/** French "à" (folded to "a", which is also the English article). */
export const TARGET_A_FR = rx(`${B}a\\s+(?:${DET}\\s*)?$`);
export const PREP_BEFORE = rx(
  `${B}(?:au|aux|de|des|du|d'|in|of|at|from|with|avec|pour|for|sur|on|to|en|dans|vers|chez|par|by|than|que|between|entre)\\s+(?:${DET}\\s*)?$`,
);
export const SPEECH_BEFORE = rx(
  `${B}(?:said|says|told|added|according to|a declare|ont declare|a dit|a affirme|a indique|a souligne|a ajoute|a poursuivi|a precise|a explique|a estime|a martele|a assure|a averti|a retorque|a reagi|a repondu|selon|d'apres|declare|affirme|indique|souligne|estime|explique|precise|note|ajoute|retorque|reports?|reported|wrote|concluded)\\s+(?:(?:mercredi|mardi|lundi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hier|yesterday|today|aujourd'hui|jeudi soir|on \\w+|in a statement|dans un communique|lors d'un point de presse)\\s+)?(?:[\\p{L}'.,-]+\\s+){0,8}$`,
  'u',
);
/** ", a rétorqué lundi Wang Wenbin", "», a ironisé le vice-ministre iranien": a post-posed speaker. */
export const POSTPOSED_BEFORE = rx(
  `(?:,|»|"|”)\\s*(?:a|ont|avait)\\s+[\\p{L}-]+\\s+(?:[\\p{L}'.,-]+\\s+){0,9}$|(?:,|»|"|”)\\s*(?:precis(?:e|ent)|ajout(?:e|ent)|not(?:e|ent)|rappell?(?:e|ent)|expliqu(?:e|ent)|observ(?:e|ent)|relev(?:e|ent)|constat(?:e|ent)|s'alarm(?:e|ent)|s'inquiet(?:e|ent)|previen(?:t|nent)|avert(?:it|issent)|estim(?:e|ent)|affirm(?:e|ent)|assur(?:e|ent)|indiqu(?:e|ent)|soulign(?:e|ent)|alert(?:e|ent)|deplor(?:e|ent)|denonc(?:e|ent))\\s+(?:[\\p{L}'.,-]+\\s+){0,9}$|(?:,|"|”)\\s*(?:said|says|told|added|wrote|retorted|replied|responded|insisted|argued|noted|warned)\\s+(?:[\\p{L}'.,-]+\\s+){0,9}$`,
  'u',
);
