/**
 * Bounded input for the CLI commands: every file, stream and line has a size
 * limit checked before it is held in memory, and going over it is a one-line
 * error, never a stack trace (Node cannot hold a string over ~512 MB at all).
 */
import { open, stat } from 'node:fs/promises';
import { firstInvalidUtf8 } from '../core/pack/utf8';

const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** A text or HTML document to scan (a long news page is well under 5 MB). */
  documentBytes: 64 * MiB,
  /** One line of `scan --jsonl` input. */
  jsonlLineBytes: 16 * MiB,
  /** A claim pack (100,000 statements take about 100 MB). */
  packBytes: 256 * MiB,
  /** A MISP galaxy cluster (the real ones are 1–3 MB). */
  mispBytes: 64 * MiB,
  /** Elements nested in an HTML document (browsers stop nesting at 512). */
  htmlDepth: 4_096,
} as const;

/** A problem with the input, reported on one line with the exit code of usage errors. */
export class InputError extends Error {
  override name = 'InputError';
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

export function formatBytes(n: number): string {
  return n >= MiB ? `${Math.round(n / MiB)} MB` : `${n} bytes`;
}

/** The whole file, refused (InputError) when it is not a readable regular file of at most `maxBytes`. */
export async function readFileBounded(path: string, maxBytes: number, what = 'input'): Promise<Buffer> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    throw new InputError(`cannot read '${path}': ${describeFsError(err)}`);
  }
  if (info.isDirectory()) throw new InputError(`cannot read '${path}': is a directory`);
  if (info.isFile() && info.size > maxBytes)
    throw new InputError(`'${path}' is ${formatBytes(info.size)}: the ${what} limit is ${formatBytes(maxBytes)}`);
  // Not a regular file (a FIFO, /dev/stdin): read as a stream, bounded the same way.
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read '${path}': ${describeFsError(err)}`);
  }
  try {
    return await readStreamBounded(handle.createReadStream({ autoClose: false }), maxBytes, `'${path}'`, what);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read '${path}': ${describeFsError(err)}`);
  } finally {
    await handle.close();
  }
}

/** A whole stream, refused (InputError) as soon as it passes `maxBytes`. */
export async function readStreamBounded(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  label = 'stdin',
  what = 'input',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new InputError(`${label} is larger than the ${what} limit of ${formatBytes(maxBytes)}`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

export type BoundedLine =
  | { kind: 'line'; text: string }
  | { kind: 'too-long'; bytes: number }
  | { kind: 'invalid-utf8'; byte: number };

/**
 * The lines of a stream (LF or CRLF), each decoded as UTF-8 on its own. A line
 * longer than `maxBytes` is skipped as it streams (never held whole) and
 * reported as `too-long`; a line that is not UTF-8 is reported with the
 * offset of its first bad byte. A byte-order mark is left to the caller.
 */
export async function* boundedLines(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<BoundedLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const finish = (): BoundedLine => {
    const result: BoundedLine = overflow ? { kind: 'too-long', bytes: size } : decode(Buffer.concat(parts, size));
    parts = [];
    size = 0;
    overflow = false;
    return result;
  };
  const decode = (buf: Buffer): BoundedLine => {
    const line = buf.length > 0 && buf[buf.length - 1] === 0x0d ? buf.subarray(0, buf.length - 1) : buf;
    try {
      return { kind: 'line', text: decoder.decode(line) };
    } catch {
      return { kind: 'invalid-utf8', byte: firstInvalidUtf8(line) };
    }
  };
  const take = (piece: Buffer) => {
    size += piece.length;
    if (overflow) return;
    if (size > maxBytes) {
      overflow = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      take(buf.subarray(from, nl));
      from = nl + 1;
      yield finish();
    }
    take(buf.subarray(from));
  }
  if (size > 0 || overflow) yield finish();
}
