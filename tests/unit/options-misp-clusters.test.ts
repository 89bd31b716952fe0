/**
 * MISP galaxy clusters imported from the options page (issue 11): the file's
 * `type` says which cluster it is; the ransomware and tool clusters add the
 * malware families the built-in table lacks, chosen by the built-in table's
 * own rules (src/core/actors/family-rules.ts); they are kept in IndexedDB,
 * removable, and the background's detector finds an allegation naming a
 * family only the import knows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopwordsFrom } from '@core/actors/family-rules';
import { BUILTIN_ACTORS } from '@core/actors/index';
import { FAMILY_SOURCE } from '@core/actors/malware';
import { actorsFromMispGalaxy, foldForm, surfaceForms } from '@core/actors/misp';
import { familiesFromMispCluster, mispClusterInfo } from '@core/actors/misp-cluster';
import { PEOPLE } from '@core/actors/people';
import type { ActorRecord } from '@core/actors/types';
import { Detector } from '@core/detect';
import { MISP_SOURCE } from '@src/background/db/actors';
import { CounterpointDB } from '@src/background/db/database';
import { createImportedDetector } from '@src/background/imported-detector';
import { createLibrary } from '@src/background/library';
import { createMispClusters } from '@src/background/misp-clusters';
import { SEED_PACK } from '@src/data/seed-pack';
import { type ImportedMispCluster, mispClustersOf } from '@src/settings/misp-clusters';
import { DEFAULT_MISP_DIR, isStopName, loadStopwords } from '@src/tools/derive-malware-tables';
import malwareStopwords from '@src/tools/malware-stopwords.txt?raw';
import { afterEach, describe, expect, it, vi } from 'vitest';

const newDetector = (actors: readonly ActorRecord[]) => new Detector({ actors });

/** The stop list as the background builds it (the hand list bundled as text). */
const stopwords = stopwordsFrom(malwareStopwords);
const builtinForms = new Set([...BUILTIN_ACTORS, ...PEOPLE].flatMap(surfaceForms).map(foldForm));
const formsOf = (records: readonly ActorRecord[]) => records.flatMap(surfaceForms).map(foldForm);

const REFS = ['https://vendor.example.com/quillcrypt-report', 'https://news.example.org/quillcrypt'];

/** A made-up ransomware cluster: one notable family, and entries each rule of the built-in table drops. */
function ransomwareCluster(values: unknown[] = defaultValues()) {
  return { type: 'ransomware', name: 'Ransomware', uuid: 'test', version: 999, values };
}
function defaultValues() {
  return [
    // Notable (two reporting references and a synonym): kept, with its synonym.
    { value: 'Quillcrypt', description: 'A made-up family.', meta: { synonyms: ['Quill Locker'], refs: REFS } },
    // E1: nothing says it is notable.
    { value: 'Obscurelock', meta: {} },
    // N6: an ordinary word, however notable.
    { value: 'Wednesday', meta: { synonyms: ['Wednesday'], refs: REFS } },
    // E3: a version of a built-in threat group stays the group's.
    { value: 'LockBit 9', meta: { synonyms: ['LockBit Nine'], refs: REFS } },
    // Already a built-in family: nothing to add.
    { value: 'Ryuk', meta: { synonyms: ['Ryuk'], refs: REFS } },
  ];
}
const ALLEGATION = 'The FBI blamed Quillcrypt for the cyberattack on the city of Dallas.';

describe('which MISP cluster a file is', () => {
  it('reads the type, name, version and entries; a file without a type is the threat-actor cluster', () => {
    expect(mispClusterInfo(ransomwareCluster())).toEqual({
      type: 'ransomware',
      name: 'Ransomware',
      version: 999,
      entries: 5,
    });
    expect(mispClusterInfo({ type: 'tool', values: [] })).toMatchObject({ type: 'tool', name: 'tool', version: null });
    expect(mispClusterInfo({ values: [{ value: 'APT99' }] })).toMatchObject({ type: 'threat-actor', entries: 1 });
  });

  it('refuses another cluster type, or no cluster at all, naming what it found', () => {
    expect(() => mispClusterInfo({ type: 'sector', values: [] })).toThrow(
      /^type: expected .*ransomware.*, got "sector"/,
    );
    expect(() => mispClusterInfo({ type: 7, values: [] })).toThrow(/^type: .* got number/);
    expect(() => mispClusterInfo([])).toThrow(/^\(root\)/);
    expect(() => mispClusterInfo(null)).toThrow(/^\(root\)/);
  });
});

