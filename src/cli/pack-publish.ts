/**
 * Publishing claim packs (issue 11): `pack build DIR` assembles a folder of
 * claim files into one stamped, validated pack and its SHA-256 checksum;
 * `pack split FILE DIR` turns a pack into such a folder; `pack schema` prints
 * or writes the JSON Schema generated from the valibot schema.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  assemblePack,
  HEADER_FILE,
  isoNow,
  type PartFile,
  parseVersion,
  splitPack,
  versionOf,
} from '../core/pack/build';
import { PackError, parsePackBytes } from '../core/pack/schema';
import { firstInvalidUtf8 } from '../core/pack/utf8';
import { formatBytes, INPUT_LIMITS, InputError, readFileBounded } from './input';
import { PACK_SCHEMA_PATH, packJsonSchemaText } from './pack-schema';
import { errorLine, forTerminal } from './terminal';

export interface PublishIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  /** The build's clock (tests fix it); SOURCE_DATE_EPOCH wins over it. */
  now?: () => Date;
}

/** Files of a pack folder: at most this many (100,000 claims in files of one claim, plus room). */
const MAX_FILES = 200_000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const say = (s: string) => forTerminal(s, { oneLine: true });

function fail(io: PublishIO, message: string, code = 2): number {
  io.stderr.write(`pack: ${say(message)}\n`);
  return code;
}

/** Every *.json file under `dir` but the header, sorted; hidden entries and symbolic links are left out. */
async function listParts(dir: string): Promise<string[]> {
  const out: string[] = [];
  // An explicit stack: a folder nested deep must not exhaust the call stack.
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(path);
      else if (e.isFile() && e.name.endsWith('.json') && path !== HEADER_FILE) out.push(path);
      if (out.length > MAX_FILES) throw new InputError(`'${dir}' holds more than ${MAX_FILES} part files`);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** JSON from a file's bytes: strict UTF-8, an optional byte-order mark; the error names the file. */
function parseJsonFile(path: string, bytes: Buffer): unknown {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes.subarray(start));
  if (bad !== -1) throw new PackError(`${path}: invalid UTF-8 at byte ${start + bad}`);
  try {
    return JSON.parse(bytes.subarray(start).toString('utf8'));
  } catch (err) {
    throw new PackError(`${path}: invalid JSON: ${errorLine(err).slice(0, 200)}`);
  }
}

/** The build time: SOURCE_DATE_EPOCH (seconds, for reproducible builds) or the clock. */
function buildTime(io: PublishIO): Date | string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return io.now?.() ?? new Date();
  if (!/^\d{1,12}$/.test(epoch)) return `SOURCE_DATE_EPOCH must be whole seconds, got "${epoch}"`;
  return new Date(Number(epoch) * 1000);
}

