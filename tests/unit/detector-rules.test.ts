/**
 * Every role rule's own examples (src/core/detector/roles/*.ts): in a valid
 * example the rule is the one that decides the actor's role, and gives the
 * role stated; in an invalid one the rule does not fire for that actor.
 * The registry's contract is checked too: unique ids matching file names,
 * distinct priorities, at least one positive example per rule.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { decidingRule } from '../../src/core/detector/assign';
import { mentionContext } from '../../src/core/detector/context';
import { ROLE_RULES } from '../../src/core/detector/registry';
import type { RoleRule, RuleExample } from '../../src/core/detector/types';
import { tagTerms } from '../../src/core/nlp';
import { fold } from '../../src/core/text';

const detector = new Detector();
const ROLES_DIR = join(import.meta.dirname, '..', '..', 'src', 'core', 'detector', 'roles');

function mentionOf(example: RuleExample) {
  const mentions = detector.gazetteer.find(example.text);
  const found = mentions.find((m) => example.text.slice(m.start).startsWith(example.actor));
  if (found === undefined)
    throw new Error(
      `"${example.actor}" is not an actor mention in: ${example.text} (found: ${mentions.map((m) => m.surface).join(', ')})`,
    );
  return found;
}

function run(rule: RoleRule, example: RuleExample) {
  const mention = mentionOf(example);
  const f = fold(example.text);
  const terms = tagTerms(example.text, example.lang);
  return {
    decided: decidingRule(mention, f, terms, true, example.lang),
    own: rule.apply(mentionContext(mention, f, terms, true, example.lang)),
  };
}

describe('role rule registry', () => {
  it('has one file per rule, named by its id, with distinct priorities', () => {
    const files = readdirSync(ROLES_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(ROLE_RULES.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(ROLE_RULES.map((r) => r.priority)).size).toBe(ROLE_RULES.length);
    for (const rule of ROLE_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(
        rule.examples.some((e) => e.role !== null),
        `${rule.id} has a positive example`,
      ).toBe(true);
      for (const e of rule.examples) expect(rule.langs, `${rule.id}: example language`).toContain(e.lang);
    }
  });

  it('is sorted by priority', () => {
    const priorities = ROLE_RULES.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });
});

for (const rule of ROLE_RULES) {
  describe(`rule ${rule.id}`, () => {
    for (const example of rule.examples) {
      const label = `${example.role === null ? 'does not fire' : `→ ${example.role}`} for "${example.actor}": ${example.text}`;
      it(label, () => {
        const { decided, own } = run(rule, example);
        if (example.role === null) {
          expect(own, `${rule.id} fired: ${own?.reason}`).toBeNull();
        } else {
          expect(decided.rule, decided.reason).toBe(rule.id);
          expect(decided.role).toBe(example.role);
        }
      });
    }
  });
}
