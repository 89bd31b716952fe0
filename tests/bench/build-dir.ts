import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PROJECT_DIR } from '../e2e/support/extension';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The chrome-mv3 build a Chromium benchmark measures: `build` (a WXT output
 * dir holding chrome-mv3/, or that dir itself), else `.output-bench`, built
 * with `COUNTERPOINT_OUT_DIR=.output-bench npx wxt build` when missing, when
 * src/ or entrypoints/ are newer than it, or always with `rebuild` — so a
 * build in progress elsewhere (.output, .output-e2e) is never touched.
 */
export function chromeBuildDir(build: string | undefined, rebuild: boolean): string {
  if (build !== undefined) {
    const dir = isAbsolute(build) ? build : join(process.cwd(), build);
    for (const candidate of [dir, join(dir, 'chrome-mv3')])
      if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    throw new Error(`No extension build (manifest.json) in ${dir} or ${join(dir, 'chrome-mv3')}`);
  }
  const outDir = '.output-bench';
  const dir = join(PROJECT_DIR, outDir, 'chrome-mv3');
  const manifest = join(dir, 'manifest.json');
  // A build older than the sources would measure other code than the one the figures describe.
  const stale =
    existsSync(manifest) &&
    Math.max(newestMtime(join(PROJECT_DIR, 'src')), newestMtime(join(PROJECT_DIR, 'entrypoints'))) >
      statSync(manifest).mtimeMs;
  if (rebuild || stale || !existsSync(manifest)) {
    console.log(`Building the extension into ${outDir}/ …`);
    execFileSync('npx', ['wxt', 'build'], {
      cwd: PROJECT_DIR,
      env: { ...process.env, COUNTERPOINT_OUT_DIR: outDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return dir;
}
