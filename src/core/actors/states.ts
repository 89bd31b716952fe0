/**
 * States: every UN member state plus Taiwan, Kosovo, Palestine, the Holy See
 * (Vatican) and Hong Kong. `id` is the ISO 3166-1 alpha-2 code (Kosovo uses the
 * user-assigned code XK, as the EU and most data providers do).
 *
 * - `names` holds official short names, common forms and, where the press
 *   commonly uses them for the government, metonyms (capital city, seat of
 *   government, ruling party). Leading articles are left out ("Chine", not
 *   "la Chine").
 * - `demonyms` holds every inflection: English adjective plus the regular
 *   plural noun ("Russian", "Russians"); French masculine/feminine,
 *   singular/plural ("chinois", "chinoise", "chinoises").
 * - French names starting with an accented capital also get the unaccented
 *   spelling common in the press ("États-Unis" + "Etats-Unis").
 *
 * Forms deliberately left out because they are ambiguous:
 * - "Congolese"/"congolais" (Congo and DR Congo), "Korea"/"Korean"/"coréen"
 *   (North or South), "Dominican" for Dominica (kept for the Dominican
 *   Republic), "Central African" (region adjective), "Republic of China"/"ROC"
 *   (substring of the PRC's name), "RPC" (remote procedure call), "RFA" (Radio
 *   Free Asia), "Hollande" (François Hollande), "Maurice", "Salvador",
 *   "Dominique" and "Grenade" (French given names / the weapon), "Emirates"
 *   (the airline), "the Islamic Republic" (several states).
 * - Metonyms: only those widely used for the government in news. Jerusalem and
 *   Tel Aviv are not used for Israel (contested / ambiguous); The Hague is not
 *   used (international courts).
 *
 * Forms kept although they have another everyday meaning (the detector must
 * rely on context): "Chad", "Jordan", "Georgia", "Turkey", "China", "Guinea",
 * "Polish", "Washington" (also the US state), "Brussels"/"Bruxelles" (very
 * often means the EU institutions rather than Belgium), "Équateur" (also
 * "equator" in French), "Chili" (also chilli in English), "EAU" (French
 * "eau"; all-caps only).
 */
import type { ActorRecord } from './types';

/** English demonym adjectives plus the regular plural noun for forms ending in -an / -i. */
function en(...adjectives: string[]): string[] {
  const out: string[] = [];
  for (const a of adjectives) {
    out.push(a);
    if (/(an|i)$/.test(a)) out.push(`${a}s`);
  }
  return out;
}

function plural(word: string): string {
  return /[sxz]$/.test(word) ? word : `${word}s`;
}

/** French demonym: masculine and feminine singular, expanded to all four forms. */
function fr(masculine: string, feminine: string = masculine): string[] {
  return [...new Set([masculine, feminine, plural(masculine), plural(feminine)])];
}

/** Adds the spelling without accent on capitals ("États-Unis" → "Etats-Unis"). */
function withUnaccentedCapitals(forms: string[]): string[] {
  const out: string[] = [];
  for (const f of forms) {
    out.push(f);
    const plain = f.replace(/[ÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ]/g, (c) => c.normalize('NFD').charAt(0));
    if (plain !== f) out.push(plain);
  }
  return [...new Set(out)];
}

interface StateSpec {
  en: string[];
  fr: string[];
  /** Metonyms for the government (English). */
  metEn?: string[];
  /** Metonyms for the government (French). */
  metFr?: string[];
  demEn?: string[];
  demFr?: string[];
}

function st(id: string, s: StateSpec): ActorRecord {
  const record: ActorRecord = {
    id,
    kind: 'state',
    names: {
      en: [...new Set([...s.en, ...(s.metEn ?? [])])],
      fr: withUnaccentedCapitals([...s.fr, ...(s.metFr ?? [])]),
    },
    source: 'builtin',
  };
  if (s.demEn || s.demFr) record.demonyms = { en: s.demEn ?? [], fr: s.demFr ?? [] };
  return record;
}

