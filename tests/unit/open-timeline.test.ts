/**
 * The card's incident link: `openTimeline` from a content script opens the
 * timeline page of an incident an installed pack has, a few times a minute at
 * most, and refuses anything else (a page may forge the message).
 */
import type { Library } from '@src/background/library';
import { createMemoryReportStore } from '@src/background/report-store';
import { createBackgroundService, type Sender } from '@src/background/service';
import { describe, expect, it, vi } from 'vitest';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const contentScript: Sender = { id: RUNTIME_ID, url: 'https://www.lesoir.be/article', tab: { id: 7 }, frameId: 0 };

function setup() {
  let clock = 1_700_000_000_000;
  const opened: Array<[number, string, string, string | undefined]> = [];
  const known = new Set(['seed/sony-2014']);
  const incidentTimeline = vi.fn<Library['incidentTimeline']>(async (pack, id) =>
    known.has(`${pack}/${id}`) ? ({ incident: { id, name: 'Sony Pictures hack (2014)' } } as never) : null,
  );
  const library = {
    ready: async () => {},
    counterStatements: async () => [],
    incidentTimeline,
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
    openTimeline: async (tabId, pack, id, date) => {
      opened.push([tabId, pack, id, date]);
    },
  });
  return {
    service,
    opened,
    incidentTimeline,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

const open = (extra: Record<string, unknown> = {}) => ({
  type: 'openTimeline',
  pack: 'seed',
  id: 'sony-2014',
  date: '2026-11-30',
  ...extra,
});

describe('openTimeline (the card’s incident link)', () => {
  it('opens the timeline of an installed incident next to the sender’s tab, with the page’s date', async () => {
    const { service, opened } = setup();
    await expect(service.handleMessage(open(), contentScript)).resolves.toEqual({ ok: true });
    expect(opened).toEqual([[7, 'seed', 'sony-2014', '2026-11-30']]);
    const { date: _, ...undated } = open();
    await expect(service.handleMessage(undated, contentScript)).resolves.toEqual({ ok: true });
    expect(opened[1]).toEqual([7, 'seed', 'sony-2014', undefined]);
  });

  it('answers that no such incident exists rather than opening a tab for it', async () => {
    const { service, opened } = setup();
    await expect(service.handleMessage(open({ id: 'made-up' }), contentScript)).resolves.toEqual({
      ok: false,
      error: 'no such incident',
    });
    expect(opened).toEqual([]);
  });

  it.each([
    ['an extra key', open({ url: 'https://evil.example/' })],
    ['a date that is not a date', open({ date: '2024-99-99' })],
    ['a date with a time', open({ date: '2024-01-01T00:00Z' })],
    ['an id with a path', open({ id: '../library.html' })],
    ['a pack with a query', open({ pack: 'seed?x=1' })],
    ['a number for the id', open({ id: 12 })],
  ])('refuses %s', async (_, message) => {
    const { service, opened, incidentTimeline } = setup();
    await expect(service.handleMessage(message, contentScript)).rejects.toThrow();
    expect(opened).toEqual([]);
    expect(incidentTimeline).not.toHaveBeenCalled();
  });

  it('refuses senders that are not this extension’s content script in a tab', async () => {
    const { service, opened } = setup();
    await expect(service.handleMessage(open(), { ...contentScript, id: 'another-extension' })).rejects.toThrow();
    await expect(service.handleMessage(open(), { id: RUNTIME_ID, url: 'https://example.org/' })).rejects.toThrow();
    expect(opened).toEqual([]);
  });

  it('opens at most six timeline tabs a minute from one tab, then again after a minute', async () => {
    const { service, opened, tick } = setup();
    for (let i = 0; i < 6; i++)
      await expect(service.handleMessage(open(), contentScript)).resolves.toEqual({ ok: true });
    await expect(service.handleMessage(open(), contentScript)).resolves.toMatchObject({ ok: false });
    expect(opened).toHaveLength(6);
    // Another tab has its own allowance.
    await expect(service.handleMessage(open(), { ...contentScript, tab: { id: 8 } })).resolves.toEqual({ ok: true });
    tick(60_001);
    await expect(service.handleMessage(open(), contentScript)).resolves.toEqual({ ok: true });
    expect(opened).toHaveLength(8);
  });
});
