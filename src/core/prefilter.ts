/**
 * The prefilter: one compiled RegExp that finds the sentences worth parsing.
 * It is a deliberate superset (cyber vocabulary and threat-group names in
 * English and French, all inflections) and runs at regex speed, so that the
 * NLP stage only ever sees candidate sentences. Safe for the content script:
 * it imports nothing heavy.
 */
import { GROUPS as BUILTIN_GROUPS } from './actors/groups';
import {
  ACCUSATION_NOUNS,
  ATTRIBUTION_CUES,
  CYBER_UNIT_NAMES,
  DENIAL_CONTEXT_CUES,
  GENERIC_OPERATION_NOUNS,
  INCIDENT_NAMES,
  INCIDENT_VICTIMS,
} from './lexicon';
import { NameMatcher } from './prefilter-names';
import { segment } from './segment';
import { accentInsensitive, escapeRegExp } from './text';
import type { Segment } from './types';

// Stems, not words: "cyber" covers cyberattaque(s), cyber-attaque, cyberespionnage, cyberattacks…
const STEMS = [
  'cyber',
  'compromis',
  'exploit',
  'sabot',
  'intercept',
  'ing[eé]r',
  'informati',
  'leak',
  'defac',
  'd[ée]figur',
  'extorsion',
  'ransom',
  'ran[cç]on',
  'stolen',
  'theft',
  'heist',
  'steal',
  'fake (?:social[- ]media )?accounts',
  'information war',
  'hijack',
  'inauthenti',
  'false[- ]flag',
  'faux drapeau',
  'guerre informationnelle',
  'faux comptes',
  "s['’]introdui",
  "s(?:e sont|['’]est|['’][ée]taient?) introdui",
  'contr[ôo]le (?:de|des|du) (?:r[ée]seaux|syst[èe]mes|serveurs|ordinateurs)',
  '(?:pris|prendre|prise) le contr[ôo]le',
  't(?:ook|ake|aken|aking) control',
  'braquage',
  'd[ée]rob',
  'hors (?:ligne|service)',
  'offline',
  'state[- ](?:sponsored|backed|linked)',
  'soutenus? par l.[ée]tat',
  'parrain[ée]e?s? par',
  'hack',
  'pirat',
  'espion',
  'espionage',
  'spying',
  'spied',
  'spyware',
  'malware',
  'maliciel',
  'malveillant',
  'ransomware',
  'ran[cç]ongiciel',
  'intrusion',
  'breach',
  'infiltr',
  'exfiltr',
  'phishing',
  'hame[cç]onnage',
  'ddos',
  'd[ée]ni de service',
  'denial[- ]of[- ]service',
  'botnet',
  'back ?doors?',
  'infect(?:ed|ing|s|e|ent|ait|aient|ant)? (?:the |their |its |his |her |les |des |ses |leurs )(?:[\\w-]+ ){0,3}?(?:i?phones?|smartphones?|t[ée]l[ée]phones|computers?|ordinateurs?|devices?|appareils?|servers?|serveurs?|networks?|r[ée]seaux)',
  'portes? d[ée]rob[ée]e',
  'trojan',
  'chevaux? de troie',
  'wiper',
  'zero[- ]day',
  'surveillance',
  'vols? (?:massifs? )?de donn[ée]es',
  'data theft',
  'stole',
  'spy on',
  'siphon',
  'br(?:eak|oke|oken|eaking)s? into',
  'vols? de cryptomonnaies',
  'attaques? (?:in)?formatique',
  'attaques? num[ée]rique',
  'agression (?:digitale|num[ée]rique)',
];

