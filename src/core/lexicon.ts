/**
 * Cue lexicons for English and French, written as RegExp sources over
 * *folded* text (lower case, no diacritics, straight apostrophes; see
 * text.ts). One place for every word list the detector reads.
 */
import type { Action } from './types';

/** Operation terms by kind of operation, most specific kinds first. */
/**
 * "had infected the phones of", "infectant les ordinateurs de": a verb phrase, not a noun (so what
 * follows "of" is the victim); its object starts with a determiner or a number ("700,000 infected
 * computers" is the clean-up, not the attack).
 */
export const MALWARE_INFECTION =
  'infect\\w* (?:the|their|its|his|her|thousands of|hundreds of|millions of|tens of thousands of|les|des|ses|leurs|plus de|[\\d.,]+) (?:[\\w-]+ ){0,3}?(?:iphones?|(?:smart)?phones?|telephones?|computers?|ordinateurs?|devices?|appareils?|servers?|serveurs?|networks?|reseaux|machines?)';

export const OPERATION_TERMS: ReadonlyArray<readonly [Action, string]> = [
  ['ransomware', 'ransomware\\w*|rancongiciels?|ransom|rancons?|extorsion'],
  ['ddos', 'ddos|d?dos attacks?|denial[- ]of[- ]service|deni de service|attaques? par deni'],
  [
    'phishing',
    '(?:spear[- ]?)?phish\\w*|impersonat\\w*|se (?:fait|faisait|faisaient|font) passer pour|usurp\\w*|pieg(?:er|eant|ent)|liens? pieges?|malicious links?|booby-trapped|hameconnage|courriels? pieges?|e-?mails? pieges?',
  ],
  [
    'data_theft',
    '(?:cyber|crypto(?:currency)?|digital)[- ]?(?:thefts?|heists?)|siphon\\w*(?: off)? (?:data|files|documents|secrets)|siphonn\\w* (?:des )?(?:donnees|fichiers|documents)|heists?|braquages? (?:numeriques?|informatiques?|de cryptomonnaies)|vols? (?:massifs? )?de (?:cryptomonnaies|cryptos?|bitcoins?|fonds)|(?:crypto(?:currency)?|bitcoin) (?:thefts?|heists?)|stole (?:[$\\d.,]+ (?:million|billion) )?(?:(?:in|worth of) )?(?:cryptocurrency|crypto|bitcoin)|vols? (?:massifs? )?de donnees|data thefts?|theft of (?:data|secrets|intellectual property)|exfiltr\\w*|stole|stolen|steal(?:s|ing)?|siphon\\w*|derob\\w*|fuites? de donnees|hack[- ]and[- ]leak|leak(?:ed|ing)? (?:e-?mails|documents|data)|vol(?:e|es|ee|ees|ent|aient|ait) (?:des |de |les )?(?:donnees|documents|secrets|informations)',
  ],
  [
    'espionage',
    'cyber[- ]?espion\\w*|espionage|espionnage|espionn\\w*|spying|spied|spies on|spy on|spyware|logiciels? espions?|cyber[- ]?spies|cyber[- ]?spy',
  ],
  [
    'surveillance',
    'ecoutes|interceptions?|intercepted communications|(?:mass|massive|vast|global|electronic|indiscriminate) surveillance|surveillance (?:electronique|de masse|campaigns?|operations?|programs?|programmes?)|campagnes? de surveillance|operations? de surveillance|cyber[- ]?surveillance|surveillance (?:de masse|massive|generalisee)|wiretap\\w*|ecoutes? (?:telephoniques|massives)',
  ],
  ['sabotage', 'cyber[- ]?sabotage|sabotag\\w*|wiper\\w*|destructive (?:attack|malware|cyber)\\w*'],
  [
    'malware',
    'malware\\w*|maliciels?|logiciels? malveillants?|codes? malveillants?|virus informatiques?|trojans?|chevaux de troie|cheval de troie|backdoors?|back doors?|portes? derobees?|botnets?|rootkits?|implants? (?:malveillants?)?|keyloggers?|notpetya|wannacry|stuxnet|industroyer|blackenergy|olympic destroyer|shadowpad|plugx|pegasus spyware|logiciel pegasus',
  ],
  [
    'intrusion',
    "(?:prendre|pris|prise|prenant|took|take|taken|taking|seized|gained) (?:le )?control(?:e)? (?:of|over|de|des|du)|took over|taken over|s'introdui\\w*|s'etai(?:t|ent) introdui\\w*|introdui\\w* (?:[\\w'-]+ ){0,4}?dans (?:les |le |la |ses |leurs )?(?:reseaux?|systemes?|serveurs?|messageries?|ordinateurs?)|intrusions?|breach(?:es|ed|ing)?|infiltr\\w*|penetrat(?:ed|ing|ion) (?:of )?(?:the |their |its )?(?:networks?|systems?|servers?)|broke into|break into|breaking into|gained access|(?:had|has|have|having|obtained) (?:\\w+ )?access to|prob(?:e|ed|ing) (?:the |their |its )?(?:networks?|systems?)|(?:a|ont|avait|aurait|auraient|avoir) compromis|compromettre|exploite\\w* (?:une |la |des |plusieurs )?(?:failles?|vulnerabilites?)|(?:a |ont |aurai(?:t|ent) |avoir )?(?:eu|obtenu|gagne) (?:un |l')?acces|acced(?:e|er|ent|ait|aient|ant)|tapp(?:ed|ing) into|taps into|unauthori[sz]ed access|acces non autorise|compromised|compromising|(?:supply[- ]chain|network|email|e-mail|systems?|server|account|data) compromise|zero[- ]day|exploit(?:ed|ing)? (?:a |the )?(?:flaw|vulnerabilit\\w*|zero)",
  ],
  [
    'cyberattack',
    'cyber[- ]?attaqu\\w*|cyber[- ]?attacks?|cyber[- ]?attacked|cyber[- ]?offensives?|offensive cyber\\w*|cyber[- ]?operations?|cyber[- ]?agression\\w*|cyber[- ]?assauts?|cyber[- ]?campa(?:ign|gne)s?|cyber[- ]?guerre|cyberwar\\w*|cyber[- ]?warfare|cyber[- ]?armes?|cyber[- ]?weapons?|cyber[- ]?arsenal|cyber[- ]?activit(?:y|ies)|cyber[- ]?activites?|activites? cyber|cyber[- ]?intrusions?|cyber[- ]?incidents?|attaques? (?:in)?formatiques?|attaques? numeriques?|attaques? cyber|agression (?:digitale|numerique)|moyens (?:informatiques|cyber)|knock(?:ed|s|ing)? (?:[\\w-]+ ){0,6}?offline|took (?:[\\w-]+ ){0,4}?offline|hors ligne|hors service|cyber[- ]?ingerence\\w*|ingerence numerique|(?:most|biggest|largest|greatest|main|top|principale?|plus grande?|premiere?) (?:[\\w-]+ ){0,3}?(?:cyber[- ]?(?:threats?|menaces?)|(?:threat|menace|source de risques?) (?:in|to|dans|pour) (?:le |the )?cyber\\w*)|cyber[- ]?armies|cyber[- ]?army|armee cyber|cyber[- ]?armee|defac(?:ed|ing|ement)\\w*|defigur\\w*|took down (?:the )?(?:websites?|sites?)|mis hors ligne',
  ],
  [
    'influence',
    "manipulation de l'information|information manipulation|influence operations?|operations? d'influence|faux comptes|fake (?:social[- ]media )?accounts|information wars?|guerre (?:de l')?information\\w*|guerre informationnelle|centres? de guerre informationnelle|comptes? (?:jetables|fictifs|inauthentiques)|inauthentic (?:accounts|behaviou?r)|comportements? inauthentiques?|troll farms?|fermes? a trolls|sites? clones?|cloned (?:news )?sites|ingerence numerique|election interference|ingerence electorale",
  ],
  [
    'hacking',
    'hack(?:s|ed|er|ers|ing)?|hacktivis\\w*|hackeurs?|cyber[- ]?pirat\\w*|pirat(?:e|es|age|ages|er|ee|ees|ent|ait|aient|erait|eraient|ant|eurs?)|cyber[- ]?criminels?|cyber[- ]?criminals?|cybercrim\\w*',
  ],
  ['malware', MALWARE_INFECTION],
];

