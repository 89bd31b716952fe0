/**
 * What every message boundary shares: a message is first copied as plain
 * JSON (no accessors run, no prototypes, bounded size and depth), then parsed
 * by its valibot schema; a handler only ever sees that parsed copy. Refusals
 * name the field: `sentences[3].text is longer than 2000 chars`.
 */
import * as v from 'valibot';

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Plain object (prototype Object.prototype or null). */
export function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** The `type` of a message if it is a plain object with a string `type` data property, else null. */
export function messageType(x: unknown): string | null {
  if (!isPlainRecord(x)) return null;
  const type = Object.getOwnPropertyDescriptor(x, 'type');
  return type && 'value' in type && typeof type.value === 'string' ? type.value : null;
}

export const JSON_LIMITS = {
  /** Pack and galaxy files, as JSON text (estimated from the value; the MISP galaxy is ~3 MB). */
  maxJsonChars: 50 * 1024 * 1024,
  /** Packs nest 4 levels, the galaxy 5: anything much deeper is not one of them. */
  maxJsonDepth: 32,
} as const;

/** Keys that would reach an object's prototype if a consumer ever copied them with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

class JsonRefusal extends Error {}

/**
 * A fresh copy of a JSON value made only of plain objects, arrays, strings,
 * finite numbers, booleans and null, refused when its JSON text would exceed
 * `maxChars`, when it nests deeper than `JSON_LIMITS.maxJsonDepth`, or when
 * it has a `__proto__` key. `name` prefixes the paths of refusals (`json.claims[2]`);
 * an empty name starts them at the first key (`sentences[2]`).
 */
export function validateJsonValue(
  x: unknown,
  name = 'json',
  maxChars: number = JSON_LIMITS.maxJsonChars,
): Validation<unknown> {
  let budget = maxChars;
  const where = (path: string) => (path === '' ? 'message' : path);
  const spend = (n: number, path: string) => {
    budget -= n;
    if (budget < 0) throw new JsonRefusal(`${where(path)}: larger than ${maxChars} chars of JSON`);
  };
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (value === null) {
      spend(4, path);
      return null;
    }
    switch (typeof value) {
      case 'string':
        spend(value.length + 2, path);
        return value;
      case 'boolean':
        spend(5, path);
        return value;
      case 'number':
        if (!Number.isFinite(value)) throw new JsonRefusal(`${where(path)}: not a finite number`);
        spend(String(value).length, path);
        return value;
      case 'object':
        break;
      default:
        throw new JsonRefusal(
          `${where(path)}: a ${typeof value} is not JSON (only strings, numbers, booleans, null, arrays and plain objects are)`,
        );
    }
    if (depth >= JSON_LIMITS.maxJsonDepth) {
      throw new JsonRefusal(`${where(path)}: nested deeper than ${JSON_LIMITS.maxJsonDepth}`);
    }
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) throw new JsonRefusal(`${where(path)}: not a plain array`);
      spend(2 + value.length, path);
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = Object.getOwnPropertyDescriptor(value, i);
        if (!item || !('value' in item)) throw new JsonRefusal(`${path}[${i}]: missing or not a data property`);
        out.push(copy(item.value, `${path}[${i}]`, depth + 1));
      }
      return out;
    }
    if (!isPlainRecord(value)) throw new JsonRefusal(`${where(path)}: not a plain object or array`);
    const keys = Reflect.ownKeys(value);
    spend(2 + keys.length, path);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (typeof key !== 'string') throw new JsonRefusal(`${where(path)}: symbol keys are not JSON`);
      const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      const at = path === '' ? shown : `${path}.${shown}`;
      if (FORBIDDEN_KEYS.has(key)) throw new JsonRefusal(`${at}: forbidden key`);
      const field = Object.getOwnPropertyDescriptor(value, key);
      if (!field || !('value' in field)) throw new JsonRefusal(`${at}: not a data property`);
      spend(key.length + 3, at);
      out[key] = copy(field.value, at, depth + 1);
    }
    return out;
  };
  try {
    return { ok: true, value: copy(x, name, 0) };
  } catch (error) {
    if (error instanceof JsonRefusal) return fail(error.message);
    // A cycle deeper than the limit is caught above; anything else (a revoked proxy) is refused too.
    return fail(`${name || 'message'}: unreadable (${error instanceof Error ? error.name : 'error'})`);
  }
}

