/**
 * Search terms shared by the claim database (its `*terms` index) and the
 * matcher: lower-case, accent-folded words without stop words, lightly
 * stemmed, with English and French cyber vocabulary mapped to one concept
 * each ("cyberattaque", "cyber-attack" → "cyberattack"), so that a French
 * allegation finds an English statement and the other way round.
 */
import { fold } from '../text';

const STOP = new Set(
  `a an the of to in on at by for from with and or but not no is are was were be been being has have had it its this that these those
  as into over after before than then also said says say will would could should may might can who whom which what when where while
  about against between during under more most other such only own same so very just le la les l un une des du de d et ou mais
  ne pas plus en dans par pour sur avec sans sous entre vers chez au aux ce cette ces cet il elle ils elles on nous vous leur leurs
  son sa ses qui que qu dont est sont a ont ete etre avait avaient selon tout tous toute toutes comme aussi apres avant lors
  depuis contre against`.split(/\s+/),
);

/** Cross-language concepts: any of the stems on the right becomes the word on the left. */
const CONCEPTS: Array<[string, RegExp]> = [
  ['cyberattack', /^(?:cyber-?attac?k\w*|cyber-?attaqu\w*|attaqu\w*|attack\w*|cyberoffensiv\w*|agression)$/],
  ['hack', /^(?:hack\w*|pirat\w*|cyberpirat\w*|hackeur\w*)$/],
  ['espionage', /^(?:espion\w*|cyber-?espion\w*|espionnag\w*|spy\w*|spie[sd]|spying)$/],
  ['intrusion', /^(?:intrusion\w*|breach\w*|infiltr\w*|compromi\w*)$/],
  ['theft', /^(?:theft|vol|vols|stole|stolen|steal\w*|exfiltr\w*|derob\w*)$/],
  ['ransomware', /^(?:ransomware\w*|rancongiciel\w*|ranson\w*|ransom)$/],
  ['malware', /^(?:malware\w*|maliciel\w*|malveillant\w*|virus|trojan\w*|backdoor\w*|wiper\w*)$/],
  ['surveillance', /^(?:surveill\w*|wiretap\w*|ecoute\w*|intercept\w*)$/],
  ['sabotage', /^(?:sabot\w*)$/],
  ['phishing', /^(?:phish\w*|hameconnag\w*)$/],
  ['ddos', /^(?:ddos|deni|denial)$/],
  ['denial', /^(?:den(?:y|ies|ied|ial)|dement\w*|nie|nient|nier|reject\w*|rejet\w*|rejett\w*|refut\w*)$/],
  ['accusation', /^(?:accus\w*|alleg\w*|blame\w*)$/],
  ['attribution', /^(?:attribu\w*|imput\w*)$/],
  ['sanction', /^(?:sanction\w*)$/],
  ['indictment', /^(?:indict\w*|inculp\w*|charged|charges)$/],
  ['parliament', /^(?:parliament\w*|parlement\w*|deputes?|mps|lawmakers?|elus?|parlementaires?)$/],
  ['election', /^(?:election\w*|electoral\w*|electoraux)$/],
  ['infrastructure', /^(?:infrastructur\w*)$/],
  ['government', /^(?:gouvernement\w*|government\w*)$/],
  ['university', /^(?:universit\w*)$/],
  ['embassy', /^(?:embass\w*|ambassad\w*)$/],
  ['ministry', /^(?:ministr\w*|minister\w*)$/],
  ['network', /^(?:network\w*|reseau\w*)$/],
  ['email', /^(?:e-?mails?|courriels?|messageri\w*)$/],
];

/** Words that stand for a concept, too general to identify an incident. */
export const CONCEPT_TERMS: ReadonlySet<string> = new Set(CONCEPTS.map(([c]) => c));

const stemCache = new Map<string, string>();

function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const s = stemUncached(word);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, s);
  return s;
}

function stemUncached(word: string): string {
  for (const [concept, re] of CONCEPTS) if (re.test(word)) return concept;
  // Light, language-neutral plural stripping: "hackers" and "hacker" meet, "données" and "donnée" too.
  if (word.length > 4 && /[^s]s$/.test(word) && !/(?:ais|ois|us|is)$/.test(word)) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('x') && /(?:aux|eux)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The distinct search terms of a text, in first-seen order. */
export function normaliseTerms(text: string): string[] {
  const words = fold(text).match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of words) {
    const w = raw.replace(/^-+|-+$/g, '');
    if (w.length < 2 || STOP.has(w)) continue;
    const t = stem(w);
    if (seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

/** Term frequencies (for BM25), counting repeats. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of fold(text).match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []) {
    const w = raw.replace(/^-+|-+$/g, '');
    if (w.length < 2 || STOP.has(w)) continue;
    const t = stem(w);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}