/** Generic attack verbs: an operation only when the sentence is about cyber or names a group. */
export const GENERIC_ATTACK_VERBS =
  "(?:pris|prendre|prend|prennent|took|take|taken|seized?|gain(?:ed)?) (?:le )?control[e]? (?:of|de|du|des)|prise de controle|br(?:ought|ing|ings|inging) down|knock(?:ed|s|ing)? (?:[\\w'-]+ ){0,4}?offline|t(?:ook|aken?|aking) (?:[\\w'-]+ ){0,4}?offline|mis (?:[\\w'-]+ ){0,3}?hors (?:ligne|service)|mettre (?:[\\w'-]+ ){0,3}?hors (?:ligne|service)|crippl\\w*|paralys\\w*|paralyz\\w*|disabl\\w*|knock(?:ed|s|ing)? out|took down|taken down|ecout\\w*|tapped|tapping|target(?:s|ed|ing)?|attack(?:s|ed|ing)?|struck|hit|launch(?:es|ed|ing)?|carr(?:y|ies|ied|ying) out|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)|mount(?:s|ed|ing)?|orchestrat\\w*|perpetrat\\w*|deploy(?:s|ed|ing)?|infect(?:s|ed|ing)?|disrupt(?:s|ed|ing)?|hijack\\w*|wag(?:e|es|ed|ing)|lanc\\w*|mene|menent|mener|menait|menaient|menee|menees|menes|menons|menant|menerait|meneraient|men[ea]|attaqu\\w*|cibl(?:e|es|ee|ees|ent|ait|aient|er|ant)|vis(?:e|es|ee|ees|ent|ait|aient|er|ant)|orchestr\\w*|perpetr\\w*|commandit\\w*|deploy\\w*|utilis\\w*|s'en (?:prend|prennent|prenait|prenaient|est pris|sont pris)|behind|derriere|responsible for|responsables? de";

