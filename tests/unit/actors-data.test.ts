import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../src/core/actors/agencies';
import { COLLECTIVES, MOVEMENTS } from '../../src/core/actors/collectives';
import { GROUPS } from '../../src/core/actors/groups';
import { BUILTIN_ACTORS, MALWARE } from '../../src/core/actors/index';
import { MEDIA, STATE_MEDIA } from '../../src/core/actors/media';
import { actorsFromMispGalaxy, foldForm, mergeActors, resolveState, surfaceForms } from '../../src/core/actors/misp';
import { ORGANISATIONS } from '../../src/core/actors/organisations';
import { STATES } from '../../src/core/actors/states';
import type { ActorRecord } from '../../src/core/actors/types';
import { CYBER_UNIT_IDS } from '../../src/core/lexicon';

const MISP_URL = new URL('../../../shared/data/misp-galaxy/threat-actor.json', import.meta.url);

interface MispEntry {
  value: string;
  meta?: { synonyms?: string[]; country?: string; 'cfr-suspected-state-sponsor'?: string };
}

function loadMisp(): { values: MispEntry[] } {
  return JSON.parse(readFileSync(MISP_URL, 'utf8')) as { values: MispEntry[] };
}

/**
 * Surface forms deliberately shared by two actors (folded form → ids). None at
 * present: ambiguous forms ("Congolese", "Korea", bare "NCSC" for non-UK
 * centres…) are left out of the data instead.
 */
const ALLOWED_SHARED: Record<string, string[]> = {};

/** Builtin groups that have no entry of their own in the MISP threat-actor cluster (ransomware brands, recent hacktivists). */
const GROUPS_NOT_IN_MISP = [
  'Conti',
  'Cl0p',
  'Black Basta',
  'DarkSide',
  'Rhysida',
  'Qilin',
  'Silent Crow',
  'IT Army of Ukraine',
];

/**
 * Builtin groups whose `state` deliberately differs from the MISP country /
 * sponsor (see the header of groups.ts): criminal gangs, Hamas-linked groups,
 * contested attributions, and groups MISP leaves without a country.
 */
const STATE_DIFFERS_FROM_MISP: Record<string, string | undefined> = {
  Ghostwriter: undefined,
  DarkHotel: undefined,
  Molerats: undefined,
  AridViper: undefined,
  Careto: undefined,
  'WIZARD SPIDER': undefined,
  FIN7: undefined,
  TA505: undefined,
  'Cyber Partisans': undefined,
  Jabaroot: undefined,
  Handala: undefined,
  'TEMP.Veles': 'RU',
  'STARDUST CHOLLIMA': 'KP',
};

function formOwners(records: readonly ActorRecord[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const r of records) {
    for (const f of surfaceForms(r)) {
      const key = foldForm(f);
      const set = owners.get(key) ?? new Set<string>();
      set.add(r.id);
      owners.set(key, set);
    }
  }
  return owners;
}

function sharedForms(records: readonly ActorRecord[]): string[] {
  const out: string[] = [];
  for (const [form, ids] of formOwners(records)) {
    if (ids.size < 2) continue;
    const allowed = ALLOWED_SHARED[form];
    if (allowed && [...ids].every((id) => allowed.includes(id))) continue;
    out.push(`${form} → ${[...ids].join(', ')}`);
  }
  return out;
}

