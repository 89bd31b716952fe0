/**
 * Text helpers shared by the core. Folding keeps string length so that every
 * offset found in folded text is an offset in the original text.
 */

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  const code = c.charCodeAt(0);
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x2032) f = "'";
  else if (code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2014) f = '-';
  else if (code === 0x00a0 || code === 0x202f || code === 0x2009) f = ' ';
  else if (c === 'œ' || c === 'Œ') f = 'o';
  else if (c === 'æ' || c === 'Æ') f = 'a';
  else {
    const base = c.normalize('NFD').charAt(0).toLowerCase();
    // Keep a one-to-one mapping: only take the decomposed base when it is one UTF-16 unit.
    f = base.length === 1 ? base : c.toLowerCase().charAt(0) || c;
  }
  foldCache.set(c, f);
  return f;
}

/** Lower-case, strip diacritics, normalise quotes, dashes and spaces; same length as the input. */
export function fold(text: string): string {
  let out = '';
  let plainFrom = 0;
  let pending = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    pending += text.slice(plainFrom, i).toLowerCase() + foldChar(text.charAt(i));
    plainFrom = i + 1;
  }
  out = pending + text.slice(plainFrom).toLowerCase();
  return out;
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters and digits in any script: what a word boundary is made of. */
export const WORD_CHAR = '[\\p{L}\\p{N}]';
export const NOT_BEFORE = `(?<!${WORD_CHAR})`;
export const NOT_AFTER = `(?!${WORD_CHAR})`;

const ACCENTED: Record<string, string> = {
  a: '[aàâä]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîï]',
  o: '[oôöœ]',
  u: '[uùûü]',
  "'": "['’]",
};

/**
 * A RegExp source written over folded text (see `fold`) made to match the
 * text as written: each plain vowel, c and apostrophe also matches its
 * accented forms. Escapes (\w, \p{L}), classes […] and quantifiers {…} are
 * left alone. Lets the prefilter, which never folds the page (too slow for
 * the content script), share the lexicon the detector reads.
 */
export function accentInsensitive(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      // Keep the escape and what it escapes ("\p{L}" whole).
      const braced = /^\\[pP]\{[^}]*\}/.exec(source.slice(i));
      const esc = braced ? braced[0] : source.slice(i, i + 2);
      out += esc;
      i += esc.length - 1;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '{') {
      const close = source.indexOf('}', i);
      out += source.slice(i, close + 1);
      i = close;
    } else {
      out += ACCENTED[c] ?? c;
    }
  }
  return out;
}