/** Nouns for perpetrators: a demonym on them names the accused ("Chinese hackers", "pirates russes"). */
export const PERPETRATOR_NOUNS =
  'hackers?|hackeurs?|hacking (?:groups?|teams?|crews?|outfits?|campaigns?|operations?)|cyber[- ]?(?:actors?|criminals?|spies|spy|army|armies|soldiers|operatives?|warriors?|gangs?|pirates?|espions?|criminels?|attaquants?|groups?|groupes?)|cyberpirates?|pirates?(?: informatiques)?|spies|espions?|cyberespions?|spy (?:rings?|networks?)|operatives?|agents?|threat (?:actors?|groups?)|apts?|(?:hacker |hacking |espionage |ransomware )?groups?|groupes?(?: de (?:pirates|hackers|cybercriminels))?|gangs?|crews?|nationals|ressortissants|officers|officiers|attackers?|attaquants?|perpetrators?|auteurs?|actors?|acteurs?|state actors?|acteurs? etatiques?|collectifs?|cyberattaques?|cyber[- ]?attacks?|cyber[- ]?attaques?|cyber[- ]?espion\\w*|cyber[- ]?operations?|cyber[- ]?operations?|espionage|espionnage|attaques? (?:informatiques?|numeriques?)|attaques?|attacks?|operations?|campaigns?|campagnes?|intrusions?|piratages?|hacks?|hacking|ransomware|malware|spyware|activit(?:y|ies)|activites?|involvement|implication|ingerence|interference|responsibility|responsabilite';

/**
 * Nouns for state organs: a demonym or possessive on them names an actor
 * whose role its verb decides ("Chinese foreign ministry said" → accuser,
 * "Russian military intelligence hacked" → perpetrator).
 */
export const ENTITY_NOUNS =
  "state television|state tv|state-run (?:television|media|news agency)|television d'etat|agence officielle|official news agency|units?|unites?|services|services speciaux|special services|security service|government|gouvernement|administration|officials?|authorities|autorites|ministry|ministere|minister|ministre|foreign ministry|foreign office|spokes(?:person|man|woman)|porte-parole|embassy|ambassade|ambassador|ambassadeur|envoys?|emissaires?|secretary|secretaire|security council|conseil de securite|diplomacy|diplomatie|diplomats?|diplomates?|prosecutors?|procureurs?|parquet|justice|responsables?|officiels?|dirigeants?|leaders?|leadership|lawmakers?|legislators?|mps|deputes?|parlementaires?|parliament|parlement|senators?|senateurs?|president|presidence|prime minister|premier ministre|chancellor|chancelier|regulators?|police|investigators?|enqueteurs?|counterparts?|homologues?|state media|medias? d'etat|agency|agencies|agences?|security services?|services? de securite|cybersecurity (?:agency|centre|center|officials?|authority)|cyber (?:agency|authority|command|directorate|centre|center|officials?)|agence (?:nationale )?de (?:la )?cybersecurite|centre (?:pour la|de) cybersecurite|intelligence(?: (?:services?|agenc(?:y|ies)|officials|community|chiefs?|directorate))?|renseignement|services? (?:de renseignement|secrets?)|spy (?:agenc(?:y|ies)|services?|chiefs?)|military|militaires?|army|armee|armed forces|forces armees|navy|regime|regime|state|etat|junta|national security council|state department|departement d'etat|justice department|department of justice|treasury|tresor|white house|maison blanche|mission|delegation|consulate|consulat|defen[cs]e ministry|ministere de la defense|directorate|directorat|direction|command|commandement|cyber command|bureau|conseil|council";

/** Nouns for a claim: a demonym or possessive on them names the accuser ("British accusations", "Beijing's claim"). */
export const CLAIM_NOUNS =
  'rhetorique|rhetoric|inventions?|fabrications?|mensonges?|propagande|propaganda|calomnies?|smears?|slanders?|lies|findings|conclusions|accusations?|allegations?|claims?|charges?|assessments?|indictments?|attributions?|reports?|affirmations?|soupcons?|mises? en cause|inculpations?|rapports?|accuses|blame|finger-pointing|narrative|statements?|declarations?|sanctions';

/** Claim nouns that are accusations (a subset of CLAIM_NOUNS): "the accusations", "ces allégations". */
export const ACCUSATION_NOUNS =
  'accusations?|allegations?|claims?|soupcons?|mises? en cause|smears?|calomnies?|slanders?|fabrications?|mensonges?|lies|finger-pointing|blame|attributions?|indictments?|inculpations?|affirmations?|assertions?|conclusions|findings|evidence|preuves?|propagande|propaganda|rumou?rs?|rumeurs?';