export const STATES: ActorRecord[] = [
  // ---- Major cyber actors first (also the most metonyms) ----
  st('US', {
    en: ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.', 'America'],
    fr: ['États-Unis', "États-Unis d'Amérique", 'USA', 'Amérique'],
    // A federal grand jury indicts in the name of the United States.
    metEn: ['Washington', 'White House', 'US government', 'U.S. government', 'federal grand jury', 'US grand jury'],
    metFr: ['Washington', 'Maison Blanche', 'Maison-Blanche', 'gouvernement américain', 'administration américaine'],
    demEn: en('American'),
    demFr: [
      ...fr('américain', 'américaine'),
      ...fr('états-unien', 'états-unienne'),
      ...fr('étatsunien', 'étatsunienne'),
    ],
  }),
  st('CN', {
    en: ['China', "People's Republic of China", 'PRC', 'Mainland China'],
    fr: ['Chine', 'République populaire de Chine', 'Chine populaire'],
    metEn: [
      'Beijing',
      'Zhongnanhai',
      'Chinese Communist Party',
      'Communist Party of China',
      'CCP',
      'Chinese government',
      'Chinese regime',
    ],
    metFr: ['Pékin', 'Zhongnanhai', 'Parti communiste chinois', 'PCC', 'gouvernement chinois', 'régime chinois'],
    demEn: en('Chinese'),
    demFr: fr('chinois', 'chinoise'),
  }),
  st('RU', {
    en: ['Russia', 'Russian Federation'],
    fr: ['Russie', 'Fédération de Russie'],
    metEn: ['Moscow', 'Kremlin', 'Russian government'],
    metFr: ['Moscou', 'Kremlin', 'gouvernement russe', 'régime russe'],
    demEn: en('Russian'),
    demFr: fr('russe'),
  }),
  st('KP', {
    en: ['North Korea', 'DPRK', "Democratic People's Republic of Korea"],
    fr: ['Corée du Nord', 'RPDC', 'République populaire démocratique de Corée'],
    metEn: ['Pyongyang'],
    metFr: ['Pyongyang'],
    demEn: en('North Korean'),
    demFr: fr('nord-coréen', 'nord-coréenne'),
  }),
  st('IR', {
    en: ['Iran', 'Islamic Republic of Iran'],
    fr: ['Iran', "République islamique d'Iran"],
    metEn: ['Tehran'],
    metFr: ['Téhéran'],
    demEn: en('Iranian'),
    demFr: fr('iranien', 'iranienne'),
  }),
  st('GB', {
    en: [
      'United Kingdom',
      'United Kingdom of Great Britain and Northern Ireland',
      'UK',
      'U.K.',
      'Britain',
      'Great Britain',
    ],
    fr: ['Royaume-Uni', 'Grande-Bretagne'],
    metEn: ['London', 'Downing Street', 'Whitehall', 'British government'],
    metFr: ['Londres', 'Downing Street', 'gouvernement britannique'],
    demEn: ['British', 'Brits', 'Britons'],
    demFr: fr('britannique'),
  }),
  st('FR', {
    en: ['France', 'French Republic'],
    fr: ['France', 'République française'],
    metEn: ['Paris', 'Élysée', 'Elysee', 'Élysée Palace', 'Elysee Palace', 'Matignon', 'French government'],
    metFr: ['Paris', 'Élysée', 'palais de l’Élysée', "palais de l'Élysée", 'Matignon', 'gouvernement français'],
    demEn: ['French'],
    demFr: fr('français', 'française'),
  }),
  st('BE', {
    en: ['Belgium', 'Kingdom of Belgium'],
    fr: ['Belgique', 'Royaume de Belgique'],
    // Brussels / Bruxelles very often stands for the EU institutions, not Belgium.
    metEn: ['Brussels', 'Belgian government'],
    metFr: ['Bruxelles', 'gouvernement belge'],
    demEn: en('Belgian'),
    demFr: fr('belge'),
  }),
  st('UA', {
    en: ['Ukraine'],
    fr: ['Ukraine'],
    metEn: ['Kyiv', 'Kiev'],
    metFr: ['Kiev', 'Kyiv', 'Kyïv'],
    demEn: en('Ukrainian'),
    demFr: fr('ukrainien', 'ukrainienne'),
  }),
  st('IL', {
    en: ['Israel', 'State of Israel'],
    fr: ['Israël', 'Israel', "État d'Israël"],
    // How Iranian officials and media name Israel.
    metEn: ['Zionist regime', 'Zionist entity'],
    metFr: ['régime sioniste', 'entité sioniste'],
    demEn: en('Israeli'),
    demFr: fr('israélien', 'israélienne'),
  }),
  st('DE', {
    en: ['Germany', 'Federal Republic of Germany'],
    fr: ['Allemagne', "République fédérale d'Allemagne"],
    metEn: ['Berlin'],
    metFr: ['Berlin'],
    demEn: en('German'),
    demFr: fr('allemand', 'allemande'),
  }),
  st('TW', {
    en: ['Taiwan'],
    fr: ['Taïwan', 'Taiwan'],
    metEn: ['Taipei'],
    metFr: ['Taipei', 'Taïpei'],
    demEn: ['Taiwanese'],
    demFr: fr('taïwanais', 'taïwanaise'),
  }),
  st('KR', {
    en: ['South Korea', 'Republic of Korea', 'ROK'],
    fr: ['Corée du Sud', 'République de Corée'],
    metEn: ['Seoul'],
    metFr: ['Séoul'],
    demEn: en('South Korean'),
    demFr: fr('sud-coréen', 'sud-coréenne'),
  }),
  st('JP', {
    en: ['Japan'],
    fr: ['Japon'],
    metEn: ['Tokyo'],
    metFr: ['Tokyo'],
    demEn: ['Japanese'],
    demFr: fr('japonais', 'japonaise'),
  }),
  st('CA', {
    en: ['Canada'],
    fr: ['Canada'],
    metEn: ['Ottawa'],
    metFr: ['Ottawa'],
    demEn: en('Canadian'),
    demFr: fr('canadien', 'canadienne'),
  }),
  st('AU', {
    en: ['Australia', 'Commonwealth of Australia'],
    fr: ['Australie'],
    metEn: ['Canberra'],
    metFr: ['Canberra'],
    demEn: en('Australian'),
    demFr: fr('australien', 'australienne'),
  }),
  st('NZ', {
    en: ['New Zealand'],
    fr: ['Nouvelle-Zélande'],
    demEn: ['New Zealander', 'New Zealanders'],
    demFr: fr('néo-zélandais', 'néo-zélandaise'),
  }),
  st('BY', {
    en: ['Belarus', 'Republic of Belarus'],
    fr: ['Biélorussie', 'Bélarus', 'Belarus'],
    metEn: ['Minsk'],
    metFr: ['Minsk'],
    demEn: en('Belarusian', 'Belarussian'),
    demFr: fr('biélorusse'),
  }),
  st('VN', {
    en: ['Vietnam', 'Viet Nam'],
    fr: ['Viêt Nam', 'Vietnam', 'Viet Nam', 'Viêtnam'],
    metEn: ['Hanoi'],
    metFr: ['Hanoï', 'Hanoi'],
    demEn: ['Vietnamese'],
    demFr: fr('vietnamien', 'vietnamienne'),
  }),
  st('IN', {
    en: ['India', 'Republic of India'],
    fr: ['Inde', "République de l'Inde"],
    metEn: ['New Delhi'],
    metFr: ['New Delhi'],
    demEn: en('Indian'),
    demFr: fr('indien', 'indienne'),
  }),
  st('PK', {
    en: ['Pakistan', 'Islamic Republic of Pakistan'],
    fr: ['Pakistan', 'République islamique du Pakistan'],
    metEn: ['Islamabad'],
    metFr: ['Islamabad'],
    demEn: en('Pakistani'),
    demFr: fr('pakistanais', 'pakistanaise'),
  }),
  st('TR', {
    en: ['Türkiye', 'Turkiye', 'Turkey', 'Republic of Türkiye'],
    fr: ['Turquie'],
    metEn: ['Ankara'],
    metFr: ['Ankara'],
    demEn: ['Turkish', 'Turks'],
    demFr: fr('turc', 'turque'),
  }),
  st('SA', {
    en: ['Saudi Arabia', 'Kingdom of Saudi Arabia'],
    fr: ['Arabie saoudite', 'Arabie Saoudite'],
    metEn: ['Riyadh'],
    metFr: ['Riyad'],
    demEn: en('Saudi', 'Saudi Arabian'),
    demFr: fr('saoudien', 'saoudienne'),
  }),
  st('SY', {
    en: ['Syria', 'Syrian Arab Republic'],
    fr: ['Syrie', 'République arabe syrienne'],
    metEn: ['Damascus'],
    metFr: ['Damas'],
    demEn: en('Syrian'),
    demFr: fr('syrien', 'syrienne'),
  }),
  st('PL', {
    en: ['Poland', 'Republic of Poland'],
    fr: ['Pologne'],
    metEn: ['Warsaw'],
    metFr: ['Varsovie'],
    demEn: ['Polish'],
    demFr: fr('polonais', 'polonaise'),
  }),
  st('NL', {
    en: ['Netherlands', 'Kingdom of the Netherlands', 'Holland'],
    fr: ['Pays-Bas', 'Royaume des Pays-Bas'],
    demEn: ['Dutch'],
    demFr: fr('néerlandais', 'néerlandaise'),
  }),

  // ---- Other UN member states, alphabetical by English name ----
  st('AF', { en: ['Afghanistan'], fr: ['Afghanistan'], demEn: en('Afghan'), demFr: fr('afghan', 'afghane') }),
  st('AL', { en: ['Albania'], fr: ['Albanie'], demEn: en('Albanian'), demFr: fr('albanais', 'albanaise') }),
  st('DZ', { en: ['Algeria'], fr: ['Algérie'], demEn: en('Algerian'), demFr: fr('algérien', 'algérienne') }),
  st('AD', { en: ['Andorra'], fr: ['Andorre'], demEn: en('Andorran'), demFr: fr('andorran', 'andorrane') }),
  st('AO', { en: ['Angola'], fr: ['Angola'], demEn: en('Angolan'), demFr: fr('angolais', 'angolaise') }),
  st('AG', { en: ['Antigua and Barbuda'], fr: ['Antigua-et-Barbuda'], demEn: en('Antiguan') }),
  st('AR', {
    en: ['Argentina', 'Argentine Republic'],
    fr: ['Argentine'],
    demEn: [...en('Argentinian'), 'Argentine'],
    demFr: fr('argentin', 'argentine'),
  }),
  st('AM', { en: ['Armenia'], fr: ['Arménie'], demEn: en('Armenian'), demFr: fr('arménien', 'arménienne') }),
  st('AT', { en: ['Austria'], fr: ['Autriche'], demEn: en('Austrian'), demFr: fr('autrichien', 'autrichienne') }),
  st('AZ', {
    en: ['Azerbaijan'],
    fr: ['Azerbaïdjan'],
    demEn: en('Azerbaijani', 'Azeri'),
    demFr: [...fr('azerbaïdjanais', 'azerbaïdjanaise'), ...fr('azéri', 'azérie')],
  }),
  st('BS', { en: ['Bahamas'], fr: ['Bahamas'], demEn: en('Bahamian'), demFr: fr('bahaméen', 'bahaméenne') }),
  st('BH', {
    en: ['Bahrain', 'Kingdom of Bahrain'],
    fr: ['Bahreïn', 'Bahrein'],
    demEn: en('Bahraini'),
    demFr: fr('bahreïnien', 'bahreïnienne'),
  }),
  st('BD', {
    en: ['Bangladesh'],
    fr: ['Bangladesh'],
    demEn: en('Bangladeshi'),
    demFr: fr('bangladais', 'bangladaise'),
  }),
  st('BB', { en: ['Barbados'], fr: ['Barbade'], demEn: en('Barbadian'), demFr: fr('barbadien', 'barbadienne') }),
  st('BZ', { en: ['Belize'], fr: ['Belize'], demEn: en('Belizean'), demFr: fr('bélizien', 'bélizienne') }),
  st('BJ', { en: ['Benin'], fr: ['Bénin'], demEn: ['Beninese'], demFr: fr('béninois', 'béninoise') }),
  st('BT', { en: ['Bhutan'], fr: ['Bhoutan'], demEn: ['Bhutanese'], demFr: fr('bhoutanais', 'bhoutanaise') }),
  st('BO', {
    en: ['Bolivia', 'Plurinational State of Bolivia'],
    fr: ['Bolivie'],
    demEn: en('Bolivian'),
    demFr: fr('bolivien', 'bolivienne'),
  }),
  st('BA', {
    en: ['Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'],
    fr: ['Bosnie-Herzégovine', 'Bosnie'],
    demEn: en('Bosnian'),
    demFr: fr('bosnien', 'bosnienne'),
  }),
  st('BW', {
    en: ['Botswana'],
    fr: ['Botswana'],
    demEn: ['Motswana', 'Batswana'],
    demFr: fr('botswanais', 'botswanaise'),
  }),
  st('BR', { en: ['Brazil'], fr: ['Brésil'], demEn: en('Brazilian'), demFr: fr('brésilien', 'brésilienne') }),
  st('BN', {
    en: ['Brunei', 'Brunei Darussalam'],
    fr: ['Brunei', 'Brunéi'],
    demEn: en('Bruneian'),
    demFr: fr('brunéien', 'brunéienne'),
  }),
  st('BG', { en: ['Bulgaria'], fr: ['Bulgarie'], demEn: en('Bulgarian'), demFr: fr('bulgare') }),
  st('BF', {
    en: ['Burkina Faso'],
    fr: ['Burkina Faso', 'Burkina'],
    demEn: ['Burkinabe', 'Burkinabè'],
    demFr: ['burkinabè', 'burkinabé', 'burkinabès', 'burkinabés'],
  }),
  st('BI', { en: ['Burundi'], fr: ['Burundi'], demEn: en('Burundian'), demFr: fr('burundais', 'burundaise') }),
  st('CV', {
    en: ['Cabo Verde', 'Cape Verde'],
    fr: ['Cap-Vert', 'Cabo Verde'],
    demEn: en('Cape Verdean', 'Cabo Verdean'),
    demFr: fr('cap-verdien', 'cap-verdienne'),
  }),
  st('KH', { en: ['Cambodia'], fr: ['Cambodge'], demEn: en('Cambodian'), demFr: fr('cambodgien', 'cambodgienne') }),
  st('CM', { en: ['Cameroon'], fr: ['Cameroun'], demEn: en('Cameroonian'), demFr: fr('camerounais', 'camerounaise') }),
  st('CF', {
    en: ['Central African Republic'],
    fr: ['République centrafricaine', 'Centrafrique'],
    demFr: fr('centrafricain', 'centrafricaine'),
  }),
  st('TD', { en: ['Chad'], fr: ['Tchad'], demEn: en('Chadian'), demFr: fr('tchadien', 'tchadienne') }),
  st('CL', { en: ['Chile'], fr: ['Chili'], demEn: en('Chilean'), demFr: fr('chilien', 'chilienne') }),
  st('CO', { en: ['Colombia'], fr: ['Colombie'], demEn: en('Colombian'), demFr: fr('colombien', 'colombienne') }),
  st('KM', { en: ['Comoros'], fr: ['Comores'], demEn: en('Comorian', 'Comoran'), demFr: fr('comorien', 'comorienne') }),
  st('CG', {
    en: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo'],
    fr: ['République du Congo', 'Congo-Brazzaville', 'Congo'],
  }),
  st('CD', {
    en: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa'],
    fr: ['République démocratique du Congo', 'RD Congo', 'RDC', 'Congo-Kinshasa'],
  }),
  st('CR', {
    en: ['Costa Rica'],
    fr: ['Costa Rica'],
    demEn: en('Costa Rican'),
    demFr: fr('costaricien', 'costaricienne'),
  }),
  st('CI', {
    en: ["Côte d'Ivoire", 'Côte d’Ivoire', "Cote d'Ivoire", 'Ivory Coast'],
    fr: ["Côte d'Ivoire", 'Côte d’Ivoire'],
    demEn: en('Ivorian'),
    demFr: fr('ivoirien', 'ivoirienne'),
  }),
  st('HR', { en: ['Croatia'], fr: ['Croatie'], demEn: en('Croatian'), demFr: fr('croate') }),
  st('CU', { en: ['Cuba'], fr: ['Cuba'], demEn: en('Cuban'), demFr: fr('cubain', 'cubaine') }),
  st('CY', {
    en: ['Cyprus'],
    fr: ['Chypre'],
    demEn: ['Cypriot', 'Cypriots'],
    demFr: [...fr('chypriote'), ...fr('cypriote')],
  }),
  st('CZ', {
    en: ['Czechia', 'Czech Republic'],
    fr: ['Tchéquie', 'République tchèque'],
    demEn: ['Czech', 'Czechs'],
    demFr: fr('tchèque'),
  }),
  st('DK', { en: ['Denmark'], fr: ['Danemark'], demEn: ['Danish', 'Danes'], demFr: fr('danois', 'danoise') }),
  st('DJ', { en: ['Djibouti'], fr: ['Djibouti'], demEn: en('Djiboutian'), demFr: fr('djiboutien', 'djiboutienne') }),
  st('DM', { en: ['Dominica', 'Commonwealth of Dominica'], fr: ['Commonwealth de la Dominique'] }),
  st('DO', {
    en: ['Dominican Republic'],
    fr: ['République dominicaine'],
    demEn: en('Dominican'),
    demFr: fr('dominicain', 'dominicaine'),
  }),
  st('EC', {
    en: ['Ecuador'],
    fr: ['Équateur'],
    demEn: en('Ecuadorian', 'Ecuadorean'),
    demFr: fr('équatorien', 'équatorienne'),
  }),
  st('EG', { en: ['Egypt'], fr: ['Égypte'], demEn: en('Egyptian'), demFr: fr('égyptien', 'égyptienne') }),
  st('SV', {
    en: ['El Salvador'],
    fr: ['El Salvador'],
    demEn: en('Salvadoran', 'Salvadorean'),
    demFr: fr('salvadorien', 'salvadorienne'),
  }),
  st('GQ', {
    en: ['Equatorial Guinea'],
    fr: ['Guinée équatoriale'],
    demEn: en('Equatorial Guinean', 'Equatoguinean'),
    demFr: fr('équato-guinéen', 'équato-guinéenne'),
  }),
  st('ER', { en: ['Eritrea'], fr: ['Érythrée'], demEn: en('Eritrean'), demFr: fr('érythréen', 'érythréenne') }),
  st('EE', { en: ['Estonia'], fr: ['Estonie'], demEn: en('Estonian'), demFr: fr('estonien', 'estonienne') }),
  st('SZ', {
    en: ['Eswatini', 'Swaziland'],
    fr: ['Eswatini', 'Swaziland'],
    demEn: en('Swazi'),
    demFr: fr('swazi', 'swazie'),
  }),
  st('ET', { en: ['Ethiopia'], fr: ['Éthiopie'], demEn: en('Ethiopian'), demFr: fr('éthiopien', 'éthiopienne') }),
  st('FJ', { en: ['Fiji'], fr: ['Fidji'], demEn: en('Fijian'), demFr: fr('fidjien', 'fidjienne') }),
  st('FI', { en: ['Finland'], fr: ['Finlande'], demEn: ['Finnish', 'Finns'], demFr: fr('finlandais', 'finlandaise') }),
  st('GA', { en: ['Gabon'], fr: ['Gabon'], demEn: ['Gabonese'], demFr: fr('gabonais', 'gabonaise') }),
  st('GM', { en: ['Gambia'], fr: ['Gambie'], demEn: en('Gambian'), demFr: fr('gambien', 'gambienne') }),
  st('GE', { en: ['Georgia'], fr: ['Géorgie'], demEn: en('Georgian'), demFr: fr('géorgien', 'géorgienne') }),
  st('GH', { en: ['Ghana'], fr: ['Ghana'], demEn: en('Ghanaian'), demFr: fr('ghanéen', 'ghanéenne') }),
  st('GR', {
    en: ['Greece', 'Hellenic Republic'],
    fr: ['Grèce', 'République hellénique'],
    demEn: ['Greek', 'Greeks'],
    demFr: fr('grec', 'grecque'),
  }),
  st('GD', { en: ['Grenada'], fr: [], demEn: en('Grenadian'), demFr: fr('grenadien', 'grenadienne') }),
  st('GT', { en: ['Guatemala'], fr: ['Guatemala'], demEn: en('Guatemalan'), demFr: fr('guatémaltèque') }),
  st('GN', {
    en: ['Guinea'],
    fr: ['Guinée', 'Guinée-Conakry'],
    demEn: en('Guinean'),
    demFr: fr('guinéen', 'guinéenne'),
  }),
  st('GW', {
    en: ['Guinea-Bissau'],
    fr: ['Guinée-Bissau'],
    demEn: en('Bissau-Guinean'),
    demFr: fr('bissau-guinéen', 'bissau-guinéenne'),
  }),
  st('GY', { en: ['Guyana'], fr: ['Guyana'], demEn: ['Guyanese'], demFr: fr('guyanien', 'guyanienne') }),
  st('HT', { en: ['Haiti'], fr: ['Haïti'], demEn: en('Haitian'), demFr: fr('haïtien', 'haïtienne') }),
  st('HN', { en: ['Honduras'], fr: ['Honduras'], demEn: en('Honduran'), demFr: fr('hondurien', 'hondurienne') }),
  st('HU', { en: ['Hungary'], fr: ['Hongrie'], demEn: en('Hungarian'), demFr: fr('hongrois', 'hongroise') }),
  st('IS', {
    en: ['Iceland'],
    fr: ['Islande'],
    demEn: ['Icelandic', 'Icelanders'],
    demFr: fr('islandais', 'islandaise'),
  }),
  st('ID', { en: ['Indonesia'], fr: ['Indonésie'], demEn: en('Indonesian'), demFr: fr('indonésien', 'indonésienne') }),
  st('IQ', { en: ['Iraq'], fr: ['Irak', 'Iraq'], demEn: en('Iraqi'), demFr: fr('irakien', 'irakienne') }),
  st('IE', {
    en: ['Ireland', 'Republic of Ireland'],
    fr: ['Irlande'],
    demEn: ['Irish'],
    demFr: fr('irlandais', 'irlandaise'),
  }),
  st('IT', {
    en: ['Italy', 'Italian Republic'],
    fr: ['Italie'],
    demEn: en('Italian'),
    demFr: fr('italien', 'italienne'),
  }),
  st('JM', { en: ['Jamaica'], fr: ['Jamaïque'], demEn: en('Jamaican'), demFr: fr('jamaïcain', 'jamaïcaine') }),
  st('JO', {
    en: ['Jordan', 'Hashemite Kingdom of Jordan'],
    fr: ['Jordanie'],
    demEn: en('Jordanian'),
    demFr: fr('jordanien', 'jordanienne'),
  }),
  st('KZ', {
    en: ['Kazakhstan'],
    fr: ['Kazakhstan'],
    demEn: [...en('Kazakhstani'), 'Kazakh', 'Kazakhs'],
    demFr: fr('kazakhstanais', 'kazakhstanaise'),
  }),
  st('KE', { en: ['Kenya'], fr: ['Kenya'], demEn: en('Kenyan'), demFr: fr('kényan', 'kényane') }),
  st('KI', { en: ['Kiribati'], fr: ['Kiribati'] }),
  st('KW', { en: ['Kuwait'], fr: ['Koweït', 'Koweit'], demEn: en('Kuwaiti'), demFr: fr('koweïtien', 'koweïtienne') }),
  st('KG', {
    en: ['Kyrgyzstan', 'Kyrgyz Republic'],
    fr: ['Kirghizistan', 'Kirghizstan'],
    demEn: ['Kyrgyz', ...en('Kyrgyzstani')],
    demFr: fr('kirghiz', 'kirghize'),
  }),
  st('LA', {
    en: ['Laos', "Lao People's Democratic Republic", 'Lao PDR'],
    fr: ['Laos'],
    demEn: en('Laotian'),
    demFr: fr('laotien', 'laotienne'),
  }),
  st('LV', {
    en: ['Latvia'],
    fr: ['Lettonie'],
    demEn: en('Latvian'),
    demFr: [...fr('letton', 'lettone'), ...fr('letton', 'lettonne')],
  }),
  st('LB', { en: ['Lebanon'], fr: ['Liban'], demEn: ['Lebanese'], demFr: fr('libanais', 'libanaise') }),
  st('LS', { en: ['Lesotho'], fr: ['Lesotho'], demEn: ['Basotho', 'Mosotho'] }),
  st('LR', { en: ['Liberia'], fr: ['Liberia', 'Libéria'], demEn: en('Liberian'), demFr: fr('libérien', 'libérienne') }),
  st('LY', { en: ['Libya'], fr: ['Libye'], demEn: en('Libyan'), demFr: fr('libyen', 'libyenne') }),
  st('LI', {
    en: ['Liechtenstein'],
    fr: ['Liechtenstein'],
    demEn: ['Liechtensteiner', 'Liechtensteiners'],
    demFr: fr('liechtensteinois', 'liechtensteinoise'),
  }),
  st('LT', { en: ['Lithuania'], fr: ['Lituanie'], demEn: en('Lithuanian'), demFr: fr('lituanien', 'lituanienne') }),
  st('LU', {
    en: ['Luxembourg'],
    fr: ['Luxembourg'],
    demEn: ['Luxembourgish', 'Luxembourger', 'Luxembourgers'],
    demFr: fr('luxembourgeois', 'luxembourgeoise'),
  }),
  st('MG', { en: ['Madagascar'], fr: ['Madagascar'], demEn: ['Malagasy'], demFr: fr('malgache') }),
  st('MW', { en: ['Malawi'], fr: ['Malawi'], demEn: en('Malawian') }),
  st('MY', { en: ['Malaysia'], fr: ['Malaisie'], demEn: en('Malaysian'), demFr: fr('malaisien', 'malaisienne') }),
  st('MV', { en: ['Maldives'], fr: ['Maldives'], demEn: en('Maldivian'), demFr: fr('maldivien', 'maldivienne') }),
  st('ML', { en: ['Mali'], fr: ['Mali'], demEn: en('Malian'), demFr: fr('malien', 'malienne') }),
  st('MT', { en: ['Malta'], fr: ['Malte'], demEn: ['Maltese'], demFr: fr('maltais', 'maltaise') }),
  st('MH', {
    en: ['Marshall Islands'],
    fr: ['Îles Marshall'],
    demEn: ['Marshallese'],
    demFr: fr('marshallais', 'marshallaise'),
  }),
  st('MR', {
    en: ['Mauritania'],
    fr: ['Mauritanie'],
    demEn: en('Mauritanian'),
    demFr: fr('mauritanien', 'mauritanienne'),
  }),
  st('MU', {
    en: ['Mauritius'],
    fr: ['Île Maurice', 'île Maurice', 'République de Maurice'],
    demEn: en('Mauritian'),
    demFr: fr('mauricien', 'mauricienne'),
  }),
  st('MX', { en: ['Mexico'], fr: ['Mexique'], demEn: en('Mexican'), demFr: fr('mexicain', 'mexicaine') }),
  st('FM', {
    en: ['Micronesia', 'Federated States of Micronesia'],
    fr: ['Micronésie', 'États fédérés de Micronésie'],
    demEn: en('Micronesian'),
    demFr: fr('micronésien', 'micronésienne'),
  }),
  st('MD', {
    en: ['Moldova', 'Republic of Moldova'],
    fr: ['Moldavie', 'Moldova', 'République de Moldavie'],
    demEn: en('Moldovan'),
    demFr: fr('moldave'),
  }),
  st('MC', { en: ['Monaco'], fr: ['Monaco'], demEn: ['Monegasque', ...en('Monacan')], demFr: fr('monégasque') }),
  st('MN', { en: ['Mongolia'], fr: ['Mongolie'], demEn: en('Mongolian'), demFr: fr('mongol', 'mongole') }),
  st('ME', {
    en: ['Montenegro'],
    fr: ['Monténégro'],
    demEn: ['Montenegrin', 'Montenegrins'],
    demFr: fr('monténégrin', 'monténégrine'),
  }),
  st('MA', { en: ['Morocco'], fr: ['Maroc'], demEn: en('Moroccan'), demFr: fr('marocain', 'marocaine') }),
  st('MZ', {
    en: ['Mozambique'],
    fr: ['Mozambique'],
    demEn: en('Mozambican'),
    demFr: fr('mozambicain', 'mozambicaine'),
  }),
  st('MM', {
    en: ['Myanmar', 'Burma'],
    fr: ['Myanmar', 'Birmanie'],
    demEn: ['Burmese'],
    demFr: fr('birman', 'birmane'),
  }),
  st('NA', { en: ['Namibia'], fr: ['Namibie'], demEn: en('Namibian'), demFr: fr('namibien', 'namibienne') }),
  st('NR', { en: ['Nauru'], fr: ['Nauru'], demEn: en('Nauruan') }),
  st('NP', { en: ['Nepal'], fr: ['Népal'], demEn: [...en('Nepali'), 'Nepalese'], demFr: fr('népalais', 'népalaise') }),
  st('NI', {
    en: ['Nicaragua'],
    fr: ['Nicaragua'],
    demEn: en('Nicaraguan'),
    demFr: fr('nicaraguayen', 'nicaraguayenne'),
  }),
  st('NE', { en: ['Niger'], fr: ['Niger'], demEn: ['Nigerien', 'Nigeriens'], demFr: fr('nigérien', 'nigérienne') }),
  st('NG', { en: ['Nigeria'], fr: ['Nigeria', 'Nigéria'], demEn: en('Nigerian'), demFr: fr('nigérian', 'nigériane') }),
  st('MK', {
    en: ['North Macedonia'],
    fr: ['Macédoine du Nord'],
    demEn: en('Macedonian'),
    demFr: fr('macédonien', 'macédonienne'),
  }),
  st('NO', { en: ['Norway'], fr: ['Norvège'], demEn: en('Norwegian'), demFr: fr('norvégien', 'norvégienne') }),
  st('OM', { en: ['Oman'], fr: ['Oman'], demEn: en('Omani'), demFr: fr('omanais', 'omanaise') }),
  st('PW', { en: ['Palau'], fr: ['Palaos'], demEn: en('Palauan') }),
  st('PA', { en: ['Panama'], fr: ['Panama'], demEn: en('Panamanian'), demFr: fr('panaméen', 'panaméenne') }),
  st('PG', {
    en: ['Papua New Guinea'],
    fr: ['Papouasie-Nouvelle-Guinée'],
    demEn: en('Papua New Guinean'),
    demFr: ['papouan-néo-guinéen', 'papouane-néo-guinéenne', 'papouans-néo-guinéens', 'papouanes-néo-guinéennes'],
  }),
  st('PY', { en: ['Paraguay'], fr: ['Paraguay'], demEn: en('Paraguayan'), demFr: fr('paraguayen', 'paraguayenne') }),
  st('PE', { en: ['Peru'], fr: ['Pérou'], demEn: en('Peruvian'), demFr: fr('péruvien', 'péruvienne') }),
  st('PH', {
    en: ['Philippines'],
    fr: ['Philippines'],
    demEn: ['Filipino', 'Filipinos', 'Philippine'],
    demFr: fr('philippin', 'philippine'),
  }),
  st('PT', { en: ['Portugal'], fr: ['Portugal'], demEn: ['Portuguese'], demFr: fr('portugais', 'portugaise') }),
  st('QA', { en: ['Qatar'], fr: ['Qatar'], demEn: en('Qatari'), demFr: fr('qatarien', 'qatarienne') }),
  st('RO', { en: ['Romania'], fr: ['Roumanie'], demEn: en('Romanian'), demFr: fr('roumain', 'roumaine') }),
  st('RW', { en: ['Rwanda'], fr: ['Rwanda'], demEn: en('Rwandan'), demFr: fr('rwandais', 'rwandaise') }),
  st('KN', {
    en: ['Saint Kitts and Nevis', 'St Kitts and Nevis', 'St. Kitts and Nevis'],
    fr: ['Saint-Christophe-et-Niévès'],
  }),
  st('LC', {
    en: ['Saint Lucia', 'St Lucia', 'St. Lucia'],
    fr: ['Sainte-Lucie'],
    demEn: en('Saint Lucian'),
    demFr: fr('saint-lucien', 'saint-lucienne'),
  }),
  st('VC', {
    en: ['Saint Vincent and the Grenadines', 'St Vincent and the Grenadines'],
    fr: ['Saint-Vincent-et-les-Grenadines'],
    demEn: en('Vincentian'),
  }),
  st('WS', { en: ['Samoa'], fr: ['Samoa'], demEn: en('Samoan'), demFr: fr('samoan', 'samoane') }),
  st('SM', {
    en: ['San Marino'],
    fr: ['Saint-Marin'],
    demEn: ['Sammarinese'],
    demFr: fr('saint-marinais', 'saint-marinaise'),
  }),
  st('ST', {
    en: ['São Tomé and Príncipe', 'Sao Tome and Principe'],
    fr: ['Sao Tomé-et-Principe', 'São Tomé-et-Príncipe'],
    demFr: fr('santoméen', 'santoméenne'),
  }),
  st('SN', { en: ['Senegal'], fr: ['Sénégal'], demEn: ['Senegalese'], demFr: fr('sénégalais', 'sénégalaise') }),
  st('RS', { en: ['Serbia'], fr: ['Serbie'], demEn: [...en('Serbian'), 'Serbs'], demFr: fr('serbe') }),
  st('SC', {
    en: ['Seychelles'],
    fr: ['Seychelles'],
    demEn: ['Seychellois'],
    demFr: fr('seychellois', 'seychelloise'),
  }),
  st('SL', {
    en: ['Sierra Leone'],
    fr: ['Sierra Leone'],
    demEn: en('Sierra Leonean'),
    demFr: fr('sierra-léonais', 'sierra-léonaise'),
  }),
  st('SG', {
    en: ['Singapore'],
    fr: ['Singapour'],
    demEn: en('Singaporean'),
    demFr: fr('singapourien', 'singapourienne'),
  }),
  st('SK', { en: ['Slovakia'], fr: ['Slovaquie'], demEn: ['Slovak', 'Slovaks'], demFr: fr('slovaque') }),
  st('SI', {
    en: ['Slovenia'],
    fr: ['Slovénie'],
    demEn: [...en('Slovenian'), 'Slovene', 'Slovenes'],
    demFr: fr('slovène'),
  }),
  st('SB', {
    en: ['Solomon Islands'],
    fr: ['Îles Salomon'],
    demEn: ['Solomon Islander', 'Solomon Islanders'],
    demFr: fr('salomonais', 'salomonaise'),
  }),
  st('SO', { en: ['Somalia'], fr: ['Somalie'], demEn: en('Somali'), demFr: fr('somalien', 'somalienne') }),
  st('ZA', {
    en: ['South Africa', 'Republic of South Africa'],
    fr: ['Afrique du Sud'],
    demEn: en('South African'),
    demFr: fr('sud-africain', 'sud-africaine'),
  }),
  st('SS', {
    en: ['South Sudan'],
    fr: ['Soudan du Sud'],
    demEn: ['South Sudanese'],
    demFr: fr('sud-soudanais', 'sud-soudanaise'),
  }),
  st('ES', {
    en: ['Spain', 'Kingdom of Spain'],
    fr: ['Espagne'],
    metEn: ['Madrid'],
    metFr: ['Madrid'],
    demEn: ['Spanish'],
    demFr: fr('espagnol', 'espagnole'),
  }),
  st('LK', { en: ['Sri Lanka'], fr: ['Sri Lanka'], demEn: en('Sri Lankan'), demFr: fr('sri-lankais', 'sri-lankaise') }),
  st('SD', { en: ['Sudan'], fr: ['Soudan'], demEn: ['Sudanese'], demFr: fr('soudanais', 'soudanaise') }),
  st('SR', { en: ['Suriname'], fr: ['Suriname'], demEn: ['Surinamese'], demFr: fr('surinamais', 'surinamaise') }),
  st('SE', { en: ['Sweden'], fr: ['Suède'], demEn: ['Swedish'], demFr: fr('suédois', 'suédoise') }),
  st('CH', {
    en: ['Switzerland', 'Swiss Confederation'],
    fr: ['Suisse', 'Confédération suisse'],
    demEn: ['Swiss'],
    demFr: fr('suisse'),
  }),
  st('TJ', {
    en: ['Tajikistan'],
    fr: ['Tadjikistan'],
    demEn: ['Tajik', 'Tajiks', ...en('Tajikistani')],
    demFr: fr('tadjik', 'tadjike'),
  }),
  st('TZ', {
    en: ['Tanzania', 'United Republic of Tanzania'],
    fr: ['Tanzanie'],
    demEn: en('Tanzanian'),
    demFr: fr('tanzanien', 'tanzanienne'),
  }),
  st('TH', { en: ['Thailand'], fr: ['Thaïlande'], demEn: en('Thai'), demFr: fr('thaïlandais', 'thaïlandaise') }),
  st('TL', {
    en: ['Timor-Leste', 'East Timor'],
    fr: ['Timor oriental', 'Timor-Leste'],
    demEn: ['Timorese'],
    demFr: [...fr('est-timorais', 'est-timoraise'), ...fr('timorais', 'timoraise')],
  }),
  st('TG', { en: ['Togo'], fr: ['Togo'], demEn: ['Togolese'], demFr: fr('togolais', 'togolaise') }),
  st('TO', { en: ['Tonga'], fr: ['Tonga'], demEn: en('Tongan'), demFr: fr('tongien', 'tongienne') }),
  st('TT', {
    en: ['Trinidad and Tobago'],
    fr: ['Trinité-et-Tobago'],
    demEn: en('Trinidadian'),
    demFr: fr('trinidadien', 'trinidadienne'),
  }),
  st('TN', { en: ['Tunisia'], fr: ['Tunisie'], demEn: en('Tunisian'), demFr: fr('tunisien', 'tunisienne') }),
  st('TM', { en: ['Turkmenistan'], fr: ['Turkménistan'], demEn: ['Turkmen', 'Turkmens'], demFr: fr('turkmène') }),
  st('TV', { en: ['Tuvalu'], fr: ['Tuvalu'], demEn: en('Tuvaluan') }),
  st('UG', { en: ['Uganda'], fr: ['Ouganda'], demEn: en('Ugandan'), demFr: fr('ougandais', 'ougandaise') }),
  st('AE', {
    en: ['United Arab Emirates', 'UAE'],
    fr: ['Émirats arabes unis', 'EAU'],
    demEn: en('Emirati'),
    demFr: [...fr('émirien', 'émirienne'), ...fr('émirati', 'émiratie')],
  }),
  st('UY', { en: ['Uruguay'], fr: ['Uruguay'], demEn: en('Uruguayan'), demFr: fr('uruguayen', 'uruguayenne') }),
  st('UZ', {
    en: ['Uzbekistan'],
    fr: ['Ouzbékistan'],
    demEn: ['Uzbek', 'Uzbeks', ...en('Uzbekistani')],
    demFr: fr('ouzbek', 'ouzbèke'),
  }),
  st('VU', { en: ['Vanuatu'], fr: ['Vanuatu'], demEn: ['Ni-Vanuatu'] }),
  st('VE', {
    en: ['Venezuela', 'Bolivarian Republic of Venezuela'],
    fr: ['Venezuela', 'Vénézuéla'],
    demEn: en('Venezuelan'),
    demFr: fr('vénézuélien', 'vénézuélienne'),
  }),
  st('YE', { en: ['Yemen'], fr: ['Yémen'], demEn: en('Yemeni'), demFr: fr('yéménite') }),
  st('ZM', { en: ['Zambia'], fr: ['Zambie'], demEn: en('Zambian'), demFr: fr('zambien', 'zambienne') }),
  st('ZW', { en: ['Zimbabwe'], fr: ['Zimbabwe'], demEn: en('Zimbabwean'), demFr: fr('zimbabwéen', 'zimbabwéenne') }),

  // ---- Non-member states and territories ----
  st('XK', {
    en: ['Kosovo', 'Republic of Kosovo'],
    fr: ['Kosovo', 'République du Kosovo'],
    demEn: en('Kosovar', 'Kosovan'),
    demFr: fr('kosovar', 'kosovare'),
  }),
  st('PS', {
    en: ['Palestine', 'State of Palestine'],
    fr: ['Palestine', 'État de Palestine'],
    metEn: ['Palestinian Authority'],
    metFr: ['Autorité palestinienne'],
    demEn: en('Palestinian'),
    demFr: fr('palestinien', 'palestinienne'),
  }),
  st('VA', { en: ['Holy See', 'Vatican', 'Vatican City'], fr: ['Saint-Siège', 'Vatican', 'Cité du Vatican'] }),
  st('HK', {
    en: ['Hong Kong', 'Hong Kong SAR', 'HKSAR'],
    fr: ['Hong Kong', 'Hongkong'],
    demEn: ['Hongkonger', 'Hongkongers', 'Hong Konger', 'Hong Kongers'],
    demFr: fr('hongkongais', 'hongkongaise'),
  }),
];