// Threat-group naming schemes and well-known names (word-bounded: "Conti" must not match "continue").
const GROUPS = [
  'APT ?-?\\d{1,3}',
  'UNC\\d{3,4}',
  'TA\\d{3}',
  'Storm-\\d{3,4}',
  'DEV-\\d{4}',
  'FIN\\d{1,2}',
  '[A-Z][a-z]+ (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Panda|Bear|Kitten|Chollima|Spider|Jackal|Tiger|Leopard|Cobra)',
  'Lazarus',
  'Sandworm',
  'Turla',
  'Kimsuky',
  'Andariel',
  'Gamaredon',
  'LockBit',
  'Conti',
  'REvil',
  'ALPHV',
  'BlackCat',
  'Cl0p',
  'Killnet',
  'NoName057',
  'Equation Group',
  'Hafnium',
  'HAFNIUM',
  'Nobelium',
  'NOBELIUM',
  'Strontium',
  'STRONTIUM',
  'Zirconium',
  'ZIRCONIUM',
  'Sofacy',
  'MuddyWater',
  'OilRig',
  'NotPetya',
  'WannaCry',
  'Stuxnet',
];

// ASCII word boundaries, no 'u' flag: a lookbehind at every position would cost the prefilter half its speed.
const BOUNDED = (src: string) => `\\b(?:${accentInsensitive(src)})\\b`;

/**
 * The stems as one alternation factored by first letter ("c(?:yber|ompromis)|e(?:xploit|…)"): the
 * engine then tries one branch per position instead of every stem, which doubles the throughput
 * and finds the same positions (tests/unit/prefilter.test.ts compares it with the plain list).
 */
export function factorByFirstLetter(stems: readonly string[]): string {
  const byLetter = new Map<string, string[]>();
  const rest: string[] = [];
  for (const stem of stems) {
    const first = stem[0] ?? '';
    // Only a plain letter not followed by a quantifier can be shared.
    if (/[a-z]/.test(first) && !/^.[?*+{]/.test(stem)) {
      const tails = byLetter.get(first);
      if (tails === undefined) byLetter.set(first, [stem.slice(1)]);
      else tails.push(stem.slice(1));
    } else rest.push(stem);
  }
  const factored = [...byLetter].map(([c, tails]) =>
    tails.length === 1 ? `${c}${tails[0]}` : `${c}(?:${tails.join('|')})`,
  );
  return [...factored, ...rest].join('|');
}

/** The plain list, kept to check the factored alternation against. */
export const PREFILTER_STEMS: readonly string[] = STEMS;

/*
 * Nothing below is built when the module loads: the content script evaluates
 * this module on every page, and building the sources and compiling the
 * regular expressions (V8 compiles one on its first use, several milliseconds
 * each for these) is left to the first scan, or to `prefilterWarmUp`, which
 * lets a caller pay for them one task at a time.
 */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

export const prefilterSource = once(() => `(?:${factorByFirstLetter(STEMS)})|\\b(?:${GROUPS.join('|')})\\b`);

/** Named incidents and their victims ("NotPetya", "the attack on Sony"): a regex of their own, which keeps both fast. */
export const incidentsSource = once(() => BOUNDED(`${INCIDENT_NAMES}|${INCIDENT_VICTIMS}`));

/**
 * On a page about cyber operations, sentences with these words are read too:
 * "the attack", "l'affaire", "blamed", "accusations", "the Sony hack", "a joint
 * investigation", "n'a rien à voir". They
 * carry allegations whose operation was named in an earlier sentence.
 */
export function contextSource(factored = true): string {
  const list = [GENERIC_OPERATION_NOUNS, ATTRIBUTION_CUES, ACCUSATION_NOUNS, DENIAL_CONTEXT_CUES].join('|');
  return BOUNDED(factored ? factorByFirstLetter(topLevelAlternatives(list)) : list);
}

/**
 * The top-level alternatives of a regular expression's source ("a(?:b|c)|d" → "a(?:b|c)", "d"),
 * so that a long word list can be factored: tested once per sentence on every page about cyber
 * operations, the unfactored context list cost thirty times more than the factored one.
 */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}
/** Candidate sentences that make a page "about cyber operations". */
const TOPIC_SENTENCES = 2;
/** How far (in sentences) from a candidate a context sentence may be. */
const CONTEXT_WINDOW = 3;