export const SPEECH_VERBS =
  "describ(?:e|es|ed|ing)|decri\\w*|promis|promet|promettent|vow(?:s|ed)|threaten(?:s|ed)|cuts?|sever(?:s|ed)|expel(?:s|led)|expuls\\w*|summon(?:s|ed)|convoqu\\w*|romp(?:t|ent)|suspect(?:s|ed)?|counter(?:s|ed)|call(?:s|ed)|dubb(?:s|ed)|brand(?:s|ed)|opened an investigation|launched an investigation|ouvert une enquete|enquete sur|probing|establish(?:ed|es)|etabli\\w*|determined|concluded|conclu|ironis\\w*|a lance|reagi\\w*|repliqu\\w*|respond(?:s|ed)?|replied|retort(?:s|ed)?|hit back|fired back|a repondu|repond\\w*|ont repondu|riposte\\w*|retorqu\\w*|a retorque|said|says|say|saying|told|tells|stated|states|added|adds|announced|announces|accus(?:e|es|ed|ing)|alleg(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|attribut(?:e|es|ed|ing)|charg(?:e|es|ed)|indict(?:s|ed)?|sanction(?:s|ed)|nam(?:e|es|ed) and sham\\w*|publicly named|identified|warn(?:s|ed)|reveal(?:s|ed)|report(?:s|ed)|confirm(?:s|ed)|conclud(?:e|es|ed)|believ(?:e|es|ed)|assess(?:es|ed)?|condemn(?:s|ed)|denounc(?:e|es|ed)|urg(?:e|es|ed)|called on|calls on|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|assert(?:s|ed)|wrote|writes|tweeted|posted|noted|insist(?:s|ed)|declared|disclos(?:e|es|ed)|expos(?:e|es|ed)|pointed the finger|points the finger|held responsible|holds responsible|traced|linked|tied|links|ties|according to|declare|declar(?:e|ent|ait)|a declare|ont declare|dit|disent|a dit|ont dit|affirm\\w*|indiqu\\w*|soulign\\w*|ajout\\w*|accus\\w*|denonc\\w*|condamn\\w*|attribu\\w*|imput\\w*|estim\\w*|assur\\w*|averti\\w*|avert\\w*|revel\\w*|annonc\\w*|confirm\\w*|exhort\\w*|appel\\w*|mis en cause|met en cause|mettent en cause|pointe du doigt|pointent du doigt|inculp\\w*|sanctionn\\w*|publi\\w*|rapport\\w*|selon|d'apres|poursuivi|precis\\w*|expliqu\\w*|martel\\w*|fustig\\w*|critiqu\\w*|reproch\\w*|soupconn\\w*|signal\\w*|juge|jugent|a juge|considere|considerent|a considere|tweete|ecrit|a ecrit|insist\\w*";

export const DENIAL_CUES =
  "russophob\\w*|(?:accusations?|allegations?|claims?|affirmations?)\\W+(?:[\\w-]+\\W+){0,4}?irresponsab\\w*|irresponsab\\w*\\W+(?:de la part d[\\w' -]{0,40}?)?(?:d'accuser|de mettre en cause)|irresponsible\\W{0,3}\\s(?:(?:of|for) [\\w ]{0,30}?)?to (?:accuse|blame|link|tie|attribute|point)|cooked up|concocted|(?:monte\\w*|fabrique\\w*|invente\\w*) de toutes pieces|(?:is|are|was) (?:firmly |resolutely )?against (?:hacking|cyber-?attacks?|all forms)|opposes? (?:all forms|hacking|cyber-?attacks?)|no connection|aucun lien|no link|no involvement|fantasm\\w*|fantasy|fantasies|delire\\w*|conspiracy theor\\w*|theories? du complot|far-fetched|tire\\w* par les cheveux|grotesque|ridicule\\w*|invention|are lies|des mensonges|not a shred of evidence|not a single (?:fact|piece of evidence|shred)|pas (?:la moindre|une seule) preuve|pas un seul (?:fait|element)|aucun (?:fait|element)|no proof|fiction|pure invention|fables?|farce|mascarade|propagand\\w*|fairy tales?|fabrications?|invent(?:ed|ions?)|nonsensical|slanderous|calomnieu\\w*|mensonges?|den(?:y|ies|ied|ying)|denials?(?![- ]of[- ]service)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|repudiat\\w*|rebut(?:s|ted)?|groundless|baseless|unfounded|without (?:any )?(?:basis|evidence|foundation)|smears?|slander\\w*|fabricat\\w*|false (?:accusations?|allegations?|claims?)|no evidence|nothing to do\\W{1,3}with|not involved|never (?:carried out|engaged|conducted|launched|been involved|sponsored|condoned|supported|tolerated|encouraged)|forbids|prohibits|n'a jamais (?:soutenu|encourage|tolere|parraine)|(?:firmly|strongly|resolutely) opposes?|does not engage|do not engage|did not engage|categorically|politically motivated|malicious (?:hype|speculation)|hyp(?:e|ing)|absurd|ridiculous|nonsense|\\bni(?:e|es|ent|er|ant)\\b|a nie|ont nie|dement\\w*|dementi\\w*|rejett\\w*|rejet\\w*|refut\\w*|infonde\\w*|sans (?:aucun )?fondement|denue\\w* de (?:tout )?fondement|calomni\\w*|diffam\\w*|mensong\\w*|n'(?:a|ont|avait|avaient|aura|auront|aurait) (?:jamais )?rien a voir|n'y (?:est|sont) pour rien|had no (?:part|role|hand)|(?:plays?|played) no (?:part|role)|no (?:part|role|hand) (?:in|whatsoever)|(?:denied|rejected|refused) any (?:role|part|involvement|responsibility)|nothing to hide|rien a cacher|(?:prove|show|demonstrate|prouver|demontrer) (?:its|their|son|leur) innocence|joint investigation|enquete (?:conjointe|commune)|commission d'enquete conjointe|(?:this|that|it) is not true|ce n'est pas vrai|c'est faux|neither (?:backs|supports|sponsors|condones|engages)|does not (?:allow|tolerate|condone|support) any|n'autorise aucune|interdit toute|had not, does not|does not conduct|has never conducted|ne mene pas|n'a jamais mene|aucune implication|toute implication|any involvement|not involved|pas impliquew*|aucune preuve|sans preuves?|s'oppose(?:nt)? fermement|fermement oppose\\w*|absurde\\w*|fantaisiste\\w*|pure invention|balay\\w*|brush(?:es|ed|ing)? (?:[\\w-]+ ){0,3}?aside|(?:swept|sweeping|sweeps) aside|contest\\w*|conteste\\w*|denonce (?:des|les) accusations|accusations? (?:sans fondement|infondees|gratuites|mensongeres)";

