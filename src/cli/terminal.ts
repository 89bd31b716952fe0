/**
 * What the CLI writes to a terminal. Input text, HTML entities, a pack's
 * speaker, a MISP name or a file name can hold characters a terminal obeys
 * rather than shows: ESC and CSI sequences (clear the screen, rewrite the
 * title, fake a line), other C0/C1 controls, and bidirectional overrides that
 * reorder what the reader sees. Every untrusted string goes through
 * `forTerminal` before a human-readable write; JSON output goes through
 * `jsonForTerminal`, which keeps it the same JSON value.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the bidi embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// The same, plus line breaks, for one-line messages.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const visible = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `s` with every control, escape and bidi-control character written out as
 * `\xHH` / `\uHHHH`, so that it is shown and never obeyed. Line feeds and tabs
 * are kept unless `oneLine` is set (error messages stay on one line).
 */
export function forTerminal(s: string, options: { oneLine?: boolean } = {}): string {
  return s.replace(options.oneLine === true ? UNSAFE_ONE_LINE : UNSAFE, visible);
}

// Inside JSON.stringify's output these can only occur in strings, where \uHHHH means the same character.
const UNSAFE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON.stringify, with the characters it leaves raw that a terminal obeys (C1
 * controls, DEL, bidi controls) escaped as `\uHHHH`: the same JSON value,
 * safe to print (JSON.stringify already escapes C0 controls, ESC included).
 */
export function jsonForTerminal(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    UNSAFE_IN_JSON,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An error's message on one line, controls made visible: never a stack trace. */
export function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return forTerminal(message.replace(/\s*\n\s*/g, ' '), { oneLine: true }).slice(0, 2_000);
}