/**
 * Every built-in threat-group name and alias ("Predatory Sparrow", "RedEcho"), matched with its
 * case: several are ordinary words in lower case.
 */
const groupNameLists = once(() => {
  const names = [...new Set(BUILTIN_GROUPS.flatMap((g) => [...g.names.en, ...(g.aliases ?? [])]))].sort(
    (a, b) => b.length - a.length,
  );
  const wordy = names.filter((n) => /^\w.*\w$|^\w$/.test(n));
  const wordySet = new Set(wordy);
  return { wordy, others: names.filter((n) => !wordySet.has(n)) };
});

/**
 * The group names as one regex source (the reference the matcher below is
 * tested against; the prefilter itself no longer compiles it).
 */
export const groupNamesSource = once(() => {
  const { wordy, others } = groupNameLists();
  // One \b(?:…)\b group keeps the regex engine fast; the few names that start or end with a symbol
  // ("Lapsus$", "NoName057(16)") get their own boundaries.
  return [
    `\\b(?:${CYBER_UNIT_NAMES.join('|')})\\b`,
    `\\b(?:${wordy.map(escapeRegExp).join('|')})\\b`,
    ...others.map((n) => `${/^\w/.test(n) ? '\\b' : ''}${escapeRegExp(n)}${/\w$/.test(n) ? '\\b' : ''}`),
  ].join('|');
});

// Global (for prefilterHits, which resets lastIndex) and sticky-free: `test` on them is always from 0.
const lexiconRe = once(() => new RegExp(prefilterSource(), 'gi'));

/** Unit names, then group names longest first, then those with a symbol: the regex's precedence. */
export const groupNames = once(() => {
  const { wordy, others } = groupNameLists();
  const all = [...CYBER_UNIT_NAMES, ...wordy, ...others];
  const plain = all.filter((n) => /^\w/.test(n));
  // None today: a name that starts with a symbol has no word boundary to be filed under.
  const odd = all.filter((n) => !/^\w/.test(n));
  const oddRe =
    odd.length > 0
      ? new RegExp(odd.map((n) => `${escapeRegExp(n)}${/\w$/.test(n) ? '\\b' : ''}`).join('|'), 'g')
      : null;
  const matcher = new NameMatcher(plain);
  return {
    offsets(text: string): number[] {
      const found = matcher.offsets(text);
      return oddRe === null ? found : [...found, ...matchOffsets(oddRe, text)].sort((a, b) => a - b);
    },
  };
});
const incidentsRe = once(() => new RegExp(incidentsSource(), 'gi'));
// Only pages about cyber operations use it; warmed up last.
const contextRegExp = once(() => new RegExp(contextSource(), 'i'));

const testFrom0 = (re: RegExp, text: string): boolean => {
  re.lastIndex = 0;
  return re.test(text);
};

/** Longer than the length (1,000) from which V8 compiles a regex to machine code on its next run. */
const WARM_UP_TEXT = ' '.repeat(1_024);

/**
 * The prefilter's regular expressions, one per step: each step builds one and
 * has V8 compile it (to bytecode, then to machine code). Run one step per task
 * before the first scan, and no task pays for them all at once.
 */
export function prefilterWarmUp(): Array<() => void> {
  return [
    // Once on a short text (V8 compiles to bytecode), once on a long one (to machine code at once).
    ...[lexiconRe, incidentsRe, contextRegExp].map((re) => () => {
      testFrom0(re(), '');
      testFrom0(re(), WARM_UP_TEXT);
    }),
    () => void groupNames().offsets('APT28'),
  ];
}

/** Whether a text mentions anything the detector could care about. */
export function prefilter(text: string): boolean {
  return testFrom0(lexiconRe(), text) || groupNames().offsets(text).length > 0 || testFrom0(incidentsRe(), text);
}

