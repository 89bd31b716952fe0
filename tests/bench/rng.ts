/** Deterministic PRNG (mulberry32), so every benchmark run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word lists a sentence is drawn from: subject, verb, object, tail. */
export interface ProseVocabulary {
  subjects: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  tails: readonly string[];
}

/** Deterministic prose of about `words` words, `perParagraph` sentences to a paragraph. */
export function proseParagraphs(vocab: ProseVocabulary, words: number, seed: number, perParagraph: number): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const paragraphs: string[] = [];
  let count = 0;
  let paragraph: string[] = [];
  while (count < words) {
    const s = `${pick(vocab.subjects)} ${pick(vocab.verbs)} ${pick(vocab.objects)} ${pick(vocab.tails)}`;
    paragraph.push(s);
    count += s.split(/\s+/).length;
    if (paragraph.length >= perParagraph) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  return paragraphs;
}