describe('builtin actor tables', () => {
  it('have unique ids (case-insensitively)', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const r of BUILTIN_ACTORS) {
      const key = r.id.toLowerCase();
      if (seen.has(key)) dups.push(r.id);
      seen.set(key, r.id);
    }
    expect(dups).toEqual([]);
    expect(BUILTIN_ACTORS.length).toBe(
      STATES.length +
        AGENCIES.length +
        GROUPS.length +
        ORGANISATIONS.length +
        COLLECTIVES.length +
        MOVEMENTS.length +
        STATE_MEDIA.length +
        MEDIA.length +
        MALWARE.length,
    );
  });

  it('put each record in the file of its kind, with a display name', () => {
    for (const [list, kind] of [
      [STATES, 'state'],
      [AGENCIES, 'agency'],
      [GROUPS, 'group'],
      [ORGANISATIONS, 'organisation'],
    ] as const) {
      for (const r of list) {
        expect(r.kind, r.id).toBe(kind);
        expect(r.names.en[0]?.trim(), `${r.id} has a display name`).toBeTruthy();
        expect(r.source, r.id).toBe('builtin');
        for (const f of surfaceForms(r)) expect(f, `${r.id}: untrimmed or empty form`).toBe(f.trim());
      }
    }
  });

  it('cover every UN member state plus TW, XK, PS, VA and HK, with ISO-looking ids', () => {
    expect(STATES.length).toBe(193 + 5);
    for (const s of STATES) expect(s.id).toMatch(/^[A-Z]{2}$/);
    const ids = new Set(STATES.map((s) => s.id));
    for (const id of ['TW', 'XK', 'PS', 'VA', 'HK', 'US', 'CN', 'RU', 'KP', 'IR', 'GB', 'FR', 'BE', 'UA', 'IL']) {
      expect(ids.has(id), id).toBe(true);
    }
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const s of STATES) if (s.id !== 'XK') expect(regions.of(s.id), s.id).not.toBe(s.id);
  });

  it('give states English and French names and demonyms', () => {
    const byId = new Map(STATES.map((s) => [s.id, s]));
    const cn = byId.get('CN');
    expect(cn?.names.fr).toEqual(expect.arrayContaining(['Chine', 'République populaire de Chine', 'Pékin', 'PCC']));
    expect(cn?.names.en).toEqual(
      expect.arrayContaining(['China', "People's Republic of China", 'PRC', 'Beijing', 'CCP']),
    );
    expect(cn?.demonyms?.fr).toEqual(expect.arrayContaining(['chinois', 'chinoise', 'chinoises']));
    const us = byId.get('US');
    expect(us?.names.fr).toEqual(expect.arrayContaining(['États-Unis', 'Etats-Unis', 'Maison Blanche']));
    expect(us?.names.en).toEqual(
      expect.arrayContaining(['United States', 'U.S.', 'US', 'USA', 'America', 'White House']),
    );
    expect(us?.demonyms?.fr).toEqual(
      expect.arrayContaining(['américain', 'américaine', 'américains', 'américaines', 'états-unien', 'états-uniennes']),
    );
    expect(byId.get('KP')?.demonyms?.fr).toEqual(
      expect.arrayContaining(['nord-coréen', 'nord-coréenne', 'nord-coréens', 'nord-coréennes']),
    );
    expect(byId.get('KP')?.names.en).toEqual(expect.arrayContaining(['North Korea', 'DPRK', 'Pyongyang']));
    expect(byId.get('GB')?.names.fr).toEqual(expect.arrayContaining(['Royaume-Uni', 'Grande-Bretagne', 'Londres']));
    expect(byId.get('RU')?.names.fr).toEqual(expect.arrayContaining(['Russie', 'Moscou', 'Kremlin']));
    expect(byId.get('FR')?.names.fr).toEqual(expect.arrayContaining(['Élysée', 'Elysée']));
    expect(byId.get('BE')?.demonyms?.en).toEqual(expect.arrayContaining(['Belgian', 'Belgians']));
    expect(byId.get('RU')?.demonyms?.fr).toEqual(['russe', 'russes']);
    for (const s of STATES) {
      expect(s.names.en.length, s.id).toBeGreaterThan(0);
      for (const n of [...s.names.en, ...s.names.fr])
        expect(n, `${s.id}: leading article`).not.toMatch(/^(the|la|le|les|l')\s/i);
    }
  });

  it('point agencies, groups and organisations at existing states', () => {
    const stateIds = new Set(STATES.map((s) => s.id));
    for (const r of [...AGENCIES, ...GROUPS, ...ORGANISATIONS]) {
      if (r.state !== undefined) expect(stateIds.has(r.state), `${r.id} → ${r.state}`).toBe(true);
    }
    for (const a of AGENCIES) expect(a.state, a.id).toBeDefined();
    for (const r of [...AGENCIES, ...GROUPS, ...ORGANISATIONS]) expect(r.demonyms, r.id).toBeUndefined();
  });

  it('map no surface form to two actors (names, aliases, demonyms; folded)', () => {
    expect(sharedForms(BUILTIN_ACTORS)).toEqual([]);
  });

  it('give the bare NCSC to the UK centre only', () => {
    const owners = formOwners(BUILTIN_ACTORS);
    expect([...(owners.get('ncsc') ?? [])]).toEqual(['NCSC-UK']);
    expect(owners.get('ncsc-nz')?.has('NCSC-NZ')).toBe(true);
  });

  it('have at least 80 groups, whose ids are MISP values', () => {
    expect(GROUPS.length).toBeGreaterThanOrEqual(80);
    const values = new Set(loadMisp().values.map((v) => v.value.trim()));
    const missing = GROUPS.filter((g) => !values.has(g.id)).map((g) => g.id);
    expect(missing.sort()).toEqual([...GROUPS_NOT_IN_MISP].sort());
  });

  it("agree with MISP on each group's state except documented cases", () => {
    const misp = new Map(actorsFromMispGalaxy(loadMisp()).map((r) => [r.id, r]));
    const diffs: string[] = [];
    for (const g of GROUPS) {
      const m = misp.get(g.id);
      if (!m) continue;
      if (g.id in STATE_DIFFERS_FROM_MISP) {
        expect(g.state, g.id).toBe(STATE_DIFFERS_FROM_MISP[g.id]);
        continue;
      }
      if (g.state !== m.state) diffs.push(`${g.id}: builtin ${g.state}, MISP ${m.state}`);
    }
    expect(diffs).toEqual([]);
  });

  it('keep known facts', () => {
    const byId = new Map(BUILTIN_ACTORS.map((r) => [r.id, r]));
    const apt31 = byId.get('APT31');
    expect(apt31?.state).toBe('CN');
    expect(apt31?.aliases).toEqual(
      expect.arrayContaining(['ZIRCONIUM', 'Judgment Panda', 'Violet Typhoon', 'BRONZE VINEWOOD']),
    );
    expect(byId.get('APT28')?.aliases).toEqual(
      expect.arrayContaining(['Fancy Bear', 'Sofacy', 'STRONTIUM', 'Forest Blizzard', 'Sednit']),
    );
    expect(byId.get('APT29')?.aliases).toEqual(expect.arrayContaining(['Cozy Bear', 'NOBELIUM', 'Midnight Blizzard']));
    expect(byId.get('Sandworm')?.aliases).toEqual(
      expect.arrayContaining(['Voodoo Bear', 'Seashell Blizzard', 'APT44']),
    );
    expect(byId.get('GhostEmperor')?.names.en[0]).toBe('Salt Typhoon');
    expect(byId.get('HAFNIUM')?.names.en[0]).toBe('Hafnium');
    expect(byId.get('Equation Group')?.state).toBe('US');
    expect(byId.get('Predatory Sparrow')?.state).toBeUndefined();
    expect(byId.get('BITWISE SPIDER')?.state).toBeUndefined();
    expect(byId.get('Evil Corp')?.state).toBeUndefined();
    expect(byId.get('GRU Unit 26165')?.state).toBe('RU');
    expect(byId.get('PLA Unit 61398')?.kind).toBe('agency');
    expect(byId.get('Unit 8200')?.state).toBe('IL');
    expect(byId.get('CCB')?.state).toBe('BE');
    expect(byId.get('Qihoo 360')?.state).toBe('CN');
    const qihooForms = surfaceForms(byId.get('Qihoo 360') as ActorRecord);
    expect(qihooForms).not.toContain('360');
  });
});

