/**
 * Saved and annotated claims in the background (issue 9): who may send what,
 * the database round trip, re-anchoring reports confined to the sender's own
 * page, the per-tab budget, and imports that are all or nothing.
 */
import { describeSpan } from '@core/anchor/span';
import { toAnnotationCollection } from '@core/annotation/web-annotation';
import { CounterpointDB } from '@src/background/db/database';
import type { Library } from '@src/background/library';
import { createMemoryReportStore } from '@src/background/report-store';
import { createSavedStore } from '@src/background/saved-store';
import { createBackgroundService, RejectedMessage, type Sender } from '@src/background/service';
import { afterEach, describe, expect, it, vi } from 'vitest';

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const PAGE_URL = 'https://www.lesoir.be/article/123';
const content: Sender = { id: RUNTIME_ID, url: `${PAGE_URL}#comments`, tab: { id: 7 }, frameId: 0 };
const otherPage: Sender = { id: RUNTIME_ID, url: 'https://www.lemonde.fr/x', tab: { id: 8 }, frameId: 0 };
const libraryPage: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/library.html` };

const TEXT = 'Le parquet fédéral a indiqué que des pirates liés à Pékin avaient visé des parlementaires belges.';
const QUOTE = 'des pirates liés à Pékin avaient visé des parlementaires';
const span = describeSpan(TEXT, TEXT.indexOf(QUOTE), TEXT.indexOf(QUOTE) + QUOTE.length);

const dbs: CounterpointDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function setup(
  importPack: Library['importPack'] = async () => ({
    ok: true,
    pack: { id: 'p', version: 1, claims: 0 },
    previousVersion: null,
  }),
) {
  const db = new CounterpointDB(`saved-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  const notified: number[] = [];
  let clock = 1_700_000_000_000;
  const library: Library = {
    ready: async () => {},
    counterStatements: async () => [],
    listPacks: async () => [],
    importPack: vi.fn(importPack),
    exportPack: async () => undefined,
    exportAll: async () => ({ format: 'counterpoint-export', exportedAt: '2026-01-01T00:00:00Z', packs: [] }),
    removePack: async () => ({ ok: true, removed: false }),
    importMispGalaxy: async () => ({ ok: false, error: 'stub', issues: ['stub'] }),
    incidentTimeline: async () => null,
    searchStatements: async () => [],
    statementsByKey: async () => [],
  };
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
    notifyTab: (tabId) => notified.push(tabId),
  });
  const send = (message: unknown, sender: Sender) => service.handleMessage(message, sender) as Promise<never>;
  return { db, service, send, notified, library, libraryPage, tick: (ms: number) => (clock += ms) };
}

const saveMessage = (extra: Record<string, unknown> = {}) => ({
  type: 'saveClaim',
  claim: {
    quote: span.quote,
    position: span.position,
    sentence: TEXT,
    allegation: { stance: 'accusation', accused: 'CN', accuser: 'BE', action: 'hacking' },
    meta: { title: 'Des parlementaires visés', site: 'Le Soir', authors: ['A. Journaliste'] },
    ...extra,
  },
});

