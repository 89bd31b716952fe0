/**
 * SECURITY.md cites tests by file and exact name: each cited test must exist,
 * so the threat model cannot point at a test that was renamed or removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');

/** Every `tests/….test.ts(x)` cited, with the "quoted" test names that follow it (up to the next file). */
function citations(text: string): { file: string; names: string[] }[] {
  const parts = text.split(/`(tests\/[^`]+\.test\.tsx?)`/);
  const out: { file: string; names: string[] }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const following = (parts[i + 1] ?? '').split(/\n## /)[0] ?? '';
    const names = [...following.matchAll(/"([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
    out.push({ file: parts[i] as string, names });
  }
  return out;
}

/** The cited files and "file: name" pairs that do not exist. */
function missingCitations(text: string): string[] {
  const missing: string[] = [];
  for (const { file, names } of citations(text)) {
    const path = join(ROOT, file);
    if (!existsSync(path)) {
      missing.push(file);
      continue;
    }
    const source = readFileSync(path, 'utf8');
    for (const name of names) {
      // A test title, as written in an it(…) or describe(…) call with any of the three quotes.
      const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
      if (!quoted.some((q) => source.includes(q))) missing.push(`${file}: "${name}"`);
    }
  }
  return missing;
}

describe('SECURITY.md', () => {
  const cited = citations(doc);

  it('cites tests for each of the four adversaries', () => {
    for (const heading of [
      '## 1. A hostile page',
      '## 2. A hostile claim pack',
      '## 3. A compromised subscription host',
      '## 4. Hostile input to the command line',
    ])
      expect(doc).toContain(heading);
    expect(cited.length).toBeGreaterThan(25);
    expect(cited.flatMap((c) => c.names).length).toBeGreaterThan(50);
  });

  it('cites only test files and test names that exist', () => {
    expect(missingCitations(doc)).toEqual([]);
  });

  it('notices a renamed test and a missing file (the check is not vacuous)', () => {
    const renamed = ['never', 'existed'].join(' ');
    expect(
      missingCitations(
        `\`tests/unit/security-doc.test.ts\`: "${renamed}"; "cites only test files and test names that exist". \`tests/unit/gone.test.ts\`: "x".`,
      ),
    ).toEqual([`tests/unit/security-doc.test.ts: "${renamed}"`, 'tests/unit/gone.test.ts']);
  });
});