/** Writes next to the target then renames: a reader never sees half a pack. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export function sha256Line(bytes: string | Buffer, fileName: string): string {
  // The format of sha256sum, so that `sha256sum -c FILE.sha256` checks it.
  return `${createHash('sha256').update(bytes).digest('hex')}  ${fileName}\n`;
}

export async function runBuild(args: string[], io: PublishIO): Promise<number> {
  let values: { out?: string; version?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string', short: 'o' }, version: { type: 'string' } },
    }));
  } catch (err) {
    return fail(io, errorLine(err));
  }
  const [dirArg, ...extra] = positionals;
  if (dirArg === undefined || extra.length > 0) return fail(io, 'usage: pack build DIR [--out FILE] [--version N]');
  const dir = resolve(dirArg);
  const out = resolve(values.out ?? `${dir.replace(/[\\/]+$/, '')}.json`);
  if (out.startsWith(`${dir}${sep}`))
    return fail(io, `the output '${out}' must not be inside the folder it is built from`);
  let version: number | undefined;
  if (values.version !== undefined) {
    version = parseVersion(values.version);
    if (version === undefined)
      return fail(io, `--version must be a whole number from 1 to 2^53 − 1, got "${values.version}"`);
  }
  const time = buildTime(io);
  if (typeof time === 'string') return fail(io, time);

  let header: unknown;
  const parts: PartFile[] = [];
  const problems: string[] = [];
  let total = 0;
  try {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) return fail(io, `'${dirArg}' is not a folder`);
    const headerBytes = await readFileBounded(join(dir, HEADER_FILE), INPUT_LIMITS.packBytes, 'header');
    try {
      header = parseJsonFile(HEADER_FILE, headerBytes);
    } catch (err) {
      if (!(err instanceof PackError)) throw err;
      problems.push(err.message);
    }
    for (const path of await listParts(dir)) {
      const bytes = await readFileBounded(join(dir, path), INPUT_LIMITS.packBytes, 'part file');
      total += bytes.length;
      if (total > INPUT_LIMITS.packBytes)
        return fail(io, `the parts of '${dirArg}' pass the claim pack limit of ${formatBytes(INPUT_LIMITS.packBytes)}`);
      try {
        parts.push({ path, json: parseJsonFile(path, bytes) });
      } catch (err) {
        if (!(err instanceof PackError)) throw err;
        problems.push(err.message);
      }
    }
  } catch (err) {
    if (err instanceof InputError) return fail(io, err.message);
    throw err;
  }
  if (problems.length === 0) {
    try {
      const stamped =
        version !== undefined && typeof header === 'object' && header !== null ? { ...header, version } : header;
      const pack = assemblePack(stamped, parts, { version: version ?? versionOf(time), publishedAt: isoNow(time) });
      const text = `${JSON.stringify(pack)}\n`;
      await mkdir(dirname(out), { recursive: true });
      await writeAtomic(out, text);
      const sum = sha256Line(text, basename(out));
      await writeAtomic(`${out}.sha256`, sum);
      io.stdout.write(
        `${say(`built ${relativeOrAbsolute(out)}: ${pack.id} v${pack.version} (${pack.publishedAt}) — ${pack.claims.length} claims, ${pack.relations.length} relations, ${pack.incidents.length} incidents, ${pack.actors.length} actors, from ${parts.length} files`)}\n${say(`sha256 ${sum.slice(0, 64)} → ${relativeOrAbsolute(out)}.sha256`)}\n`,
      );
      return 0;
    } catch (err) {
      if (!(err instanceof PackError)) throw err;
      problems.push(...err.issues);
    }
  }
  for (const p of problems) io.stdout.write(`${say(p)}\n`);
  io.stderr.write(
    `pack: ${say(`'${dirArg}'`)} does not build (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing written\n`,
  );
  return 1;
}

function relativeOrAbsolute(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export async function runSplit(args: string[], io: PublishIO): Promise<number> {
  const [file, dirArg, ...extra] = args;
  if (file === undefined || dirArg === undefined || extra.length > 0 || file.startsWith('-'))
    return fail(io, 'usage: pack split FILE DIR');
  let pack: ReturnType<typeof parsePackBytes>;
  try {
    pack = parsePackBytes(await readFileBounded(file, INPUT_LIMITS.packBytes, 'claim pack'));
  } catch (err) {
    if (err instanceof InputError) return fail(io, err.message);
    if (err instanceof PackError) return fail(io, `'${file}' is not a valid claim pack: ${err.message}`, 1);
    throw err;
  }
  const dir = resolve(dirArg);
  const existing = await readdir(dir).catch(() => null);
  if (existing !== null && existing.length > 0) return fail(io, `'${dirArg}' exists and is not empty: nothing written`);
  let files: Map<string, unknown>;
  try {
    files = splitPack(pack);
  } catch (err) {
    if (err instanceof PackError) return fail(io, err.message, 1);
    throw err;
  }
  for (const [path, json] of files) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(json, null, 2)}\n`);
  }
  io.stdout.write(
    `${say(`split ${pack.id} v${pack.version} into ${files.size} files in ${relativeOrAbsolute(dir)} (pack build stamps the next version)`)}\n`,
  );
  return 0;
}

export async function runSchema(args: string[], io: PublishIO): Promise<number> {
  const write = args.includes('--write');
  const check = args.includes('--check');
  if (args.some((a) => a !== '--write' && a !== '--check') || (write && check))
    return fail(io, 'usage: pack schema [--write | --check]');
  const text = packJsonSchemaText();
  const path = join(ROOT, PACK_SCHEMA_PATH);
  if (check) {
    const committed = await readFile(path, 'utf8').catch(() => '');
    if (committed === text) return 0;
    return fail(io, `${PACK_SCHEMA_PATH} differs from the valibot schema: run npm run pack:schema`, 1);
  }
  if (write) {
    await writeAtomic(path, text);
    io.stdout.write(`wrote ${PACK_SCHEMA_PATH}\n`);
  } else io.stdout.write(text);
  return 0;
}