describe('saving from a page', () => {
  it('says on the answer to a page’s first scan whether the reader saved claims there (so a page with none never asks)', async () => {
    const { send } = setup();
    const scan = (mode: 'replace' | 'append', offset = 0) => ({ type: 'scan', mode, offset, text: TEXT });
    expect(await send(scan('replace'), content)).toEqual({ allegations: [], saved: false });
    await send(saveMessage(), content);
    // The same page (another fragment) has one now; another page has none; appends do not say.
    const sameDocument: Sender = { ...content, url: PAGE_URL };
    expect(await send(scan('replace'), sameDocument)).toEqual({ allegations: [], saved: true });
    expect(await send(scan('replace'), otherPage)).toEqual({ allegations: [], saved: false });
    expect(await send(scan('append', 200), sameDocument)).toEqual({ allegations: [] });
  });

  it('stores the claim with the address the browser reports, and tells the tab to repaint', async () => {
    const { send, notified } = setup();
    const saved: { ok: boolean; id: string } = await send(saveMessage(), content);
    expect(saved.ok).toBe(true);
    expect(saved.id).toMatch(/^urn:uuid:/);
    expect(notified).toEqual([7]);
    const { claims } = (await send({ type: 'savedForPage' }, content)) as { claims: Array<Record<string, unknown>> };
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      id: saved.id,
      url: `${PAGE_URL}#comments`,
      title: 'Des parlementaires visés',
      site: 'Le Soir',
      quote: span.quote,
      allegation: { accused: 'CN', accuser: 'BE' },
      tags: [],
    });
    // Another page does not see it.
    expect(((await send({ type: 'savedForPage' }, otherPage)) as { claims: unknown[] }).claims).toEqual([]);
  });

  it('refuses a malformed or oversized save, and extra keys (the page cannot choose the id, date or address)', async () => {
    const { send, db } = setup();
    await expect(send({ type: 'saveClaim', claim: { meta: {} } }, content)).rejects.toThrow(RejectedMessage);
    await expect(send(saveMessage({ url: 'https://evil.example' }), content)).rejects.toThrow(/url/);
    await expect(send(saveMessage({ id: 'mine' }), content)).rejects.toThrow(RejectedMessage);
    const huge = { type: 'TextQuoteSelector', exact: 'x'.repeat(5000) };
    await expect(send(saveMessage({ quote: huge }), content)).rejects.toThrow(/quote/);
    expect(await db.savedClaims.count()).toBe(0);
  });

  it('limits how many saves one tab makes per minute', async () => {
    const { send, tick } = setup();
    const results: boolean[] = [];
    for (let i = 0; i < 32; i++) results.push(((await send(saveMessage(), content)) as { ok: boolean }).ok);
    expect(results.filter(Boolean)).toHaveLength(30);
    tick(61_000);
    expect(((await send(saveMessage(), content)) as { ok: boolean }).ok).toBe(true);
  });

  it('lets a page report only its own claims as orphaned or found', async () => {
    const { send, db } = setup();
    const { id } = (await send(saveMessage(), content)) as { id: string };
    expect(await send({ type: 'anchorStatus', results: [{ id, orphaned: true }] }, otherPage)).toEqual({ changed: 0 });
    expect(await send({ type: 'anchorStatus', results: [{ id, orphaned: true }] }, content)).toEqual({ changed: 1 });
    expect((await db.savedClaims.get(id))?.orphaned).toBe(true);
  });

  it('finds a changed quote approximately, in the background', async () => {
    const { send } = setup();
    const changed = TEXT.replace('avaient visé', 'auraient visé');
    const { anchors } = (await send(
      { type: 'anchorFuzzy', text: changed, quotes: [{ id: 'a', quote: span.quote, position: span.position }] },
      content,
    )) as { anchors: Array<{ start: number; end: number } | null> };
    expect(anchors[0]).not.toBeNull();
    expect(changed.slice(anchors[0]?.start, anchors[0]?.end)).toContain('auraient visé des parlementaires');
  });

  it('refuses every library operation from a content script', async () => {
    const { send } = setup();
    for (const type of ['listSaved', 'exportBackup'])
      await expect(send({ type }, content)).rejects.toThrow(/not an extension page/);
    await expect(send({ type: 'deleteSaved', ids: ['x'] }, content)).rejects.toThrow(/not an extension page/);
    await expect(send({ type: 'importSaved', json: {} }, content)).rejects.toThrow(/not an extension page/);
  });
});

