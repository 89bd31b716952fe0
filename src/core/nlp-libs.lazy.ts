/**
 * ./nlp-libs.ts for the extension's builds (swapped in by src/tools/lazy-nlp.ts):
 * each library is compiled into a function that evaluates it on the first call.
 */
import lazyEn from 'counterpoint-lazy:compromise';
import lazyFr from 'counterpoint-lazy:fr-compromise';
import type { NlpEn, NlpFr } from './nlp-libs';

export type { NlpEn, NlpFr } from './nlp-libs';

export const loadEn = lazyEn as () => NlpEn;
export const loadFr = lazyFr as () => NlpFr;