describe('resolveState', () => {
  it('resolves codes and the country names MISP uses', () => {
    expect(resolveState('CN')).toBe('CN');
    expect(resolveState('China')).toBe('CN');
    expect(resolveState("People's Republic of China")).toBe('CN');
    expect(resolveState('Russian Federation')).toBe('RU');
    expect(resolveState("Korea (Democratic People's Republic of)")).toBe('KP');
    expect(resolveState('Korea (Republic of)')).toBe('KR');
    expect(resolveState('Iran (Islamic Republic of)')).toBe('IR');
    expect(resolveState('Vietnam')).toBe('VN');
    expect(resolveState('US')).toBe('US');
    expect(resolveState('United States')).toBe('US');
    expect(resolveState('Unknown')).toBeUndefined();
    expect(resolveState('Atlantis')).toBeUndefined();
  });
});

describe('actorsFromMispGalaxy', () => {
  const misp = actorsFromMispGalaxy(loadMisp());
  const byId = new Map(misp.map((r) => [r.id, r]));

  it('converts the whole cluster', () => {
    expect(misp.length).toBeGreaterThan(900);
    for (const r of misp) {
      expect(r.kind).toBe('group');
      expect(r.source).toBe('misp-galaxy');
      expect(r.names.en).toEqual([r.id]);
    }
    expect(new Set(misp.map((r) => r.id.toLowerCase())).size).toBe(misp.length);
  });

  it('resolves states and keeps synonyms as aliases', () => {
    const apt31 = byId.get('APT31');
    expect(apt31?.state).toBe('CN');
    const folded = (apt31?.aliases ?? []).map(foldForm);
    expect(folded).toEqual(expect.arrayContaining(['zirconium', 'judgment panda']));
    // deduplicated case-insensitively ("ZIRCONIUM" and "Zirconium" in MISP)
    expect(folded.filter((a) => a === 'zirconium')).toHaveLength(1);
    expect(byId.get('APT28')?.state).toBe('RU');
    expect(byId.get('Lazarus Group')?.state).toBe('KP');
    expect(byId.get('Charming Kitten')?.state).toBe('IR');
    expect(byId.get('APT32')?.state).toBe('VN');
  });

  it('drops aliases that are short, generic or ordinary words', () => {
    const apt3 = byId.get('APT3');
    expect(apt3?.aliases).not.toContain('UPS');
    expect(apt3?.aliases).not.toContain('Group 6');
    expect(apt3?.aliases).not.toContain('Buckeye');
    expect(apt3?.aliases).toEqual(expect.arrayContaining(['GOTHIC PANDA', 'BRONZE MAYFAIR']));
    expect(byId.get('Turla')?.aliases).not.toContain('Snake');
    expect(byId.get('APT41')?.aliases).not.toContain('LEAD');
    for (const r of misp) for (const a of r.aliases ?? []) expect(foldForm(a).length).toBeGreaterThanOrEqual(3);
  });

  it('handles sponsor-only entries, missing meta and vendor suffixes', () => {
    const out = actorsFromMispGalaxy({
      values: [
        { value: 'A', meta: { 'cfr-suspected-state-sponsor': "Korea (Democratic People's Republic of)" } },
        { value: 'B' },
        { value: ' C ', meta: { country: 'Unknown', synonyms: ['Hive0081 (IBM)', 'Subgroup: Cee', 'C', 'ab'] } },
        { value: 'D', meta: { country: 'ir', synonyms: [] } },
      ],
    });
    expect(out.map((r) => [r.id, r.state, r.aliases])).toEqual([
      ['A', 'KP', undefined],
      ['B', undefined, undefined],
      ['C', undefined, ['Hive0081', 'Cee']],
      ['D', 'IR', undefined],
    ]);
  });

  it('rejects malformed input with the path of the first bad field', () => {
    expect(() => actorsFromMispGalaxy(null)).toThrow(/^\(root\): expected an object/);
    expect(() => actorsFromMispGalaxy('values')).toThrow(/^\(root\): expected an object/);
    expect(() => actorsFromMispGalaxy([])).toThrow(/^\(root\): expected an object/);
    expect(() => actorsFromMispGalaxy({})).toThrow(/^values: expected an array/);
    expect(() => actorsFromMispGalaxy({ values: {} })).toThrow(/^values: expected an array/);
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'ok' }, 42] })).toThrow(/^values\[1\]: expected an object/);
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'ok' }, { value: 7 }] })).toThrow(
      /^values\[1\]\.value: expected a non-empty string/,
    );
    expect(() => actorsFromMispGalaxy({ values: [{ value: '  ' }] })).toThrow(
      /^values\[0\]\.value: expected a non-empty string/,
    );
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'x', meta: 'no' }] })).toThrow(
      /^values\[0\]\.meta: expected an object/,
    );
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'x', meta: { synonyms: 'y' } }] })).toThrow(
      /^values\[0\]\.meta\.synonyms: expected an array/,
    );
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'x', meta: { synonyms: ['ok', 3] } }] })).toThrow(
      /^values\[0\]\.meta\.synonyms\[1\]: expected a string/,
    );
    expect(() => actorsFromMispGalaxy({ values: [{ value: 'x', meta: { country: 86 } }] })).toThrow(
      /^values\[0\]\.meta\.country: expected a string/,
    );
    expect(() =>
      actorsFromMispGalaxy({ values: [{ value: 'x', meta: { 'cfr-suspected-state-sponsor': ['China'] } }] }),
    ).toThrow(/^values\[0\]\.meta\.cfr-suspected-state-sponsor: expected a string/);
  });
});