describe('the library’s operations', () => {
  it('lists, annotates, deletes and undoes', async () => {
    const { send } = setup();
    const { id } = (await send(saveMessage(), content)) as { id: string };
    const { claims } = (await send({ type: 'listSaved' }, libraryPage)) as { claims: Array<Record<string, unknown>> };
    const claim = claims[0] as Record<string, unknown>;
    const { claim: updated } = (await send(
      {
        type: 'updateSaved',
        claim: {
          ...claim,
          note: 'Vérifié auprès du parquet.',
          verdict: 'supported',
          quote: { type: 'TextQuoteSelector', exact: 'changed' },
        },
      },
      libraryPage,
    )) as { claim: Record<string, unknown> };
    expect(updated).toMatchObject({ note: 'Vérifié auprès du parquet.', verdict: 'supported', quote: span.quote });
    const { removed } = (await send({ type: 'deleteSaved', ids: [id] }, libraryPage)) as { removed: unknown[] };
    expect(removed).toHaveLength(1);
    expect(((await send({ type: 'listSaved' }, libraryPage)) as { claims: unknown[] }).claims).toEqual([]);
    await send({ type: 'restoreSaved', claims: removed }, libraryPage);
    const back = (await send({ type: 'listSaved' }, libraryPage)) as { claims: Array<Record<string, unknown>> };
    expect(back.claims[0]).toMatchObject({ id, verdict: 'supported' });
  });

  it('imports Web Annotations, recognising duplicates by id', async () => {
    const { send } = setup();
    const claim = {
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      created: '2026-12-01T10:00:00.000Z',
      modified: '2026-12-01T10:00:00.000Z',
      url: PAGE_URL,
      quote: span.quote,
      tags: ['belgique'],
    };
    const file = toAnnotationCollection([claim], 'urn:x', 'shared');
    expect(await send({ type: 'importSaved', json: file }, libraryPage)).toMatchObject({
      ok: true,
      kind: 'webannotation',
      added: 1,
      duplicates: 0,
    });
    expect(await send({ type: 'importSaved', json: file }, libraryPage)).toMatchObject({
      ok: true,
      added: 0,
      duplicates: 1,
    });
  });

  it('imports all or nothing: one bad item, or one bad pack in a backup, and nothing is written', async () => {
    const { send, db, library } = setup();
    const good = {
      id: 'urn:a',
      created: '2026-12-01T10:00:00.000Z',
      modified: '2026-12-01T10:00:00.000Z',
      url: PAGE_URL,
      quote: span.quote,
      tags: [],
    };
    const bad = { ...good, id: 'urn:b', url: 'javascript:alert(1)' };
    const result = (await send(
      { type: 'importSaved', json: toAnnotationCollection([good, bad], 'urn:x', 'x') },
      libraryPage,
    )) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^\$\.first\.items\[1\]/);
    const backup = {
      format: 'counterpoint-backup',
      version: 1,
      exportedAt: good.created,
      savedClaims: [good],
      packs: [{ format: 'nope' }],
      settings: {},
    };
    const refused = (await send({ type: 'importSaved', json: backup }, libraryPage)) as { ok: boolean; error: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^\$\.packs\[0\]/);
    expect(await db.savedClaims.count()).toBe(0);
    expect(library.importPack).not.toHaveBeenCalled();
  });
});