describe('families from a ransomware or tool cluster', () => {
  it('builds the same stop list from the bundled hand list as the derive script from its file', () => {
    expect(stopwords).toEqual(loadStopwords());
    expect(isStopName('Wednesday', stopwords)).toBe(true);
  });

  it('keeps what the built-in table’s rules keep, and nothing the built-in actors already have', () => {
    const families = familiesFromMispCluster(ransomwareCluster(), 'ransomware', stopwords);
    expect(families).toEqual([
      {
        id: 'Quillcrypt',
        kind: 'group',
        names: { en: ['Quillcrypt'], fr: ['Quillcrypt'] },
        aliases: ['Quill Locker'],
        source: FAMILY_SOURCE.ransomware,
      },
    ]);
    // The same entry in a tool cluster is a malware family.
    const tools = familiesFromMispCluster({ ...ransomwareCluster(), type: 'tool' }, 'tool', stopwords);
    expect(tools.map((f) => [f.id, f.source])).toEqual([['Quillcrypt', FAMILY_SOURCE.malware]]);
  });

  it('checks the file as the threat-actor import does: bad fields fail by path, before any rule runs', () => {
    expect(() => familiesFromMispCluster(ransomwareCluster([{ value: 42 }]), 'ransomware', stopwords)).toThrow(
      /^values\[0\]\.value: expected a non-empty string/,
    );
    expect(() =>
      familiesFromMispCluster(ransomwareCluster([{ value: 'A', meta: { synonyms: 'B' } }]), 'ransomware', stopwords),
    ).toThrow(/^values\[0\]\.meta\.synonyms/);
    const huge = Array.from({ length: 10_001 }, (_, i) => ({ value: `F${i}` }));
    expect(() => familiesFromMispCluster(ransomwareCluster(huge), 'ransomware', stopwords)).toThrow(/at most 10000/);
  });

  const haveMisp = ['ransomware.json', 'tool.json', 'threat-actor.json'].every((f) =>
    existsSync(join(DEFAULT_MISP_DIR, f)),
  );
  const real = (file: string) => JSON.parse(readFileSync(join(DEFAULT_MISP_DIR, file), 'utf8')) as unknown;

  it.skipIf(!haveMisp)('reads the real clusters by their type, and adds none of the built-in actors’ names', () => {
    const threatActors = actorsFromMispGalaxy(real('threat-actor.json'));
    for (const [file, type] of [
      ['ransomware.json', 'ransomware'],
      ['tool.json', 'tool'],
    ] as const) {
      const json = real(file);
      expect(mispClusterInfo(json).type).toBe(type);
      const alone = familiesFromMispCluster(json, type, stopwords);
      const withGroups = familiesFromMispCluster(json, type, stopwords, threatActors);
      for (const form of formsOf([...alone, ...withGroups])) expect(builtinForms.has(form), form).toBe(false);
      // With the threat-actor cluster imported, its groups' names stay groups (rule E3), as in the built-in table,
      // which was derived from the three clusters: then nothing is left to add.
      const groupForms = new Set(formsOf(threatActors));
      for (const f of withGroups) expect(groupForms.has(foldForm(f.id)), f.id).toBe(false);
      expect(withGroups.length).toBeLessThanOrEqual(alone.length);
    }
  });
});

