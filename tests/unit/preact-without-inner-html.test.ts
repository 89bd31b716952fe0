// The popup's chunk writes no HTML: Preact's dangerouslySetInnerHTML path is removed at build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { preactWithoutInnerHtml, withoutInnerHtml } from '@src/tools/preact-without-inner-html';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(createRequire(import.meta.url).resolve('preact/package.json')), 'dist');
const BUILDS = ['preact.module.js', 'preact.mjs', 'preact.js'];
/** Any assignment to innerHTML of something other than a string literal. */
const UNSAFE = /\.innerHTML\s*=\s*(?!["'`])/;

describe('Preact without its innerHTML path', () => {
  it.each(BUILDS)('%s: removes the one dangerouslySetInnerHTML assignment, keeps the rest', (name) => {
    const code = readFileSync(join(dist, name), 'utf8');
    expect(code).toMatch(UNSAFE);
    const out = withoutInnerHtml(code, name);
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('dangerouslySetInnerHTML is not available in Counterpoint');
    // Clearing (innerHTML = "") is not writing markup, and stays.
    expect(out).toContain('.innerHTML=""');
    expect(out.length - code.length).toBeLessThan(120);
  });

  it('fails the build when Preact changes (no assignment, or more than one)', () => {
    expect(() => withoutInnerHtml('el.textContent = x;', 'preact.module.js')).toThrow(/found 0/);
    expect(() => withoutInnerHtml('a.innerHTML=b.__html;c.innerHTML=d.__html', 'x.js')).toThrow(/found 2/);
  });

  it("transforms Preact's builds only", () => {
    const plugin = preactWithoutInnerHtml();
    expect(plugin.transform('a.innerHTML=b.__html', '/p/node_modules/preact/dist/preact.module.js')?.code).toMatch(
      /throw/,
    );
    expect(plugin.transform('a.innerHTML=b.__html', '/p/node_modules/other/dist/preact.module.js')).toBeNull();
    expect(plugin.transform('a.innerHTML=b.__html', '/p/src/ui/popup/Popup.tsx')).toBeNull();
  });
});
