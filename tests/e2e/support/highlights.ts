import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The attribute the content script sets on <html> after each scan. */
export const ALLEGATIONS_ATTRIBUTE = 'data-counterpoint-allegations';

/** One painted range: the highlight it is registered under and the text it covers. */
export interface PaintedText {
  highlight: string;
  text: string;
}

/** One state of a fixture page (after load, after an insertion, after a navigation…). */
export interface ExpectedState {
  state: string;
  /** Path of the page in this state (single-page apps). */
  path?: string;
  /** Value of data-counterpoint-allegations. */
  allegations: number;
  highlighted: PaintedText[];
}

/** `tests/e2e/fixtures/<name>.expected.json`. */
export interface Expectation {
  fixture: string;
  url: string;
  source: string;
  states: ExpectedState[];
  /** Sentences that are on the page (or in its form fields) and must never be painted. */
  notHighlighted: string[];
  notes: string[];
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixtureHtml(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function loadExpectation(name: string): Expectation {
  return JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')) as Expectation;
}

/** Whitespace as rendered: runs collapse to one space (source line breaks inside a paragraph). */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Order-independent form for toEqual: sorted "highlight | text" lines. */
export function paintedKeys(items: readonly PaintedText[]): string[] {
  return items.map((p) => `${p.highlight} | ${normalizeSpace(p.text)}`).sort();
}

/**
 * Every range registered in `CSS.highlights`, read in the page's main world
 * (where the page itself would see them), in no particular order.
 */
export async function readPainted(page: Page): Promise<PaintedText[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: Array<{ highlight: string; text: string }> = [];
    for (const [name, highlight] of registry)
      for (const range of highlight) out.push({ highlight: name, text: range.toString() });
    return out;
  });
}

export async function allegationsAttribute(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute(ALLEGATIONS_ATTRIBUTE);
}

/** Waits for the first scan to mark the page; returns its count. */
export async function waitForScan(page: Page, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (name) => document.documentElement.getAttribute(name),
    ALLEGATIONS_ATTRIBUTE,
    { timeout },
  );
  return Number(await handle.jsonValue());
}

/**
 * Scrolls the window so that the first painted range (in document order) sits
 * near the top of the viewport; false when nothing is painted.
 */
export async function scrollToFirstHighlight(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges: Range[] = [];
    for (const [, highlight] of registry) for (const range of highlight) if (!range.collapsed) ranges.push(range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (first === undefined) return false;
    const rect = first.getBoundingClientRect();
    window.scrollTo({ top: Math.max(0, window.scrollY + rect.top - 160), behavior: 'instant' });
    return true;
  });
}