/**
 * The denials the page context reads on a cyber page (a short subset of DENIAL_CUES: the content
 * script compiles it, and the full list costs the page tens of milliseconds).
 */
export const DENIAL_CONTEXT_CUES =
  'den(?:y|ies|ied|ying)|denials?|reject(?:s|ed)?|dismiss(?:es|ed)?|refut\\w*|baseless|groundless|unfounded|fabricat\\w*|smears?|nothing to do|joint investigation|dement\\w*|rejet\\w*|infonde\\w*|sans fondement|calomni\\w*|mensong\\w*|rien a voir|enquete (?:conjointe|commune)|balay\\w*|not true|no link|pas vrai|aucun lien';

export const COUNTER_CUES =
  "for its part|for their part|in turn|de son cote|de leur cote|pour sa part|quant a (?:elle|lui)|responded by accusing|a riposte en|a replique en|lectur\\w*|moral grounds|donner des lecons|feraient mieux|ferait mieux|would do better|balayer devant|mal place\\w*|responding to|in response to|en reponse (?:a|aux)|repondant (?:a|aux)|hit back|fired back|culprit|chief culprit|principal coupable|itself|themselves|eux-memes|elle-meme|lui-meme|so-called|pretendu\\w*|soi-disant|the real|the true|real (?:hacker|threat|culprit)|biggest hack\\w*|largest hack\\w*|hacker empire|hacking empire|empire of hack\\w*|(?:biggest|largest|greatest|number one|no\\. 1|top) (?:source|threat|perpetrator|cyber)\\w*|world's (?:biggest|largest|greatest)|itself (?:is|has|was|conducts|carries)|themselves|hypocri\\w*|double standards?|in fact|turn(?:s|ed)? the tables|retort\\w*|hit back|hits back|fired back|fires back|counter-?accus\\w*|in return|pot calling|le veritable|la veritable|les veritables|veritable (?:empire|menace|pirate)|le plus grand|la plus grande|les plus grands|premier pirate|premiere source|empire (?:du|de) (?:piratage|hack\\w*)|en realite|c'est plutot|ce sont plutot|eux-memes|elle-meme|lui-meme|hypocrisie|hypocrite\\w*|deux poids|retorqu\\w*|ripost\\w*|renvoy\\w* (?:l'accusation|la balle|les accusations)|en retour|contre-accus\\w*|a son tour|accuse en retour";

export const HEDGE_CUES =
  '(?:a|ont|aurai(?:t|ent)) pu|pu etre|alleged(?:ly)?|reportedly|suspected|suspect(?:s)?|believed to|thought to|likely|probably|possibly|may have|might have|could have|may be|might be|appears? to|apparently|purported(?:ly)?|presumed|presumably|potentially|said to (?:be|have)|is said to|are said to|seemingly|unconfirmed|aurai(?:t|ent)|serai(?:t|ent)|pourrai(?:t|ent)|presume\\w*|soupconne\\w*|suppose\\w*|pretendu\\w*|probablement|vraisemblablement|potentiellement|possiblement|apparemment|semble(?:nt|rait|raient)?|visiblement';

