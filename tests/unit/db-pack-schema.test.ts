import { readFileSync } from 'node:fs';
import {
  ACTIONS,
  ACTOR_KINDS,
  CLAIM_STANCES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  parsePack,
  RELATION_TYPES,
} from '@core/pack/schema';
import { describe, expect, it } from 'vitest';
import { runPack } from '../../src/cli/pack';
import { packJsonSchema, packJsonSchemaText } from '../../src/cli/pack-schema';
import { SEED_PACK } from '../../src/data/seed-pack';

interface JNode {
  $ref?: string;
  $schema?: string;
  $defs?: Record<string, JNode>;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JNode;
  anyOf?: JNode[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

const committedText = readFileSync(new URL('../../public/claim-pack.schema.json', import.meta.url), 'utf8');
const jsonSchema = JSON.parse(committedText) as JNode;

function resolve(root: JNode, node: JNode): JNode {
  if (node.$ref === undefined) return node;
  const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
  const def = name === undefined ? undefined : root.$defs?.[name];
  if (!def) throw new Error(`unresolved $ref ${node.$ref}`);
  return { ...resolve(root, def), description: node.description ?? def.description };
}

/** The JSON Schema nodes of every property, with their paths. */
function properties(root: JNode, node: JNode, path = ''): [string, JNode][] {
  const j = resolve(root, node);
  const out: [string, JNode][] = [];
  for (const [key, sub] of Object.entries(j.properties ?? {})) {
    const p = path === '' ? key : `${path}.${key}`;
    out.push([p, resolve(root, sub)], ...properties(root, sub, p));
  }
  if (j.items) out.push(...properties(root, j.items, `${path}[]`));
  for (const option of j.anyOf ?? []) out.push(...properties(root, option, path));
  return out;
}

/** The node of a property path ("claims[].speaker"), nullable ones unwrapped. */
function at(path: string): JNode {
  const found = properties(jsonSchema, jsonSchema).find(([p]) => p === path)?.[1];
  if (!found) throw new Error(`no property ${path}`);
  const option = found.anyOf?.find((o) => o.type !== 'null');
  return option ? resolve(jsonSchema, option) : found;
}

describe('public/claim-pack.schema.json', () => {
  it('is the schema generated from the valibot schema, byte for byte (npm run pack:schema)', () => {
    expect(committedText).toBe(packJsonSchemaText());
  });

  it('pack schema --check passes on the committed file; a hand edit would differ', async () => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } };
    expect(await runPack(['schema', '--check'], io)).toBe(0);
    // The generated text is what --check compares with: one changed description makes it differ.
    const altered = packJsonSchema() as JNode;
    altered.description = 'hand-edited';
    expect(`${JSON.stringify(altered, null, 2)}\n`).not.toBe(committedText);
  });

  it('is a draft 2020-12 schema with the enums and constants of the valibot schema', () => {
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(jsonSchema.title).toBe('Counterpoint claim pack');
    const defs = jsonSchema.$defs ?? {};
    expect(defs.claim?.properties?.stance?.enum).toEqual([...CLAIM_STANCES]);
    expect(defs.claim?.properties?.action?.enum).toEqual([...ACTIONS]);
    expect(defs.actor?.properties?.kind?.enum).toEqual([...ACTOR_KINDS]);
    expect(defs.relation?.properties?.type?.enum).toEqual([...RELATION_TYPES]);
    expect(jsonSchema.properties?.format?.const).toBe(PACK_FORMAT);
    expect(jsonSchema.properties?.formatVersion?.const).toBe(PACK_FORMAT_VERSION);
    expect(jsonSchema.additionalProperties).toBe(false);
    for (const def of Object.values(defs)) expect(def.additionalProperties).toBe(false);
  });

  it('describes every property', () => {
    const undescribed = properties(jsonSchema, jsonSchema)
      .filter(([, node]) => !node.description && !node.anyOf)
      .map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it('bounds versions to safe integers and lengths as valibot does', () => {
    expect(at('version')).toMatchObject({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(at('claims[].speaker')).toMatchObject({ type: 'string', minLength: 1, maxLength: 300 });
    expect(at('claims[].accuser')).toMatchObject({ type: 'string', maxLength: 128 });
    expect(at('claims[].source.url').format).toBe('uri');
    expect(at('claims[].accused')).toMatchObject({ type: 'array', maxItems: 32 });
    expect(at('actors[].aliases')).toMatchObject({ type: 'array', maxItems: 200 });
  });

  it('its patterns refuse and accept what valibot refuses and accepts', () => {
    const pattern = (path: string) => new RegExp(at(path).pattern ?? '(?!)');
    const speaker = pattern('claims[].speaker');
    for (const bad of ['Spokesman\u001b[2J', '\u202eSpokesman', 'A\u009bB', 'A\ud800', '   '])
      expect(speaker.test(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['Lin Jian 林剑', 'Porte-parole « officiel »', 'A\nB\tC', '🛰️ Orbit'])
      expect(speaker.test(good), good).toBe(true);
    const published = pattern('publishedAt');
    for (const bad of ['2024-99-99T99:99Z', '0000-00-00', '2024-01-01T10:00+25:00'])
      expect(published.test(bad)).toBe(false);
    for (const good of ['2024-01-01', '2024-01-01T10:00Z', '2024-06-01T08:00:00.5+02:00'])
      expect(published.test(good)).toBe(true);
    const url = pattern('claims[].source.url');
    expect(url.test('https://example.org/a')).toBe(true);
    expect(url.test('javascript:alert(1)')).toBe(false);
    expect(url.test('https://example.org/\u0000')).toBe(false);
  });

  it('the seed pack passes the stricter schema', () => {
    expect(parsePack(JSON.parse(JSON.stringify(SEED_PACK))).claims).toHaveLength(SEED_PACK.claims.length);
  });
});
