/**
 * The pack schema refuses what it should (issue 10, item 10): impossible
 * dates, versions that would block every later update, control characters,
 * invalid UTF-8; it accepts a leading BOM; and a pack cannot rewrite what a
 * builtin actor is or who sponsors it.
 */
import { isoNow } from '@core/pack/build';
import { MAX_PACK_VERSION, PackError, parsePack, parsePackBytes, parsePackJson } from '@core/pack/schema';
import { firstInvalidUtf8 } from '@core/pack/utf8';
import { actorKeysOf } from '@src/background/db/actors';
import { readClaimsByKeys } from '@src/background/db/claim-store';
import { CounterpointDB } from '@src/background/db/database';
import { exportPack, importPack } from '@src/background/db/packs';
import { afterEach, describe, expect, it } from 'vitest';

/** The actor keys of an installed claim (its actors and their groups' sponsors), as the database knows sponsors. */
async function actorKeysAt(db: CounterpointDB, key: string): Promise<string[]> {
  const [claim] = await readClaimsByKeys(db, [key]);
  return claim === undefined ? [] : actorKeysOf(db, claim);
}

type Json = Record<string, unknown>;

function pack(overrides: Json = {}, claim: Json = {}): Json {
  return {
    format: 'counterpoint-claim-pack',
    formatVersion: 1,
    id: 'test-pack',
    version: 1,
    title: 'Test pack',
    license: 'CC0-1.0',
    publishedAt: '2026-01-02T10:30:00Z',
    actors: [],
    incidents: [],
    claims: [
      {
        id: 'c1',
        text: 'The foreign ministry denies any part in the intrusion into the parliament.',
        lang: 'en',
        speaker: 'Foreign ministry spokesman',
        speakerActor: 'CN',
        accused: [],
        accuser: 'US',
        targets: ['parliament'],
        action: 'intrusion',
        stance: 'denial',
        date: '2024-05-01',
        source: { url: 'https://example.org/denial', publisher: 'Example' },
        ...claim,
      },
    ],
    relations: [],
    ...overrides,
  };
}

/** The problems parsePack reports, `path: message`. */
function problems(json: unknown): string[] {
  try {
    parsePack(json);
    return [];
  } catch (err) {
    if (err instanceof PackError) return err.issues;
    throw err;
  }
}

describe('pack dates', () => {
  it('refuses impossible dates and times by path', () => {
    for (const publishedAt of [
      '2024-99-99T99:99Z',
      '0000-00-00',
      '2024-02-30',
      '2024-01-01T24:00Z',
      '2024-01-01T10:60Z',
    ])
      expect(problems(pack({ publishedAt }))[0], publishedAt).toMatch(/^publishedAt: expected ISO date/);
    for (const date of ['0000-00-00', '2023-02-29', '1066-10-14', '2024-13-01'])
      expect(problems(pack({}, { date }))[0], date).toMatch(/^claims\[0\]\.date: expected ISO date/);
    expect(problems(pack({ publishedAt: '2024-01-01T10:00+25:00' }))[0]).toMatch(/^publishedAt:/);
  });

  it('accepts real dates, date-times with seconds, fractions and offsets', () => {
    for (const publishedAt of [
      '2024-02-29',
      '2024-12-31T23:59Z',
      '2024-12-31T23:59:59.123Z',
      '2024-06-01T08:00:00+02:00',
      '1999-01-01',
    ])
      expect(problems(pack({ publishedAt })), publishedAt).toEqual([]);
  });
});

describe('pack versions', () => {
  it('refuses a version that is not a safe integer (1e308 would block every later update)', () => {
    for (const version of [1e308, 2 ** 53, MAX_PACK_VERSION + 2, 1.5, 0, -1])
      expect(problems(pack({ version }))[0], String(version)).toMatch(/^version: expected/);
    expect(problems(pack({ version: MAX_PACK_VERSION }))).toEqual([]);
    // The largest version still has a successor that compares greater.
    expect(MAX_PACK_VERSION + 1 > MAX_PACK_VERSION).toBe(true);
  });
});