/** Prepositions and participles that introduce a target. */
export const TARGET_CUES =
  "against|targeting|targetting|aimed at|victims? (?:in|of)|(?:cyber-?)?(?:attacks?|raids?|assaults?|campaigns?|operations?|espionage|spying|hacks?|hacking|breach(?:es)?|intrusions?|compromise|infiltration) (?:on|of|into|in)|(?<!(?:investigations?|inquir(?:y|ies)|probes?|probing|look(?:s|ed|ing)?|delv(?:e|es|ed|ing)) )into|contre|visant|ciblant|ayant vise|chez|a l'encontre (?:de|du|des)|aupres (?:de|du|des)|(?:piratages?|intrusions?|infiltrations?|espionnage) (?:de|du|des|dans)";

/** Constructions that put the following actor in the perpetrator's seat. */
export const LINK_CUES =
  "works? for|worked for|working for|travaill\\w* pour|depend\\w* (?:de|du|des)|attached to|belongs? to|belonging to|appartien\\w* (?:a|au|aux)|venue?s? (?:de|d'|du)|hallmarks of|(?:porte|portent|portait) (?:\\w+ )?la signature (?:de|du|des)|signature (?:de|du|des)|marque de fabrique (?:de|du|des)|l'ouvre|rapproch\\w* (?:de|du|des|d')|links? (?:it |them )?to|relie\\w* (?:a|au|aux)|rattache\\w* (?:a|au|aux)|steered by|overseen by|supervised by|guided by|pilote\\w* par|dirige\\w* par|controle\\w* par|(?:a|une) (?:front|facade|cover|proxy) for|faux-nez (?:de|du|des)|(?:a |une )?facade (?:de|du|des|pour)|paravent (?:de|du|des)|part of|partie (?:de|du|des)|arm of|bras arme (?:de|du|des)|emanation (?:de|du|des)|(?:unit|units|branch|division|team|arm) of|unites? (?:\\d+ )?(?:de|du|des)|branche (?:de|du|des)|the work of|proviennent|provient|provenant|provenaient|en provenance|originat(?:e|es|ed|ing) from|originaires?|coming from|came from|come from|emanant|emanaient|launched from|lancees? depuis|menees? depuis|close to|with ties to|on the payroll of|linked to|tied to|connected to|affiliated with|affiliated to|associated with|backed by|sponsored by|supported by|directed by|controlled by|run by|operated by|working for|acting for|acting on behalf of|on behalf of|on the orders of|at the behest of|in the pay of|attributed to|blamed on|pinned on|traced (?:back )?to|carried out by|conducted by|orchestrated by|perpetrated by|launched by|mounted by|staged by|committed by|by|lie(?:e|es|s)? a|lie(?:e|es|s)? au|lie(?:e|es|s)? aux|soutenu(?:e|es|s)? par|parraine\\w* par|commandite\\w* par|pour le compte (?:de|du|des)|au service (?:de|du|des)|affilie\\w* a|affilie\\w* au|proches? (?:de|du|des)|attribue\\w* a|attribue\\w* au|attribue\\w* aux|imput\\w* a|imput\\w* au|impute\\w* aux|menee?s? par|perpetre\\w* par|orchestre\\w* par|lance\\w* par|conduite?s? par|realise\\w* par|revendique\\w* par|par|exfiltre\\w* vers";

/** Hyphenated suffixes: "China-linked", "Kremlin-backed", "Iran-nexus". */
export const LINK_SUFFIXES =
  'linked|backed|sponsored|affiliated|aligned|nexus|based|connected|controlled|directed|supported|funded|run|allied|origin';

/** Defensive or neutral verbs whose subject is not a perpetrator. */
export const DEFENSIVE_CUES =
  'strengthen\\w*|bolster\\w*|protect\\w*|defend\\w*|defen[cs]e|patch\\w*|fix(?:es|ed)?|invest\\w*|cooperat\\w*|renforc\\w*|proteg\\w*|protect\\w*|defend\\w*|cyberdefense|cyber-defense|cooper\\w*|sensibilis\\w*|norms?|normes|responsible (?:state )?behaviou?r|comportement responsable|victims?|victimes?|was hit|were hit|a ete (?:visee?|ciblee?|touchee?|attaquee?|piratee?)|ont ete (?:visee?s|ciblee?s|touchee?s|attaquee?s|piratee?s)';

