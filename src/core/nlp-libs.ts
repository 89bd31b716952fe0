/**
 * The NLP libraries, as the rest of src/core reaches them: through loaders,
 * never a static import elsewhere. Here (Node: the CLI, tests, benchmarks)
 * they are imported as usual. The extension's builds swap this module for
 * ./nlp-libs.lazy.ts (src/tools/lazy-nlp.ts), where each library builds its
 * model only when a loader is first called: the service worker starts without
 * the ~0.3 s (compromise) and ~0.45 s (fr-compromise) their module evaluation
 * costs, and an English page never builds the French model. English is
 * `compromise/two`, the tagger without the phrase-level API of the default
 * build: the detector reads terms and tags only, and both builds give the same
 * tags (tests/unit/lazy-nlp.test.ts).
 */
import nlpEn from 'compromise/two';
import nlpFr from './fr-compromise.js';
import type { Lang } from './types';

export type NlpEn = typeof nlpEn;
export type NlpFr = typeof nlpFr;

export const loadEn = (): NlpEn => nlpEn;
export const loadFr = (): NlpFr => nlpFr;

/**
 * The file of data the library of `lang` would like before its first use, or
 * null: none here (Node evaluates the libraries as they ship). See
 * ./nlp-libs.lazy.ts.
 */
export function nlpDataFile(_lang: Lang): string | null {
  return null;
}

/** Hands over the content of `nlpDataFile(lang)`; nothing to do here. */
export function provideNlpData(_lang: Lang, _data: unknown): void {}
