/**
 * The contract every role rule follows: one construction, one file under
 * ./roles, registered in ./registry.ts. A rule reads the words around one
 * actor mention and, when its construction is there, gives that actor a role
 * with a strength; the first rule by priority that fires decides the role.
 * ./decide.ts then turns the roles of a sentence into stance and parties.
 */
import type { ActorMention } from '../actors/gazetteer';
import type { Term } from '../nlp';
import type { Lang } from '../types';

export type Role = 'perpetrator' | 'accuser' | 'denier' | 'target' | 'rejected' | 'unknown';

export interface RoleEvidence {
  mention: ActorMention;
  role: Role;
  /** How strong the evidence is, 0 (none) to 3 (explicit construction). */
  strength: number;
  /** The rule that gave the role (its id), or a propagation of another mention's. */
  rule: string;
  /** Human-readable: "accused Russia", "said M. Wang". */
  reason: string;
  /** An organ of state (government, ministry, military…) whose role came from no verb: may be the speaker. */
  entity?: boolean;
}

/** One actor mention in its sentence, with the windows and facts the rules read. */
export interface MentionContext {
  readonly mention: ActorMention;
  readonly surface: string;
  /** The folded sentence (lower case, no diacritics; same offsets as the text). */
  readonly f: string;
  /** Up to 120 folded characters before the mention, parenthetical "selon eux" removed. */
  readonly before: string;
  /** Up to 130 folded characters after the mention. */
  readonly after: string;
  readonly terms: readonly Term[];
  /** The sentence names an operation (cyber vocabulary, a group with context…). */
  readonly hasOperation: boolean;
  readonly lang: Lang;
  /** Written as an adjective: "Chinese", "russes". */
  readonly demonym: boolean;
  /** A verb follows the mention in the sentence. */
  readonly verbAfter: boolean;
  /** "sanctions against", "poursuites contre": the mention is the object of measures. */
  readonly measuresAgainst: boolean;
  /** A target preposition introduces the mention ("against", "contre", "visant", French "à"). */
  readonly isTarget: boolean;
  /** A state organ (ministry, embassy, intelligence…), an agency or an official. */
  readonly entity: boolean;
  evidence(role: Role, strength: number, reason: string, entity?: boolean): RoleEvidence;
}

/** A sentence a rule must handle: `role` is the role the rule gives `actor`, or null when it must not fire. */
export interface RuleExample {
  lang: Lang;
  text: string;
  /** The actor's words as written in `text` (the first mention that starts with them). */
  actor: string;
  role: Role | null;
}

export interface RoleRule {
  /** Kebab-case, unique; also the file name. */
  id: string;
  langs: readonly Lang[];
  /** Lower runs first; the first rule that fires decides. Leave gaps (multiples of 10). */
  priority: number;
  summary: string;
  examples: readonly RuleExample[];
  apply(c: MentionContext): RoleEvidence | null;
}

/** Identity with type checking: rule files export `defineRule({...})`. */
export function defineRule(rule: RoleRule): RoleRule {
  return rule;
}
