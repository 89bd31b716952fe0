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

const WORD_RUN = /[A-Za-z0-9_]+/g;
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

interface Entry {
  name: string;
  /** A word boundary is needed after it (it ends with a word character). */
  trail: boolean;
}

export class NameMatcher {
  private readonly byRun = new Map<string, Entry[]>();

  /** `names` in order of precedence (the regex's alternation order); each must start with an ASCII word character. */
  constructor(names: readonly string[]) {
    for (const name of names) {
      const run = /^[A-Za-z0-9_]+/.exec(name)?.[0];
      if (run === undefined) throw new Error(`NameMatcher: "${name}" does not start with a word character`);
      const entry = { name, trail: isWordChar(name.charCodeAt(name.length - 1)) };
      const list = this.byRun.get(run);
      if (list === undefined) this.byRun.set(run, [entry]);
      else list.push(entry);
    }
  }

  /** Start offsets of the matches, in order, non-overlapping. */
  offsets(text: string): number[] {
    const out: number[] = [];
    const re = new RegExp(WORD_RUN.source, 'g');
    let end = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const at = m.index;
      if (at < end) continue;
      const entries = this.byRun.get(m[0]);
      if (entries === undefined) continue;
      for (const { name, trail } of entries) {
        const after = at + name.length;
        if (!text.startsWith(name, at)) continue;
        if (trail && after < text.length && isWordChar(text.charCodeAt(after))) continue;
        out.push(at);
        end = after;
        // A name may end inside what the run regex would read next: go on from its end.
        if (re.lastIndex < after) re.lastIndex = after;
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