describe('pack lists', () => {
  it('refuses lists longer than their bound, naming the field (one claim must not slow every match)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Actor${i}`);
    expect(problems(pack({}, { accused: many(33) }))[0]).toBe('claims[0].accused: expected at most 32 entries');
    expect(problems(pack({}, { targets: many(33) }))[0]).toBe('claims[0].targets: expected at most 32 entries');
    expect(problems(pack({}, { accused: many(32), targets: many(32), tags: many(32) }))).toEqual([]);
    const actor = { id: 'X', kind: 'group', names: { en: ['X'], fr: ['X'] }, aliases: many(201) };
    expect(problems(pack({ actors: [actor] }))[0]).toBe('actors[0].aliases: expected at most 200 entries');
  });
});

describe('pack problems said plainly', () => {
  it('names a missing key and a key the format does not have', () => {
    const { title: _title, ...untitled } = pack();
    expect(problems({ ...untitled, colour: 'red' })).toEqual([
      'title: missing (required)',
      'colour: unknown key (not in the claim-pack format)',
    ]);
  });
});

describe('pack update interval', () => {
  it('accepts the interval a pack asks its subscribers for, bounded, and keeps it through install and export', async () => {
    expect(parsePack(pack({ updateIntervalHours: 48 })).updateIntervalHours).toBe(48);
    for (const updateIntervalHours of [0, -1, 1e9, '24'])
      expect(problems(pack({ updateIntervalHours }))[0], String(updateIntervalHours)).toMatch(/^updateIntervalHours: /);
    const db = new CounterpointDB(`interval-${Math.random().toString(36).slice(2)}`);
    try {
      await importPack(db, pack({ updateIntervalHours: 48 }), { kind: 'file' });
      expect(await exportPack(db, 'test-pack')).toStrictEqual(parsePack(pack({ updateIntervalHours: 48 })));
    } finally {
      await db.delete();
    }
  });
});

describe('pack text', () => {
  it('refuses control characters, bidi overrides and lone surrogates, naming the field', () => {
    const cases: [Json, Json, RegExp][] = [
      [{}, { speaker: 'Spokesman\u001b[2J' }, /^claims\[0\]\.speaker: expected text without control/],
      [{}, { text: 'Denies \u009b31m everything in the parliament case.' }, /^claims\[0\]\.text:/],
      [{}, { speaker: '\u202eSpokesman' }, /^claims\[0\]\.speaker:/],
      [{}, { speaker: 'Spokesman \u2066x\u2069' }, /^claims\[0\]\.speaker:/],
      [{}, { speaker: 'Spokesman \ud800' }, /^claims\[0\]\.speaker:/],
      [{}, { source: { url: 'https://example.org/a\u0000b', publisher: 'Example' } }, /^claims\[0\]\.source\.url:/],
      [{ title: 'Title\u0007' }, {}, /^title:/],
      [{ description: 'A\u007fB' }, {}, /^description:/],
    ];
    for (const [overrides, claim, expected] of cases)
      expect(problems(pack(overrides, claim))[0], JSON.stringify({ ...overrides, ...claim })).toMatch(expected);
  });

  it('accepts tabs, line breaks, accents, CJK and emoji', () => {
    expect(
      problems(pack({ description: 'Ligne 1\nLigne 2\tfin — « Pékin » 中国 🛰️' }, { speaker: 'Lin Jian 林剑' })),
    ).toEqual([]);
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', () => {
    const text = JSON.stringify(pack());
    const at = text.indexOf('Foreign');
    const bytes = Buffer.from(text, 'utf8');
    bytes[at] = 0xff;
    expect(() => parsePackBytes(bytes)).toThrow(`(root): invalid UTF-8 at byte ${at}`);
    // An overlong encoding and an encoded surrogate are not UTF-8 either.
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('Pékin 中国 🛰️', 'utf8'))).toBe(-1);
  });

  it('accepts a leading byte-order mark, as text and as bytes, consistently with JSONL input', () => {
    const text = JSON.stringify(pack());
    expect(parsePackJson(`\uFEFF${text}`).id).toBe('test-pack');
    expect(parsePackBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).id).toBe('test-pack');
    // Only a leading one: a BOM in the middle is not JSON white space.
    expect(() => parsePackJson(`${text.slice(0, 1)}\uFEFF${text.slice(1)}`)).toThrow(/invalid JSON/);
  });

  it('keeps the message of malformed JSON short', () => {
    expect(() => parsePackJson(`{"a": ${'x'.repeat(100_000)}}`)).toThrow(/^\(root\): invalid JSON: .{0,220}$/);
  });

  it('the build stamp is a valid publishedAt', () => {
    expect(problems(pack({ publishedAt: isoNow(new Date('2026-12-06T03:04:05.678Z')) }))).toEqual([]);
  });
});

