/**
 * Allegation extraction for one candidate sentence: who accuses whom of what.
 *
 * Inputs are the sentence, its language, the actor mentions the gazetteer
 * found and the terms compromise tagged. Each mention gets a role from local
 * syntax, in this order of precedence:
 * - explicit constructions: "China-linked", "pro-Russian", "Chinese hackers",
 *   "pirates russes", "linked to / attribuée à / menée par X", "accused X of",
 *   "X is behind", "it was X that";
 * - victims: target prepositions ("against", "contre", "visant"), passive
 *   subjects of attack verbs, demonyms that only qualify a noun;
 * - sources: a claim noun's owner ("British accusations", "Beijing's claim"),
 *   post-posed speakers (", a déclaré M. Wang"), "according to X";
 * - otherwise the verb the actor is the subject of, as compromise tags it:
 *   speech → accuser, attack → perpetrator, denial → denier.
 * The roles then decide accused, accuser and stance.
 */
import type { ActorMention, Gazetteer } from './actors/gazetteer';
import {
  CLAIM_NOUNS,
  COUNTER_CUES,
  DEFENSIVE_CUES,
  DENIAL_CUES,
  ENTITY_NOUNS,
  GENERIC_ATTACK_VERBS,
  HEDGE_CUES,
  LINK_CUES,
  LINK_SUFFIXES,
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
const OPERATION_ANY = rx(words(OPERATION_TERMS.map(([, src]) => src).join('|')));
/** Operations as events, not the people doing them: "launched a cyberattack", not "invited ethical hackers". */
const OPERATION_EVENT = rx(
  `(?!(?:hack(?:er|eur)s?|pirates?|cyber-?criminal\\w*|cyber-?criminels?|hacktivist\\w*)${E})${words(OPERATION_TERMS.map(([, src]) => src).join('|'))}`,
);

/** Verbs that are attacks in themselves. */
const ATTACK_VERB_RE = rx(
  `^(?:hack\\w*|pirat\\w*|breach\\w*|infiltr\\w*|espionn\\w*|spied|spying|spy|spies|stole|steal\\w*|exfiltr\\w*|compromis(?:e|es|ed|ing)|penetrat\\w*|sabot\\w*|surveill\\w*|derob\\w*|vol(?:e|ent|ait|aient)|target(?:s|ed|ing)?|attack(?:s|ed|ing)?|attaqu\\w*|cibl(?:e|es|ee|ees|ent|ait|aient|er|ant)|vis(?:e|es|ee|ees|ent|ait|aient|er|ant)|struck|hit|infect\\w*|disrupt\\w*|hijack\\w*|deploy\\w*|deploi\\w*|deploy|plant\\w*|implant\\w*|exploit\\w*|defac\\w*|leak(?:s|ed)?|s'en|eavesdrop\\w*|intercept\\w*|soutien\\w*|souten\\w*|financ\\w*|parrain\\w*|commandit\\w*|sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?|backed|orchestrat\\w*|orchestr\\w*|perpetrat\\w*|perpetr\\w*|wag(?:e|es|ed|ing)|pre-positioned|prepositioned|gained|accessed|broke|tricked|drained|encrypted|chiffr\\w*|paraly\\w*|crippl\\w*)$`,
);
/** Verbs that make an attack only with an operation as their object: "launched a cyberattack", not "launched a service". */
const LIGHT_ATTACK_VERB_RE = rx(
  `^(?:launch(?:es|ed|ing)?|lanc\\w*|carr(?:y|ies|ied|ying)|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)|mount(?:s|ed|ing)?|run|runs|ran|running|operat\\w*|use[sd]?|using|utilis\\w*|men(?:e|ent|er|ait|aient|ee|ees|es|ons|ant)|men[ea]|menerait|meneraient|effectu\\w*|realis\\w*|commit\\w*|commis|engag\\w*|direct\\w*|control\\w*|employ\\w*|behind|install\\w*|cess\\w*|stop\\w*|arret\\w*|halt\\w*|mettre|mis|met|invent\\w*|develop\\w*|develop\\w*|unleash\\w*|instrumentalis\\w*)$`,
);
/** Verbs that may come before the verb that decides ("continues to target", "tente de pirater"). */
const PASS_THROUGH_VERB_RE = rx(
  `^(?:continu\\w*|tr(?:y|ies|ied|ying)|seek\\w*|sought|appear\\w*|seem\\w*|begin|began|begun|start\\w*|attempt\\w*|keep\\w*|kept|plan\\w*|help\\w*|tent\\w*|essay\\w*|cherch\\w*|commenc\\w*|sembl\\w*|parai\\w*|chose|choisi\\w*|decid\\w*|cess\\w*|manag\\w*|went|go|goes|going|allow\\w*|permis|permet\\w*|aim\\w*|pass\\w*|hid|hide|hidden|caught|devrai\\w*|doi\\w*|should|must|ought|would|feraient|ferait)$`,
);
const SPEECH_VERB_RE = rx(`^(?:${SPEECH_VERBS})$`);
const ACCUSE_STEM_RE =
  /^(?:accus|blam|attribut|attribu|charg|indict|inculp|sanction|condemn|condamn|denounc|denonc|urg|exhort|reproch|soupconn|suspect|pointe|impute|imput|name|identif)/;
const DENY_VERB_RE = rx(
  `^(?:den(?:y|ies|ied|ying)|reject\\w*|dismiss\\w*|refut\\w*|rebuff\\w*|repudiat\\w*|rebut\\w*|ni(?:e|ent|er|ant)|nie|dement\\w*|rejett\\w*|rejet\\w*|balay\\w*|contest\\w*|oppos\\w*|condemn\\w*)$`,
);
const DENIAL_RE = rx(words(DENIAL_CUES));
const COUNTER_RE = rx(words(COUNTER_CUES));
const STRONG_COUNTER_RE = rx(
  words(
    "(?:asked|questioned) about (?:the )?(?:[\\w-]+ )?(?:allegations|accusations|claims|charges)|interroge\\w* sur (?:les )?(?:accusations|allegations)|rather than answer\\w*|plutot que de repondre|au lieu de repondre|(?:apres|after) (?:les |the )?(?:[\\w-]+ )?(?:accusations|allegations|charges)|hours after|days after|renvoy\\w* la balle|renvoie la balle|turned the accusation around|turn(?:s|ed)? (?:the accusation|it) around|retourne\\w* l'accusation|repliqu\\w*|a replique|for its part|for their part|in turn|de son cote|de leur cote|pour sa part|en retour|a son tour|responded by accusing|a riposte en|a replique en|hacker empire|hacking empire|empire of hack\\w*|empire (?:du|de) (?:piratage|hack\\w*)|the real (?:hacker|threat|culprit|empire)|le veritable|la veritable|les veritables|veritable (?:empire|menace|pirate)|(?:biggest|largest|greatest|worst) (?:hacker|source|threat|perpetrator|cyber)\\w*|le plus grand (?:pirate|hacker|empire)\\w*|premier pirate|premiere source|chief culprit|principal coupable|counter-?accus\\w*|contre-accus\\w*|turn(?:s|ed)? the tables|retorted|retorqu\\w*|hit back|fired back|ripost\\w*|plutot que d'accuser|au lieu d'accuser|au lieu de pointer|instead of (?:accusing|blaming|pointing)|rather than (?:accusing|blaming)|hypocri\\w*|double standards?|deux poids|(?:in response to|responding to|en reponse aux?|repondant aux?) (?:\\S+ ){0,3}(?:accusations?|allegations?|claims?|charges?)|retourn\\w* l'accusation|renvo\\w* l'accusation|feraient mieux|ferait mieux|would do better|balayer devant|mal place\\w*|donner des lecons|lectur\\w*|moral grounds|no moral",
  ),
);
const HEDGE_RE = rx(words(HEDGE_CUES));
const DEFENSIVE_RE = rx(words(DEFENSIVE_CUES));
const GENERIC_ATTACK_RE = rx(words(GENERIC_ATTACK_VERBS));
const NEGATION_RE = rx(words("not|n't|never|no longer|ne|n'|jamais|nullement"));
const SPEECH_ANY_RE = rx(words(SPEECH_VERBS));
/** "ses cyberattaques", "its hacking campaign": an operation owned by the sentence's actor. */
const POSSESSIVE_OP_RE = rx(
  `${B}(?:ses|sa|son|leurs?|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${OPERATION_TERMS.map(([, src]) => src).join('|')})${E}`,
);
const CLAIM_RE = rx(words(CLAIM_NOUNS));
const CYBER_AFTER_RE = rx(
  words(
    `${OPERATION_TERMS.map(([, src]) => src).join('|')}|cyber[- ]?(?:attaq|attack|espion|operation|activit|campa|intrusion|offensi|guerre|war)\\w*|pirat\\w*|hack\\w*|espion\\w*|spy\\w*|intrusion\\w*|attaqu\\w*|attack\\w*|operations?|campa\\w*|infrastructures?|networks?|reseaux|systems?|systemes?|servers?|serveurs?|empire|menace|threat|source`,
  ),
);
const CYBER_CONTEXT_RE = rx(
  words(
    'iphones?|smartphones?|phones?|telephones?|devices?|appareils?|e-?mails?|courriels?|websites?|cyber\\w*|informatiques?|numeriques?|hack\\w*|pirat\\w*|networks?|reseaux?|systems?|systemes?|servers?|serveurs?|computers?|ordinateurs?',
  ),
);
/** What makes a named threat group's sentence about an operation even without cyber vocabulary. */
const GROUP_CONTEXT_RE = rx(
  words(
    'campaigns?|campagnes?|operations?|pre-?positioned|prepositionne\\w*|utilities|infrastructures?|networks?|systems?|servers?|e-?mails?|accounts?|data|devices?|reseaux?|systemes?|serveurs?|courriels?|messageries?|comptes?|donnees|appareils?|claimed responsibility|took responsibility|vol|theft|heist|stole|crypto\\w*|bitcoin|ether|claimed|revendiqu\\w*|responsabilite|access|acces',
  ),
);

// Windows around a mention, over folded text.
const DET = "(?:the|a|an|its|their|la|le|les|l'|un|une|des|du|de|d'|leurs?|ses?|sa|son|this|that|these|ce|cette|ces)";
const MODIFIERS =
  'state|government|military|intelligence|regime|army|navy|communist|party|-?\\w+-(?:backed|sponsored|linked|affiliated|aligned|based|run)|backed|sponsored|linked|affiliated|aligned|based|cyber|hacking|hacker|ransomware|apt|criminal|elite|covert|secret|spy|espionage|threat|advanced|persistent|nation-state|state-run|state-backed|state-sponsored|government-backed|government-linked|military-intelligence|suspected|alleged|presumed|notorious|prolific|well-known|sophisticated|special|young|two|three|four|five|six|seven|several|many';
const PERP_AFTER_DEMONYM = rx(`^(?:[\\s-]+(?:${MODIFIERS})){0,3}[\\s-]+(?:${PERPETRATOR_NOUNS})${E}`);
/** End of a word that is not the first half of a compound ("state" in "state-owned" is not a state organ). */
const EH = '(?![\\p{L}\\p{N}-])';
const ENTITY_AFTER_DEMONYM = rx(`^(?:[\\s-]+(?:[\\p{L}-]+)){0,2}?\\s+(?:${ENTITY_NOUNS})${EH}`, 'u');
const CLAIM_AFTER_DEMONYM = rx(`^(?:\\s+[\\p{L}-]+)?\\s+(?:${CLAIM_NOUNS})${E}`, 'u');
const PERP_BEFORE_DEMONYM = rx(
  `(?:${PERPETRATOR_NOUNS})(?:,?\\s+(?:informatiques?|etatiques?|presumes?|presumees?|soupconnes?|soupconnees?|militaires|d'etat|de l'etat|soutenus?|parraines?|\\w+-\\w+|de haut niveau|sophistiquee?s?)){0,2},?\\s+$`,
);
const ENTITY_BEFORE_DEMONYM = rx(`(?:${ENTITY_NOUNS})(?:\\s+(?:des? |du |de la )?[\\p{L}'-]+){0,1}\\s+$`, 'u');
/** "l'éditeur russe Kaspersky", "US cybersecurity firm Mandiant": a company's nationality, not a party. */
const ORG_NOUNS =
  'editeur|societe|firme|entreprise|company|firm|vendor|cabinet|start-?up|laboratoire|lab|researchers?|chercheurs?|analystes?|experts?|specialiste|specialist|provider|fournisseur|operateurs?|operators?|giant|geant|banks?|banques?|hopitaux|hospitals?|newspapers?|journal|journaux|agence de presse|news agency|universit\\w*|ecoles?|schools?|entreprises|companies|firms|sites?|websites?|exporters?|exportateurs?|citizens|citoyens|users|utilisateurs|voters|electeurs|artillery|artillerie|diplomats|diplomates|activists|activistes|dissidents|journalists|journalistes';
const ORG_AFTER_DEMONYM = rx(`^(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:${ORG_NOUNS})${E}`, 'u');
const ORG_BEFORE_DEMONYM = rx(`(?:${ORG_NOUNS})(?:\\s+[\\p{L}-]+)?\\s+$`, 'u');
const CLAIM_BEFORE_DEMONYM = rx(`(?:${CLAIM_NOUNS})\\s+$`);
const HYPHEN_LINK_AFTER = rx(`^-(?:${LINK_SUFFIXES})${E}`);
const GENERIC_AGENT_BEFORE = rx(`${B}(?:by|par)\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,2}$`, 'u');
const ORIGIN_BEFORE = rx(
  `(?:${PERPETRATOR_NOUNS})(?:\\s+[\\p{L}-]+)?\\s+(?:from|based in|operating from|operating out of|in|de|du|des|basee?s? en|bases? en|base au|originaires? d[eu']|depuis)\\s+(?:${DET}\\s*)?$`,
  'u',
);
const ATTRIBUTED_BY_TO_BEFORE = rx(
  `${B}(?:attribut\\w*|attribue\\w*|blamed|pinned|imput\\w*|traced)\\s+(?:by|par)\\s+[^,;]{1,60}?\\s+(?:to|on|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
const SOURCE_BY_BEFORE = rx(
  `${B}(?:attribut\\w*|attribue\\w*|blamed|pinned|imput\\w*|traced|denounced|named|exposed|revealed|identified|reported|published|discovered|detected|uncovered|according to a report|denonce\\w*|revele\\w*|publie\\w*|identifie\\w*|detecte\\w*|decouvert\\w*)\\s+(?:[\\p{L}\\p{N}'-]+\\s+){0,4}?(?:by|par)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,3}$`,
  'u',
);
const ACCORDING_TO_BEFORE = rx(
  `${B}(?:selon|d'apres|according to|cited by|cite par)\\s+(?!lesquel)(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,5}$`,
  'u',
);
/** "APT28, a unit of Russia's GRU", "Sandworm, l'unité 74455 du GRU": the group belongs to the state. */
const UNIT_OF_BEFORE = rx(
  `${B}(?:units?|branch|division|team|arm|front|proxy|part|unites?|branche|bras arme|emanation|faux-nez|groupe|group)(?:\\s+[\\p{L}\\p{N}'-]+){0,3}?\\s+(?:of|for|de|du|des|d')\\s+(?:${DET}\\s*)?$`,
  'u',
);
/** "attribuer sans ambiguïté cette cyberattaque à l'Iran", "attributed the intrusion to Russia". */
const ATTRIBUTE_TO_BEFORE = rx(
  `${B}(?:attribut\\w*|attribu\\w*|imput\\w*|blamed|blame|blames|pinned|traced)(?:\\s+[\\p{L}\\p{N}'-]+){0,5}?\\s+(?:to|on|a|au|aux)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
/** "sanctions against two Chinese nationals", "des poursuites contre des pirates russes". */
const MEASURES_AGAINST_BEFORE = rx(
  `${B}(?:sanctions?|charges?|measures?|indictments?|arrest warrants?|lawsuits?|poursuites?|mesures?|plaintes?|mandats? d'arret|inculpations?)\\s+(?:against|contre|on|visant)\\s+(?:${DET}\\s*)?(?:[\\p{L}\\p{N}-]+\\s+){0,4}$`,
  'u',
);
/** Sentence-initial "Pour Recorded Future, …": French for "according to". */
const POUR_X_BEFORE = rx(`^\\s*pour\\s+(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,3}$`, 'u');
const PRO_BEFORE = rx(`${B}pro-$`);
const NOT_CLAUSE =
  "(?!(?:that|que|qu'|which|who|whose|qui|dont|where|said|says|told|when|quand|lorsque|while|but|mais|and said|et a|by|par)\\b)";
const TARGET_BEFORE = rx(
  `${B}(?:${TARGET_CUES})\\s+(?:${DET}\\s*)?(?:${NOT_CLAUSE}[\\p{L}'-]+\\s+){0,4}$|${B}(?:in|en|au|aux|dans|across|throughout|inside|within)\\s+(?:${DET}\\s*)?$`,
  'u',
);
/** French "à" (folded to "a", which is also the English article). */
const TARGET_A_FR = rx(`${B}a\\s+(?:${DET}\\s*)?$`);
const ACCUSE_OBJECT_BEFORE = rx(
  `${B}(?:accus\\w*|blam\\w*|charg\\w*|reproch\\w* (?:a|au|aux)|suspect\\w*|soupconn\\w*|pointed the finger at|points the finger at|pointe du doigt|met en cause|mis en cause|condemn\\w*|condamn\\w*|denounc\\w*|denonc\\w*|sanction\\w*|indict\\w*|inculp\\w*|named|nomme\\w*|identified|identifie\\w*|attribu\\w* (?:to|a|au|aux)|held|tient|qualifi\\w*|branded|branding|labell?ed|described|describing|called|calling|traite\\w*)\\s+(?:${DET}\\s*)?(?:(?:[\\p{L}\\p{N}-]+\\s+){0,3}(?:of|de|du|des|d')\\s+(?:${DET}\\s*)?)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
/** "urged Washington to stop its cyberattacks", "exhorte les Etats-Unis à mettre fin à…". */
const URGE_OBJECT_BEFORE = rx(
  `${B}(?:urg\\w*|exhort\\w*|called on|calls on|appel\\w* (?:la|le|les)|demand\\w*|warn\\w*|press\\w*|invit\\w*)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
const STOP_AFTER = rx(
  `^(?:\\s+\\S+){0,3}?\\s+(?:to stop|to cease|to end|to halt|to refrain from|a cesser|de cesser|a mettre (?:immediatement )?fin|de mettre (?:immediatement )?fin|a arreter|d'arreter|a renoncer|de renoncer)${E}`,
);
/** "X, which has tapped…", "Washington, qui a écouté…": a relative clause about X, whose verb is X's. */
const RELATIVE_AFTER_MENTION = /^\s*,\s*(?:qui|which|who)\s/;
/** Victims without a participle: "a subi une vague d'attaques", "came under attack". */
const VICTIM_VERB_AFTER = rx(
  `^(?:'s)?(?:\\s+[\\p{L}'-]+){0,2}?\\s+(?:a subi|ont subi|avait subi|subit|subissent|a ete victime|ont ete victimes|est victime|sont victimes|suffered|suffers|fell victim|came under|comes under|has been hit|have been hit|was hit|were hit|a ete touchee?|ont ete touchee?s)${E}`,
  'u',
);
const ACCUSED_RELATIVE_AFTER = rx(
  `^\\s*,\\s*(?:qu'(?:il|elle|ils|elles|on)|whom|which (?:it|they|he|she)|that (?:it|they))\\s+(?:\\w+\\s+)?(?:accus\\w*|blam\\w*|soupconn\\w*|suspect\\w*|tient pour responsable|hold\\w* responsible|tracks?)${E}`,
);
/** "the real cyber aggressor in the region was Israel", "le véritable agresseur, c'est Washington". */
const REAL_CULPRIT_BEFORE = rx(
  `${B}(?:the real|the true|the actual|le veritable|la veritable|le vrai|la vraie|the biggest|the greatest|le plus grand|la plus grande)\\s+(?:[\\p{L}-]+\\s+){0,6}?(?:is|was|are|were|est|etait|sont|c'est|ce sont|remains?)\\s+(?:${DET}\\s*)?$`,
  'u',
);
const ACCUSED_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:que|qu'|that|qui|which|who|dont|whose|said|says|told|stated|declared|claimed|added)\\b)\\S+){0,3}?\\s+(?:is|are|was|were|has been|have been|had been|stands?|est|sont|a ete|ont ete|avait ete|etait|etaient|serait|seraient|reste|demeure)\\s+(?:\\w+\\s+)?(?:accused|suspected|believed|thought|alleged|blamed|said|reported|held responsible|behind|responsible|accusee?s?|soupconnee?s?|suspectee?s?|derriere|responsables?|a l'origine|mise? en cause|pointee? du doigt)${E}`,
);
const VICTIM_PASSIVE_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:que|qu'|that|qui|which|who|dont|whose|said|says|told|stated|declared|claimed|added)\\b)\\S+){0,3}?\\s+(?:is|are|was|were|has been|have been|had been|a ete|ont ete|avait ete|avaient ete|est|sont|etait|etaient|fell|fut|suffer\\w*|subi\\w*|subit|a subi|ont subi|came under|est la|sont les)\\s+(?:[\\p{L}'-]+\\s+){0,2}?(?:hacked|targeted|attacked|breached|hit|compromised|infiltrated|spied|victims?|struck|pirate\\w*|vise\\w*|cible\\w*|attaque\\w*|touche\\w*|infiltre\\w*|espionne\\w*|victimes?|la cible|the target|frapp\\w*|cyberattaques?|attacks?|attaques?|intrusions?)${E}`,
  'u',
);
const POSSESSIVE_AFTER = rx(`^'s?\\s`);
const POSSESSIVE_PERP_AFTER = rx(`^'s?\\s+(?:own\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${PERPETRATOR_NOUNS})${E}`, 'u');
const POSSESSIVE_ENTITY_AFTER = rx(`^'s?\\s+(?:own\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${ENTITY_NOUNS})${EH}`, 'u');
const POSSESSIVE_CLAIM_AFTER = rx(`^'s?\\s+(?:[\\p{L}-]+\\s+){0,1}?(?:${CLAIM_NOUNS})${E}`, 'u');
/** "les accusations de Londres", "claims by Washington": the source of the claims. */
const CLAIM_SOURCE_BEFORE = rx(
  `${B}(?:${CLAIM_NOUNS})(?:\\s+[\\p{L}'-]+){0,2}?\\s+(?:de|du|des|d'|by|from|par|emanant de|venues? de|of)\\s+(?:${DET}\\s*)?$`,
  'u',
);
/** "the US indictment", "la plainte de": a state name on a claim noun. */
const NAME_CLAIM_AFTER = rx(`^(?:\\s+[\\p{L}-]+)?\\s+(?:${CLAIM_NOUNS})${E}`, 'u');
/** "accusations that Beijing…", "claims of Russian hacking", "smears about the so-called Volt Typhoon". */
const CLAIM_CONTENT_BEFORE = rx(
  `${B}(?:${CLAIM_NOUNS}|smears?|slander|hype|so-called|pretendue?s?|soi-disant)(?:(?:\\s+[\\p{L}'-]+){0,4}?\\s+(?:that|selon lesquel\\w*|que|qu'|contre|against|visant|about|concerning|concernant|sur|portees contre|on))?\\s+(?:(?:of|de|d'|about the)\\s+)?(?:${DET}\\s*)?(?:[\\p{L}'-]+\\s+){0,4}$`,
  'u',
);
const SPEECH_BEFORE = rx(
  `${B}(?:said|says|told|added|according to|a declare|ont declare|a dit|a affirme|a indique|a souligne|a ajoute|a poursuivi|a precise|a explique|a estime|a martele|a assure|a averti|a denonce|a accuse|a retorque|a reagi|a repondu|selon|d'apres|declare|affirme|indique|souligne|estime|explique|precise|note|ajoute|retorque|reports?|reported|wrote|concluded)\\s+(?:(?:mercredi|mardi|lundi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hier|yesterday|today|aujourd'hui|jeudi soir|on \\w+|in a statement|dans un communique|lors d'un point de presse)\\s+)?(?:[\\p{L}'.,-]+\\s+){0,8}$`,
  'u',
);
/** ", a rétorqué lundi Wang Wenbin", "», a ironisé le vice-ministre iranien": a post-posed speaker. */
const POSTPOSED_BEFORE = rx(
  `(?:,|»|"|”)\\s*(?:a|ont|avait)\\s+[\\p{L}-]+\\s+(?:[\\p{L}'.,-]+\\s+){0,9}$|(?:,|"|”)\\s*(?:said|says|told|added|wrote|retorted|replied|responded|insisted|argued|noted|warned)\\s+(?:[\\p{L}'.,-]+\\s+){0,9}$`,
  'u',
);
const ENTITY_IN_BEFORE = rx(`(?:${ENTITY_NOUNS})\\s+(?:in|en|a|au|at|to)\\s+(?:${DET}\\s*)?$`);
/** "l'ambassade de Chine", "the government of Iran": an organ of that state. */
const ENTITY_OF_BEFORE = rx(`(?:${ENTITY_NOUNS})\\s+(?:of|de|du|d')\\s+(?:${DET}\\s*)?$`);
const COPULA_PERP_AFTER = rx(
  `^(?:'s)?\\s+(?:is|are|was|were|remains?|remained|has become|est|restait|etait reste|sont|reste|restent|demeure|demeurent|serait|seraient|etait|etaient|devient)\\s+(?:[\\p{L}'"“”«»-]+\\s+){0,7}?(?:hack\\w*|pirat\\w*|cyber\\w*|espion\\w*|spy\\w*|${PERPETRATOR_NOUNS})${E}`,
  'u',
);
const CLEFT_BEFORE = rx(
  `${B}(?:c'est|ce sont|ce serait|c'etait|it is|it's|it was|is in fact|est en fait|that it was|que c'est|que c'etait)\\s+(?:${DET}\\s*)?$`,
);
const NEGATED_PARTY_BEFORE = rx(`(?:,\\s*|${B})(?:not|et non|pas|non)\\s+(?:${DET}\\s*)?$`);
const PREP_BEFORE = rx(
  `${B}(?:au|aux|de|des|du|d'|in|of|at|from|with|avec|pour|for|sur|on|to|en|dans|vers|chez|par|by|than|que|between|entre)\\s+(?:${DET}\\s*)?$`,
);
const COORDINATION_BEFORE = rx(`^,?\\s*(?:and|et|or|ou|as well as|ainsi que)\\s+(?:${DET}\\s*)?$`);
const BEHIND_AFTER = rx(
  `^(?:'s)?(?:\\s+(?!(?:que|qu'|that|qui|which|who|dont|whose|said|says|told|stated|declared|claimed|added)\\b)\\S+){0,2}?\\s+(?:is|are|was|were|est|sont|etait|etaient|serait|seraient|had been|has been|a ete)\\s+(?:\\w+\\s+)?(?:behind|derriere|responsible for|responsables? de|a l'origine)${E}`,
);

export type Role = 'perpetrator' | 'accuser' | 'denier' | 'target' | 'rejected' | 'unknown';

interface RoleEvidence {
  mention: ActorMention;
  role: Role;
  /** How strong the evidence is, 1 (weak) to 3 (explicit construction). */
  strength: number;
  reason: string;
  /** An organ of state (government, ministry, military…) whose role came from no verb: may be the speaker. */
  entity?: boolean;
}

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

export interface SpeakerMemory {
  /** Surnames of people introduced earlier in the document, with the state they speak for. */
  people: Map<string, string>;
  /** The state of the last official speaker ("le porte-parole" refers back to them). */
  lastSpeaker: string | null;
}

export function newSpeakerMemory(): SpeakerMemory {
  return { people: new Map(), lastSpeaker: null };
}

interface Operation {
  action: Action;
  start: number;
  end: number;
}

function operations(f: string): Operation[] {
  const out: Operation[] = [];
  for (const [action, re] of OPERATION_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m !== null; m = re.exec(f))
      out.push({ action, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface VerbRole {
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
function verbRoleAfter(terms: readonly Term[], f: string, from: number): VerbRole {
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
      return { role: 'unknown', negated };
    }
    if (PASS_THROUGH_VERB_RE.test(w)) continue;
    return { role: 'unknown', negated };
  }
  return { role: 'unknown', negated };
}

function hasVerbAfter(terms: readonly Term[], from: number): boolean {
  return terms.some((t) => t.start >= from && (t.tags.has('Verb') || t.tags.has('Copula')));
}

/** What follows a speech verb in inverted order: a short speaker phrase, no "que"/"that" clause. */
function isPostposedSpeech(rest: string): boolean {
  if (/^\s*(?:\S+\s+){0,3}?(?:que|qu'|that|:|«|")/.test(rest)) return false;
  return rest.replace(/[\s.!?»"”]+$/, '').length <= 110;
}

const AGENT_PARTICIPLE_BEFORE = rx(
  `${B}(?:conducted|carried out|orchestrated|launched|perpetrated|done|run|operated|mounted|staged|committed|executed|engineered|masterminded|sponsored|backed|directed|menee?s?|realisee?s?|commise?s?|orchestree?s?|perpetree?s?|lancee?s?|conduite?s?|pilotee?s?|commanditee?s?|effectuee?s?|faite?s?)\\s+(?:[\\p{L}-]+\\s+)?(?:by|par)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

/** An operation (or an attack participle) just before a mention, within the same phrase. */
function opNear(f: string, from: number, to: number): boolean {
  let window = f.slice(Math.max(0, from), Math.max(0, to));
  const cut = Math.max(...[',', ';', ':', '«', '»', '"', '(', ')'].map((c) => window.lastIndexOf(c)));
  if (cut >= 0) window = window.slice(cut + 1);
  return OPERATION_ANY.test(window) || AGENT_PARTICIPLE_BEFORE.test(window);
}

const LINK_SPECIFIC_BEFORE = rx(
  `${B}(?:${LINK_CUES.split('|')
    .filter((c) => c !== 'by' && c !== 'par')
    .join('|')})\\s+(?:${DET}\\s*)?(?:\\p{L}+\\s+){0,3}$`,
  'u',
);

/** Whether a full verb stands between two offsets (then a speech verb before is not this mention's). */
function verbBetween(terms: readonly Term[], from: number, to: number): boolean {
  return terms.some(
    (t) => t.start >= from && t.end <= to && t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula'),
  );
}

/** Speech verb before a mention, with no other verb in between: "said X", ", a déclaré mercredi X". */
function speakerBefore(re: RegExp, terms: readonly Term[], before: string, at: number): boolean {
  const m = re.exec(before);
  if (m === null) return false;
  const from = at - before.length + m.index;
  // The speech verb itself is the one full verb allowed between the match and the mention.
  const verbs = terms.filter(
    (t) => t.start >= from && t.end <= at && t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula'),
  );
  return verbs.length <= 1;
}

export function roleOf(
  m: ActorMention,
  f: string,
  terms: readonly Term[],
  hasOperation: boolean,
  lang: Lang,
): RoleEvidence {
  // "rattaché, selon eux, au GRU": parenthetical attributions do not break a construction.
  const before = f
    .slice(Math.max(0, m.start - 120), m.start)
    .replace(
      /,?\s*\b(?:selon (?:eux|elle|elles|lui|nous)|according to (?:them|it|him|her)|(?:it|they|he|she) said)\b\s*,?/g,
      ' ',
    );
  const after = f.slice(m.end, m.end + 130);
  const ev = (role: Role, strength: number, reason: string, entity = false): RoleEvidence => ({
    mention: m,
    role,
    strength,
    reason,
    entity,
  });
  const demonym = m.form === 'demonym';
  const verbAfter = hasVerbAfter(terms, m.end);

  // Explicit constructions.
  if (HYPHEN_LINK_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface}-linked`);
  if (PRO_BEFORE.test(before)) return ev('perpetrator', 2, `pro-${m.surface}`);
  if (NEGATED_PARTY_BEFORE.test(before)) return ev('rejected', 2, `not ${m.surface}`);
  // A post-posed speaker closes the sentence: ", a déclaré M. Wang", ", said the Chinese embassy".
  const measuresAgainst = MEASURES_AGAINST_BEFORE.test(before);
  const isTarget =
    !measuresAgainst &&
    (m.kind === 'group'
      ? /(?:against|targeting|contre|visant|ciblant)\s+(?:\S+\s+){0,3}$/.test(before)
      : TARGET_BEFORE.test(before) || (lang === 'fr' && TARGET_A_FR.test(before)));
  if (
    !verbAfter &&
    !isTarget &&
    (speakerBefore(POSTPOSED_BEFORE, terms, before, m.start) || speakerBefore(SPEECH_BEFORE, terms, before, m.start))
  )
    return ev('accuser', 3, `said ${m.surface}`);
  if (demonym && (ORG_AFTER_DEMONYM.test(after) || ORG_BEFORE_DEMONYM.test(before)) && !PERP_AFTER_DEMONYM.test(after))
    return ev('target', 1, `${m.surface} (nationality of a company or victim)`);
  if (
    speakerBefore(ACCORDING_TO_BEFORE, terms, before, m.start) ||
    (POUR_X_BEFORE.test(before) && /^[\s»"”]*,/.test(after))
  )
    return ev('accuser', 3, `according to ${m.surface}`);
  if (measuresAgainst) return ev('perpetrator', 3, `measures against ${m.surface}`);
  if (ATTRIBUTE_TO_BEFORE.test(before) && !GENERIC_AGENT_BEFORE.test(before))
    return ev('perpetrator', 3, `attributed to ${m.surface}`);
  if (UNIT_OF_BEFORE.test(before)) return ev('perpetrator', 3, `unit of ${m.surface}`);
  if (ATTRIBUTED_BY_TO_BEFORE.test(before)) return ev('perpetrator', 3, `attributed to ${m.surface}`);
  if (!demonym && CLAIM_SOURCE_BEFORE.test(before)) return ev('accuser', 1, `claims of ${m.surface}`);
  if (
    !demonym &&
    (/(?:the|la|le|les|l')\s+$/.test(before) ||
      /^\s+(?:accusations|allegations|indictments?|assessments?|attributions?)\b/.test(after)) &&
    NAME_CLAIM_AFTER.test(after)
  )
    return ev('accuser', 1, `${m.surface} claims`);
  if (CLAIM_CONTENT_BEFORE.test(before)) return ev('rejected', 2, `claims about ${m.surface}`);
  if (demonym && (CLAIM_AFTER_DEMONYM.test(after) || CLAIM_BEFORE_DEMONYM.test(before)))
    return ev('accuser', 1, `${m.surface} claims`);
  if (POSSESSIVE_CLAIM_AFTER.test(after)) return ev('accuser', 1, `${m.surface}'s claim`);
  if (demonym && (PERP_AFTER_DEMONYM.test(after) || PERP_BEFORE_DEMONYM.test(before))) {
    if (isTarget) return ev('target', 2, `target: ${m.surface}`);
    return ev('perpetrator', 3, `${m.surface} perpetrators`);
  }
  if (POSSESSIVE_PERP_AFTER.test(after) && !POSSESSIVE_ENTITY_AFTER.test(after) && m.kind !== 'organisation')
    return ev('perpetrator', 3, `${m.surface}'s operatives`);
  if (ORIGIN_BEFORE.test(before)) return ev('perpetrator', 3, `hackers from ${m.surface}`);
  if (ACCUSED_PASSIVE_AFTER.test(after) || ACCUSED_RELATIVE_AFTER.test(after))
    return ev('perpetrator', 3, `${m.surface} is accused`);
  if (REAL_CULPRIT_BEFORE.test(before)) return ev('perpetrator', 3, `cleft: the real culprit is ${m.surface}`);
  if (BEHIND_AFTER.test(after)) return ev('perpetrator', 3, `${m.surface} is behind`);
  if (CLEFT_BEFORE.test(before)) return ev('perpetrator', 2, `cleft: it is ${m.surface}`);
  if (LINK_SPECIFIC_BEFORE.test(before)) return ev('perpetrator', 3, `linked to ${m.surface}`);
  if (GENERIC_AGENT_BEFORE.test(before)) {
    // "by", "par": the source of a report or attribution, or the agent of an operation.
    if (SOURCE_BY_BEFORE.test(before)) return ev('accuser', 2, `by ${m.surface}`);
    if (opNear(f, m.start - 70, m.start)) return ev('perpetrator', 2, `by ${m.surface}`);
  }
  if (SOURCE_BY_BEFORE.test(before)) return ev('accuser', 2, `reported by ${m.surface}`);
  if (COPULA_PERP_AFTER.test(after)) return ev('perpetrator', 2, `${m.surface} is the hacker`);
  // "accused Beijing of hacking": the accusation must be about an operation, right after the object.
  if (
    ACCUSE_OBJECT_BEFORE.test(before) &&
    hasOperation &&
    (CYBER_AFTER_RE.test(after.slice(0, 90)) || !/^\s*(?:of|de|d'|for|pour|over|with)\b/.test(after))
  )
    return ev('perpetrator', 3, `accused ${m.surface}`);
  if (URGE_OBJECT_BEFORE.test(before) && STOP_AFTER.test(after) && CYBER_AFTER_RE.test(after.slice(0, 140)))
    return ev('perpetrator', 3, `urged ${m.surface} to stop`);

  // "The Russian embassy in London": the place of an organ of state, not a party.
  if (!demonym && ENTITY_IN_BEFORE.test(before)) return ev('target', 0, `${m.surface} (seat of an organ)`);

  // Victims and places.
  if (isTarget) return ev('target', 2, `target: ${m.surface}`);
  if (VICTIM_PASSIVE_AFTER.test(after) || VICTIM_VERB_AFTER.test(after))
    return ev('target', 2, `${m.surface} was targeted`);

  // A demonym or possessive on a state organ: the organ's verb decides.
  const entity =
    (demonym && (ENTITY_AFTER_DEMONYM.test(after) || ENTITY_BEFORE_DEMONYM.test(before))) ||
    POSSESSIVE_ENTITY_AFTER.test(after) ||
    (!demonym && ENTITY_OF_BEFORE.test(before)) ||
    m.kind === 'agency' ||
    m.kind === 'person';
  if (demonym && !entity) return ev('target', 1, `${m.surface} (qualifier)`);
  if (!entity && POSSESSIVE_AFTER.test(after)) return ev('target', 1, `${m.surface}'s (qualifier)`);

  const v = verbRoleAfter(terms, f, m.end);
  if (v.role === 'perpetrator') return ev(v.negated ? 'denier' : 'perpetrator', 2, `${m.surface} acts`);
  if (v.role === 'accuser' && m.kind !== 'group') return ev('accuser', 2, `${m.surface} says`);
  if (v.role === 'denier') return ev('denier', 2, `${m.surface} denies`);
  if (v.role === 'target') return ev('target', 2, `${m.surface} was targeted`);
  if (m.kind === 'group') return ev('perpetrator', 2, `group ${m.surface}`);
  if (m.kind === 'organisation') return ev('accuser', 1, `${m.surface} (organisation)`, true);
  return ev('unknown', 0, m.surface, entity);
}

/** Second pass: "Russia's GRU" and "the GRU's Unit 26165" share a role; "Iraq and Syria" share theirs. */
function propagate(roles: RoleEvidence[], f: string): void {
  for (let i = roles.length - 2; i >= 0; i--) {
    const r = roles[i] as RoleEvidence;
    const next = roles[i + 1] as RoleEvidence;
    const gap = f.slice(r.mention.end, next.mention.start);
    const chained = /^(?:'s?\s+(?:own\s+)?(?:[\p{L}-]+\s+){0,1}|\s+)$/u.test(gap);
    const sameActor =
      next.mention.kind !== 'organisation' && next.mention.kind !== 'group' && next.mention.state === r.mention.state;
    if (
      chained &&
      sameActor &&
      r.role !== next.role &&
      (r.strength < 3 || r.role === 'target') &&
      next.role !== 'unknown'
    ) {
      roles[i] = { ...r, role: next.role, strength: next.strength, reason: `${r.mention.surface} → ${next.reason}` };
    }
  }
  for (let i = 1; i < roles.length; i++) {
    const r = roles[i] as RoleEvidence;
    const prev = roles[i - 1] as RoleEvidence;
    const gap = f.slice(prev.mention.end, r.mention.start);
    const sameKind = (r.mention.kind === 'group') === (prev.mention.kind === 'group');
    if (
      COORDINATION_BEFORE.test(gap) &&
      sameKind &&
      (prev.role === 'target' || prev.role === 'accuser') &&
      r.strength <= 2
    ) {
      roles[i] = { ...r, role: prev.role, strength: prev.strength, reason: `${r.mention.surface} with ${prev.reason}` };
    }
  }
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
  'malware',
  'intrusion',
  'cyberattack',
  'hacking',
];

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
}

function byStrength(a: RoleEvidence, b: RoleEvidence): number {
  return b.strength - a.strength || a.mention.start - b.mention.start;
}

/** Cyber words in other senses: blanked out (same length) before the sentence is read. */
const OTHER_SENSES_RE = rx(
  words(
    'pirate party|parti pirate|pirates? (?:somali\\w*|des caraibes)|somali pirates|pirates of the caribbean|(?:software|video|music|film|movie) piracy|life ?hacks?|growth hack\\w*|hackathons?|hack days?|ethical hackers?|white[- ]hat hackers?|hackers? ethiques|bug bount\\w*|primes aux bogues',
  ),
  'gu',
);

/** Extract at most one allegation from a candidate sentence, or null. */
export function extractAllegation(input: ExtractInput): ExtractedAllegation | null {
  const { text, mentions, gazetteer, memory } = input;
  const f = fold(text).replace(OTHER_SENSES_RE, (m) => ' '.repeat(m.length));
  const ops = operations(f);
  const groupNamed = mentions.some((m) => m.kind === 'group');
  const hasOperation =
    ops.length > 0 ||
    (DENIAL_RE.test(f) && CLAIM_RE.test(f) && CYBER_CONTEXT_RE.test(f)) ||
    (GENERIC_ATTACK_RE.test(f) && (groupNamed || CYBER_CONTEXT_RE.test(f))) ||
    (groupNamed && GROUP_CONTEXT_RE.test(f));
  const speakerState = hasOperation ? resolveSpeaker(f, memory) : null;
  rememberSpeakers(text, mentions, gazetteer, memory);
  if (!hasOperation || mentions.length === 0) return null;
  const terms = typeof input.terms === 'function' ? input.terms() : input.terms;

  const roles = mentions.map((m) => roleOf(m, f, terms, hasOperation, input.lang));
  propagate(roles, f);
  const norm = (r: RoleEvidence) => gazetteer.normalise(r.mention.id);
  const isParty = (r: RoleEvidence) => r.mention.kind !== 'group' && r.mention.kind !== 'organisation';
  const afterPrep = (r: RoleEvidence) => PREP_BEFORE.test(f.slice(Math.max(0, r.mention.start - 30), r.mention.start));

  const perps = roles.filter((r) => r.role === 'perpetrator').sort(byStrength);
  let deniers = roles.filter((r) => r.role === 'denier').sort(byStrength);
  const rejected = roles.filter((r) => r.role === 'rejected').sort(byStrength);
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
    const subject =
      roles.find((r) => r.role === 'unknown' && isParty(r) && !afterPrep(r)) ??
      roles.find((r) => r.role === 'accuser' && r.strength >= 2 && isParty(r));
    if (subject !== undefined)
      deniers = [{ ...subject, role: 'denier', strength: 1, reason: `${subject.reason} denies` }];
  }

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

  if (blamedParty !== null && perp !== undefined && perpId !== null && perpId !== blamedParty && isParty(perp)) {
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
      const cleft = perp.reason.startsWith('cleft');
      if (
        accuser !== null &&
        accuser !== accused &&
        (strongCounter || cleft || (denial && counter) || ((counter || denial) && rejectedParty === accuser))
      )
        stance = 'counter_accusation';
      else if (strongCounter && accuser === null) stance = 'counter_accusation';
    }
  } else if (rejectedParty !== null) {
    accusedEv = rejected[0] as RoleEvidence;
    accused = rejectedParty;
    // A rejected claim with nobody denying it is a denial only when a denial is said, or the accused speaks.
    if (denial || counter || speaker === accused) {
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
  if (accusedEv === undefined || accused === null || accused === '') return null;
  if (accuser === accused) accuser = null;

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

/** For a denial, the party whose accusation is rejected: a source of claims, or another subject. */
function otherParty(
  roles: RoleEvidence[],
  accused: string,
  norm: (r: RoleEvidence) => string,
  afterPrep: (r: RoleEvidence) => boolean,
): string | null {
  const candidates = roles.filter((r) => norm(r) !== accused && r.mention.kind !== 'group');
  const source =
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

const TITLE_NAME = /(?:^|[\s(«"“])(?:m\.|mme|mr\.?|mrs\.?|ms\.?|monsieur|madame)\s+([\p{L}-]+)/u;
const SPOKES =
  /(?:le|la|the|du|de la|a)\s+porte-parole|the\s+spokes(?:person|man|woman)|le ministre|la ministre|the minister/;

/** The state of a speaker referred to by title ("M. Wang") or role ("le porte-parole"), from earlier sentences. */
function resolveSpeaker(f: string, memory: SpeakerMemory | undefined): string | null {
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
