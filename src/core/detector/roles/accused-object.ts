/** "accused Beijing of hacking", "a mis en cause la Russie": the object of an accusation about an operation. */
import { B, CYBER_AFTER_RE, DET, rx } from '../patterns';
import { defineRule } from '../types';

const ACCUSE_OBJECT_BEFORE = rx(
  `${B}(?:accus\\w*|blam\\w*|charg\\w*|reproch\\w* (?:a|au|aux)|suspect\\w*|soupconn\\w*|point(?:ed|s|ing)? (?:the )?fingers? at|pin(?:ned|s|ning)? (?:the )?(?:[\\p{L}-]+\\s+){0,4}?on|pointe du doigt|montre\\w* du doigt|met (?:\\p{L}+ment )?en cause|mis (?:\\p{L}+ment )?en cause|mettent (?:\\p{L}+ment )?en cause|condemn\\w*|condamn\\w*|denounc\\w*|denonc\\w*|sanction\\w*|indict\\w*|inculp\\w*|named|nomme\\w*|identified|identifie\\w*|attribu\\w* (?:to|a|au|aux)|held|tient|qualifi\\w*|branded|branding|labell?ed|described|describing|called|calling|calls|dubbed|dubs|traite\\w*)\\s+(?:${DET}\\s*)?(?:(?:[\\p{L}\\p{N}-]+\\s+){0,3}(?:of|de|du|des|d')\\s+(?:${DET}\\s*)?)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);

/** "ont été inculpés aux États-Unis": the place of a passive charge is where the accuser sits, not its object. */
const CHARGED_IN_BEFORE = rx(
  `${B}(?:ete|been|were|was|est|sont|etaient)\\s+(?:accuse\\w*|inculpe\\w*|poursuivi\\w*|condamne\\w*|sanctionne\\w*|charged|indicted|sanctioned|convicted)\\s+(?:aux|au|en|in)\\s+(?:${DET}\\s*)?$`,
);

/** "a désigné Pyongyang comme responsable du piratage": named as the culprit, not "as a state sponsoring terrorism". */
const DESIGNATE_BEFORE = rx(`${B}(?:designe\\w*|designat\\w*)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`, 'u');
const CULPRIT_AFTER =
  /^.{0,40}?\b(?:responsables?|auteurs?|coupables?|culprits?|perpetrators?|responsible|behind|derriere|a l'origine)\b/;

export default defineRule({
  id: 'accused-object',
  langs: ['en', 'fr'],
  priority: 270,
  summary: '"accused Beijing of hacking", "a mis en cause la Russie": the object of an accusation about an operation.',
  examples: [
    {
      lang: 'fr',
      text: 'SolarWinds : Washington désigne formellement le SVR et expulse dix diplomates russes',
      actor: 'SVR',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "Le site du Parlement a été piraté après qu'il a désigné la Russie comme un État soutenant le terrorisme.",
      actor: 'Russie',
      role: null,
    },
    {
      lang: 'en',
      text: "Britain accused Russia's GRU of a years-long hacking campaign against its election systems.",
      actor: 'Russia',
      role: 'perpetrator',
    },
    {
      lang: 'fr',
      text: "Paris a accusé la Russie d'avoir piraté la messagerie du parti.",
      actor: 'Russie',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'Britain accused Russia of human rights abuses and of hacking nobody.',
      actor: 'Britain',
      role: null,
    },
  ],
  apply: (c) =>
    DESIGNATE_BEFORE.test(c.before) &&
    c.hasOperation &&
    (CULPRIT_AFTER.test(c.after) || !/^(?:\s+[\p{L}-]+){0,3}?\s+(?:comme|as)\b/u.test(c.after))
      ? c.evidence('perpetrator', 3, `named ${c.surface}`)
      : CHARGED_IN_BEFORE.test(c.before)
        ? c.evidence('accuser', 1, `charged in ${c.surface}`)
        : ACCUSE_OBJECT_BEFORE.test(c.before) &&
            c.hasOperation &&
            (CYBER_AFTER_RE.test(c.after.slice(0, 160)) || !/^\s*(?:of|de|d'|for|pour|over|with)\b/.test(c.after))
          ? c.evidence('perpetrator', 3, `accused ${c.surface}`)
          : null,
});