/** Offsets of every prefilter hit, in order. */
export function prefilterHits(text: string): number[] {
  const lexicon = matchOffsets(lexiconRe(), text);
  const others = [...groupNames().offsets(text), ...matchOffsets(incidentsRe(), text)];
  if (others.length === 0) return lexicon;
  return [...lexicon, ...others].sort((a, b) => a - b);
}

// Sentences that introduce a speaker ("Wang Wenbin, porte-parole du ministère chinois…") are sent
// along as context, so that "a indiqué M. Wang" two sentences later resolves to the right state.
const SPEAKER_INTRO =
  /\p{Lu}[\p{L}-]+ \p{Lu}[\p{L}-]+, (?:the |le |la |l['’])?(?:porte-parole|spokes(?:person|man|woman)|minist|ambassad)|(?:spokes(?:person|man|woman)|minister|ambassador|porte-parole) \p{Lu}[\p{L}-]+ \p{Lu}/u;

const SPEAKER_INTRO_G = new RegExp(SPEAKER_INTRO.source, 'gu');

/**
 * The sentences that contain at least one prefilter hit, plus (with
 * `context`, the default) sentences that introduce a speaker, and, on a page
 * about cyber operations (several candidates, or `cyberTopic` when the caller
 * knows), the sentence after each candidate and every sentence with a word of
 * attribution, a claim or a generic operation noun. In document order.
 */
export function candidateSegments(
  text: string,
  segments: Segment[] = segment(text),
  options: { context?: boolean; cyberTopic?: boolean } = {},
): Segment[] {
  const hits = prefilterHits(text);
  if (hits.length === 0 && options.cyberTopic !== true) return [];
  const withContext = options.context !== false;
  const picked = new Array<boolean>(segments.length).fill(false);
  const hit = sentencesWith(hits, segments);
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    if (!hit[i]) continue;
    picked[i] = true;
    count++;
  }
  if (withContext) {
    const intros = sentencesWith(matchOffsets(SPEAKER_INTRO_G, text), segments);
    for (let i = 0; i < segments.length; i++) if (intros[i]) picked[i] = true;
    if (options.cyberTopic ?? count >= TOPIC_SENTENCES) {
      // Allegations cluster around the sentences that name an operation: only their neighbourhood is read.
      const near = options.cyberTopic === true ? hit.map(() => true) : nearHits(hit, CONTEXT_WINDOW);
      // Only the neighbourhood is tested: on a long page with few candidates, most sentences are never read.
      for (let i = 0; i < segments.length; i++)
        if (near[i] && !picked[i] && contextRegExp().test((segments[i] as Segment).text)) picked[i] = true;
    }
    // "Hackers hit the ministry. The outage lasted two days. Officials blamed Moscow.": the two sentences after a candidate.
    for (let i = 1; i < segments.length; i++) if (hit[i - 1] || (i > 1 && hit[i - 2])) picked[i] = true;
  }
  return segments.filter((_, i) => picked[i]);
}

/** Sentences within `window` sentences of a candidate, either side. */
function nearHits(hit: readonly boolean[], window: number): boolean[] {
  const out = new Array<boolean>(hit.length).fill(false);
  let last = -Infinity;
  for (let i = 0; i < hit.length; i++) {
    if (hit[i]) last = i;
    out[i] = i - last <= window;
  }
  last = Infinity;
  for (let i = hit.length - 1; i >= 0; i--) {
    if (hit[i]) last = i;
    if (last - i <= window) out[i] = true;
  }
  return out;
}

/** For each segment, whether one of the (sorted) offsets falls in it: one pass over both lists. */
function sentencesWith(offsets: readonly number[], segments: readonly Segment[]): boolean[] {
  const out = new Array<boolean>(segments.length).fill(false);
  let h = 0;
  segments.forEach((s, i) => {
    while (h < offsets.length && (offsets[h] as number) < s.start) h++;
    out[i] = h < offsets.length && (offsets[h] as number) < s.end;
  });
  return out;
}

function matchOffsets(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    re.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return out;
}
