/**
 * The bounds of the messages between a page's content script and the
 * background, in a module of their own: the content script reads them
 * without loading the schemas (its size budget).
 */
export const LIMITS = {
  /**
   * Characters of page text in one scan message (the content script sends
   * slices of ~50,000; a single text node longer than this is cut at a space).
   */
  maxScanTextChars: 200_000,
  /** Allegations one tab's report holds, appends included (a page that keeps adding text stops growing it). */
  maxReportAllegations: 1_000,
  /** A candidate sentence longer than this is not read (no news sentence is). */
  maxSentenceChars: 2_000,
  /**
   * Characters of candidate sentences the background reads (NLP) from one
   * page over all its scans (a message holds at most `maxScanTextChars`);
   * what is past it is counted as unread in the tab's report, never refused
   * (the page's other text is read).
   */
  maxPageScanChars: 2_000_000,
  /** …and from one tab in any minute, whatever its pages (a page that keeps starting anew gets no more). */
  maxTabScanCharsPerMinute: 4_000_000,
  /** Characters of page text one tab may have segmented and prefiltered in any minute (~100 MB/s: 0.2 s of it). */
  maxTabScanTextPerMinute: 20_000_000,
  /** Scans of one tab waiting for the NLP: a page that sends more is refused until they are done. */
  maxQueuedScans: 4,
  /** Pack and galaxy files, as JSON text (estimated from the value; the MISP galaxy is ~3 MB). */
  maxJsonChars: 50 * 1024 * 1024,
  /** Packs nest 4 levels, the galaxy 5: anything much deeper is not one of them. */
  maxJsonDepth: 32,
  maxIdChars: 128,
} as const;
