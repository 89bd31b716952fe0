/**
 * The background's side of the card's Annotate… button and of the popup
 * opening on a page with saved claims (issue 9): who may ask, for which
 * claim, and how often.
 */
import { describeSpan } from '@core/anchor/span';
import { CounterpointDB } from '@src/background/db/database';
import type { Library } from '@src/background/library';
import { createMemoryReportStore } from '@src/background/report-store';
import { createSavedStore } from '@src/background/saved-store';
import { createBackgroundService, RejectedMessage, type Sender } from '@src/background/service';
import { afterEach, describe, expect, it, vi } from 'vitest';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const PAGE_URL = 'https://blog.example/post';
const page: Sender = { id: RUNTIME_ID, url: PAGE_URL, tab: { id: 7 }, frameId: 0 };
const otherPage: Sender = { id: RUNTIME_ID, url: 'https://www.lemonde.fr/x', tab: { id: 8 }, frameId: 0 };
const popup: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/popup.html` };

const TEXT = 'Officials said Russian hackers broke into the parliament mail server.';
const span = describeSpan(TEXT, 15, 37);

const dbs: CounterpointDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function setup() {
  const db = new CounterpointDB(`tab-actions-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  let clock = 1_700_000_000_000;
  const opened: Array<[number, string]> = [];
  const shown: number[] = [];
  const library = {
    ready: async () => {},
    listPacks: async () => [],
  } as unknown as Library;
  const service = createBackgroundService({
    createDetector: () => ({ detectSegments: () => [] }),
    reports: createMemoryReportStore(),
    badge: { setCount: async () => {} },
    library,
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    log: { warn: vi.fn() },
    now: () => clock,
    savedStore: createSavedStore(db),
    openAnnotator: async (tabId, id) => void opened.push([tabId, id]),
    showSavedInTab: async (tabId) => {
      shown.push(tabId);
      return true;
    },
  });
  const send = (message: unknown, sender: Sender) => service.handleMessage(message, sender) as Promise<never>;
  const save = async (sender: Sender) =>
    (
      (await send({ type: 'saveClaim', claim: { quote: span.quote, position: span.position, meta: {} } }, sender)) as {
        id: string;
      }
    ).id;
  return { send, save, opened, shown, tick: (ms: number) => (clock += ms) };
}

describe('Annotate… on the card', () => {
  it('opens the library on a claim saved on the sender’s own page', async () => {
    const { send, save, opened } = setup();
    const id = await save(page);
    expect(await send({ type: 'openAnnotator', id }, page)).toEqual({ ok: true });
    expect(opened).toEqual([[7, id]]);
  });

  it('refuses a claim of another page, an unknown id, extra keys, and extension pages posing as the card', async () => {
    const { send, save, opened } = setup();
    const id = await save(page);
    await expect(send({ type: 'openAnnotator', id }, otherPage)).rejects.toThrow(RejectedMessage);
    await expect(send({ type: 'openAnnotator', id: 'urn:uuid:nope' }, page)).rejects.toThrow(/not a claim/);
    await expect(send({ type: 'openAnnotator', id, url: 'https://evil.example' }, page)).rejects.toThrow(
      RejectedMessage,
    );
    await expect(send({ type: 'openAnnotator', id }, popup)).rejects.toThrow(/not a tab/);
    expect(opened).toEqual([]);
  });

  it('opens a few library tabs per minute from one tab at most', async () => {
    const { send, save, opened, tick } = setup();
    const id = await save(page);
    const answers: boolean[] = [];
    for (let i = 0; i < 8; i++) answers.push(((await send({ type: 'openAnnotator', id }, page)) as { ok: boolean }).ok);
    expect(answers).toEqual([true, true, true, true, true, true, false, false]);
    tick(61_000);
    expect(await send({ type: 'openAnnotator', id }, page)).toEqual({ ok: true });
    expect(opened).toHaveLength(7);
  });
});

describe('the popup opening on a tab', () => {
  it('asks the background to paint the tab’s saved claims; only extension pages may', async () => {
    const { send, shown } = setup();
    expect(await send({ type: 'showSavedInTab', tabId: 12 }, popup)).toEqual({ shown: true });
    await expect(send({ type: 'showSavedInTab', tabId: 12 }, page)).rejects.toThrow(/extension page/);
    await expect(send({ type: 'showSavedInTab', tabId: -1 }, popup)).rejects.toThrow(RejectedMessage);
    expect(shown).toEqual([12]);
  });
});
