/**
 * State organs relevant to cyber attribution and cyber operations. Each one
 * resolves to its state (`state`, ISO alpha-2).
 *
 * - Only forms that identify the state on their own are listed. Generic forms
 *   ("the foreign ministry", "Ministry of Public Security", "Foreign
 *   Intelligence Service", "Security Service") are left to the detector, which
 *   combines a demonym with the noun ("Chinese foreign ministry").
 * - Acronyms shared by several countries get distinct ids; the bare acronym
 *   goes to the body that news overwhelmingly means: plain "NCSC" → UK (the US
 *   National Counterintelligence and Security Center, the Irish and the former
 *   Swiss and New Zealand NCSCs are not given the bare form).
 * - Acronyms that are ambiguous only in one language are put in that
 *   language's `names` instead of the language-neutral `aliases` (e.g. "CSE"
 *   is English-only because in French it usually means "comité social et
 *   économique").
 *
 * RISKY forms kept on purpose (the detector must use context):
 * - "Department of Justice" / "Justice Department", "Department of State":
 *   other countries have bodies with these names, but in cyber news they are
 *   almost always the US ones.
 * - "Sûreté de l'État" (Belgian VSSE): in France "atteinte à la sûreté de
 *   l'État" is a generic legal phrase.
 * - "RGB" (also the colour model), "CCB" (also China Construction Bank), "NIS"
 *   (also the EU NIS / NIS2 directives), "BSI" (also the British Standards
 *   Institution), "ASD", "NCA", "Ministry of State Security" (North Korea also
 *   has one; news mostly means China's).
 * Left out: "CSIS" (clashes with the US think tank CSIS, often cited in cyber
 * news), "CST" (time zone), bare "Treasury" (HM Treasury), bare "Foreign
 * Office", bare "Cyber Command", "Ministry of Public Security" (China and
 * Vietnam), "Main Intelligence Directorate" (GRU and Ukraine's HUR).
 */
import type { ActorRecord } from './types';

interface AgencySpec {
  en: string[];
  fr?: string[];
  aliases?: string[];
}

function ag(id: string, state: string, s: AgencySpec): ActorRecord {
  const record: ActorRecord = {
    id,
    kind: 'agency',
    state,
    names: { en: s.en, fr: s.fr ?? [] },
    source: 'builtin',
  };
  if (s.aliases && s.aliases.length > 0) record.aliases = s.aliases;
  return record;
}

