/**
 * `npm run --silent pack -- validate FILE`: checks a claim pack and prints every
 * problem, `path: message`, one per line. Exit 0 when valid, 1 when not, 2 on
 * usage or read errors.
 *
 * `npm run --silent pack -- stats [FILE] [--json]`: what a pack (the built-in
 * data when no FILE is given) covers — incidents, statements per side and per
 * language, the incidents heard from every side, the sources' hosts — and the
 * breaches of the data rules (src/core/pack/quality.ts). Exit 0, or 1 when a
 * rule is broken.
 *
 * `build DIR`, `split FILE DIR`, `schema`: publishing packs (./pack-publish.ts).
 */

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { builtinGazetteer } from '../core/detect';
import { type PackStats, packProblems, packStats, type QualityResolver } from '../core/pack/quality';
import { type ClaimPack, PackError, parsePackBytes } from '../core/pack/schema';
import { SEED_PACK } from '../data/seed-pack';
import { INPUT_LIMITS, InputError, readFileBounded } from './input';
import { runBuild, runSchema, runSplit } from './pack-publish';
import { errorLine, forTerminal, jsonForTerminal } from './terminal';

export interface PackIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

const USAGE = `Usage: npm run --silent pack -- validate FILE
       npm run --silent pack -- stats [FILE] [--json]
       npm run --silent pack -- build DIR [--out FILE] [--version N]
       npm run --silent pack -- split FILE DIR
       npm run --silent pack -- schema [--write | --check]

validate  Checks a Counterpoint claim pack (JSON) against the format (see README
          and public/claim-pack.schema.json): shape, ISO dates, URLs, unique ids,
          relations and incidents that point at existing entries. Prints every
          problem as "path: message".
stats     Prints what a pack covers (the built-in data when no FILE is given):
          incidents, statements per side and per language, incidents heard from
          every side, sources' hosts; then every breach of the data rules
          (unknown actors, long quotes, answers older than what they answer, an
          incident without its accused side). --json prints one JSON object.
build     Assembles a pack from a folder: DIR/pack.json (id, title, license,
          description, homepage, version) and every other *.json file under DIR
          (each an object with actor/incident/claim/relation or their plurals,
          e.g. one incident with its claims per file). Validates the whole,
          stamps publishedAt (now, or SOURCE_DATE_EPOCH) and the version (--version,
          else pack.json's, else the UTC minute as YYYYMMDDhhmm), writes
          --out FILE (default DIR.json) and FILE.sha256 (sha256sum format).
          Problems are printed by file; nothing is written then.
split     Writes a pack as such a folder (DIR must be empty or absent):
          pack.json, actors.json, incidents/ID.json, claims/ID.json.
schema    Prints the JSON Schema generated from the valibot schema; --write
          rewrites public/claim-pack.schema.json, --check exits 1 if it differs.

Exit codes: 0 valid, 1 invalid (or a data rule broken), 2 usage or read error.
`;

