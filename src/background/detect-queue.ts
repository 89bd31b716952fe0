/**
 * The background's NLP time, shared between tabs. A page decides how much
 * text it sends; it must not decide how long every other tab waits. Each
 * scan's sentences are detected in slices of a few thousand characters, with
 * a macrotask between slices (other messages, other tabs, the popup get their
 * turn), and the next slice always goes to the tab that has used the least
 * NLP time lately: a normal page's scan overtakes a hostile page's backlog
 * instead of queueing behind it.
 */
import type { Allegation, Segment } from '@core/types';

/** What the queue needs of the detector; `detectEach` (see `Detector`) lets it pause between sentences. */
export interface SegmentDetector {
  detectSegments(segments: Segment[]): Allegation[];
  detectEach?(segments: readonly Segment[]): Iterator<Allegation | null>;
}

export interface DetectQueueOptions {
  /** Characters of sentences detected in one slice before the queue yields (at least one sentence per slice). */
  sliceChars?: number;
  /** A tab's recent use counts half after this long: a tab is not punished for long for one big page. */
  halfLifeMs?: number;
  now?: () => number;
  /** Lets everything else run between two slices; a macrotask by default. */
  pause?: () => Promise<void>;
}

export interface DetectQueue {
  /**
   * Detects `segments` for `tabId`, in that tab's turn. Resolves to the
   * allegations, or to null when `cancel(tabId)` dropped the job first.
   */
  run(tabId: number, segments: readonly Segment[], detector: () => SegmentDetector): Promise<Allegation[] | null>;
  /** Scans of the tab waiting or running. */
  pending(tabId: number): number;
  /** Drops the tab's scans (its page is gone, or a new one replaces it): they resolve to null. */
  cancel(tabId: number): void;
}

interface Job {
  segments: readonly Segment[];
  detector: () => SegmentDetector;
  next: number;
  found: Allegation[];
  iterator: Iterator<Allegation | null> | null;
  resolve(found: Allegation[] | null): void;
  reject(error: unknown): void;
}

interface TabLine {
  jobs: Job[];
  /** Characters detected lately (decayed), and when that was last updated. */
  used: number;
  usedAt: number;
  /** Order of service among tabs that used the same: the longest unserved goes first. */
  servedAt: number;
}

/**
 * A new task, after whatever else is queued (messages from pages and the
 * popup): a message to ourselves, which browsers do not clamp as they clamp
 * nested `setTimeout(0)` to 4 ms.
 */
function macrotask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createDetectQueue(options: DetectQueueOptions = {}): DetectQueue {
  const sliceChars = options.sliceChars ?? 2_000;
  const halfLifeMs = options.halfLifeMs ?? 10_000;
  const now = options.now ?? Date.now;
  const pause = options.pause ?? macrotask;
  const tabs = new Map<number, TabLine>();
  let turn = 0;
  let pumping = false;

  function usedNow(line: TabLine, t: number): number {
    return line.used * 2 ** (-(t - line.usedAt) / halfLifeMs);
  }

  /** The waiting tab that used the least lately. */
  function pick(): TabLine | null {
    const t = now();
    let best: TabLine | null = null;
    let bestUsed = 0;
    for (const [tabId, line] of tabs) {
      if (line.jobs.length === 0) {
        // An idle tab's use is forgotten once it has decayed to nothing.
        if (usedNow(line, t) < 1) tabs.delete(tabId);
        continue;
      }
      const used = usedNow(line, t);
      if (best === null || used < bestUsed || (used === bestUsed && line.servedAt < best.servedAt)) {
        best = line;
        bestUsed = used;
      }
    }
    return best;
  }

  /** Runs one slice of the tab's first job; returns the characters it read. */
  function slice(line: TabLine): number {
    const job = line.jobs[0] as Job;
    let chars = 0;
    try {
      const detector = job.detector();
      if (detector.detectEach === undefined) {
        // A detector that cannot pause does the whole job in one slice.
        job.found = detector.detectSegments([...job.segments]);
        for (const s of job.segments) chars += s.text.length;
        job.next = job.segments.length;
      } else {
        job.iterator ??= detector.detectEach(job.segments);
        while (job.next < job.segments.length) {
          const length = (job.segments[job.next] as Segment).text.length;
          // At least one sentence a slice, however long (a sentence is at most LIMITS.maxSentenceChars).
          if (chars > 0 && chars + length > sliceChars) break;
          const step = job.iterator.next();
          if (step.done === true) {
            job.next = job.segments.length;
            break;
          }
          chars += length;
          job.next++;
          if (step.value !== null) job.found.push(step.value);
        }
      }
    } catch (error) {
      line.jobs.shift();
      job.reject(error);
      return chars;
    }
    if (job.next >= job.segments.length) {
      line.jobs.shift();
      job.resolve(job.found);
    }
    return chars;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let line = pick(); line !== null; line = pick()) {
        const chars = slice(line);
        const t = now();
        line.used = usedNow(line, t) + chars;
        line.usedAt = t;
        line.servedAt = ++turn;
        await pause();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    run(tabId, segments, detector) {
      return new Promise<Allegation[] | null>((resolve, reject) => {
        let line = tabs.get(tabId);
        if (line === undefined) {
          line = { jobs: [], used: 0, usedAt: now(), servedAt: 0 };
          tabs.set(tabId, line);
        }
        line.jobs.push({ segments, detector, next: 0, found: [], iterator: null, resolve, reject });
        void pump();
      });
    },
    pending: (tabId) => tabs.get(tabId)?.jobs.length ?? 0,
    cancel(tabId) {
      const line = tabs.get(tabId);
      if (line === undefined) return;
      const dropped = line.jobs.splice(0);
      for (const job of dropped) job.resolve(null);
    },
  };
}
