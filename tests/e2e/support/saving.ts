import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** The attribute the content script sets on <html> after anchoring the page's saved claims. */
export const SAVED_ATTRIBUTE = 'data-counterpoint-saved';

/**
 * Selects `phrase` (within one text node) with the mouse, as a reader does:
 * trusted events, which the Save button waits for.
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(text);
      if (at === -1) continue;
      n.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(n, at + text.length - 1);
      range.setEnd(n, at + text.length);
      const last = range.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    throw new Error(`no text "${text}" on the page`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** Waits for the Save button to show next to the selection; returns its box. */
export async function waitForSaveButton(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.waitForFunction(() => {
    const el = document.querySelector('counterpoint-save') as HTMLElement | null;
    return el !== null && getComputedStyle(el).display !== 'none';
  });
  const box = await page.locator('counterpoint-save').boundingBox();
  if (box === null) throw new Error('the Save button has no box');
  return box;
}

/** Clicks the Save button (a trusted click) once it shows. */
export async function clickSaveButton(page: Page): Promise<void> {
  const box = await waitForSaveButton(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Waits until the page reports `count` saved claims anchored. */
export async function waitForSavedCount(page: Page, count: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ({ name, n }) => document.documentElement.getAttribute(name) === n,
    { name: SAVED_ATTRIBUTE, n: String(count) },
    { timeout },
  );
}

/** The saved and annotated highlights: "name | text", sorted. */
export async function savedHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: string[] = [];
    for (const [name, h] of registry)
      if (name.startsWith('counterpoint-saved') || name.startsWith('counterpoint-annotated'))
        for (const r of h) out.push(`${name} | ${r.toString()}`);
    return out.sort();
  });
}

/** Clicks an export button of the library and returns the downloaded file's text. */
export async function downloadExport(library: Page, kind: string): Promise<string> {
  const [file] = await Promise.all([library.waitForEvent('download'), library.click(`button[data-export="${kind}"]`)]);
  return readFile(await file.path(), 'utf8');
}

/** Gives the library's file input a file, as a reader picking it would. */
export async function importFile(library: Page, name: string, text: string): Promise<void> {
  await library.setInputFiles('input[type="file"]', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}
