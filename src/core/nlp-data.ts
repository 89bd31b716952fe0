/**
 * Data the extension's NLP libraries may be handed before their first use
 * (see src/tools/compromise-snapshot.ts, French part): the file the build
 * writes it to, and where the worker leaves its content for the library.
 * Pure constants: the worker, the libraries' build step and tests share them.
 */
export const FR_LEXICON_FILE = 'nlp/fr-lexicon.json';
/** `globalThis[Symbol.for(FR_LEXICON_KEY)]`, read once, by fr-compromise's lexicon plugin. */
export const FR_LEXICON_KEY = 'counterpoint.fr-lexicon';
