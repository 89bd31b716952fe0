/**
 * `npm run --silent pack -- validate FILE`: checks a claim pack and prints every
 * problem, `path: message`, one per line. Exit 0 when valid, 1 when not, 2 on
 * usage or read errors.
 */

import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { PackError, parsePackJson } from '../core/pack/schema';

export interface PackIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const USAGE = `Usage: npm run --silent pack -- validate FILE

Checks a Counterpoint claim pack (JSON) against the format (see README and
public/claim-pack.schema.json): shape, ISO dates, URLs, unique ids, relations
and incidents that point at existing entries. Prints every problem as
"path: message". Exit codes: 0 valid, 1 invalid, 2 usage or read error.
`;

export async function runPack(argv: string[], io: PackIO): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'validate' || file === undefined || rest.length > 0) {
    io.stderr.write(`pack: usage: pack validate FILE\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr.write(
      `pack: cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err)}\n`,
    );
    return 2;
  }
  try {
    const pack = parsePackJson(text);
    io.stdout.write(
      `ok: ${pack.id} v${pack.version} — ${pack.claims.length} claims, ${pack.relations.length} relations, ${pack.incidents.length} incidents, ${pack.actors.length} actors\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    for (const issue of err.issues) io.stdout.write(`${issue}\n`);
    io.stderr.write(
      `pack: '${file}' is not a valid claim pack (${err.issues.length} problem${err.issues.length === 1 ? '' : 's'})\n`,
    );
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  runPack(process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
