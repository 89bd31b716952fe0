/**
 * compromise / fr-compromise, extended for this domain. Only the background
 * worker, the CLI, tests and benchmarks import this module: it is far too
 * heavy and slow for a content script, and it only ever sees candidate
 * sentences.
 */
import { loadEn, loadFr } from './nlp-libs';
import type { Lang } from './types';

export interface Term {
  /** Offsets relative to the text that was parsed. */
  start: number;
  end: number;
  text: string;
  tags: ReadonlySet<string>;
}

// French verb forms fr-compromise mis-tags (it reads "lance" as a first name,
// "vise" and "cible" as nouns, "a" as a preposition): conjugations of the verbs
// allegations are made of.
const FR_VERB_STEMS: Record<string, string[]> = {
  lanc: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'erait', 'eraient', 'ant'],
  lanç: ['ait', 'aient', 'ant', 'ons'],
  men: ['er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant', 'ons'],
  mèn: ['e', 'ent', 'erait', 'eraient', 'era'],
  vis: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  cibl: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  pirat: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  attaqu: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  espionn: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  infiltr: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  orchestr: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient'],
  accus: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  dément: ['', 'ent', 'ait', 'aient', 'i', 'ie', 'is', 'ir'],
  rejett: ['e', 'ent'],
  rejet: ['er', 'é', 'ée', 'és', 'ées', 'ait', 'aient', 'ant'],
  ni: ['e', 'ent', 'er', 'é', 'ait', 'aient', 'ant'],
  dénonc: ['e', 'ent', 'er', 'é', 'ée', 'ait', 'aient'],
  attribu: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées', 'ait', 'aient'],
  souten: ['u', 'ue', 'us', 'ues', 'ir'],
  soutien: ['t', 'nent', 'drait'],
  financ: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
  parrain: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
  commandit: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
  dérob: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
  vol: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
  exfiltr: ['e', 'ent', 'er', 'é', 'ée', 'és', 'ées'],
};

const FR_AUXILIARIES = ['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'est', 'sont', 'serait', 'seraient'];

const EN_WORDS: Record<string, string> = {
  hacked: 'PastTense',
  breached: 'PastTense',
  exfiltrated: 'PastTense',
  cyberattack: 'Noun',
  cyberattacks: 'Plural',
  ransomware: 'Noun',
  malware: 'Noun',
  spyware: 'Noun',
};

let configuredEn = false;
let configuredFr = false;

/** The library of `lang`, with this domain's words added (once, at its first use). */
function nlpFor(lang: Lang): (text: string) => { json(options?: { offset?: boolean }): unknown } {
  if (lang === 'fr') {
    const nlpFr = loadFr();
    if (!configuredFr) {
      configuredFr = true;
      nlpFr.plugin({ words: frWords(), tags: { Auxiliary: { isA: 'Verb' } } });
    }
    return nlpFr;
  }
  const nlpEn = loadEn();
  if (!configuredEn) {
    configuredEn = true;
    nlpEn.plugin({ words: EN_WORDS });
  }
  return nlpEn;
}

function frWords(): Record<string, string> {
  const fr: Record<string, string> = {};
  for (const [stem, endings] of Object.entries(FR_VERB_STEMS)) {
    for (const e of endings) {
      const w = stem + e;
      fr[w] = /(?:é|ée|és|ées)$/.test(w) ? 'PastTense' : 'Verb';
    }
  }
  for (const a of FR_AUXILIARIES) fr[a] = 'Auxiliary';
  return fr;
}

interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Tag a text with compromise (English) or fr-compromise (French). */
export function tagTerms(text: string, lang: Lang): Term[] {
  const doc = nlpFor(lang)(text);
  const json = doc.json({ offset: true }) as Array<{ terms: JsonTerm[] }>;
  const out: Term[] = [];
  for (const s of json) {
    for (const t of s.terms) {
      if (t.offset.length === 0 && t.tags.includes('Negative')) {
        // compromise splits "hasn't" into an empty Negative term: keep it, it carries negation.
        out.push({ start: t.offset.start, end: t.offset.start, text: '', tags: new Set(t.tags) });
        continue;
      }
      if (t.text === '') continue;
      out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, text: t.text, tags: new Set(t.tags) });
    }
  }
  return out;
}
