/**
 * Groups the actor tables do not know, named in the sentence itself: "a group
 * calling itself Handala", "un groupe se faisant appeler « CyberCaliphate »",
 * "le gang Play", "the ransomware crew known as Akira". The name is taken as
 * written; it is the accused when the group claims or is blamed for an
 * operation. Names of the tables win where both match.
 */
import type { ActorMention } from './gazetteer';

/** A proper name: capitalised words (digits allowed), joined by spaces, hyphens or "of"/"de". */
const PROPER = String.raw`(?:\p{Lu}|\d)[\p{L}\p{N}$_.]*(?:(?:[- ]|\s(?:of|de|du|des)(?:\s(?:the|la|le))?\s|\sthe\s)(?:\p{Lu}|\d)[\p{L}\p{N}$_.]*){0,3}`;
const NAME = String.raw`(?:the\s+)?[«"“'‘]?\s*(${PROPER})`;
const GROUP_NOUN = String.raw`(?:(?:hacker|hacking|hacktivist|ransomware|cybercriminal|threat|extortion|APT)\s+)?(?:group|gang|crew|collective|outfit|persona|actor|cluster)`;
const GROUPE = String.raw`(?:groupe|gang|collectif|groupuscule)(?:\s+(?:de\s+)?(?:pirates|hackers|hacktivistes|cybercriminels|rançongiciel|ransomware))?`;

/** What a group named only by "the X group" / "le groupe X" must do nearby to be a threat group, not a company. */
const GROUP_DEED =
  /^.{0,80}?\b(?:revendiqu|claim|publi|post|leak|pirat|hack|attaqu|attack|menac|threat|extort|ran[cç]on|ransom|chiffr|encrypt|diffus|d[ée]rob|stole|steal|behind|derri[èe]re|breach|infiltr|paralys|cripple|disrupt|pr[ée]tend|boast|vant)/isu;

/** Patterns whose name is introduced as a group's explicitly ("calling itself") need no deed nearby. */
const EXPLICIT = 4;

/**
 * Vendors' naming schemes for threat actors: "Storm-1516", "UNC5221", "TA427", "DEV-0537", "Void
 * Blizzard", "Laundry Bear", "Silk Typhoon". A name of this shape is a group wherever it appears.
 */
const SCHEME = String.raw`\b((?:Storm|DEV|UNC|TA|APT|FIN|UAC|UAT|TAG|CL-STA|STAC)-?\d{2,5}|\p{Lu}\p{Ll}+ (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Panda|Bear|Kitten|Chollima|Spider|Jackal|Tiger|Leopard))\b`;

const PATTERNS: RegExp[] = [
  // "Storm-1516", "Void Blizzard": a vendor's name for a threat actor.
  new RegExp(SCHEME, 'gu'),
  // "la main de MirrorFace", "the handiwork of Sandman": the name the trail leads to.
  new RegExp(
    String.raw`\b(?:fingerprints|hallmarks|handiwork|hand|signature|main|marque)\s+(?:of|de|du|des|d')\s*(?:the\s+|la\s+|le\s+)?[«"“]?\s*(${PROPER})`,
    'gu',
  ),
  // "a group calling itself X", "the gang known as X", "a hacker group dubbed X".
  new RegExp(
    String.raw`\b${GROUP_NOUN}\s+(?:that\s+calls\s+itself|which\s+calls\s+itself|calling\s+itself|known\s+as|dubbed|called|named|going\s+by(?:\s+the\s+name(?:\s+of)?)?|tracked\s+as|self-styled)\s+${NAME}`,
    'gu',
  ),
  // "un groupe se faisant appeler X", "le collectif baptisé X".
  new RegExp(
    String.raw`\b${GROUPE}\s+(?:se\s+faisant\s+appeler|se\s+présentant\s+comme|se\s+presentant\s+comme|qui\s+se\s+fait\s+appeler|baptisé|baptise|nommé|nomme|appelé|appele|surnommé|surnomme|dénommé|denomme|connu\s+sous\s+le\s+nom\s+de)\s+${NAME}`,
    'gu',
  ),
  // "the Play gang", "the Akira ransomware group".
  new RegExp(String.raw`\b[Tt]he\s+(${PROPER})\s+${GROUP_NOUN}\b`, 'gu'),
  // "le gang Play", "le groupe Silent Crow".
  new RegExp(String.raw`\b(?:[Ll]e|[Dd]u|[Aa]u|[Uu]n)\s+${GROUPE}\s+(${PROPER})`, 'gu'),
  // "Un groupe se réclamant d'Algérie, JabaRoot DZ, a revendiqué…": the name in apposition to a group.
  new RegExp(String.raw`\b(?:${GROUPE}|${GROUP_NOUN})\s+[^,;]{3,60},\s+(${PROPER}),`, 'gu'),
  // "Akira, the gang behind the attack" (not "…, the group said").
  new RegExp(
    String.raw`(${PROPER}),\s+(?:the|a|an|le|un)\s+(?:[\p{L}-]+\s+)?(?:${GROUP_NOUN}|${GROUPE})\b(?!\s+(?:said|says|told|wrote|a\s+(?:déclaré|indiqué|affirmé)))`,
    'gu',
  ),
];