/**
 * A JSON text (a pack file the worker read from an extension page's `blob:`
 * URL) as a value: what JSON.parse makes is plain by construction (no
 * accessors, no prototypes but Object's and Array's, finite numbers), so it is
 * not copied again — only its nesting (at most `JSON_LIMITS.maxJsonDepth`) and
 * `__proto__` keys are checked, in one walk with an explicit stack. The
 * length is the caller's check (`readPackFile` bounds the file's size).
 */
export function parseJsonText(text: string, name = 'json'): Validation<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  // Paths are only spelt out for a refusal: a 100,000-claim pack has a million values.
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= JSON_LIMITS.maxJsonDepth) {
      return fail(`${pathTo(value, node, name)}: nested deeper than ${JSON_LIMITS.maxJsonDepth}`);
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    for (const key in node) {
      if (FORBIDDEN_KEYS.has(key)) return fail(`${pathTo(value, node, name)}.__proto__: forbidden key`);
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return { ok: true, value };
}

/** The path from `root` to `target` (`json.claims[2].source`), found again depth first (refusals only). */
function pathTo(root: unknown, target: unknown, name: string): string {
  const stack: Array<[unknown, string]> = [[root, name]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, path] = top;
    if (node === target) return path;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node))
      node.forEach((child, i) => {
        stack.push([child, `${path}[${i}]`]);
      });
    else
      for (const key in node) {
        const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
        stack.push([(node as Record<string, unknown>)[key], `${path}.${shown}`]);
      }
  }
  return name;
}

/**
 * A message whose fields are exactly `entries`: refusals say "must have
 * exactly the keys …" for a missing or unknown key, "is not a plain object"
 * for anything but an object.
 */
// The content script imports this module's neighbours: unused schemas must drop out of its bundle.
/*#__NO_SIDE_EFFECTS__*/
export function exactly<const E extends v.ObjectEntries>(entries: E) {
  const keys = Object.keys(entries).join(', ');
  return v.strictObject(entries, (issue) =>
    issue.expected === 'Object' ? 'is not a plain object' : `must have exactly the keys ${keys}`,
  );
}

/** `type` must be this literal. */
/*#__NO_SIDE_EFFECTS__*/
export function typeIs<const T extends string>(type: T) {
  return v.literal(type, `must be "${type}"`);
}

/** A non-negative safe integer (offsets, indexes, tab ids). */
/*#__NO_SIDE_EFFECTS__*/
export function nonNegativeInteger(what = 'a non-negative integer') {
  return v.pipe(v.number(`must be ${what}`), v.safeInteger(`must be ${what}`), v.minValue(0, `must be ${what}`));
}

/** The field an issue is about, as `sentences[3].text`; `message` for the message itself. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    // An unknown or missing key: the object's message lists the keys it takes.
    if (item.origin === 'key') break;
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'message' : out;
}

/** One line naming the first problem: `id must not be empty`. */
export function issueReason(issue: v.BaseIssue<unknown>): string {
  // valibot's own messages ("Invalid type: …") read as a sentence of their own.
  const sep = /^[A-Z]/.test(issue.message) ? ': ' : ' ';
  return `${issuePath(issue)}${sep}${issue.message}`;
}

export interface ParseOptions {
  /** JSON characters the message may take (see `validateJsonValue`). */
  maxChars?: number;
  /** A cheap check of the raw message before it is copied (e.g. an array's declared length). */
  precheck?: (x: Record<string, unknown>) => string | null;
}

/**
 * The message checked against `schema`: first the envelope (a plain object
 * of data properties: reading an accessor could run the sender's code or
 * change between reads), then a plain-JSON copy, then the schema.
 */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  x: unknown,
  options: ParseOptions = {},
): Validation<v.InferOutput<S>> {
  if (!isPlainRecord(x)) return fail('message is not a plain object');
  for (const key of Reflect.ownKeys(x)) {
    const field = Object.getOwnPropertyDescriptor(x, key);
    if (typeof key !== 'string' || field === undefined || !('value' in field)) {
      return fail('message keys must be data properties with string names');
    }
  }
  const early = options.precheck?.(x) ?? null;
  if (early !== null) return fail(early);
  const copy = validateJsonValue(x, '', options.maxChars);
  if (!copy.ok) return copy;
  const parsed = v.safeParse(schema, copy.value, { abortEarly: true });
  if (parsed.success) return { ok: true, value: parsed.output };
  return fail(issueReason(parsed.issues[0]));
}
