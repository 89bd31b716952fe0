/**
 * Gives every actor mention of a sentence a role: the first rule of the
 * registry (by priority) that fires for it, then a second pass that shares
 * roles along chains ("Russia's GRU") and coordinations ("Iraq and Syria").
 */
import type { ActorMention } from '../actors/gazetteer';
import type { Term } from '../nlp';
import type { Lang } from '../types';
import { mentionContext } from './context';
import { DET, rx } from './patterns';
import { ROLE_RULES } from './registry';
import type { RoleEvidence, RoleRule } from './types';

const COORDINATION_BEFORE = rx(`^,?\\s*(?:and|et|or|ou|as well as|ainsi que)\\s+(?:${DET}\\s*)?$`);
/** The rule that decides a mention's role, and the evidence it gives. */
export function decidingRule(
  mention: ActorMention,
  f: string,
  terms: readonly Term[],
  hasOperation: boolean,
  lang: Lang,
  rules: readonly RoleRule[] = ROLE_RULES,
): RoleEvidence {
  const c = mentionContext(mention, f, terms, hasOperation, lang);
  for (const rule of rules) {
    if (!rule.langs.includes(lang)) continue;
    const found = rule.apply(c);
    if (found !== null) return { ...found, rule: rule.id };
  }
  return { ...c.evidence('unknown', 0, mention.surface, c.entity), rule: 'no-role' };
}

export function assignRoles(
  mentions: readonly ActorMention[],
  f: string,
  terms: readonly Term[],
  hasOperation: boolean,
  lang: Lang,
): RoleEvidence[] {
  const roles = mentions.map((m) => decidingRule(m, f, terms, hasOperation, lang));
  propagate(roles, f);
  return roles;
}

/** Second pass: "Russia's GRU" and "the GRU's Unit 26165" share a role; "Iraq and Syria" share theirs. */
function propagate(roles: RoleEvidence[], f: string): void {
  for (let i = roles.length - 2; i >= 0; i--) {
    const r = roles[i] as RoleEvidence;
    const next = roles[i + 1] as RoleEvidence;
    const gap = f.slice(r.mention.end, next.mention.start);
    const chained = /^(?:'s?\s+(?:own\s+)?(?:[\p{L}-]+\s+){0,1}|\s+)$/u.test(gap);
    const sameActor =
      next.mention.kind !== 'organisation' && next.mention.kind !== 'group' && next.mention.state === r.mention.state;
    if (
      chained &&
      sameActor &&
      r.role !== next.role &&
      (r.strength < 3 || r.role === 'target') &&
      next.role !== 'unknown'
    ) {
      roles[i] = {
        ...r,
        role: next.role,
        strength: next.strength,
        rule: 'chained',
        reason: `${r.mention.surface} → ${next.reason}`,
      };
    }
  }
  for (let i = 1; i < roles.length; i++) {
    const r = roles[i] as RoleEvidence;
    const prev = roles[i - 1] as RoleEvidence;
    const gap = f.slice(prev.mention.end, r.mention.start);
    const sameKind = (r.mention.kind === 'group') === (prev.mention.kind === 'group');
    if (
      COORDINATION_BEFORE.test(gap) &&
      sameKind &&
      (prev.role === 'target' || prev.role === 'accuser') &&
      r.strength <= 2
    ) {
      roles[i] = {
        ...r,
        role: prev.role,
        strength: prev.strength,
        rule: 'coordinated',
        reason: `${r.mention.surface} with ${prev.reason}`,
      };
    }
  }
}