/** Capitalised words that are not names when they follow "the … group" or "le groupe …". */
const NOT_NAMES =
  /^(?:Parlement|Parliament|Congress|Congrès|Senate|Sénat|Bundestag|Assemblée|Kremlin|Pentagon|Pentagone|Commission|Conseil|Council|The|A|An|Le|La|Les|Un|Une|Telegram|State|Chinese|Russian|Iranian|French|British|American|Islamic|European|Western|Microsoft|Google|Lazarus|Mandiant|X|Facebook|TikTok|Internet|Web|APT|Group|Groupe)$/;

/** Words every pattern needs: a cheap test that spares most sentences the patterns themselves. */
const TRIGGER =
  /group|gang|crew|collecti|outfit|persona|actor|cluster|groupe|groupuscule|fingerprint|hallmark|handiwork|hand|signature|main|marque|Storm|DEV|UNC|TA\d|APT|FIN\d|UA[CT]|TAG|STA|Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Panda|Bear|Kitten|Chollima|Spider|Jackal|Tiger|Leopard/i;

export function findAdHocGroups(text: string, known: readonly ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  if (!TRIGGER.test(text)) return out;
  PATTERNS.forEach((re, i) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = m[1]?.replace(/\.+$/, '');
      if (name === undefined || NOT_NAMES.test(name) || name.length < 3) continue;
      const start = m.index + m[0].lastIndexOf(name);
      const end = start + name.length;
      if (i >= EXPLICIT && !GROUP_DEED.test(text.slice(end))) continue;
      const overlaps = (a: { start: number; end: number }) => a.start < end && start < a.end;
      if (known.some(overlaps) || out.some(overlaps)) continue;
      out.push({ start, end, id: name, kind: 'group', form: 'name', state: undefined, surface: name });
    }
  });
  return out;
}

/** "the North" / "le Nord" is North Korea in a sentence about the two Koreas, nothing else. */
const THE_NORTH =
  /\b(?:[Tt]he North|le Nord|du Nord|au Nord)\b(?!\s+(?:Atlantic|Atlantique|American|Am[ée]ricain|Africa|Afrique|Sea|Mer|Pole|P[ôo]le|Caucasus|Caucase))/gu;
const KOREAN_CONTEXT =
  /\b(?:Kor(?:ea|ean)|Cor[ée]e|cor[ée]en\w*|Pyongyang|Seoul|S[ée]oul|the South|le Sud|du Sud|KCNA|Unification|Rodong)\b/u;

/** States named by a relative word that their sentence makes clear: "the North" beside Seoul is North Korea. */
/**
 * "the Western statements", "les accusations occidentales": "Western" names the West as a party only on
 * what the West says (it is no form of the West elsewhere: "Western hackers", "Western targets").
 */
const WESTERN_CLAIM =
  /\b(?:Western(?=\s+(?:accusations?|allegations?|claims?|statements?|charges?|attributions?|governments'? (?:accusations?|claims?)))|(?<=\b(?:accusations?|allegations?|affirmations?|attributions?|d[ée]clarations?)\s)occidentales?)\b/gu;

export function findContextualStates(text: string, known: readonly ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  WESTERN_CLAIM.lastIndex = 0;
  for (let m = WESTERN_CLAIM.exec(text); m !== null; m = WESTERN_CLAIM.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    out.push({ start, end, id: 'West', kind: 'collective', form: 'demonym', state: undefined, surface: m[0] });
  }
  if (!KOREAN_CONTEXT.test(text)) return out;
  THE_NORTH.lastIndex = 0;
  for (let m = THE_NORTH.exec(text); m !== null; m = THE_NORTH.exec(text)) {
    const surface = m[0].replace(/^(?:[Tt]he|le|du|au)\s+/, '');
    const start = m.index + m[0].length - surface.length;
    const end = m.index + m[0].length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    out.push({ start, end, id: 'KP', kind: 'state', form: 'name', state: 'KP', surface });
  }
  return out;
}
