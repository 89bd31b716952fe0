/**
 * A synthetic claim pack of any size for the matching and import benchmarks:
 * deterministic, varied speakers, accused, stances, dates and vocabulary.
 */
import type { MatchQuery } from '../../src/core/match';
import { type ClaimPack, PACK_FORMAT, PACK_FORMAT_VERSION } from '../../src/core/pack/schema';
import { rng } from './rng';

const STATES = [
  'CN',
  'US',
  'RU',
  'KP',
  'IR',
  'GB',
  'FR',
  'BE',
  'DE',
  'IL',
  'UA',
  'TW',
  'IN',
  'PK',
  'VN',
  'NL',
  'AU',
  'CA',
];
const GROUPS = [
  'APT31',
  'APT28',
  'APT29',
  'Volt Typhoon',
  'Salt Typhoon',
  'Lazarus Group',
  'Sandworm',
  'Kimsuky',
  'APT40',
];
const STANCES = ['accusation', 'attribution', 'denial', 'counter_accusation', 'fact_check', 'context'] as const;
const ACTIONS = [
  'cyberattack',
  'espionage',
  'intrusion',
  'data_theft',
  'ransomware',
  'surveillance',
  'sabotage',
] as const;
const WORDS = (
  'parliament ministry election network email utility water energy telecom satellite university hospital ' +
  'campaign intrusion espionage ransomware sanctions indictment advisory report embassy spokesperson ' +
  'parlement ministère réseau élection courriel université hôpital campagne piratage espionnage sanctions'
).split(' ');

/** Allegations of every stance, to match against a synthetic pack. */
export const BENCH_QUERIES: MatchQuery[] = [
  {
    text: 'Chinese hackers breached the email accounts of Belgian lawmakers.',
    stance: 'accusation',
    accused: 'CN',
    accuser: null,
  },
  {
    text: 'La Chine exhorte les Etats-Unis à cesser leurs cyberattaques aveugles.',
    stance: 'accusation',
    accused: 'US',
    accuser: 'CN',
  },
  {
    text: 'Moscow denied any involvement in the attack on the water utility.',
    stance: 'denial',
    accused: 'RU',
    accuser: null,
  },
  { text: 'APT31 targeted the parliament network for years.', stance: 'accusation', accused: 'APT31', accuser: 'GB' },
  {
    text: 'Pyongyang said the US is the real hacker empire.',
    stance: 'counter_accusation',
    accused: 'US',
    accuser: 'KP',
  },
];

export function syntheticPack(n: number, seed = 3): ClaimPack {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const claims: ClaimPack['claims'] = [];
  for (let i = 0; i < n; i++) {
    const speaker = pick(STATES);
    const accused = rand() < 0.3 ? [pick(GROUPS)] : [pick(STATES)];
    const stance = pick(STANCES);
    const words = Array.from({ length: 12 }, () => pick(WORDS)).join(' ');
    const year = 2014 + Math.floor(rand() * 11);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    claims.push({
      id: `s${i}`,
      text: `${speaker} officials said ${accused[0]} was behind the ${words}.`,
      lang: rand() < 0.5 ? 'en' : 'fr',
      speaker: `${speaker} spokesperson`,
      speakerActor: speaker,
      accused,
      accuser: stance === 'denial' ? pick(STATES) : speaker,
      targets: [pick(WORDS)],
      action: pick(ACTIONS),
      stance,
      date: `${year}-${month}-${day}`,
      source: { url: `https://example.org/claims/${i}`, publisher: 'Example' },
    });
  }
  const relations: ClaimPack['relations'] = [];
  for (let i = 1; i < n; i += 10) relations.push({ from: `s${i}`, to: `s${i - 1}`, type: 'denies' });
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: `synthetic-${n}`,
    version: 1,
    title: `Synthetic pack (${n} claims)`,
    license: 'CC0-1.0',
    publishedAt: '2026-11-21',
    actors: [],
    incidents: [],
    claims,
    relations,
  };
}

/**
 * The next version of a pack, as a subscription would fetch it: 1 % of the
 * claims reworded (every hundredth), the rest unchanged.
 */
export function onePercentChanged(pack: ClaimPack): ClaimPack {
  return {
    ...pack,
    version: pack.version + 1,
    claims: pack.claims.map((c, i) => (i % 100 === 50 ? { ...c, text: `${c.text} (updated)` } : c)),
  };
}
