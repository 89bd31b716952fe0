/** Shared types of the pure detection core. No DOM, no browser APIs. */

export type Lang = 'en' | 'fr';
/** `und` when a text is too short or in neither supported language. */
export type DetectedLang = Lang | 'und';

export type Stance = 'accusation' | 'denial' | 'counter_accusation';
export const STANCES: readonly Stance[] = ['accusation', 'denial', 'counter_accusation'];

/** Kind of operation an allegation is about. */
export type Action =
  | 'cyberattack'
  | 'espionage'
  | 'intrusion'
  | 'data_theft'
  | 'ransomware'
  | 'malware'
  | 'ddos'
  | 'surveillance'
  | 'sabotage'
  | 'phishing'
  | 'influence'
  | 'hacking';

export interface Allegation {
  /** Exactly `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  lang: Lang;
  stance: Stance;
  /** ISO alpha-2 for states, canonical group / organisation name otherwise. */
  accused: string | null;
  accuser: string | null;
  /** The target as written ("Belgian MPs", "leurs alliés"), if any. */
  target: string | null;
  action: Action;
  hedged: boolean;
  /** Heuristic confidence in [0, 1]. */
  confidence: number;
}

export interface DetectResult {
  lang: DetectedLang;
  allegations: Allegation[];
}

/** A sentence with its exact offsets into the input. */
export interface Segment {
  start: number;
  end: number;
  text: string;
}