export async function runPack(argv: string[], io: PackIO): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'stats') return runStats(argv.slice(1), io);
  const publishIO = { ...io, env: io.env ?? {} };
  if (command === 'build') return runBuild(argv.slice(1), publishIO);
  if (command === 'split') return runSplit(argv.slice(1), publishIO);
  if (command === 'schema') return runSchema(argv.slice(1), publishIO);
  if (command !== 'validate' || file === undefined || rest.length > 0) {
    io.stderr.write(`pack: usage: pack validate FILE | stats [FILE] [--json] | build DIR | split FILE DIR | schema\n`);
    return 2;
  }
  const bytes = await readPackFile(file, io);
  if (bytes === null) return 2;
  try {
    const pack = parsePackBytes(bytes);
    io.stdout.write(
      `ok: ${pack.id} v${pack.version} — ${pack.claims.length} claims, ${pack.relations.length} relations, ${pack.incidents.length} incidents, ${pack.actors.length} actors\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    // A problem's path can hold a key of the file: shown, never obeyed by the terminal.
    for (const issue of err.issues) io.stdout.write(`${forTerminal(issue, { oneLine: true })}\n`);
    io.stderr.write(
      `pack: ${forTerminal(`'${file}'`, { oneLine: true })} is not a valid claim pack (${err.issues.length} problem${err.issues.length === 1 ? '' : 's'})\n`,
    );
    return 1;
  }
}

/** The file's bytes, or null after a one-line error (missing, a directory, over the size limit). */
export async function readPackFile(file: string, io: PackIO): Promise<Buffer | null> {
  try {
    return await readFileBounded(file, INPUT_LIMITS.packBytes, 'claim pack');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr.write(`pack: ${errorLine(err)}\n`);
    return null;
  }
}

async function runStats(args: string[], io: PackIO): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length > 1 || files.some((f) => f.startsWith('-'))) {
    io.stderr.write(`pack: usage: pack stats [FILE] [--json]\n`);
    return 2;
  }
  let pack: ClaimPack = SEED_PACK;
  const file = files[0];
  if (file !== undefined) {
    const bytes = await readPackFile(file, io);
    if (bytes === null) return 2;
    try {
      pack = parsePackBytes(bytes);
    } catch (err) {
      if (!(err instanceof PackError)) throw err;
      io.stderr.write(
        `pack: ${forTerminal(`'${file}' is not a valid claim pack: ${err.message}`, { oneLine: true })} (run pack validate for every problem)\n`,
      );
      return 1;
    }
  }
  const g = builtinGazetteer();
  const resolver: QualityResolver = {
    stateOf: (id) => g.stateOf(id),
    known: (id) => g.get(id) !== undefined || g.lookup(id) !== undefined,
  };
  const stats = packStats(pack, resolver);
  const problems = packProblems(pack, resolver);
  if (json) io.stdout.write(`${jsonForTerminal({ ...stats, problems })}\n`);
  else io.stdout.write(forTerminal(formatStats(stats, problems)));
  return problems.length > 0 ? 1 : 0;
}

const line = (counts: Record<string, number>, max = Number.POSITIVE_INFINITY) =>
  Object.entries(counts)
    .slice(0, max)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function formatStats(s: PackStats, problems: string[]): string {
  const hosts = Object.keys(s.hosts).length;
  const out = [
    `${s.pack} v${s.version}`,
    `incidents     ${s.incidents} (${s.incidentsWithAllSides} heard from every side that spoke${s.incidentsAccusedSilent > 0 ? ` — in ${s.incidentsAccusedSilent} the accused did not answer` : ''}; ${s.incidentsWithStatus} with an evidence status)`,
    `statements    ${s.statements} (${s.statementsBySide.accusing} by the accusing side, ${s.statementsBySide.accused} by the accused side${s.statementsBySide.noIncident > 0 ? `, ${s.statementsBySide.noIncident} in no incident` : ''})`,
    `relations     ${s.relations}`,
    `by language   ${line(s.statementsByLang)}`,
    `by stance     ${line(s.statementsByStance)}`,
    `sources       ${hosts} hosts; most cited: ${line(s.hosts, 12)}`,
    '',
    'incident                                                      statements  accusing  accused  all sides',
    ...s.perIncident.map(
      (i) =>
        `${(i.name.length > 60 ? `${i.name.slice(0, 59)}…` : i.name).padEnd(62)}${String(i.statements).padStart(10)}${String(i.accusingSide).padStart(10)}${String(i.accusedSide).padStart(9)}  ${i.accusedSilent ? 'yes (accused did not answer)' : i.allSides ? 'yes' : `no (${i.accused.join(', ')} not heard)`}`,
    ),
    '',
    problems.length === 0 ? 'data rules: all hold' : `data rules: ${problems.length} broken`,
    ...problems.map((p) => `  ${p}`),
  ];
  return `${out.join('\n')}\n`;
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
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      // `pack validate … | head` closes the pipe early: that is not an error.
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  runPack(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // One line, never a stack trace.
      process.stderr.write(`pack: internal error: ${errorLine(err).slice(0, 300)}\n`);
      process.exitCode = 2;
    },
  );
}
