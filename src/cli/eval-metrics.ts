/**
 * Pure metric computation for `npm run eval`: sentence-level detection
 * precision / recall / F1, attribute accuracy on true positives and
 * language-identification accuracy, per language and overall.
 */
import type { DetectedLang, Stance } from '../core/types';

/** Gold labels of one sentence (a line of tests/fixtures/labelled/*.jsonl). */
export interface ExpectedLabel {
  allegation: boolean;
  stance: Stance | null;
  accused: string | null;
  accuser: string | null;
  hedged: boolean | null;
  /** Free-form category of the example (e.g. "hard_negative"), if given. */
  kind?: string | null;
}

/** The attributes of the detector's top (highest-confidence) allegation. */
export interface PredictedAllegation {
  stance: Stance;
  accused: string | null;
  accuser: string | null;
  hedged: boolean;
  confidence: number;
}

export interface EvalRow {
  id: string;
  /** Language of the gold line. */
  lang: string;
  text: string;
  expected: ExpectedLabel;
  got: {
    lang: DetectedLang;
    /** null when the detector returned no allegation. */
    allegation: PredictedAllegation | null;
  };
}

export interface DetectionMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when undefined (no prediction / no positive / both null). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Accuracy {
  correct: number;
  total: number;
  /** null when total is 0. */
  accuracy: number | null;
}

export const ATTRIBUTES = ['accused', 'accuser', 'stance', 'hedged'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export interface GroupMetrics {
  count: number;
  /** Sentences labelled as allegations. */
  positives: number;
  detection: DetectionMetrics;
  /** Accuracy of each attribute on the true positives (null == null is correct). */
  attributes: Record<Attribute, Accuracy>;
  /** detect().lang equal to the gold lang, over every sentence. */
  langId: Accuracy;
}

export interface Metrics {
  overall: GroupMetrics;
  /** Keyed by gold language, sorted. */
  byLang: Record<string, GroupMetrics>;
  /** Detection accuracy (prediction == gold label) per example kind; rows without kind are left out. */
  byKind: Record<string, Accuracy>;
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: ratio(correct, total) };
}

function attributeValue(source: ExpectedLabel | PredictedAllegation, attribute: Attribute): string | boolean | null {
  return source[attribute] ?? null;
}

function group(rows: readonly EvalRow[]): GroupMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let langCorrect = 0;
  const attrCorrect: Record<Attribute, number> = { accused: 0, accuser: 0, stance: 0, hedged: 0 };
  for (const row of rows) {
    const predicted = row.got.allegation;
    if (row.got.lang === row.lang) langCorrect++;
    if (row.expected.allegation && predicted) {
      tp++;
      for (const attribute of ATTRIBUTES) {
        if (attributeValue(row.expected, attribute) === attributeValue(predicted, attribute)) {
          attrCorrect[attribute]++;
        }
      }
    } else if (row.expected.allegation) fn++;
    else if (predicted) fp++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return {
    count: rows.length,
    positives: tp + fn,
    detection: { tp, fp, fn, tn, precision, recall, f1 },
    attributes: {
      accused: accuracy(attrCorrect.accused, tp),
      accuser: accuracy(attrCorrect.accuser, tp),
      stance: accuracy(attrCorrect.stance, tp),
      hedged: accuracy(attrCorrect.hedged, tp),
    },
    langId: accuracy(langCorrect, rows.length),
  };
}

export function computeMetrics(rows: readonly EvalRow[]): Metrics {
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  const byLang: Record<string, GroupMetrics> = {};
  for (const lang of langs) byLang[lang] = group(rows.filter((r) => r.lang === lang));
  const kinds = new Map<string, { correct: number; total: number }>();
  for (const row of rows) {
    const kind = row.expected.kind;
    if (!kind) continue;
    const entry = kinds.get(kind) ?? { correct: 0, total: 0 };
    entry.total++;
    if (row.expected.allegation === (row.got.allegation !== null)) entry.correct++;
    kinds.set(kind, entry);
  }
  const byKind: Record<string, Accuracy> = {};
  for (const kind of [...kinds.keys()].sort()) {
    const entry = kinds.get(kind);
    if (entry) byKind[kind] = accuracy(entry.correct, entry.total);
  }
  return { overall: group(rows), byLang, byKind };
}

export type ErrorType = 'false_positive' | 'false_negative' | 'attribute' | 'lang';

export interface EvalMismatch {
  id: string;
  lang: string;
  type: ErrorType;
  /** For attribute errors: which attribute. */
  field?: Attribute;
  expected: unknown;
  got: unknown;
  text: string;
}

/** Every disagreement between gold labels and predictions, in row order. */
export function listErrors(rows: readonly EvalRow[]): EvalMismatch[] {
  const errors: EvalMismatch[] = [];
  for (const row of rows) {
    const base = { id: row.id, lang: row.lang, text: row.text };
    const predicted = row.got.allegation;
    if (row.got.lang !== row.lang) {
      errors.push({ ...base, type: 'lang', expected: row.lang, got: row.got.lang });
    }
    if (row.expected.allegation && !predicted) {
      errors.push({
        ...base,
        type: 'false_negative',
        expected: {
          stance: row.expected.stance,
          accused: row.expected.accused,
          accuser: row.expected.accuser,
          hedged: row.expected.hedged,
        },
        got: null,
      });
    } else if (!row.expected.allegation && predicted) {
      errors.push({ ...base, type: 'false_positive', expected: null, got: predicted });
    } else if (row.expected.allegation && predicted) {
      for (const attribute of ATTRIBUTES) {
        const expected = attributeValue(row.expected, attribute);
        const got = attributeValue(predicted, attribute);
        if (expected !== got) errors.push({ ...base, type: 'attribute', field: attribute, expected, got });
      }
    }
  }
  return errors;
}
