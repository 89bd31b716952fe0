/**
 * Threat groups (APTs, hacktivist fronts, ransomware and other criminal gangs).
 *
 * - `id` is the `value` of the matching entry of the MISP galaxy threat-actor
 *   cluster whenever the group has its own entry there, so that MISP data
 *   merges into these records by id. The display name (`names.en[0]`) is the
 *   name the press uses most ("Salt Typhoon" for MISP "GhostEmperor").
 *   Groups with no MISP entry: Conti, Cl0p, Black Basta, DarkSide, Rhysida,
 *   Qilin (ransomware brands, absent from the threat-actor cluster).
 * - `aliases` are vendor names cross-checked against the MISP synonyms and the
 *   vendors' own naming tables. Synonyms that MISP lists for several groups
 *   (e.g. "Grizzly Steppe", "Circle Typhoon") or that are ordinary words are
 *   left out: "Snake", "Leviathan", "Reaper", "Mercury", "Zinc", "Nickel",
 *   "Lead", "Barium", "Potassium", "Chromium", "Gadolinium", "Krypton",
 *   "Buckeye", "Budworm", "Cicada", "Elfin", "Springtail", "Winnti", "Red Eyes",
 *   "Armageddon", "Group 74"…
 * - `state` is the suspected sponsor, set only where the attribution is
 *   official (government statements, indictments, sanctions) or a broad vendor
 *   consensus consistent with MISP. It is left out for criminal gangs and
 *   hacktivist fronts even when they operate from a given country, for
 *   Hamas-linked groups (the State of Palestine is not their sponsor), and for
 *   contested cases (Ghostwriter: Belarus per Mandiant, Russia per the EU and
 *   Germany; DarkHotel; Careto; Predatory Sparrow, which media tie to Israel
 *   without official attribution).
 * - Evil Corp: the US Treasury (2019) said its leader provided direct
 *   assistance to the FSB and the UK (2024) documented ties with Russian
 *   intelligence, but it is primarily a criminal organisation; `state` is left
 *   unset so that "Evil Corp" is not normalised to "Russia".
 *
 * RISKY names kept (ordinary words / other meanings; the detector needs
 * context): "Sandworm" (Dune), "Ghostwriter" (ordinary noun), "Lazarus"
 * (biblical name), "Dragonfly", "SideWinder" (missile), "Strontium",
 * "Nobelium", "Turla", "Conti" (surname), "DarkSide", "Qilin", "Careto",
 * "Longhorn" (also cattle). Not surface forms at all: the MISP ids "Tick"
 * (ordinary word; the name used is "BRONZE BUTLER") and "LAPSUS" ("un lapsus"
 * in French; the name used is "Lapsus$").
 */
import type { ActorRecord } from './types';

interface GroupOptions {
  state?: string;
  /** Set when the MISP id is an ordinary word and must not be a surface form. */
  idIsNotAName?: boolean;
}

function grp(id: string, display: string, aliases: string[], opts: GroupOptions = {}): ActorRecord {
  const seen = new Set([display.toLowerCase()]);
  const all: string[] = [];
  const candidates = opts.idIsNotAName ? aliases : [id, ...aliases];
  for (const a of candidates) {
    const key = a.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(a);
  }
  const record: ActorRecord = {
    id,
    kind: 'group',
    names: { en: [display], fr: [display] },
    source: 'builtin',
  };
  if (all.length > 0) record.aliases = all;
  if (opts.state) record.state = opts.state;
  return record;
}

const CN = { state: 'CN' };
const RU = { state: 'RU' };
const KP = { state: 'KP' };
const IR = { state: 'IR' };

