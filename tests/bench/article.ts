import { proseParagraphs } from './rng';

/**
 * A synthetic long article for benchmarks: neutral news prose (deterministic,
 * generated from word lists written here) with a handful of allegation
 * sentences spread through it.
 */

const SUBJECTS = [
  'The regional council',
  'A spokesperson for the port authority',
  'Local farmers',
  'The national statistics office',
  'Several economists',
  'The city’s transport operator',
  'Le conseil municipal',
  'Les organisateurs du festival',
  'The opposition party',
  'A group of residents',
];
const VERBS = [
  'announced a review of',
  'published new figures on',
  'raised concerns about',
  'welcomed the decision on',
  'called for a debate on',
  'a présenté un rapport sur',
  'questioned the cost of',
  'postponed the vote on',
];
const OBJECTS = [
  'the budget for road repairs',
  'the renovation of the old library',
  'the price of electricity this winter',
  'the new tram line to the airport',
  'school meals in rural districts',
  'la rénovation du stade municipal',
  'water quality along the river',
  'the harvest forecast for next autumn',
];
const TAILS = [
  'after a long meeting on Tuesday.',
  'according to figures released this week.',
  'as the season drew to a close.',
  'despite objections from some members.',
  'lors d’une séance publique jeudi soir.',
  'in a statement posted online.',
];

const ALLEGATIONS = [
  'Chinese state-sponsored hackers broke into the email accounts of several lawmakers, officials said.',
  'Moscow denied any involvement in the cyberattack on the water utility.',
  'Selon le gouvernement belge, la cyberattaque contre le SPF Intérieur a été menée par des pirates liés à la Chine.',
  'The Justice Department charged seven Chinese nationals over a hacking campaign attributed to APT31.',
  'North Korean hackers allegedly stole cryptocurrency worth hundreds of millions of dollars.',
];

export function syntheticArticle(words = 10_000, allegations = ALLEGATIONS.length, seed = 7): string {
  const paragraphs = proseParagraphs(
    { subjects: SUBJECTS, verbs: VERBS, objects: OBJECTS, tails: TAILS },
    words,
    seed,
    5,
  );
  const chosen = ALLEGATIONS.slice(0, allegations);
  chosen.forEach((a, i) => {
    const at = Math.floor(((i + 1) * paragraphs.length) / (chosen.length + 1));
    paragraphs[at] = `${paragraphs[at]} ${a}`;
  });
  return paragraphs.join('\n\n');
}
