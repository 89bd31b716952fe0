/**
 * Finds names in a text without a regular expression: the threat-group names
 * and aliases (hundreds of them) as one alternation cost the content script
 * ~15 ms of regex compilation on every page. Here each name is filed under its
 * first run of ASCII word characters; the text's runs are looked up one by
 * one, and the names filed there are tried in order.
 *
 * Same offsets as `\b(?:NAME|NAME…)\b` matched globally (leftmost first, the
 * first name in order that fits, the next search after its end), for names
 * that start with a word character: a name that ends with one needs a word
 * boundary after it ("Conti" is not in "continue"), as in the regex; case is
 * significant ("Turla", not "turla"). tests/unit/prefilter-speed.test.ts
 * compares both on every name and the labelled sets.
 */

/** ASCII word characters ([A-Za-z0-9_]), by char code. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const isWordChar = (c: number): boolean => c < 128 && WORD[c] === 1;

interface Entry {
  name: string;
  /** A word boundary is needed after it (it ends with a word character). */
  trail: boolean;
}

export class NameMatcher {
  private readonly byRun = new Map<string, Entry[]>();
  /** First characters and lengths of the runs names are filed under: most words of a text are neither. */
  private readonly firsts = new Uint8Array(128);
  private readonly lengths: Uint8Array;

  /** `names` in order of precedence (the regex's alternation order); each must start with an ASCII word character. */
  constructor(names: readonly string[]) {
    for (const name of names) {
      const run = /^[A-Za-z0-9_]+/.exec(name)?.[0];
      if (run === undefined) throw new Error(`NameMatcher: "${name}" does not start with a word character`);
      this.firsts[run.charCodeAt(0)] = 1;
      const entry = { name, trail: isWordChar(name.charCodeAt(name.length - 1)) };
      const list = this.byRun.get(run);
      if (list === undefined) this.byRun.set(run, [entry]);
      else list.push(entry);
    }
    this.lengths = new Uint8Array(Math.max(0, ...[...this.byRun.keys()].map((k) => k.length)) + 1);
    for (const key of this.byRun.keys()) this.lengths[key.length] = 1;
  }

  /** Start offsets of the matches, in order, non-overlapping. */
  offsets(text: string): number[] {
    const out: number[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      // The next run of word characters: [at, runEnd).
      while (i < n && !isWordChar(text.charCodeAt(i))) i++;
      const at = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (at === i) break;
      if (this.firsts[text.charCodeAt(at)] !== 1 || this.lengths[i - at] !== 1) continue;
      const entries = this.byRun.get(text.slice(at, i));
      if (entries === undefined) continue;
      for (const { name, trail } of entries) {
        const after = at + name.length;
        if (!text.startsWith(name, at)) continue;
        if (trail && after < n && isWordChar(text.charCodeAt(after))) continue;
        out.push(at);
        // The search goes on after the name (which may span several runs, or end before a symbol's neighbour).
        i = Math.max(i, after);
        break;
      }
    }
    return out;
  }

  /** Whether the text holds at least one of the names. */
  test(text: string): boolean {
    return this.offsets(text).length > 0;
  }
}
