/**
 * The detector: segmentation → prefilter → (candidates only) actor mentions,
 * compromise tagging and allegation extraction. Pure TypeScript; used by the
 * background worker, the CLI, tests and benchmarks.
 */

import { findAdHocGroups, findContextualStates } from './actors/adhoc';
import { Gazetteer } from './actors/gazetteer';
import { actorGazetteer } from './actors/table';
import type { ActorRecord } from './actors/types';
import { type DocumentState, extractAllegation, namesOperation, newDocumentState } from './detector/extract';
import { knownNameParts, newSpeakerMemory } from './detector/speakers';
import { detectLang, sentenceLang } from './lang';
import { type Term, tagTerms } from './nlp';
import { candidateSegments } from './prefilter';
import { segment } from './segment';
import { fold } from './text';
import type { Allegation, DetectedLang, DetectResult, Lang, Segment } from './types';

export { sentenceLang } from './lang';

/** What is known of the page around a text before reading it. */
export interface PageContext {
  /**
   * The text comes from a page about cyber operations (a sentence quoted from
   * such an article). Unknown by default: the text's own sentences decide.
   */
  cyberTopic?: boolean;
}

export interface DetectorOptions {
  /** Extra actors (e.g. from a MISP galaxy import), merged over the built-in table. */
  actors?: readonly ActorRecord[];
  /** Replace the built-in table entirely (tests). */
  replaceActors?: boolean;
}

export { builtinGazetteer } from './actors/table';

export class Detector {
  readonly gazetteer: Gazetteer;
  /** Name parts of known officials ("Wang" → CN), for "M. Wang" before any introduction. */
  private readonly knownNames: ReadonlyMap<string, string>;

  constructor(options: DetectorOptions = {}) {
    this.gazetteer = options.replaceActors
      ? new Gazetteer([...(options.actors ?? [])])
      : actorGazetteer(options.actors ?? []);
    this.knownNames = knownNameParts(this.gazetteer);
  }

  /** Detect the allegations of a whole text (plain text; offsets into it). */
  detect(text: string, page: PageContext = {}): DetectResult {
    const lang = detectLang(text);
    const candidates = candidateSegments(text, segment(text), { cyberTopic: page.cyberTopic });
    return { lang, allegations: this.detectSegments(candidates, lang, page) };
  }

  /**
   * Detect allegations in given sentences whose offsets refer to a larger
   * text (the content script sends only candidate sentences of a page).
   * Sentences must be in document order: people introduced in one sentence
   * ("Wang Wenbin, porte-parole…") are resolved in later ones ("M. Wang").
   */
  detectSegments(segments: readonly Segment[], docLang: DetectedLang = 'und', page: PageContext = {}): Allegation[] {
    const out: Allegation[] = [];
    for (const a of this.detectEach(segments, docLang, page)) if (a !== null) out.push(a);
    return out;
  }

  /**
   * `detectSegments` one sentence at a time: one result (an allegation or
   * null) per segment, in order, so that a caller can pause between sentences
   * (the background shares its time between tabs this way).
   */
  *detectEach(
    segments: readonly Segment[],
    docLang: DetectedLang = 'und',
    page: PageContext = {},
  ): Generator<Allegation | null, void, undefined> {
    const doc = documentState(segments, page, this.knownNames);
    for (const s of segments) {
      const lang = sentenceLang(s.text, docLang);
      yield this.extract(s, lang, () => tagTerms(s.text, lang), doc);
    }
  }

  /**
   * The same result computed the slow way: compromise over the whole text,
   * then extraction on each candidate with the terms of that sentence. Used by
   * the benchmark to show what the prefilter saves (and that it loses nothing).
   */
  detectWholeText(text: string): DetectResult {
    const lang = detectLang(text);
    const docLang: Lang = lang === 'und' ? 'en' : lang;
    const all = tagTerms(text, docLang);
    const candidates = candidateSegments(text, segment(text));
    const doc = documentState(candidates, {}, this.knownNames);
    const allegations: Allegation[] = [];
    for (const s of candidates) {
      const sLang = sentenceLang(s.text, lang);
      const terms =
        sLang === docLang
          ? all
              .filter((t) => t.start >= s.start && t.end <= s.end)
              .map((t) => ({ ...t, start: t.start - s.start, end: t.end - s.start }))
          : tagTerms(s.text, sLang);
      const a = this.extract(s, sLang, terms, doc);
      if (a !== null) allegations.push(a);
    }
    return { lang, allegations };
  }

  private extract(
    s: Segment,
    lang: Lang,
    terms: readonly Term[] | (() => readonly Term[]),
    doc: DocumentState,
  ): Allegation | null {
    const known = this.gazetteer.find(s.text);
    const adHoc = [...findAdHocGroups(s.text, known), ...findContextualStates(s.text, known)];
    const mentions = adHoc.length === 0 ? known : [...known, ...adHoc].sort((a, b) => a.start - b.start);
    const found = extractAllegation({ text: s.text, lang, mentions, terms, gazetteer: this.gazetteer, doc });
    if (found === null) return null;
    return {
      text: s.text,
      start: s.start,
      end: s.end,
      lang,
      stance: found.stance,
      accused: found.accused,
      accuser: found.accuser,
      target: found.target,
      action: found.action,
      hedged: found.hedged,
      confidence: found.confidence,
    };
  }
}

/** Sentences that name an operation before a page counts as being about one. */
const CYBER_TOPIC_SENTENCES = 2;

/** The article's state before its first sentence: its topic is known from all of them. */
function documentState(
  segments: readonly Segment[],
  page: PageContext,
  knownNames: ReadonlyMap<string, string>,
): DocumentState {
  const speakers = newSpeakerMemory(knownNames);
  if (page.cyberTopic !== undefined) return newDocumentState(speakers, page.cyberTopic);
  let named = 0;
  for (const s of segments) if (namesOperation(fold(s.text)) && ++named >= CYBER_TOPIC_SENTENCES) break;
  return newDocumentState(speakers, named >= CYBER_TOPIC_SENTENCES);
}

let shared: Detector | undefined;

/** Detect with the built-in actor table. */
export function detect(text: string, options?: DetectorOptions): DetectResult {
  if (options !== undefined) return new Detector(options).detect(text);
  shared ??= new Detector();
  return shared.detect(text);
}
