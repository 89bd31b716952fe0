import { proseParagraphs } from './rng';

/**
 * Long news pages for tests/bench/page.ts: deterministic English prose about
 * local affairs and everyday security (cyber vocabulary on purpose, so the
 * prefilter has work to do) with no allegation in it, optionally with ten
 * allegation sentences spread through the text. page.ts checks both with the
 * detector before measuring anything.
 */

const SUBJECTS = [
  'The city council',
  'A spokesperson for the regional hospital',
  'The national statistics office',
  'Several small business owners',
  'The chamber of commerce',
  'Teachers at the secondary school',
  'The water utility',
  'A consumer association',
  'The university’s computer science department',
  'Local librarians',
  'The transport authority',
  'A group of retired engineers',
];

const VERBS = [
  'announced a review of',
  'published new figures on',
  'raised questions about',
  'welcomed the plans for',
  'called for more funding for',
  'presented a report on',
  'held a public meeting on',
  'asked residents for feedback on',
];

// About half of these carry cyber vocabulary without accusing anyone.
const OBJECTS = [
  'the budget for road repairs',
  'cybersecurity training for volunteers',
  'free workshops on choosing a password manager',
  'the renovation of the old library',
  'backup routines for the town’s payroll system',
  'the price of electricity this winter',
  'a campaign that teaches pensioners to recognise phishing emails',
  'the new tram line to the airport',
  'two-factor authentication for the residents’ portal',
  'school meals in rural districts',
  'an exercise that rehearsed the response to a ransomware outbreak',
  'water quality along the river',
  'software updates for the library computers',
  'the harvest forecast for next autumn',
  'a firewall upgrade at the sports centre',
  'security awareness courses for shop staff',
];

const TAILS = [
  'after a long meeting on Tuesday.',
  'according to figures released this week.',
  'as the season drew to a close.',
  'despite objections from some members.',
  'in a statement posted online.',
  'ahead of the vote next month.',
  'with the support of the local press.',
  'in front of a small audience.',
];

/** Ten allegations in varied forms: accusations, denials, a counter-accusation. */
export const BENCH_ALLEGATIONS: readonly string[] = [
  "Germany's interior ministry said hackers working for Russia's foreign intelligence service broke into the email accounts of several members of the Bundestag.",
  'Prosecutors in Washington charged three Iranian nationals with hacking into the campaign of a presidential candidate.',
  'Beijing denied that Chinese hackers had anything to do with the breach of the Czech foreign ministry.',
  'The Australian government accused Chinese state-backed hackers of targeting the network of its federal parliament.',
  "Ukraine's security service said Russian military hackers wiped data from the servers of the country's largest mobile operator.",
  'Moscow rejected accusations that it was behind the cyberattack on a Polish news agency.',
  'Tehran accused Israel of launching a cyberattack that disrupted fuel stations across Iran.',
  "Britain's National Cyber Security Centre said hackers working for China's Ministry of State Security targeted the Electoral Commission.",
  'South Korean police said North Korean hackers stole data on anti-aircraft systems from three defence companies.',
  'Dutch intelligence officials said a Chinese espionage group had infiltrated a military network used for research.',
];

/** Deterministic prose of about `words` words, as paragraphs; allegations replace nothing, they are appended to paragraphs. */
export function benchParagraphs(words = 10_000, allegations: readonly string[] = [], seed = 17): string[] {
  const paragraphs = proseParagraphs(
    { subjects: SUBJECTS, verbs: VERBS, objects: OBJECTS, tails: TAILS },
    words,
    seed,
    4,
  );
  allegations.forEach((a, i) => {
    const at = Math.floor(((i + 0.5) * paragraphs.length) / allegations.length);
    paragraphs[at] = `${paragraphs[at]} ${a}`;
  });
  return paragraphs;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain news page around the paragraphs: header, navigation, article, footer; no external resources. */
export function benchPageHtml(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:," />
<style>
body { font: 18px/1.6 Georgia, serif; margin: 0; color: #222; }
header { background: #222; color: #fff; padding: 12px 24px; }
nav a { color: #fff; margin-right: 16px; }
main { max-width: 720px; margin: 24px auto; padding: 0 16px; }
footer { border-top: 1px solid #ddd; padding: 16px 24px; font-size: 13px; }
</style>
</head>
<body>
<header><strong>The Daily Bench</strong>
<nav><a href="/world">World</a><a href="/business">Business</a><a href="/technology">Technology</a><a href="/cybersecurity">Cybersecurity</a></nav>
</header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By the local desk</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</main>
<footer>© The Daily Bench. All rights reserved.</footer>
</body>
</html>`;
}
