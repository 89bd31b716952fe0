import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/cli/html';
import { extractAddedText, extractPageText } from '../../src/content/extract';

// `scan FILE.html` and the content script must read a page the same way: the
// e2e pages (whose highlights are checked in Chromium) and the CLI's article.
const E2E_FIXTURES = new URL('../e2e/fixtures/', import.meta.url);
const PAGES = new Map<string, URL>([
  ...readdirSync(E2E_FIXTURES)
    .filter((name) => name.endsWith('.html'))
    .map((name): [string, URL] => [name, new URL(name, E2E_FIXTURES)]),
  ['cli/article.html', new URL('../fixtures/cli/article.html', import.meta.url)],
]);

const read = (name: string) => readFileSync(PAGES.get(name) as URL, 'utf8');

function contentScriptReading(html: string) {
  const { document } = parseHTML(html);
  return extractPageText(document as unknown as Document);
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

interface Expected {
  states: Array<{ state: string; highlighted: Array<{ text: string }> }>;
}

describe('one reading of HTML for the CLI and the content script', () => {
  it('covers every e2e fixture page', () => {
    expect(PAGES.size).toBeGreaterThanOrEqual(7);
  });

  it.each([...PAGES.keys()])('%s: the CLI reads exactly the text the content script reads', (name) => {
    const html = read(name);
    const page = contentScriptReading(html);
    expect(page.text.length).toBeGreaterThan(0);
    expect(htmlToText(html)).toBe(page.text);
    // Every chunk still maps back to its Text node, character for character.
    for (const { node, start } of page.chunks) {
      const pre = node.parentElement?.closest('pre') != null;
      expect(page.text.slice(start, start + node.data.length)).toBe(
        pre ? node.data : node.data.replace(/[\t\n\r\f]/g, ' '),
      );
    }
  });

  // Pages whose article is in the HTML (no script renders it): what Chromium highlights once loaded is in the text.
  it.each(['reuters-style.html', 'lesoir-seed-004.html', 'xinhua-seed-000.html'])(
    '%s: holds every sentence highlighted in Chromium, and none of the text typed by the reader',
    (name) => {
      const expected = JSON.parse(
        readFileSync(new URL(name.replace(/\.html$/, '.expected.json'), E2E_FIXTURES), 'utf8'),
      ) as Expected;
      const loaded = expected.states.find((s) => s.state === 'loaded');
      expect(loaded).toBeDefined();
      const text = squash(htmlToText(read(name)));
      for (const { text: sentence } of loaded?.highlighted ?? []) expect(text).toContain(squash(sentence));
      expect(text).not.toMatch(/smart fridge|Parlement wallon/);
    },
  );

  it('marks what it read in `seen`: an added-nodes scan does not read it again', () => {
    const html = read('reuters-style.html');
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    const seen = new WeakSet<Node>();
    expect(extractPageText(doc, { seen }).text).toBe(htmlToText(html));
    const main = doc.querySelector('main') as Element;
    expect(extractAddedText(doc, [main, ...Array.from(main.children)], undefined, seen).text).toBe('');
  });
});