/** Cues that make an accusation a counter-accusation on their own: the speaker answers an accusation by blaming back. */
export const STRONG_COUNTER_CUES =
  "(?:bien )?au contraire|on the contrary|(?:servir|servaient|servait|sert|servent|visent|vise|visait) a masquer|pour masquer (?:ses|leurs) propres|to (?:mask|cover up|hide) (?:its|their) own|(?:kingpin|ringleader|godfather|chef de file|parrain) (?:of|du|de la|des) (?:cyber[- ]?crim\\w*|hack\\w*|pirat\\w*|cyber\\w*)|countered|counters|countering|(?:true|real|veritable|vrai|vraie) (?:kingdom|empire|champion|king|source|culprit|perpetrator|hacker|pirate|royaume|roi|coupable)s?|champions? (?:of|du|de la|des) (?:monde (?:des|du) )?(?:hacking|piratage|cyberattaques|wiretapping|ecoutes|surveillance)|catch the (?:burglar|thief)|au voleur|turn(?:s|ed)? the charge around|renvers\\w* l'accusation|loin de (?:reconnaitre|se defendre|admettre|s'excuser)|contre-attaqu\\w*|(?:the )?(?:world's )?(?:first|number one|no\\. ?1|top) hackers?(?: (?:of|in) the world)?|premier pirate du monde|(?:asked|questioned) about (?:the )?(?:[\\w-]+ )?(?:allegations|accusations|claims|charges)|interroge\\w* sur (?:les )?(?:accusations|allegations)|rather than answer\\w*|plutot que de repondre|au lieu de repondre|(?:apres|after) (?:les |the )?(?:[\\w-]+ )?(?:accusations|allegations|charges)|hours after|days after|renvoy\\w* la balle|renvoie la balle|turned the accusation around|turn(?:s|ed)? (?:the accusation|it) around|retourne\\w* l'accusation|repliqu\\w*|a replique|for its part|for their part|in turn|de son cote|de leur cote|pour sa part|en retour|a son tour|responded by accusing|a riposte en|a replique en|hacker empire|hacking empire|empire of hack\\w*|empire (?:du|de) (?:piratage|hack\\w*)|the real (?:hacker|threat|culprit|empire)|le veritable|la veritable|les veritables|veritable (?:empire|menace|pirate)|(?:biggest|largest|greatest|worst) (?:hacker|perpetrator)s?|(?:the world's|du monde|de la planete) (?:biggest|largest|greatest|worst|plus grand) (?:hacker|source|threat|menace|pirate)\\w*|le plus grand (?:pirate|hacker|empire)\\w*|premier pirate|premiere source|chief culprit|principal coupable|counter-?accus\\w*|contre-accus\\w*|turn(?:s|ed)? the tables|retorted|retorqu\\w*|hit back|fired back|riposte\\w* en accusant|plutot que d'accuser|au lieu d'accuser|au lieu de pointer|instead of (?:accusing|blaming|pointing)|rather than (?:accusing|blaming)|hypocri\\w*|double standards?|deux poids|(?:in response to|responding to|en reponse aux?|repondant aux?) (?:\\S+ ){0,3}(?:accusations?|allegations?|claims?|charges?)|retourn\\w* l'accusation|renvo\\w* l'accusation|feraient mieux|ferait mieux|would do better|balayer devant|mal place\\w*|donner des lecons|lectur\\w*|moral grounds|no moral";

/**
 * Nouns for an operation that say nothing of cyber on their own ("the attack",
 * "l'affaire"): an operation when the sentence names an incident, a group or
 * cyber things, or when its article is about cyber operations.
 */
export const GENERIC_OPERATION_NOUNS =
  'modes? operatoires?|modus operandi|attacks?|attaques?|hacks?|heists?|breach(?:es)?|incidents?|intrusions?|outages?|pannes?|compromise|leaks?|fuites?|affair|affaire|operations?|campaigns?|campagnes?|piratages?|raids?|assauts?|offensives?|sabotages?|provocations?|aggression|agression|agissements|activit(?:y|ies)|activites?';

/**
 * Intelligence and military units whose attributed deeds in this news are cyber operations. By id:
 * a sentence that blames or defends one of them is about an operation even with no cyber word
 * ("Britain named the GRU as the culprit"); the FSB and police services are left out. By name, as
 * written and with their case: the prefilter's leads ("impute au GRU l'attaque").
 */
export const CYBER_UNIT_IDS: readonly string[] = [
  'GRU',
  'GRU Unit 26165',
  'GRU Unit 74455',
  'GRU Unit 29155',
  'SVR',
  'MSS',
  'PLA Unit 61398',
  'PLA Unit 61486',
  'PLA Strategic Support Force',
  'PLA Cyberspace Force',
  'RGB',
  'IRGC-CEC',
  'NSA',
  'TAO',
  'USCYBERCOM',
  'GCHQ',
  'National Cyber Force',
  'Unit 8200',
];
export const CYBER_UNIT_NAMES: readonly string[] = [
  'GRU',
  'SVR',
  'FSB',
  'MSS',
  'NSA',
  'GCHQ',
  'RGB',
  'IRGC',
  'TAO',
  'Unit 8200',
  'Unit 61398',
  'Unit 26165',
  'Unit 74455',
];

/** Cyber incidents, operations and malware known by a name that needs no other cyber word. */
export const INCIDENT_NAMES =
  'solarwinds|sunburst|notpetya|not-petya|wannacry|wanna ?cry|stuxnet|ka-sat|moveit|industroyer2?|crashoverride|olympic destroyer|blackenergy|shamoon|colonial pipeline|kaseya|bybit|macron ?leaks|moldova ?leaks|cloud hopper|operation aurora|proxylogon|eternalblue|ghostnet|bad rabbit|triton malware|trisis|pegasus|doppelganger|portal kombat|secondary infektion|spamouflage|coathanger';

