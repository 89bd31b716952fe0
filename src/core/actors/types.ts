/**
 * Actor records: who can accuse or be accused.
 *
 * Normalisation rules (see README): states are ISO 3166-1 alpha-2 codes;
 * agencies are organs of a state and resolve to that state's code; threat
 * groups keep their canonical name (the MISP galaxy `value`) unless a state
 * is named alongside them; organisations (companies, research labs) keep
 * their canonical name; collectives (NATO, the EU, the West) are parties of
 * their own, named by their id.
 */
export type ActorKind = 'state' | 'agency' | 'group' | 'organisation' | 'person' | 'collective';

export interface LocalisedForms {
  en: string[];
  fr: string[];
}

export interface ActorRecord {
  /** ISO alpha-2 for states ("CN"), canonical name otherwise ("APT31", "NSA", "Microsoft"). */
  id: string;
  kind: ActorKind;
  /** Proper names and metonyms per language. The first English name is the display name. */
  names: LocalisedForms;
  /** Adjective / demonym forms, every inflection (fr: chinois, chinoise, chinoises). States only. */
  demonyms?: LocalisedForms;
  /** Language-neutral aliases: group synonyms ("ZIRCONIUM", "Judgment Panda"), acronyms. */
  aliases?: string[];
  /** For agencies, groups and organisations: the state (ISO code) that runs, sponsors or hosts it. */
  state?: string;
  /** Where the record came from: "builtin" or a pack / MISP galaxy identifier. */
  source?: string;
  /** Names match only as written, capitals included ("Le Monde", not "le monde" or "Le monde"). */
  exactCase?: boolean;
}