export const AGENCIES: ActorRecord[] = [
  // ---- United States ----
  ag('NSA', 'US', {
    en: ['National Security Agency'],
    fr: ['Agence nationale de la sécurité', 'National Security Agency'],
    aliases: ['NSA'],
  }),
  ag('TAO', 'US', {
    en: ['Tailored Access Operations', 'Office of Tailored Access Operations', 'NSA TAO'],
    fr: ['Tailored Access Operations'],
    aliases: ['TAO'],
  }),
  ag('CIA', 'US', {
    en: ['Central Intelligence Agency'],
    fr: ['Agence centrale de renseignement', 'Central Intelligence Agency'],
    aliases: ['CIA'],
  }),
  ag('FBI', 'US', {
    en: ['Federal Bureau of Investigation'],
    fr: ["Bureau fédéral d'enquête", 'Federal Bureau of Investigation'],
    aliases: ['FBI'],
  }),
  ag('CISA', 'US', {
    en: ['Cybersecurity and Infrastructure Security Agency'],
    fr: [
      'Agence de cybersécurité et de sécurité des infrastructures',
      'Cybersecurity and Infrastructure Security Agency',
    ],
    aliases: ['CISA'],
  }),
  ag('USCYBERCOM', 'US', {
    en: ['US Cyber Command', 'U.S. Cyber Command', 'United States Cyber Command'],
    fr: ['Cyber Command américain', 'commandement cyber américain', 'US Cyber Command'],
    aliases: ['USCYBERCOM', 'CYBERCOM'],
  }),
  ag('DOJ', 'US', {
    en: [
      'Department of Justice',
      'Justice Department',
      'US Department of Justice',
      'U.S. Department of Justice',
      'US Justice Department',
      'U.S. Justice Department',
    ],
    fr: ['ministère américain de la Justice', 'département de la Justice', 'département américain de la Justice'],
    aliases: ['DOJ', 'DoJ'],
  }),
  ag('State Department', 'US', {
    en: ['State Department', 'Department of State', 'US State Department', 'U.S. State Department'],
    fr: [
      "Département d'État",
      "Département d'Etat",
      "département d'État",
      "département d'Etat",
      "département d'État américain",
    ],
  }),
  ag('US Treasury', 'US', {
    en: [
      'US Treasury',
      'U.S. Treasury',
      'Treasury Department',
      'US Treasury Department',
      'U.S. Treasury Department',
      'Department of the Treasury',
    ],
    fr: ['Trésor américain', 'département du Trésor', 'département américain du Trésor'],
  }),
  ag('OFAC', 'US', {
    en: ['Office of Foreign Assets Control'],
    fr: ['Office of Foreign Assets Control'],
    aliases: ['OFAC'],
  }),
  ag('Pentagon', 'US', {
    en: [
      'Pentagon',
      'Department of Defense',
      'US Department of Defense',
      'U.S. Department of Defense',
      'Defense Department',
      'Department of War',
    ],
    fr: ['Pentagone', 'département de la Défense', 'département américain de la Défense'],
    aliases: ['DoD', 'DOD'],
  }),
  ag('ODNI', 'US', {
    en: ['Office of the Director of National Intelligence', 'Director of National Intelligence'],
    aliases: ['ODNI'],
  }),
  ag('DHS', 'US', {
    en: ['Department of Homeland Security', 'Homeland Security Department'],
    fr: ['département de la Sécurité intérieure'],
    aliases: ['DHS'],
  }),

  // ---- Russia ----
  ag('GRU', 'RU', {
    // Not the bare "Main Intelligence Directorate" / "Direction principale du
    // renseignement": the press also uses them for Ukraine's HUR.
    en: [
      'Main Directorate of the General Staff',
      'Main Intelligence Directorate of the General Staff',
      'Main Directorate of the General Staff of the Armed Forces of the Russian Federation',
    ],
    aliases: ['GRU'],
  }),
  ag('GRU Unit 26165', 'RU', {
    en: ['Unit 26165', 'GRU Unit 26165', 'Military Unit 26165', '85th Main Special Service Center', '85th GTsSS'],
    fr: ['unité 26165'],
  }),
  ag('GRU Unit 74455', 'RU', {
    en: ['Unit 74455', 'GRU Unit 74455', 'Military Unit 74455', 'Main Center for Special Technologies', 'GTsST'],
    fr: ['unité 74455'],
  }),
  ag('GRU Unit 29155', 'RU', {
    en: ['Unit 29155', 'GRU Unit 29155', 'Military Unit 29155'],
    fr: ['unité 29155'],
  }),
  ag('SVR', 'RU', {
    en: ['Foreign Intelligence Service of the Russian Federation', 'Russian Foreign Intelligence Service'],
    fr: ['Service de renseignement extérieur de la Fédération de Russie', 'service de renseignement extérieur russe'],
    aliases: ['SVR', 'SVR RF'],
  }),
  ag('FSB', 'RU', {
    en: ['Federal Security Service', 'Federal Security Service of the Russian Federation'],
    fr: ['Service fédéral de sécurité', 'Service fédéral de sécurité de la Fédération de Russie'],
    aliases: ['FSB', 'FSB Center 16', 'FSB Centre 16', 'FSB Center 18', 'FSB Centre 18'],
  }),

  // ---- China ----
  ag('MSS', 'CN', {
    en: ['Ministry of State Security'],
    fr: ["ministère de la Sécurité d'État", "ministère de la Sécurité de l'État"],
    aliases: ['MSS', 'Guoanbu'],
  }),
  ag('Hubei State Security Department', 'CN', {
    en: ['Hubei State Security Department', 'Hubei SSD'],
  }),
  ag('Hainan State Security Department', 'CN', {
    en: ['Hainan State Security Department', 'Hainan SSD'],
  }),
  ag('PLA', 'CN', {
    en: ["People's Liberation Army"],
    fr: ['Armée populaire de libération'],
    aliases: ['PLA', 'APL'],
  }),
  ag('PLA Unit 61398', 'CN', {
    en: ['Unit 61398', 'PLA Unit 61398'],
    fr: ['unité 61398'],
  }),
  ag('PLA Unit 61486', 'CN', {
    en: ['Unit 61486', 'PLA Unit 61486'],
    fr: ['unité 61486'],
  }),
  ag('PLA Strategic Support Force', 'CN', {
    en: ['PLA Strategic Support Force', 'Strategic Support Force'],
    fr: ['Force de soutien stratégique'],
    aliases: ['PLASSF'],
  }),
  ag('PLA Cyberspace Force', 'CN', {
    en: ['PLA Cyberspace Force'],
  }),
  ag('CNCERT', 'CN', {
    en: ['National Computer Network Emergency Response Technical Team/Coordination Center of China'],
    aliases: ['CNCERT', 'CNCERT/CC'],
  }),
  ag('CVERC', 'CN', {
    en: ['National Computer Virus Emergency Response Center', 'National Computer Virus Emergency Response Centre'],
    aliases: ['CVERC'],
  }),
  ag('Cyberspace Administration of China', 'CN', {
    en: ['Cyberspace Administration of China'],
    fr: ['Cyberspace Administration of China'],
  }),

  // ---- North Korea ----
  ag('RGB', 'KP', {
    en: ['Reconnaissance General Bureau'],
    fr: ['Bureau général de reconnaissance'],
    aliases: ['RGB'],
  }),

  // ---- Iran ----
  ag('IRGC', 'IR', {
    en: [
      'Islamic Revolutionary Guard Corps',
      'Revolutionary Guard Corps',
      'Revolutionary Guards',
      'Revolutionary Guard',
    ],
    fr: [
      'Corps des gardiens de la révolution islamique',
      'Gardiens de la révolution',
      'Gardiens de la révolution islamique',
      'pasdaran',
      'pasdarans',
    ],
    aliases: ['IRGC', 'CGRI'],
  }),
  ag('IRGC-CEC', 'IR', {
    en: ['IRGC Cyber-Electronic Command', 'IRGC Cyber Electronic Command', 'Cyber-Electronic Command'],
    aliases: ['IRGC-CEC'],
  }),
  ag('MOIS', 'IR', {
    en: ['Ministry of Intelligence and Security'],
    aliases: ['MOIS'],
  }),

  // ---- Israel ----
  ag('Unit 8200', 'IL', {
    en: ['Unit 8200'],
    fr: ['unité 8200'],
  }),
  ag('Mossad', 'IL', {
    en: ['Mossad'],
    fr: ['Mossad'],
  }),
  ag('Shin Bet', 'IL', {
    en: ['Shin Bet', 'Shabak', 'Israel Security Agency'],
    fr: ['Shin Bet', 'Shabak'],
  }),
  ag('INCD', 'IL', {
    en: ['Israel National Cyber Directorate'],
    aliases: ['INCD'],
  }),
  ag('IDF', 'IL', {
    en: ['Israel Defense Forces', 'Israeli Defense Forces'],
    fr: ['Tsahal', "Forces de défense d'Israël"],
    aliases: ['IDF'],
  }),

  // ---- United Kingdom ----
  ag('GCHQ', 'GB', {
    en: ['Government Communications Headquarters'],
    fr: ['Government Communications Headquarters'],
    aliases: ['GCHQ'],
  }),
  ag('NCSC-UK', 'GB', {
    en: ['National Cyber Security Centre', 'UK National Cyber Security Centre'],
    fr: ['National Cyber Security Centre'],
    aliases: ['NCSC', 'NCSC-UK', 'NCSC UK'],
  }),
  ag('National Cyber Force', 'GB', {
    en: ['National Cyber Force'],
  }),
  ag('MI6', 'GB', {
    en: ['Secret Intelligence Service'],
    aliases: ['MI6'],
  }),
  ag('MI5', 'GB', {
    en: ['MI5'],
    fr: ['MI5'],
  }),
  ag('FCDO', 'GB', {
    en: ['Foreign, Commonwealth and Development Office', 'Foreign, Commonwealth & Development Office'],
    aliases: ['FCDO'],
  }),
  ag('NCA', 'GB', {
    en: ['National Crime Agency'],
    aliases: ['NCA'],
  }),

  // ---- France ----
  ag('ANSSI', 'FR', {
    en: ['National Cybersecurity Agency of France'],
    fr: ["Agence nationale de la sécurité des systèmes d'information"],
    aliases: ['ANSSI', 'Anssi', 'CERT-FR'],
  }),
  ag('DGSE', 'FR', {
    en: ['General Directorate for External Security'],
    fr: ['Direction générale de la sécurité extérieure'],
    aliases: ['DGSE'],
  }),
  ag('DGSI', 'FR', {
    en: ['General Directorate for Internal Security'],
    fr: ['Direction générale de la sécurité intérieure'],
    aliases: ['DGSI'],
  }),
  ag('Viginum', 'FR', {
    en: ['Viginum'],
    fr: ['Viginum', 'Service de vigilance et de protection contre les ingérences numériques étrangères'],
  }),
  ag('ComCyber', 'FR', {
    en: ['ComCyber'],
    fr: ['Commandement de la cyberdéfense', 'ComCyber'],
  }),
  ag("Quai d'Orsay", 'FR', {
    en: ["Quai d'Orsay", 'Ministry for Europe and Foreign Affairs'],
    fr: ["Quai d'Orsay", "ministère de l'Europe et des Affaires étrangères"],
  }),

  // ---- Belgium ----
  ag('CCB', 'BE', {
    en: ['Centre for Cybersecurity Belgium'],
    fr: ['Centre pour la cybersécurité Belgique'],
    aliases: ['CCB', 'Centrum voor Cybersecurity België'],
  }),
  ag('VSSE', 'BE', {
    en: ['Belgian State Security Service'],
    fr: ["Sûreté de l'État", "Sûreté de l'Etat"],
    aliases: ['VSSE', 'Veiligheid van de Staat'],
  }),
  ag('SGRS', 'BE', {
    en: ['Belgian General Intelligence and Security Service'],
    fr: ['Service général du renseignement et de la sécurité'],
    aliases: ['SGRS', 'ADIV', 'SGRS/ADIV', 'ADIV/SGRS'],
  }),

  // ---- Netherlands ----
  ag('AIVD', 'NL', {
    en: ['Algemene Inlichtingen- en Veiligheidsdienst'],
    aliases: ['AIVD'],
  }),
  ag('MIVD', 'NL', {
    en: ['Militaire Inlichtingen- en Veiligheidsdienst'],
    aliases: ['MIVD'],
  }),
  ag('NCSC-NL', 'NL', {
    en: ['Nationaal Cyber Security Centrum'],
    aliases: ['NCSC-NL'],
  }),

  // ---- Germany ----
  ag('BSI', 'DE', {
    en: ['Federal Office for Information Security', 'Bundesamt für Sicherheit in der Informationstechnik'],
    fr: [
      "Office fédéral de la sécurité des technologies de l'information",
      'Bundesamt für Sicherheit in der Informationstechnik',
    ],
    aliases: ['BSI'],
  }),
  ag('BfV', 'DE', {
    en: [
      'Federal Office for the Protection of the Constitution',
      'Bundesamt für Verfassungsschutz',
      'Verfassungsschutz',
    ],
    fr: ['Office fédéral de protection de la constitution', 'Bundesamt für Verfassungsschutz', 'Verfassungsschutz'],
    aliases: ['BfV'],
  }),
  ag('BKA', 'DE', {
    en: ['Federal Criminal Police Office', 'Bundeskriminalamt'],
    fr: ['Office fédéral de police criminelle', 'Bundeskriminalamt'],
    aliases: ['BKA'],
  }),
  ag('BND', 'DE', {
    en: ['Bundesnachrichtendienst'],
    fr: ['Bundesnachrichtendienst'],
    aliases: ['BND'],
  }),

  // ---- Switzerland ----
  ag('NCSC-CH', 'CH', {
    en: ['Federal Office for Cyber Security'],
    fr: ['Office fédéral de la cybersécurité', 'OFCS'],
    aliases: ['NCSC-CH', 'BACS'],
  }),

  // ---- Czechia ----
  ag('NÚKIB', 'CZ', {
    en: ['National Cyber and Information Security Agency'],
    aliases: ['NÚKIB', 'NUKIB'],
  }),

  // ---- Canada ----
  ag('CSE', 'CA', {
    en: ['Communications Security Establishment', 'Communications Security Establishment Canada', 'CSE', 'CSEC'],
    fr: ['Centre de la sécurité des télécommunications', 'Centre de la sécurité des télécommunications Canada'],
  }),
  ag('Canadian Centre for Cyber Security', 'CA', {
    en: ['Canadian Centre for Cyber Security'],
    fr: ['Centre canadien pour la cybersécurité'],
    aliases: ['CCCS'],
  }),
  ag('CSIS', 'CA', {
    en: ['Canadian Security Intelligence Service'],
    fr: ['Service canadien du renseignement de sécurité', 'SCRS'],
  }),

  // ---- Australia / New Zealand ----
  ag('ASD', 'AU', {
    en: ['Australian Signals Directorate'],
    fr: ['Australian Signals Directorate'],
    aliases: ['ASD'],
  }),
  ag('ACSC', 'AU', {
    en: ['Australian Cyber Security Centre'],
    aliases: ['ACSC'],
  }),
  ag('GCSB', 'NZ', {
    en: ['Government Communications Security Bureau'],
    aliases: ['GCSB'],
  }),
  ag('NCSC-NZ', 'NZ', {
    en: ['New Zealand National Cyber Security Centre'],
    aliases: ['NCSC-NZ', 'NCSC NZ'],
  }),

  // ---- Ukraine ----
  ag('SBU', 'UA', {
    en: ['Security Service of Ukraine'],
    fr: ["Service de sécurité d'Ukraine", "Service de sécurité de l'Ukraine"],
    aliases: ['SBU'],
  }),
  ag('CERT-UA', 'UA', {
    en: ['Computer Emergency Response Team of Ukraine'],
    aliases: ['CERT-UA'],
  }),
  ag('HUR', 'UA', {
    en: [
      'Defence Intelligence of Ukraine',
      'Defense Intelligence of Ukraine',
      'Main Directorate of Intelligence of Ukraine',
      'Main Intelligence Directorate of Ukraine',
    ],
    aliases: ['HUR', 'GUR'],
  }),
  ag('SSSCIP', 'UA', {
    en: [
      'State Service of Special Communications and Information Protection',
      'State Service for Special Communications and Information Protection',
    ],
    aliases: ['SSSCIP'],
  }),

  // ---- Asia ----
  ag('NIS', 'KR', {
    en: ['National Intelligence Service'],
    aliases: ['NIS'],
  }),
  ag('NISC', 'JP', {
    en: ['National center of Incident readiness and Strategy for Cybersecurity'],
    aliases: ['NISC'],
  }),
  ag('CSA Singapore', 'SG', {
    en: ['Cyber Security Agency of Singapore'],
  }),
  ag('CERT-In', 'IN', {
    en: ['Indian Computer Emergency Response Team'],
    aliases: ['CERT-In'],
  }),
];
