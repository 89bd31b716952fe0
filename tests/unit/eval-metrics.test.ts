import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  type EvalRow,
  type ExpectedLabel,
  listErrors,
  type PredictedAllegation,
} from '../../src/cli/eval-metrics';
import type { DetectedLang } from '../../src/core/types';

const NEG: ExpectedLabel = { allegation: false, stance: null, accused: null, accuser: null, hedged: null };

function row(
  id: string,
  lang: string,
  expected: Partial<ExpectedLabel>,
  got: Partial<PredictedAllegation> | null,
  gotLang: DetectedLang = lang as DetectedLang,
): EvalRow {
  const exp: ExpectedLabel = expected.allegation
    ? { allegation: true, stance: 'accusation', accused: null, accuser: null, hedged: false, ...expected }
    : { ...NEG, ...expected };
  return {
    id,
    lang,
    text: `text of ${id}`,
    expected: exp,
    got: {
      lang: gotLang,
      allegation: got
        ? { stance: 'accusation', accused: null, accuser: null, hedged: false, confidence: 0.5, ...got }
        : null,
    },
  };
}

// en: 3 positives, 2 negatives. tp=2 (e1, e2), fn=1 (e3), fp=1 (e4), tn=1 (e5).
// fr: 2 positives, 2 negatives. tp=2 (f1, f2), fn=0, fp=0, tn=2.
const rows: EvalRow[] = [
  row('e1', 'en', { allegation: true, accused: 'CN', accuser: 'US' }, { accused: 'CN', accuser: 'US' }),
  row(
    'e2',
    'en',
    { allegation: true, accused: 'RU', accuser: null, hedged: true },
    { accused: 'CN', accuser: null, hedged: false },
  ),
  row('e3', 'en', { allegation: true, accused: 'IR' }, null),
  row('e4', 'en', {}, { accused: 'KP' }),
  row('e5', 'en', {}, null, 'fr'),
  row(
    'f1',
    'fr',
    { allegation: true, stance: 'denial', accused: 'RU', accuser: 'RU' },
    { stance: 'accusation', accused: 'RU', accuser: 'RU' },
  ),
  row('f2', 'fr', { allegation: true, accused: 'CN', accuser: 'FR' }, { accused: 'CN', accuser: 'FR' }, 'und'),
  row('f3', 'fr', { kind: 'hard_negative' }, null),
  row('f4', 'fr', { kind: 'hard_negative' }, null),
];

describe('computeMetrics', () => {
  const m = computeMetrics(rows);

  it('computes detection precision, recall and F1 per language', () => {
    const en = m.byLang.en;
    expect(en?.count).toBe(5);
    expect(en?.positives).toBe(3);
    expect(en?.detection).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(en?.detection.precision).toBeCloseTo(2 / 3);
    expect(en?.detection.recall).toBeCloseTo(2 / 3);
    expect(en?.detection.f1).toBeCloseTo(2 / 3);

    const fr = m.byLang.fr;
    expect(fr?.detection).toMatchObject({ tp: 2, fp: 0, fn: 0, tn: 2, precision: 1, recall: 1, f1: 1 });
  });

  it('computes overall detection metrics over all rows', () => {
    expect(m.overall.count).toBe(9);
    expect(m.overall.detection).toMatchObject({ tp: 4, fp: 1, fn: 1, tn: 3 });
    expect(m.overall.detection.precision).toBeCloseTo(0.8);
    expect(m.overall.detection.recall).toBeCloseTo(0.8);
    expect(m.overall.detection.f1).toBeCloseTo(0.8);
  });

  it('scores attributes on true positives only, with null == null counting as correct', () => {
    const en = m.byLang.en;
    // e1 right on everything; e2 wrong accused, right accuser (null == null), wrong hedged.
    expect(en?.attributes.accused).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(en?.attributes.accuser).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(en?.attributes.stance).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(en?.attributes.hedged).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(m.byLang.fr?.attributes.stance).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(m.overall.attributes.accused).toEqual({ correct: 3, total: 4, accuracy: 0.75 });
  });

  it('computes language-identification accuracy over every sentence', () => {
    expect(m.byLang.en?.langId).toEqual({ correct: 4, total: 5, accuracy: 0.8 });
    expect(m.byLang.fr?.langId).toEqual({ correct: 3, total: 4, accuracy: 0.75 });
    expect(m.overall.langId).toEqual({ correct: 7, total: 9, accuracy: 7 / 9 });
  });

  it('reports detection accuracy per kind', () => {
    expect(m.byKind).toEqual({ hard_negative: { correct: 2, total: 2, accuracy: 1 } });
  });

  it('returns null for undefined ratios and 0 F1 when nothing is right', () => {
    const none = computeMetrics([row('n1', 'en', {}, null)]);
    expect(none.overall.detection).toMatchObject({ precision: null, recall: null, f1: null });
    expect(none.overall.attributes.accused).toEqual({ correct: 0, total: 0, accuracy: null });
    const wrong = computeMetrics([row('w1', 'en', { allegation: true }, null), row('w2', 'en', {}, {})]);
    expect(wrong.overall.detection).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(computeMetrics([]).byLang).toEqual({});
  });
});

describe('listErrors', () => {
  it('lists false negatives, false positives, attribute and language errors in row order', () => {
    const errors = listErrors(rows).map((e) => [e.id, e.type, e.field ?? null, e.expected, e.got]);
    expect(errors).toEqual([
      ['e2', 'attribute', 'accused', 'RU', 'CN'],
      ['e2', 'attribute', 'hedged', true, false],
      ['e3', 'false_negative', null, { stance: 'accusation', accused: 'IR', accuser: null, hedged: false }, null],
      [
        'e4',
        'false_positive',
        null,
        null,
        { stance: 'accusation', accused: 'KP', accuser: null, hedged: false, confidence: 0.5 },
      ],
      ['e5', 'lang', null, 'en', 'fr'],
      ['f1', 'attribute', 'stance', 'denial', 'accusation'],
      ['f2', 'lang', null, 'fr', 'und'],
    ]);
    expect(listErrors(rows)[0]?.text).toBe('text of e2');
  });
});