export const GROUPS: ActorRecord[] = [
  // ---- China ----
  grp('APT1', 'APT1', ['Comment Crew', 'Comment Panda', 'Comment Group', 'Byzantine Candor'], CN),
  grp('APT2', 'APT2', ['Putter Panda'], CN),
  grp('APT3', 'APT3', ['Gothic Panda', 'UPS Team', 'BRONZE MAYFAIR', 'Boyusec', 'TG-0110'], CN),
  grp('APT5', 'APT5', ['Keyhole Panda', 'Mulberry Typhoon', 'BRONZE FLEETWOOD'], CN),
  grp(
    'APT10',
    'APT10',
    [
      'Stone Panda',
      'menuPass',
      'menuPass Team',
      'Red Apollo',
      'Cloud Hopper',
      'Purple Typhoon',
      'BRONZE RIVERSIDE',
      'Granite Taurus',
      'CVNX',
    ],
    CN,
  ),
  grp('APT12', 'APT12', ['Numbered Panda', 'IXESHE', 'DynCalc', 'BRONZE GLOBE'], CN),
  grp(
    'APT15',
    'APT15',
    ['Ke3chang', 'Vixen Panda', 'Playful Dragon', 'Royal APT', 'Nylon Typhoon', 'BRONZE PALACE'],
    CN,
  ),
  grp('APT17', 'APT17', ['Aurora Panda', 'Deputy Dog', 'Hidden Lynx', 'Tailgater Team', 'BRONZE KEYSTONE'], CN),
  grp(
    'APT27',
    'APT27',
    [
      'Emissary Panda',
      'Iron Tiger',
      'LuckyMouse',
      'Lucky Mouse',
      'Linen Typhoon',
      'BRONZE UNION',
      'TG-3390',
      'Threat Group-3390',
      'Iron Taurus',
    ],
    CN,
  ),
  grp('APT31', 'APT31', ['ZIRCONIUM', 'Judgment Panda', 'Violet Typhoon', 'BRONZE VINEWOOD', 'TA412'], CN),
  grp(
    'APT40',
    'APT40',
    [
      'TEMP.Periscope',
      'TEMP.Jumper',
      'Kryptonite Panda',
      'Gingham Typhoon',
      'BRONZE MOHAWK',
      'TA423',
      'Red Ladon',
      'MUDCARP',
    ],
    CN,
  ),
  grp(
    'APT41',
    'APT41',
    [
      'Wicked Panda',
      'Brass Typhoon',
      'Double Dragon',
      'BRONZE ATLAS',
      'BRONZE EXPORT',
      'Grayfly',
      'Earth Baku',
      'TA415',
      'Red Kelpie',
    ],
    CN,
  ),
  grp(
    'Volt Typhoon',
    'Volt Typhoon',
    ['BRONZE SILHOUETTE', 'Vanguard Panda', 'Insidious Taurus', 'VOLTZITE', 'UNC3236', 'DEV-0391', 'Storm-0391'],
    CN,
  ),
  grp('GhostEmperor', 'Salt Typhoon', ['FamousSparrow', 'Operator Panda', 'RedMike', 'UNC2286'], CN),
  grp('HAFNIUM', 'Hafnium', ['Silk Typhoon', 'Murky Panda'], CN),
  grp('Flax Typhoon', 'Flax Typhoon', ['Ethereal Panda', 'Storm-0919'], CN),
  grp(
    'MUSTANG PANDA',
    'Mustang Panda',
    [
      'BRONZE PRESIDENT',
      'HoneyMyte',
      'TA416',
      'Earth Preta',
      'Stately Taurus',
      'Twill Typhoon',
      'Red Lich',
      'TEMP.Hex',
    ],
    CN,
  ),
  grp('Naikon', 'Naikon', ['Override Panda', 'BRONZE GENEVA'], CN),
  // MISP id "Tick" is an ordinary word: not used as a surface form.
  grp('Tick', 'BRONZE BUTLER', ['REDBALDKNIGHT', 'Stalker Panda'], { ...CN, idIsNotAName: true }),
  grp(
    'Earth Lusca',
    'Earth Lusca',
    ['Aquatic Panda', 'RedHotel', 'Charcoal Typhoon', 'BRONZE UNIVERSITY', 'TAG-22'],
    CN,
  ),
  grp('BlackTech', 'BlackTech', ['Circuit Panda', 'Palmerworm', 'Manga Taurus', 'Earth Hundun'], CN),
  grp('Storm-0558', 'Storm-0558', [], CN),
  grp('UNC3886', 'UNC3886', [], CN),
  grp('MirrorFace', 'MirrorFace', ['Earth Kasha'], CN),
  grp('Dragonbridge', 'Spamouflage', ['Spamouflage Dragon'], CN),

  // ---- Russia ----
  grp(
    'APT28',
    'APT28',
    [
      'Fancy Bear',
      'Sofacy',
      'Sednit',
      'STRONTIUM',
      'Forest Blizzard',
      'Pawn Storm',
      'Tsar Team',
      'IRON TWILIGHT',
      'BlueDelta',
      'Fighting Ursa',
      'TA422',
      'SNAKEMACKEREL',
      'TG-4127',
      'UAC-0001',
      'UAC-0028',
    ],
    RU,
  ),
  grp(
    'APT29',
    'APT29',
    [
      'Cozy Bear',
      'CozyDuke',
      'The Dukes',
      'NOBELIUM',
      'Midnight Blizzard',
      'YTTRIUM',
      'IRON HEMLOCK',
      'UNC2452',
      'DarkHalo',
      'StellarParticle',
      'BlueBravo',
      'Cloaked Ursa',
      'TA421',
      'UAC-0029',
    ],
    RU,
  ),
  grp(
    'Sandworm',
    'Sandworm',
    [
      'Sandworm Team',
      'Voodoo Bear',
      'Seashell Blizzard',
      'APT44',
      'IRON VIKING',
      'TeleBots',
      'Quedagh',
      'FROZENBARENTS',
      'UAC-0082',
      'UAC-0113',
    ],
    RU,
  ),
  grp(
    'Turla',
    'Turla',
    ['Venomous Bear', 'Uroburos', 'Waterbug', 'Secret Blizzard', 'IRON HUNTER', 'Blue Python', 'UAC-0003', 'UAC-0024'],
    RU,
  ),
  grp(
    'Gamaredon Group',
    'Gamaredon',
    [
      'Primitive Bear',
      'Armageddon',
      'Shuckworm',
      'Aqua Blizzard',
      'ACTINIUM',
      'Trident Ursa',
      'IRON TILDEN',
      'BlueAlpha',
      'UAC-0010',
    ],
    RU,
  ),
  // "Dragonfly" is RISKY (ordinary word) but it is the name most used in news.
  grp(
    'ENERGETIC BEAR',
    'Energetic Bear',
    [
      'Dragonfly',
      'Berserk Bear',
      'Crouching Yeti',
      'Ghost Blizzard',
      'IRON LIBERTY',
      'DYMALLOY',
      'TG-4192',
      'Koala Team',
    ],
    RU,
  ),
  grp('SaintBear', 'Ember Bear', ['Saint Bear', 'Cadet Blizzard', 'UNC2589', 'UAC-0056', 'TA471', 'FROZENVISTA'], RU),
  grp('Callisto', 'Star Blizzard', ['COLDRIVER', 'SEABORGIUM', 'Gossamer Bear', 'TA446', 'BlueCharlie', 'UNC4057'], RU),
  grp('Void Blizzard', 'Void Blizzard', ['Laundry Bear'], RU),
  // Triton/Trisis: US Treasury sanctioned the Russian state research institute CNIIHM (2020).
  grp('TEMP.Veles', 'TEMP.Veles', ['XENOTIME'], RU),
  // Persona used by Sandworm/APT44 (Mandiant, Ukrainian authorities).
  grp('Solntsepek', 'Solntsepek', [], RU),
  grp('Ghostwriter', 'Ghostwriter', ['UNC1151', 'TA445', 'PUSHCHA', 'Storm-0257', 'DEV-0257', 'UAC-0057']),

  // ---- Pro-Russian hacktivist fronts (no official state sponsor) ----
  grp('Killnet', 'Killnet', []),
  grp('NoName057(16)', 'NoName057(16)', ['NoName057', 'NoName05716']),
  grp('Cyber Army of Russia Reborn', 'Cyber Army of Russia Reborn', ['CARR']),

  // ---- Other hacktivist groups that claim attacks under their own name ----
  // MISP gives these hacktivists their country of origin; they act against that state's government or on their
  // own account, so no state is recorded as their sponsor.
  grp('Cyber Partisans', 'Belarusian Cyber Partisans', [
    'Cyber Partisans',
    'Cyber-Partisans',
    'Cyberpartisans',
    'Cyberpartisans biélorusses',
    'Cyber-partisans biélorusses',
  ]),
  grp('Silent Crow', 'Silent Crow', []),
  grp('IT Army of Ukraine', 'IT Army of Ukraine', ['IT Army', 'armée informatique ukrainienne']),
  grp('Jabaroot', 'JabaRoot DZ', ['Jabaroot DZ', 'JabaRoot']),
  grp('Guacamaya', 'Guacamaya', []),
  // Persona that claims hack-and-leak operations against Israel; MISP gives PS, researchers tie it to Iran.
  grp('Handala', 'Handala', ['Handala Hack', 'Handala Hack Team']),
  // Recorded Future's name for a China-linked cluster (no state recorded in MISP).
  grp('RedEcho', 'RedEcho', []),

  // ---- North Korea ----
  grp(
    'Lazarus Group',
    'Lazarus Group',
    [
      'Lazarus',
      'Hidden Cobra',
      'Labyrinth Chollima',
      'Diamond Sleet',
      'NICKEL ACADEMY',
      'Whois Hacking Team',
      'TA404',
      'Appleworm',
    ],
    KP,
  ),
  grp('STARDUST CHOLLIMA', 'APT38', ['APT 38', 'BlueNoroff', 'BeagleBoyz', 'Sapphire Sleet', 'COPERNICIUM'], KP),
  grp('Silent Chollima', 'Andariel', ['Onyx Sleet', 'Stonefly'], KP),
  grp(
    'Kimsuky',
    'Kimsuky',
    ['Velvet Chollima', 'THALLIUM', 'Emerald Sleet', 'APT43', 'Black Banshee', 'Sparkling Pisces', 'TA427'],
    KP,
  ),
  grp(
    'APT37',
    'APT37',
    ['APT 37', 'ScarCruft', 'Group123', 'Group 123', 'Ricochet Chollima', 'InkySquid', 'Venus 121', 'Moldy Pisces'],
    KP,
  ),
  grp('TraderTraitor', 'TraderTraitor', ['Jade Sleet', 'UNC4899'], KP),
  grp('WageMole', 'Famous Chollima', ['Nickel Tapestry', 'UNC5267'], KP),

  // ---- Iran ----
  grp(
    'APT33',
    'APT33',
    ['APT 33', 'Refined Kitten', 'HOLMIUM', 'Peach Sandstorm', 'MAGNALLIUM', 'COBALT TRINITY', 'TA451'],
    IR,
  ),
  grp(
    'OilRig',
    'OilRig',
    [
      'APT34',
      'APT 34',
      'Helix Kitten',
      'Hazel Sandstorm',
      'EUROPIUM',
      'Crambus',
      'COBALT GYPSY',
      'Evasive Serpens',
      'TA452',
      'IRN2',
    ],
    IR,
  ),
  grp(
    'Charming Kitten',
    'Charming Kitten',
    [
      'APT35',
      'APT 35',
      'PHOSPHORUS',
      'Mint Sandstorm',
      'Magic Hound',
      'Newscaster',
      'Newscaster Team',
      'COBALT ILLUSION',
      'TA453',
    ],
    IR,
  ),
  grp('APT39', 'APT39', ['Remix Kitten', 'COBALT HICKMAN', 'Radio Serpens', 'TA454', 'ITG07'], IR),
  grp('APT42', 'APT42', ['UNC788', 'CALANQUE'], IR),
  grp(
    'MuddyWater',
    'MuddyWater',
    [
      'Static Kitten',
      'Seedworm',
      'Mango Sandstorm',
      'TEMP.Zagros',
      'Boggy Serpens',
      'COBALT ULSTER',
      'TA450',
      'Earth Vetala',
    ],
    IR,
  ),
  // US government (CISA 2023, Treasury 2024): affiliated with the IRGC Cyber-Electronic Command.
  grp('Cyber Av3ngers', 'CyberAv3ngers', ['CyberAvengers'], IR),
  grp('Fox Kitten', 'Fox Kitten', ['Pioneer Kitten', 'Parisite', 'UNC757', 'Lemon Sandstorm', 'RUBIDIUM'], IR),
  grp('Pink Sandstorm', 'Agrius', ['AMERICIUM', 'Agonizing Serpens', 'DEV-0022'], IR),
  grp('Cotton Sandstorm', 'Emennet Pasargad', ['NEPTUNIUM', 'Haywire Kitten'], IR),
  grp('MosesStaff', 'Moses Staff', ['Marigold Sandstorm', 'DEV-0500'], IR),
  grp(
    'Tortoiseshell',
    'Tortoiseshell',
    ['Imperial Kitten', 'Crimson Sandstorm', 'CURIUM', 'TA456', 'Yellow Liderc'],
    IR,
  ),
  // Albania 2022: FBI/CISA and the Albanian government attributed the attacks to Iran.
  grp('HomeLand Justice', 'HomeLand Justice', [], IR),

  // ---- Other state-linked groups ----
  grp('Equation Group', 'Equation Group', ['EQGRP'], { state: 'US' }),
  grp('Longhorn', 'Longhorn', ['The Lamberts', 'Lamberts', 'APT-C-39'], { state: 'US' }),
  grp(
    'APT32',
    'APT32',
    [
      'OceanLotus',
      'Ocean Lotus',
      'SeaLotus',
      'Canvas Cyclone',
      'BISMUTH',
      'Ocean Buffalo',
      'TIN WOODLAWN',
      'Cobalt Kitty',
      'APT-C-00',
      'POND LOACH',
    ],
    { state: 'VN' },
  ),
  grp('Stealth Falcon', 'Stealth Falcon', ['FruityArmor'], { state: 'AE' }),
  // EFF / Lookout traced it to a building of Lebanon's General Directorate of General Security.
  grp('Dark Caracal', 'Dark Caracal', [], { state: 'LB' }),
  // "Patchwork" alone is an ordinary word; only the qualified form is a name.
  grp('QUILTED TIGER', 'Patchwork APT', ['Dropping Elephant', 'Chinastrats', 'APT-C-09'], { state: 'IN' }),
  grp('RAZOR TIGER', 'SideWinder', ['APT-C-17', 'T-APT-04'], { state: 'IN' }),
  // "Bitter" alone is an ordinary word.
  grp('HAZY TIGER', 'Bitter APT', ['T-APT-17', 'APT-C-08', 'TA397'], { state: 'IN' }),
  grp(
    'Operation C-Major',
    'Transparent Tribe',
    ['APT36', 'APT 36', 'Mythic Leopard', 'ProjectM', 'C-Major', 'COPPER FIELDSTONE', 'Earth Karkaddan', 'Storm-0156'],
    { state: 'PK' },
  ),
  grp('DarkHotel', 'DarkHotel', ['DUBNIUM', 'Fallout Team', 'APT-C-06', 'Tapaoux', 'Zigzag Hail']),
  grp('Molerats', 'Molerats', ['Gaza Cybergang', 'Gaza Hackers Team', 'Extreme Jackal', 'ALUMINUM SARATOGA']),
  grp('AridViper', 'Arid Viper', ['APT-C-23', 'Two-tailed Scorpion']),
  grp('Careto', 'Careto', []),
  grp('Predatory Sparrow', 'Predatory Sparrow', ['Gonjeshke Darande']),

  // ---- Criminal groups (no state sponsor recorded) ----
  grp('Evil Corp', 'Evil Corp', ['GOLD DRAKE', 'INDRIK SPIDER', 'Manatee Tempest']),
  grp('WIZARD SPIDER', 'Wizard Spider', ['GOLD BLACKBURN', 'Periwinkle Tempest', 'DEV-0193']),
  grp('FIN7', 'FIN7', ['Carbon Spider', 'GOLD NIAGARA', 'Sangria Tempest']),
  grp('TA505', 'TA505', ['Graceful Spider', 'GOLD TAHOE', 'Hive0065']),
  grp('BITWISE SPIDER', 'LockBit', []),
  grp('GOLD SOUTHFIELD', 'REvil', ['Sodinokibi', 'PINCHY SPIDER']),
  grp('Alpha Spider', 'BlackCat', ['ALPHV', 'ALPHV Ransomware Group', 'Noberus']),
  grp('Conti', 'Conti', []),
  grp('Cl0p', 'Cl0p', ['Clop']),
  grp('Scattered Spider', 'Scattered Spider', [
    'UNC3944',
    'Octo Tempest',
    'Muddled Libra',
    '0ktapus',
    'Oktapus',
    'Scatter Swine',
    'Storm-0971',
    'DEV-0971',
  ]),
  // MISP id "LAPSUS" is a French word ("un lapsus"): not used as a surface form.
  grp('LAPSUS', 'Lapsus$', ['DEV-0537', 'Strawberry Tempest', 'SLIPPY SPIDER', 'UNC3661'], { idIsNotAName: true }),
  grp('ShinyHunters', 'ShinyHunters', []),
  grp('Anonymous Sudan', 'Anonymous Sudan', ['Storm-1359']),
  grp('Black Basta', 'Black Basta', []),
  grp('DarkSide', 'DarkSide', []),
  grp('RansomHub', 'RansomHub', []),
  grp('Rhysida', 'Rhysida', []),
  grp('Qilin', 'Qilin', []),
];
