import { builtinGazetteer } from '@core/detect';
import { buildTimeline, type IncidentTimeline } from '@core/pack/timeline';
import { SEED_PACK } from '@src/data/seed-pack';
import { CounterStatementList } from '@src/ui/components/CounterStatementList';
import { IncidentTimelineView } from '@src/ui/components/IncidentTimeline';
import { TimelinePage } from '@src/ui/timeline';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testStatement } from './fixtures';
import { useMessages } from './popup-support';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { document });

const g = builtinGazetteer();
function seedTimeline(match: RegExp): IncidentTimeline {
  const incident = SEED_PACK.incidents.find((i) => match.test(i.name));
  if (incident === undefined) throw new Error(`no incident ${match}`);
  return buildTimeline(
    { ...incident, packId: SEED_PACK.id },
    SEED_PACK.claims.map((c) => ({ ...c, key: `${SEED_PACK.id}/${c.id}` })),
    SEED_PACK.relations.map((r) => ({
      from: `${SEED_PACK.id}/${r.from}`,
      to: `${SEED_PACK.id}/${r.to}`,
      type: r.type,
    })),
    (id) => g.stateOf(id),
  );
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  useMessages('en');
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const texts = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent ?? '');

describe('the incident timeline view', () => {
  it('shows the status with its basis, then every statement in date order with its side, and this page last', () => {
    const timeline = seedTimeline(/^NotPetya/);
    render(<IncidentTimelineView timeline={timeline} here={{}} today="2026-12-05" />, root);
    expect(root.querySelector('.incident-name')?.textContent).toBe('NotPetya (2017)');
    expect(root.querySelector('.incident-status')?.getAttribute('data-evidence')).toBe(
      timeline.incident.evidence?.kind,
    );
    expect(root.querySelector('.incident-basis')?.textContent).toBe(timeline.incident.evidence?.basis);
    const items = [...root.querySelectorAll('ol.timeline > li')];
    expect(items).toHaveLength(timeline.entries.length + 1);
    expect(items.at(-1)?.getAttribute('data-here')).toBe('true');
    const dates = texts('.timeline-entry time');
    expect(dates).toHaveLength(timeline.entries.length);
    const iso = [...root.querySelectorAll('.timeline-entry time')].map((e) => e.getAttribute('datetime') ?? '');
    expect(iso).toEqual([...iso].sort());
    // Russia's denials are on the accused side, and say so in words, not colour alone.
    const denials = [...root.querySelectorAll('.timeline-entry[data-stance="denial"]')];
    expect(denials.length).toBeGreaterThan(0);
    for (const d of denials) {
      expect(d.getAttribute('data-side')).toBe('accused');
      expect(d.querySelector('.timeline-side')?.textContent).toBe('accused side');
    }
    expect(root.querySelectorAll('.timeline-entry[data-evidence="true"]').length).toBe(
      timeline.incident.evidence?.claims.length,
    );
    expect(texts('.timeline-answers').some((s) => s.startsWith('Answers:'))).toBe(true);
  });

  it('places a dated page among the statements, and renders page text as text', () => {
    const timeline = seedTimeline(/^NotPetya/);
    const evil = {
      ...timeline,
      entries: timeline.entries.map((e, i) => (i === 0 ? { ...e, text: '<img src=x onerror=alert(1)>' } : e)),
    };
    render(<IncidentTimelineView timeline={evil} here={{ date: '2018-02-16' }} today="2026-12-05" />, root);
    const items = [...root.querySelectorAll('ol.timeline > li')];
    const at = items.findIndex((li) => li.getAttribute('data-here') === 'true');
    const before = items.slice(0, at).map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    const after = items.slice(at + 1).map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(before.every((d) => d <= '2018-02-16')).toBe(true);
    expect(after.every((d) => d > '2018-02-16')).toBe(true);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('speaks French: the incident’s French name and French labels', () => {
    useMessages('fr');
    const timeline = seedTimeline(/^NotPetya/);
    render(<IncidentTimelineView timeline={timeline} today="2026-12-05" />, root);
    expect(root.querySelector('.incident-name')?.textContent).toBe(timeline.incident.names?.fr[0]);
    expect(texts('.timeline-side')).toContain('côté accusé');
    expect(root.textContent).toContain('Où en est l');
  });
});

describe('incidents in the counter-statement list', () => {
  it('names the incident and loads its timeline only when opened', async () => {
    const timeline = seedTimeline(/IPAC/);
    const load = vi.fn(async () => timeline);
    const s = testStatement('counterpoint-seed/x', {
      incident: { id: timeline.incident.id, pack: timeline.incident.pack, name: timeline.incident.name },
    });
    const plain = testStatement('counterpoint-seed/y');
    render(<CounterStatementList statements={[s, plain]} id="t" load={load} />, root);
    const details = root.querySelectorAll('details.counter-incident');
    expect(details).toHaveLength(1);
    expect(details[0]?.querySelector('summary')?.textContent).toBe(`Incident: ${timeline.incident.name} · Timeline`);
    expect(details[0]?.querySelector('a')?.getAttribute('href')).toBe(
      `/timeline.html?pack=counterpoint-seed&id=${timeline.incident.id}`,
    );
    expect(load).not.toHaveBeenCalled();
    await act(async () => {
      (details[0] as HTMLDetailsElement).open = true;
      details[0]?.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('toggle'));
    });
    await act(async () => {});
    expect(load).toHaveBeenCalledWith(timeline.incident.pack, timeline.incident.id);
    expect(root.querySelectorAll('.incident-timeline .timeline-entry')).toHaveLength(timeline.entries.length);
  });
});

describe('the timeline page', () => {
  it('loads the incident named in its address, and says so when it is unknown', async () => {
    const timeline = seedTimeline(/^Sony/);
    const load = vi.fn(async (_p: string, id: string) => (id === timeline.incident.id ? timeline : null));
    await act(async () => {
      render(<TimelinePage search={`?pack=counterpoint-seed&id=${timeline.incident.id}`} load={load} />, root);
    });
    await act(async () => {});
    expect(root.querySelector('h1')?.textContent).toBe(timeline.incident.name);
    await act(async () => {
      render(<TimelinePage search="?pack=counterpoint-seed&id=nope" load={load} />, root);
    });
    await act(async () => {});
    expect(root.querySelector('h1')).toBeNull();
    expect(root.textContent).toContain('not in your claim database');
  });
});
