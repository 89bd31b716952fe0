/**
 * Collectives that accuse and are accused as one party: alliances, unions,
 * intelligence partnerships and "the West". They are parties like states
 * (`accused: "NATO"`, `accuser: "EU"`) but have no ISO code of their own
 * except the EU and the UN, whose codes ICU also knows.
 *
 * - "the West" / "l'Occident": only with a capital, "West" only after "the",
 *   and never before Bank, Africa, Coast… (see isCollective in the gazetteer).
 * - "Western" / "occidental" are not forms of the West: "Western hackers",
 *   "l'hypocrisie occidentale", "Western targets" rarely name it as a party
 *   (measured on the labelled sets).
 * - "Brussels" stays Belgium's capital (see states.ts); "the European
 *   Commission" is listed here as the EU.
 */
import type { ActorRecord } from './types';

const collective = (
  id: string,
  en: string[],
  fr: string[],
  aliases: string[] = [],
  demonyms?: { en: string[]; fr: string[] },
): ActorRecord => ({
  id,
  kind: 'collective',
  names: { en, fr },
  ...(aliases.length > 0 ? { aliases } : {}),
  ...(demonyms !== undefined ? { demonyms } : {}),
  source: 'builtin',
});

export const COLLECTIVES: ActorRecord[] = [
  collective('NATO', ['NATO', 'North Atlantic Treaty Organization', 'Nato'], ['OTAN', "l'Alliance atlantique", 'Otan']),
  collective(
    'EU',
    ['European Union', 'European Commission', 'European Council'],
    ['Union européenne', 'Commission européenne', 'Conseil européen', 'Vingt-Sept', 'Vingt-sept'],
    ['EU', 'UE'],
  ),
  collective('Five Eyes', ['Five Eyes', 'Five Eyes alliance'], ['Five Eyes', 'Cinq Yeux', 'alliance Five Eyes']),
  collective('G7', ['G7', 'Group of Seven'], ['G7', 'Groupe des sept']),
  collective('UN', ['United Nations', 'UN Security Council'], ['Nations unies', 'ONU', "Conseil de sécurité de l'ONU"]),
  collective('West', ['West', 'Westerners'], ['Occident', 'Occidentaux']),
];

/**
 * Armed movements accused of hacking (honey-trap apps, phone intrusions), with
 * no state as sponsor in these tables: they are named as they are.
 */
export const MOVEMENTS: ActorRecord[] = [
  { id: 'Hamas', kind: 'group', names: { en: ['Hamas'], fr: ['Hamas'] }, source: 'builtin' },
  { id: 'Hezbollah', kind: 'group', names: { en: ['Hezbollah'], fr: ['Hezbollah'] }, source: 'builtin' },
];