describe('pages of the list, bulk tags, statements and links', () => {
  const stored = (i: number, extra: Record<string, unknown> = {}) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    created: `2026-11-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
    modified: `2026-11-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
    url: `${PAGE_URL}?p=${i}`,
    quote: span.quote,
    tags: ['belgique'],
    ...extra,
  });
  async function withClaims(n: number, extra: Record<string, unknown> = {}) {
    const s = setup();
    const claims = Array.from({ length: n }, (_, i) => stored(i, extra));
    await s.send({ type: 'importSaved', json: toAnnotationCollection(claims, 'urn:x', 'x') }, s.libraryPage);
    return { ...s, claims };
  }
  const listed = async (send: ReturnType<typeof setup>['send']) =>
    ((await send({ type: 'listSaved' }, libraryPage)) as { claims: Array<{ id: string; tags: string[] }> }).claims;

  it('gives the list a page at a time, newest first, with the total', async () => {
    const { send } = await withClaims(5);
    const first = (await send({ type: 'listSavedPage', offset: 0, limit: 2 }, libraryPage)) as {
      claims: Array<{ id: string }>;
      total: number;
    };
    expect(first.total).toBe(5);
    expect(first.claims.map((c) => c.id)).toEqual([stored(4).id, stored(3).id]);
    const rest = (await send({ type: 'listSavedPage', offset: 2, limit: 10 }, libraryPage)) as {
      claims: Array<{ id: string }>;
    };
    expect(rest.claims.map((c) => c.id)).toEqual([stored(2).id, stored(1).id, stored(0).id]);
    await expect(send({ type: 'listSavedPage', offset: 0, limit: 0 }, libraryPage)).rejects.toThrow(/limit/);
    await expect(send({ type: 'listSavedPage', offset: 0, limit: 10 }, content)).rejects.toThrow(
      /not an extension page/,
    );
  });

  it('adds a tag to several claims and removes it, in one message each, and undoes by restoring', async () => {
    const { send, claims } = await withClaims(3);
    const ids = [claims[0]?.id, claims[2]?.id];
    const added = (await send({ type: 'tagSaved', ids, tag: ' ingérence ', op: 'add' }, libraryPage)) as {
      ok: true;
      changed: number;
      before: Array<{ id: string; tags: string[] }>;
    };
    expect(added).toMatchObject({ ok: true, changed: 2 });
    expect(added.before.map((c) => c.tags)).toEqual([['belgique'], ['belgique']]);
    const tagsOf = async () => Object.fromEntries((await listed(send)).map((c) => [c.id, c.tags]));
    expect(await tagsOf()).toEqual({
      [stored(0).id]: ['belgique', 'ingérence'],
      [stored(1).id]: ['belgique'],
      [stored(2).id]: ['belgique', 'ingérence'],
    });
    // Adding it again changes nothing.
    expect(await send({ type: 'tagSaved', ids, tag: 'ingérence', op: 'add' }, libraryPage)).toMatchObject({
      changed: 0,
    });
    // Undo: the claims as they were.
    await send({ type: 'restoreSaved', claims: added.before }, libraryPage);
    expect(Object.values(await tagsOf())).toEqual([['belgique'], ['belgique'], ['belgique']]);
    const removed = await send(
      { type: 'tagSaved', ids: claims.map((c) => c.id), tag: 'belgique', op: 'remove' },
      libraryPage,
    );
    expect(removed).toMatchObject({ ok: true, changed: 3 });
    expect(Object.values(await tagsOf())).toEqual([[], [], []]);
  });

  it('tags all or nothing: an unknown claim or one tag too many, and no claim changes', async () => {
    const { send, claims } = await withClaims(2);
    const before = await listed(send);
    const unknown = (await send(
      { type: 'tagSaved', ids: [claims[0]?.id, 'urn:uuid:gone'], tag: 'x', op: 'add' },
      libraryPage,
    )) as { ok: false; error: string };
    expect(unknown).toEqual({ ok: false, error: 'no saved claim urn:uuid:gone' });
    const full = stored(9, { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    await send({ type: 'restoreSaved', claims: [full] }, libraryPage);
    const tooMany = (await send(
      { type: 'tagSaved', ids: [claims[1]?.id, full.id], tag: 'x', op: 'add' },
      libraryPage,
    )) as { ok: false; error: string };
    expect(tooMany.ok).toBe(false);
    expect(tooMany.error).toContain(full.id);
    const after = await listed(send);
    expect(after.filter((c) => c.id !== full.id)).toEqual(before);
    // A comma would split the tag in the annotation form; the message itself is refused.
    await expect(send({ type: 'tagSaved', ids: [claims[0]?.id], tag: 'a,b', op: 'add' }, libraryPage)).rejects.toThrow(
      /comma/,
    );
    await expect(send({ type: 'tagSaved', ids: [claims[0]?.id], tag: 'x', op: 'add' }, content)).rejects.toThrow(
      /not an extension page/,
    );
  });

  it('keeps "My annotations" in step when a statement is edited, tagged, deleted or restored', async () => {
    const { send, claims, library } = await withClaims(1, {
      allegation: { stance: 'accusation', accused: 'CN', accuser: 'BE' },
      verdict: 'disputed',
    });
    const packs: Array<{ id: string; version: number; claims: Array<{ text: string; tags?: string[] }> }> = [];
    vi.mocked(library.importPack).mockImplementation(async (json) => {
      packs.push(json as (typeof packs)[number]);
      return { ok: true, pack: { id: 'my-annotations', version: packs.length, claims: 1 }, previousVersion: null };
    });
    library.listPacks = async () =>
      packs.length === 0 ? [] : ([{ id: 'my-annotations', version: packs.length }] as never);
    library.exportPack = async () => packs.at(-1) as never;
    const removePack = vi.fn(async () => ({ ok: true as const, removed: true }));
    library.removePack = removePack;

    expect(
      await send({ type: 'setStatement', ids: [claims[0]?.id], on: true, reviewer: 'R. Vérif' }, libraryPage),
    ).toMatchObject({ ok: true, statements: 1 });
    const [claim] = await listed(send);
    await send(
      { type: 'updateSaved', claim: { ...claim, note: 'Le parquet ne confirme pas la piste chinoise.' } },
      libraryPage,
    );
    expect(packs.at(-1)?.claims[0]?.text).toContain('Le parquet ne confirme pas');
    // Signed with the name given when it was added.
    expect(packs.at(-1)?.claims[0]).toMatchObject({ speaker: 'R. Vérif' });
    await send({ type: 'tagSaved', ids: [claims[0]?.id], tag: 'apt31', op: 'add' }, libraryPage);
    expect(packs.at(-1)?.claims[0]?.tags).toContain('apt31');
    const { removed } = (await send({ type: 'deleteSaved', ids: [claims[0]?.id] }, libraryPage)) as {
      removed: unknown[];
    };
    expect(removePack).toHaveBeenCalledWith('my-annotations');
    const imported = packs.length;
    await send({ type: 'restoreSaved', claims: removed }, libraryPage);
    expect(packs.length).toBe(imported + 1);
  });

  it('searches statements and reads linked ones for extension pages only, within bounds', async () => {
    const { send, library } = setup();
    const hit = {
      key: 'seed/a-1',
      packId: 'seed',
      text: 'A statement.',
      speaker: 'Someone',
      date: '2024-01-01',
      lang: 'en',
      stance: 'denial' as const,
      accused: ['CN'],
      accuser: null,
    };
    const search = vi.fn(async () => [hit]);
    const byKey = vi.fn(async () => [hit]);
    library.searchStatements = search;
    library.statementsByKey = byKey;
    expect(await send({ type: 'searchStatements', query: 'mao ning', limit: 5 }, libraryPage)).toEqual({
      statements: [hit],
    });
    expect(search).toHaveBeenCalledWith('mao ning', 5);
    expect(await send({ type: 'statementsByKey', keys: ['seed/a-1'] }, libraryPage)).toEqual({ statements: [hit] });
    await expect(send({ type: 'searchStatements', query: 'x', limit: 5 }, content)).rejects.toThrow(
      /not an extension page/,
    );
    await expect(send({ type: 'searchStatements', query: 'x'.repeat(201), limit: 5 }, libraryPage)).rejects.toThrow(
      /query/,
    );
    await expect(send({ type: 'searchStatements', query: 'x', limit: 500 }, libraryPage)).rejects.toThrow(/limit/);
    await expect(
      send({ type: 'statementsByKey', keys: Array.from({ length: 51 }, (_, i) => `p/${i}`) }, libraryPage),
    ).rejects.toThrow(/keys/);
  });
});
