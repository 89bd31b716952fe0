import { builtinGazetteer } from '@core/detect';
import { buildTimeline, placeOnTimeline, type TimelineClaim, timelineSpan } from '@core/pack/timeline';
import { SEED_PACK } from '@src/data/seed-pack';
import { describe, expect, it } from 'vitest';

const g = builtinGazetteer();
const stateOf = (id: string) => g.stateOf(id);
const claims: TimelineClaim[] = SEED_PACK.claims.map((c) => ({ ...c, key: `${SEED_PACK.id}/${c.id}` }));
const relations = SEED_PACK.relations.map((r) => ({
  from: `${SEED_PACK.id}/${r.from}`,
  to: `${SEED_PACK.id}/${r.to}`,
  type: r.type,
}));
const timelineOf = (id: string) => {
  const incident = SEED_PACK.incidents.find((i) => i.id === id);
  if (incident === undefined) throw new Error(`no incident ${id}`);
  return buildTimeline({ ...incident, packId: SEED_PACK.id }, claims, relations, stateOf);
};

describe('the incident timeline', () => {
  it('lists every statement of the incident in date order, accusations before the answers of the same day', () => {
    for (const incident of SEED_PACK.incidents) {
      const t = timelineOf(incident.id);
      expect(t.entries.length, incident.id).toBe(SEED_PACK.claims.filter((c) => c.incident === incident.id).length);
      for (let i = 1; i < t.entries.length; i++) {
        const [a, b] = [t.entries[i - 1], t.entries[i]];
        expect((a?.date ?? '') <= (b?.date ?? ''), `${incident.id}: ${a?.key} before ${b?.key}`).toBe(true);
        if (a?.date === b?.date && b?.stance === 'accusation') expect(a?.stance).toBe('accusation');
      }
    }
  });

  it('says which side speaks and what each answer answers, within the incident only', () => {
    // The Belgian MP's case: China's embassy denies the APT31 accusations.
    const t = timelineOf(SEED_PACK.incidents.find((i) => /IPAC/.test(i.name))?.id ?? '');
    expect(t.accused).toContain('CN');
    const denials = t.entries.filter((e) => e.stance === 'denial');
    expect(denials.length).toBeGreaterThan(0);
    for (const d of denials) expect(d.side).toBe('accused');
    expect(t.entries.filter((e) => e.stance === 'attribution').every((e) => e.side === 'accusing')).toBe(true);
    const keys = new Set(t.entries.map((e) => e.key));
    const answered = t.entries.flatMap((e) => e.answers);
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) expect(keys.has(a.key)).toBe(true);
    // An answer comes after what it answers, on the timeline too.
    const at = new Map(t.entries.map((e, i) => [e.key, i]));
    for (const [i, e] of t.entries.entries())
      for (const a of e.answers.filter((x) => x.type === 'denies')) expect(at.get(a.key) ?? -1).toBeLessThan(i);
  });

  it('marks the statements the evidence status rests on, and carries the status', () => {
    const t = timelineOf('a-inc-360-us-cyber-reports-2024');
    expect(t.incident).toMatchObject({ key: 'counterpoint-seed/a-inc-360-us-cyber-reports-2024', pack: SEED_PACK.id });
    expect(t.incident.evidence?.kind).toBe('attributed_by_companies');
    const marked = t.entries.filter((e) => e.evidence).map((e) => e.key.split('/')[1]);
    expect(marked.sort()).toEqual([...(t.incident.evidence?.claims ?? [])].sort());
  });

  it('places a page on it by its date, or today when it has none', () => {
    const entries = [{ date: '2021-03-01' }, { date: '2021-07-19' }, { date: '2024-03-25' }];
    expect(placeOnTimeline(entries, '2021-01-01', '2026-12-05')).toBe(0);
    expect(placeOnTimeline(entries, '2021-07-19', '2026-12-05')).toBe(2);
    expect(placeOnTimeline(entries, '2022-01-01', '2026-12-05')).toBe(2);
    expect(placeOnTimeline(entries, undefined, '2026-12-05')).toBe(3);
    expect(timelineSpan(entries)).toEqual({ first: '2021-03-01', last: '2024-03-25' });
    expect(timelineSpan([])).toBeNull();
  });
});
