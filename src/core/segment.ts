import type { Segment } from './types';

/**
 * Sentence segmentation with exact offsets: every segment's `text` equals
 * `input.slice(start, end)`, trimmed of surrounding white space.
 *
 * Rules: a sentence ends at . ! ? … (plus closing quotes or brackets) when
 * the next non-space character can start a sentence; paragraph breaks always
 * end one; a single line break ends one unless the next line reads as a
 * continuation (starts in lower case after a line with no final punctuation).
 */

// Abbreviations after which a period does not end a sentence (compared lower-cased, without the dot).
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'ltd',
  'co',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'no',
  'nos',
  'vol',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'u.s.a',
  'd.c',
  'p.m',
  'a.m',
  'approx',
  'dept',
  'est',
  'mt',
  // French
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'me',
  'pr',
  'dr',
  'av',
  'apr',
  'j.-c',
  'p',
  'pp',
  'art',
  'env',
  'ex',
  'janv',
  'févr',
  'fevr',
  'avr',
  'juil',
  'déc',
  'sept',
  'boul',
  'bd',
]);

// After these, a period followed by a capitalised common sentence opener still ends the sentence.
const SOFT_ABBREVIATIONS = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'etc', 'inc', 'corp', 'ltd', 'co']);
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'in',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'but',
  'this',
  'that',
  'these',
  'those',
  'on',
  'at',
  'as',
  'its',
  'their',
  'his',
  'her',
  'there',
  'officials',
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'il',
  'elle',
  'ils',
  'elles',
  'nous',
  'on',
  'ce',
  'cette',
  'mais',
  'selon',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’»)]}';
const OPENERS = '"“«([\'‘¿¡—–-•*';

function isSpace(c: string): boolean {
  return (
    c === ' ' ||
    c === '\t' ||
    c === '\n' ||
    c === '\r' ||
    c === '\f' ||
    c === '\v' ||
    c === '\u00a0' ||
    c === '\u202f' ||
    c === '\u2009'
  );
}

function canStartSentence(c: string): boolean {
  if (OPENERS.includes(c)) return true;
  if (c >= '0' && c <= '9') return true;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The word (letters and inner dots) that ends right before index `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.-]/u.test(text.charAt(i - 1))) i--;
  return text.slice(i, dot);
}

function wordAfter(text: string, from: number): string {
  const m = /^[«"“(\s]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
  return m?.[1] ?? '';
}

function isAbbreviationStop(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const lower = word.toLowerCase();
  // A single capital letter: an initial ("J. Smith"), unless it is a pronoun-like "I".
  if (/^\p{Lu}$/u.test(word) && word !== 'I' && word !== 'A') return !isOpener(text, next, lower);
  if (!ABBREVIATIONS.has(lower)) return false;
  if (SOFT_ABBREVIATIONS.has(lower)) return !isOpener(text, next, lower);
  return true;
}

function isOpener(text: string, next: number, _abbr: string): boolean {
  return SENTENCE_OPENERS.has(wordAfter(text, next).toLowerCase());
}

function pushTrimmed(out: Segment[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charAt(s))) s++;
  while (e > s && isSpace(text.charAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

export function segment(text: string): Segment[] {
  const out: Segment[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  const boundary = /[.!?…\n\r]/g;
  while (i < n) {
    // Jump to the next character that can end a sentence.
    boundary.lastIndex = i;
    const next = boundary.exec(text);
    if (next === null) break;
    i = next.index;
    const c = text.charAt(i);
    if (c === '\n' || c === '\r') {
      // Find the extent of this line break run.
      let j = i;
      let breaks = 0;
      while (j < n && isSpace(text.charAt(j))) {
        if (text.charAt(j) === '\n') breaks++;
        j++;
      }
      if (breaks >= 2 || j >= n || !isContinuation(text, start, i, j)) {
        pushTrimmed(out, text, start, i);
        start = j;
      }
      i = j;
      continue;
    }
    if (TERMINATORS.includes(c)) {
      let j = i + 1;
      while (j < n && TERMINATORS.includes(text.charAt(j))) j++;
      while (j < n && CLOSERS.includes(text.charAt(j))) j++;
      let k = j;
      while (
        k < n &&
        (text.charAt(k) === ' ' ||
          text.charAt(k) === '\t' ||
          text.charAt(k) === '\u00a0' ||
          text.charAt(k) === '\u202f')
      )
        k++;
      const spaced = k > j || k >= n || text.charAt(k) === '\n' || text.charAt(k) === '\r';
      if (spaced && k < n && text.charAt(k) !== '\n' && text.charAt(k) !== '\r') {
        const nextChar = text.charAt(k);
        const abbreviation = c === '.' && j === i + 1 && isAbbreviationStop(text, i, k);
        // "1. Faire toute la lumière…": a list marker, not a sentence.
        const listMarker = c === '.' && /^\s*(\d{1,3}|[ivxIVX]{1,4})$/.test(text.slice(start, i));
        if (canStartSentence(nextChar) && !abbreviation && !listMarker) {
          pushTrimmed(out, text, start, j);
          start = k;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  pushTrimmed(out, text, start, n);
  return out;
}

/** A single line break inside a sentence: the line has no final punctuation and the next starts in lower case. */
function isContinuation(text: string, lineStart: number, breakAt: number, next: number): boolean {
  let e = breakAt;
  while (e > lineStart && isSpace(text.charAt(e - 1))) e--;
  if (e === lineStart) return false;
  const last = text.charAt(e - 1);
  if (TERMINATORS.includes(last) || CLOSERS.includes(last) || last === ':') return false;
  const first = text.charAt(next);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}