/**
 * Victims or places that name a cyber incident in the press ("the Sony hack",
 * "l'attaque contre TV5Monde"): they make a generic operation noun a cyber one.
 */
export const INCIDENT_VICTIMS =
  "sony(?: pictures)?|bundestag|electoral commission|commission electorale|tv5 ?monde|viasat|dnc|democratic national committee|opm|office of personnel management|equifax|marriott|starwood|change healthcare|synnovis|british library|maersk|northwestern polytechnical(?: university)?|universite polytechnique du nord-ouest|asian winter games|jeux asiatiques d'hiver|bangladesh bank|banque centrale du bangladesh|(?:microsoft )?exchange server|exchange servers|corbeil-essonnes|ukrenergo|kyivstar|ipac|anthem|yahoo|ronin network|harmony bridge|axie infinity|coincheck|wazirx|dmm bitcoin|nobitex|aramco|saudi aramco|natanz";

/**
 * Words of attribution: after a sentence about an operation they make an
 * allegation of a sentence with no cyber word ("The outage crippled the
 * ministry. Officials blamed Moscow.").
 */
export const ATTRIBUTION_CUES =
  "la main (?:de|du|des)|the hand of|rapproch\\w* (?:de|du|des|d')|a l'origine|at the origin|blam\\w*|accus\\w*|attribut\\w*|attribu\\w*|imput\\w*|culprits?|coupables?|behind|derriere|responsib\\w*|responsables?|to blame|pointed the finger|points the finger|pointe du doigt|pointent du doigt|montre\\w* du doigt|suspect\\w*|soupconn\\w*|handiwork|hallmarks?|fingerprints?|signature|tied to|linked to|traced|lie(?:e|es|s)? (?:a|au|aux)|mis en cause|met en cause|mettent en cause|perpetrators?|auteurs?|orchestrat\\w*|orchestr\\w*|commanditaires?|sponsored|parraine\\w*|the work of|l'ouvre";

/** Words of physical violence: a generic "attack" next to them is not a cyber operation. */
export const KINETIC_CUES =
  'missiles?|leaflets?|tracts?|balloons?|ballons?|warships?|navires? de guerre|frigates?|fregates?|rockets?|roquettes?|drones?|bombs?|bombes?|bombing|bombardements?|air ?strikes?|frappes?|shelling|artillery|artillerie|troops|troupes|soldiers|soldats|(?<!think )tanks?|chars|gunm[ae]n|shooting|fusillade|knife|couteau|stabbing|poison\\w*|empoisonn\\w*|nerve agent|novichok|chemical weapons?|armes? chimiques?|terror\\w*|terroris\\w*|suicide|explosions?|explosives?|blasts?|arson\\w*|incendi\\w*|assassinat\\w*|assassination|murder|meurtre|pipeline explosion|nord stream';

/**
 * A malware family, a gang or an incident described, not blamed: what it is,
 * when it appeared, how it works, what it cost, how it got its name.
 */
export const DESCRIPTION_CUES =
  "(?:signed up|volunteers?|volontaires?|recrut\\w*|recruit\\w*) (?:[\\w'-]+ ){0,4}?(?:to|for|pour|a|au|dans)|(?:(?:is|was|est|etait|as|comme|d'abord|first) |(?<=, ))(?:a|an|un|une|the|le|la)? ?(?:[\\w-]+ ){0,3}?(?:strain|family|variant|piece of malware|trojan|botnet|backdoor|worm|loader|stealer|infostealer|wiper|rootkit|franchise|souche|famille|variante|cheval de troie|porte derobee|ver)(?![\\p{L}])|started (?:life|out) as|a commence comme|est devenu\\w*|became (?:a|an|the)|first (?:seen|spotted|appeared|documented)|apparu(?:e)? (?:en|il y a)|appeared in|discovered in|decouvert(?:e)? en|written in|ecrit en|named after|tire son nom|le nom de|operated as|operates as|fonctionne comme|functioned as|evolved into|s'est transforme\\w*|insurers?|assureurs?|insurance|kill ?switch|coupe-circuit|programming language|langage de programmation";

/** Enforcement against a group or its members: arrests and seizures are not attributions. */
export const ENFORCEMENT_CUES =
  "polices? (?:europeennes?|allemandes?|neerlandaises?|francaises?)|(?:european|german|dutch|french) police|arrest\\w*|seiz\\w*|searched|raid(?:s|ed)?|dismantl\\w*|takedown|extradit\\w*|interpell\\w*|perquisition\\w*|saisi\\w*|demantel\\w*|mise hors service|mandats? d'arret|arrete\\w*|arrestations?|coup de filet|operation (?:cronos|endgame|duck hunt)|sinkhol\\w*";