describe('MISP clusters in the background', () => {
  const open: CounterpointDB[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.delete();
  });

  function setup() {
    const db = new CounterpointDB(`misp-test-${Math.random().toString(36).slice(2)}`);
    open.push(db);
    const library = createLibrary({ db, resolver: { stateOf: () => undefined }, seed: SEED_PACK, log: console });
    let stored: ImportedMispCluster[] = [];
    const clusters = createMispClusters({
      db,
      importThreatActors: (json) => library.importMispGalaxy(json),
      stopwords: () => stopwords,
      store: {
        get: async () => mispClustersOf(structuredClone(stored)),
        set: async (list) => {
          stored = structuredClone(list);
        },
      },
      now: () => Date.parse('2026-12-06T05:00:00Z'),
      log: { warn: vi.fn() },
    });
    const detectors = createImportedDetector(() => clusters.actors(), vi.fn(), newDetector);
    return { db, clusters, detectors, stored: () => stored };
  }

  const accusedIn = (detector: ReturnType<ReturnType<typeof setup>['detectors']['current']>, text: string) =>
    detector.detect(text).allegations.flatMap((a) => a.accused);

  it('imports a ransomware cluster into IndexedDB; the detector then finds the family only it knows', async () => {
    const { db, clusters, detectors, stored } = setup();
    await detectors.snapshot();
    expect(accusedIn(detectors.current(), ALLEGATION)).toEqual([]);

    const result = await clusters.import(ransomwareCluster());
    expect(result).toEqual({ ok: true, cluster: 'ransomware', groups: 1, added: 1, updated: 0, removed: 0 });
    const row = await db.actors.get('Quillcrypt');
    expect(row?.contributions.map((c) => c.from)).toEqual([FAMILY_SOURCE.ransomware]);
    expect(stored()).toEqual([
      {
        type: 'ransomware',
        name: 'Ransomware',
        version: 999,
        entries: 5,
        actors: 1,
        importedAt: '2026-12-06T05:00:00.000Z',
      },
    ]);

    await detectors.reload();
    expect(accusedIn(detectors.current(), ALLEGATION)).toEqual(['Quillcrypt']);
    // What the delegate the service holds detects, too.
    const viaDelegate = detectors.delegate.detectSegments([{ text: ALLEGATION, start: 0, end: ALLEGATION.length }]);
    expect(viaDelegate.flatMap((a) => a.accused)).toEqual(['Quillcrypt']);

    // A new worker reads the import back from IndexedDB.
    const again = createImportedDetector(() => clusters.actors(), vi.fn(), newDetector);
    await again.snapshot();
    expect(accusedIn(again.current(), ALLEGATION)).toEqual(['Quillcrypt']);
  });

  it('replaces a type’s earlier import, keeps the other types, and removes one type with an empty cluster', async () => {
    const { db, clusters, detectors, stored } = setup();
    await clusters.import(ransomwareCluster());
    const tool = {
      type: 'tool',
      name: 'Tool',
      version: 3,
      values: [{ value: 'Inkwellrat', meta: { synonyms: ['Inkwell'], refs: REFS } }],
    };
    expect(await clusters.import(tool)).toMatchObject({ ok: true, cluster: 'tool', groups: 1 });
    // The groups of a threat-actor cluster, through the library's import.
    const groups = { type: 'threat-actor', name: 'Threat Actor', values: [{ value: 'Papercut Spider' }] };
    expect(await clusters.import(groups)).toMatchObject({ ok: true, cluster: 'threat-actor', groups: 1 });
    expect(stored().map((c) => c.type)).toEqual(['threat-actor', 'ransomware', 'tool']);
    expect((await clusters.actors()).map((a) => a.id).sort()).toEqual(['Inkwellrat', 'Papercut Spider', 'Quillcrypt']);

    // A newer ransomware cluster without Quillcrypt replaces the earlier one.
    const next = ransomwareCluster([{ value: 'Featherlock', meta: { synonyms: ['Feather'], refs: REFS } }]);
    expect(await clusters.import(next)).toMatchObject({ ok: true, groups: 1, added: 1, removed: 1 });
    expect(await db.actors.get('Quillcrypt')).toBeUndefined();

    // Removing a type: an import of that type with no entries.
    expect(await clusters.import({ type: 'ransomware', values: [] })).toMatchObject({ ok: true, removed: 1 });
    expect(stored().map((c) => c.type)).toEqual(['threat-actor', 'tool']);
    expect((await clusters.actors()).map((a) => a.id).sort()).toEqual(['Inkwellrat', 'Papercut Spider']);
    await detectors.reload();
    expect(
      accusedIn(detectors.current(), 'The FBI blamed Featherlock for the cyberattack on the city of Dallas.'),
    ).toEqual([]);
    const sources = (await db.actors.toArray()).flatMap((r) => r.contributions.map((c) => c.from));
    expect([...new Set(sources.filter((from) => from.startsWith('misp-galaxy')))].sort()).toEqual([
      MISP_SOURCE,
      FAMILY_SOURCE.malware,
    ]);
  });

  it('changes nothing when a file is refused, and says why', async () => {
    const { db, clusters, stored } = setup();
    await clusters.import(ransomwareCluster());
    const before = await db.actors.toArray();
    for (const bad of [{ type: 'country', values: [] }, ransomwareCluster([{ value: '' }]), 'not a cluster']) {
      const result = await clusters.import(bad);
      expect(result).toMatchObject({ ok: false, issues: [expect.any(String)] });
    }
    expect(await db.actors.toArray()).toEqual(before);
    expect(stored().map((c) => c.type)).toEqual(['ransomware']);
  });
});
