/**
 * The bounds of the messages between a page's content script and the
 * background, in a module of their own: the content script reads them
 * without loading the schemas (its size budget).
 */
export const LIMITS = {
  /** Sentences in one scan message. */
  maxSentences: 500,
  /** Allegations one tab's report holds, appends included (a page that keeps adding text stops growing it). */
  maxReportAllegations: 1_000,
  maxSentenceChars: 2_000,
  /**
   * Characters of sentences the background reads (NLP) from one scan message,
   * and from one page over all its scans; what is past them is counted as
   * unread in the tab's report, never refused (the page's other text is read).
   */
  maxScanChars: 250_000,
  maxPageScanChars: 2_000_000,
  /** …and from one tab in any minute, whatever its pages (a page that keeps starting anew gets no more). */
  maxTabScanCharsPerMinute: 4_000_000,
  /** Scans of one tab waiting for the NLP: a page that sends more is refused until they are done. */
  maxQueuedScans: 4,
  /** Pack and galaxy files, as JSON text (estimated from the value; the MISP galaxy is ~3 MB). */
  maxJsonChars: 50 * 1024 * 1024,
  /** Packs nest 4 levels, the galaxy 5: anything much deeper is not one of them. */
  maxJsonDepth: 32,
  maxIdChars: 128,
} as const;
