import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(__dirname, '../../public/_locales');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

function load(lang: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, Message>;
}

/** `$NAME$` placeholders a message uses, and `$1`-style substitutions its placeholders read. */
function placeholdersOf(m: Message): { used: string[]; substitutions: string[] } {
  const used = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => (x[1] as string).toLowerCase()).sort();
  const substitutions = Object.values(m.placeholders ?? {})
    .map((p) => p.content)
    .sort();
  return { used, substitutions };
}

describe('UI strings', () => {
  const langs = readdirSync(LOCALES).sort();
  const en = load('en');

  it('exist in English and French', () => {
    expect(langs).toEqual(['en', 'fr']);
  });

  for (const lang of langs.filter((l) => l !== 'en')) {
    it(`${lang} has exactly the English keys, each translated, with the same placeholders`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, m] of Object.entries(other)) {
        expect(m.message.trim(), key).not.toBe('');
        const a = placeholdersOf(en[key] as Message);
        const b = placeholdersOf(m);
        expect(b.used, key).toEqual(a.used);
        expect(b.substitutions, key).toEqual(a.substitutions);
      }
    });
  }

  it('declares every placeholder a message uses (Chrome drops undeclared ones)', () => {
    for (const lang of langs) {
      for (const [key, m] of Object.entries(load(lang))) {
        const declared = Object.keys(m.placeholders ?? {}).map((k) => k.toLowerCase());
        for (const used of placeholdersOf(m).used) expect(declared, `${lang}/${key}`).toContain(used);
      }
    }
  });

  it('keys are valid message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