describe('mergeActors', () => {
  const misp = actorsFromMispGalaxy(loadMisp());
  const merged = mergeActors(BUILTIN_ACTORS, misp);
  const byId = new Map(merged.map((r) => [r.id, r]));

  it('keeps builtin records, ids, kinds and states first, and does not modify its inputs', () => {
    const before = JSON.stringify(BUILTIN_ACTORS);
    mergeActors(BUILTIN_ACTORS, misp);
    expect(JSON.stringify(BUILTIN_ACTORS)).toBe(before);
    BUILTIN_ACTORS.forEach((b, i) => {
      const m = merged[i];
      expect(m?.id).toBe(b.id);
      expect(m?.kind).toBe(b.kind);
      expect(m?.state).toBe(b.state);
      expect(m?.source).toBe(b.source ?? 'builtin');
      expect(m?.names).toEqual(b.names);
    });
    // MISP's "Unit 8200" entry extends the builtin agency, which stays an agency.
    expect(byId.get('Unit 8200')?.kind).toBe('agency');
    // Builtin Evil Corp stays without a state although MISP's INDRIK SPIDER (merged into it) has one.
    expect(byId.get('Evil Corp')?.state).toBeUndefined();
  });

  it('adds MISP synonyms to the matching builtin records', () => {
    const apt31 = byId.get('APT31');
    expect(apt31?.aliases).toEqual(expect.arrayContaining(['ZIRCONIUM', 'Judgment Panda', 'Red keres', 'TIDE CASTLE']));
    expect(byId.get('Kimsuky')?.aliases?.map(foldForm)).toEqual(expect.arrayContaining(['apt43', 'velvet chollima']));
    // Merged by alias: MISP "UNC2452" and "APT35" are aliases of builtin APT29 and Charming Kitten.
    expect(byId.has('UNC2452')).toBe(false);
    expect(byId.has('APT35')).toBe(false);
    expect(byId.get('APT29')?.aliases).toEqual(expect.arrayContaining(['UNC2452', 'DarkHalo']));
    // MISP-only groups are appended.
    expect(byId.get('APT18')?.source).toBe('misp-galaxy');
    expect(merged.length).toBeGreaterThan(BUILTIN_ACTORS.length + 900);
  });

  it('does not merge on synonyms MISP gives to several groups', () => {
    // "Grizzly Steppe" is listed under both APT28 and APT29 in MISP.
    const owners = formOwners(merged);
    expect(owners.has('grizzly steppe')).toBe(false);
    // "Cobalt Gypsy" (OilRig, builtin) is also a MISP synonym of Cleaver: Cleaver stays separate.
    expect(byId.get('Cleaver')?.source).toBe('misp-galaxy');
    // "PLA Unit 61398" (APT1 in MISP) stays with the builtin agency only.
    expect([...(owners.get('pla unit 61398') ?? [])]).toEqual(['PLA Unit 61398']);
  });

  it('leaves every surface form with a single owner', () => {
    expect(sharedForms(merged)).toEqual([]);
  });

  it('merges by id case-insensitively and by alias, never into a state', () => {
    const base: ActorRecord[] = [
      { id: 'FR', kind: 'state', names: { en: ['France'], fr: ['France'] } },
      { id: 'APT31', kind: 'group', names: { en: ['APT31'], fr: ['APT31'] }, aliases: ['Zirconium'], state: 'CN' },
    ];
    const out = mergeActors(base, [
      { id: 'apt31', kind: 'group', names: { en: ['apt31'], fr: ['apt31'] }, aliases: ['Judgment Panda'], state: 'RU' },
      { id: 'Violet Typhoon', kind: 'group', names: { en: ['Violet Typhoon'], fr: [] }, aliases: ['ZIRCONIUM'] },
      { id: 'Les Bleus', kind: 'group', names: { en: ['Les Bleus'], fr: [] }, aliases: ['France', 'Bleus'] },
    ]);
    expect(out.map((r) => r.id)).toEqual(['FR', 'APT31', 'Les Bleus']);
    expect(out[1]?.state).toBe('CN');
    expect(out[1]?.aliases).toEqual(['Zirconium', 'Judgment Panda', 'Violet Typhoon']);
    expect(out[2]?.aliases).toEqual(['Bleus']);
    expect(base[1]?.aliases).toEqual(['Zirconium']);
  });

  it('names only agencies it knows among the units whose trade is intrusion', () => {
    const agencies = new Set(AGENCIES.map((a) => a.id));
    expect(CYBER_UNIT_IDS.filter((id) => !agencies.has(id))).toEqual([]);
  });
});
