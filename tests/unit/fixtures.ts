/**
 * Allegations and counter-statements as the background reports them, with
 * test defaults: override what a test is about, keep the rest.
 */
import type { Allegation } from '@core/types';
import type { CounterStatementView, ScanAllegation } from '../../src/messaging/protocol';

/** An allegation of `accused` (by the US, of an intrusion) whose offsets span its own text. */
export function testAllegation(accused: string | null, over: Partial<ScanAllegation> = {}): ScanAllegation {
  const text = over.text ?? `Hackers working for ${accused ?? 'someone'} broke in.`;
  const base: Allegation = {
    text,
    start: 0,
    end: text.length,
    lang: 'en',
    stance: 'accusation',
    accused,
    accuser: 'US',
    target: null,
    action: 'intrusion',
    hedged: false,
    confidence: 0.8,
  };
  return { ...base, counterStatements: [], ...over };
}

/** A denial by China's foreign ministry, with a source at example.org. */
export function testStatement(id: string, over: Partial<CounterStatementView> = {}): CounterStatementView {
  return {
    id,
    text: `Statement ${id}.`,
    speaker: 'Ministry of Foreign Affairs',
    speakerActor: 'CN',
    stance: 'denial',
    relation: 'denies',
    why: 'denial by the accused (CN)',
    date: '2024-03-05',
    lang: 'en',
    source: { url: `https://example.org/${id}`, publisher: 'Example News' },
    score: 0.9,
    incident: null,
    ...over,
  };
}
