/**
 * ./nlp-libs.ts for the extension's builds (swapped in by src/tools/lazy-nlp.ts):
 * each library is compiled into a function that evaluates it on the first call.
 */
import lazyEn from 'counterpoint-lazy:compromise';
import lazyFr from 'counterpoint-lazy:fr-compromise';
import { FR_LEXICON_FILE, FR_LEXICON_KEY } from './nlp-data';
import type { NlpEn, NlpFr } from './nlp-libs';
import type { Lang } from './types';

export type { NlpEn, NlpFr } from './nlp-libs';

let frLoaded = false;

export const loadEn = lazyEn as () => NlpEn;
export const loadFr = (): NlpFr => {
  frLoaded = true;
  return (lazyFr as () => NlpFr)();
};

function handedFr(): unknown {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(FR_LEXICON_KEY)];
}

/**
 * The file the library of `lang` would like before its first use, or null:
 * French reads its expanded lexicon from `FR_LEXICON_FILE` (~0.2 s less than
 * expanding it; see src/tools/compromise-snapshot.ts) until it is evaluated.
 */
export function nlpDataFile(lang: Lang): string | null {
  return lang === 'fr' && !frLoaded && handedFr() === undefined ? FR_LEXICON_FILE : null;
}

/** Hands over the content of `nlpDataFile(lang)`, before the library's first use (later, it is ignored). */
export function provideNlpData(lang: Lang, data: unknown): void {
  if (lang !== 'fr' || frLoaded) return;
  if (!isFrLexicon(data)) throw new Error(`${FR_LEXICON_FILE}: not the French lexicon's data`);
  (globalThis as Record<symbol, unknown>)[Symbol.for(FR_LEXICON_KEY)] = data;
}

function isFlat(d: unknown): boolean {
  if (typeof d !== 'object' || d === null) return false;
  const { keys, sep, table, codes } = d as Record<string, unknown>;
  return typeof keys === 'string' && typeof sep === 'string' && Array.isArray(table) && typeof codes === 'string';
}

function isFrLexicon(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { lexicon, multi } = data as Record<string, unknown>;
  return isFlat(lexicon) && isFlat(multi);
}
