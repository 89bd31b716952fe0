/**
 * Folding for the search indexes of the library and of the statement picker:
 * lower case, no diacritics, so "Pékin", "PEKIN" and "pekin" are one word in
 * French and English alike. Pure TypeScript.
 */

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case, no diacritics: "Pékin" and "pekin" are one word. */
export function foldTerm(term: string): string {
  // Most words are ASCII; normalising them is the costly part of indexing 10,000 claims.
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded words of a text, for matching query words against (prefixes count). */
export function foldedWords(text: string): string[] {
  return foldTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}