describe('a pack cannot rewrite builtin actors', () => {
  const dbs: CounterpointDB[] = [];
  const newDb = () => {
    const db = new CounterpointDB(`hostile-${Math.random().toString(36).slice(2)}`);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  const honest = pack(
    { id: 'honest' },
    {
      id: 'fi-1',
      text: 'Finnish police attribute the parliament intrusion to APT31.',
      speaker: 'Finnish police',
      speakerActor: 'FI',
      accused: ['APT31'],
      accuser: null,
      stance: 'attribution',
    },
  );
  const hostile = pack(
    {
      id: 'hostile',
      actors: [
        // APT31 is a builtin group sponsored by CN; Killnet a builtin group with no sponsor; US a state.
        {
          id: 'APT31',
          kind: 'group',
          names: { en: ['APT31'], fr: ['APT31'] },
          aliases: ['Judgment Panda X'],
          state: 'US',
        },
        { id: 'Killnet', kind: 'group', names: { en: ['Killnet'], fr: ['Killnet'] }, state: 'UA' },
        { id: 'US', kind: 'group', names: { en: ['US'], fr: ['US'] }, state: 'CN' },
        {
          id: 'Brand New Panda',
          kind: 'group',
          names: { en: ['Brand New Panda'], fr: ['Brand New Panda'] },
          state: 'KP',
        },
      ],
    },
    {
      id: 'h-1',
      text: 'A statement blaming APT31, Killnet, the US and Brand New Panda for the intrusion.',
      speaker: 'Someone',
      speakerActor: 'GB',
      accused: ['APT31', 'Killnet', 'US', 'Brand New Panda'],
      accuser: null,
      stance: 'attribution',
    },
  );

  it("keeps a builtin group's sponsor and a state's kind for every pack; a new group gets the pack's sponsor", async () => {
    const db = newDb();
    await importPack(db, honest, { kind: 'file' });
    await importPack(db, hostile, { kind: 'file' });
    const honestKeys = await actorKeysAt(db, 'honest/fi-1');
    expect(honestKeys).toContain('CN');
    expect(honestKeys).not.toContain('US');
    const keys = await actorKeysAt(db, 'hostile/h-1');
    expect(keys).toEqual(expect.arrayContaining(['APT31', 'Killnet', 'US', 'Brand New Panda', 'CN', 'KP']));
    // Not US for APT31, not UA for Killnet (no builtin sponsor), not CN for the US (a state, not a group).
    expect(keys.filter((k) => k === 'CN')).toHaveLength(1);
    expect(keys).not.toContain('UA');
    // The pack's new names are kept: adding aliases is what packs may do.
    expect((await db.actors.get('APT31'))?.aliases).toContain('Judgment Panda X');
  });

  it('installing the hostile pack first changes nothing either', async () => {
    const db = newDb();
    await importPack(db, hostile, { kind: 'file' });
    await importPack(db, honest, { kind: 'file' });
    const honestKeys = await actorKeysAt(db, 'honest/fi-1');
    expect(honestKeys).toEqual(['APT31', 'FI', 'CN']);
  });
});
