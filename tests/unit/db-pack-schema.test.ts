import { readFileSync } from 'node:fs';
import {
  ACTIONS,
  ACTOR_KINDS,
  CLAIM_STANCES,
  ClaimPackSchema,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  RELATION_TYPES,
} from '@core/pack/schema';
import { describe, expect, it } from 'vitest';

/** The parts of a valibot schema object the comparison reads. */
interface VNode {
  type: string;
  entries?: Record<string, VNode>;
  item?: VNode;
  wrapped?: VNode;
  options?: readonly unknown[];
  literal?: unknown;
  pipe?: readonly { type: string; requirement?: unknown }[];
}

interface JNode {
  $ref?: string;
  $schema?: string;
  $defs?: Record<string, JNode>;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JNode;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
}

const jsonSchema = JSON.parse(
  readFileSync(new URL('../../public/claim-pack.schema.json', import.meta.url), 'utf8'),
) as JNode;
const valibotSchema = ClaimPackSchema as unknown as VNode;

function resolve(root: JNode, node: JNode): JNode {
  if (node.$ref === undefined) return node;
  const name = /^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1];
  const def = name === undefined ? undefined : root.$defs?.[name];
  if (!def) throw new Error(`unresolved $ref ${node.$ref}`);
  return { ...resolve(root, def), description: node.description ?? def.description };
}

const typesOf = (j: JNode): string[] => (j.type === undefined ? [] : Array.isArray(j.type) ? j.type : [j.type]);

/** Every difference between the valibot schema `v` and the JSON Schema `node`, as `path: problem`. */
function differences(root: JNode, v: VNode, node: JNode, path = '(root)'): string[] {
  const out: string[] = [];
  const j = resolve(root, node);
  let schema = v;
  if (schema.type === 'optional' && schema.wrapped) schema = schema.wrapped;
  if (schema.type === 'nullable' && schema.wrapped) {
    if (!typesOf(j).includes('null')) out.push(`${path}: nullable in valibot, not in JSON Schema`);
    schema = schema.wrapped;
  }
  const expectType = (t: string) => {
    if (!typesOf(j).includes(t)) out.push(`${path}: expected type ${t}, JSON Schema has ${JSON.stringify(j.type)}`);
  };
  switch (schema.type) {
    case 'strict_object': {
      expectType('object');
      if (j.additionalProperties !== false) out.push(`${path}: additionalProperties is not false`);
      const entries = schema.entries ?? {};
      const keys = Object.keys(entries).sort();
      const jKeys = Object.keys(j.properties ?? {}).sort();
      if (keys.join() !== jKeys.join()) out.push(`${path}: properties ${jKeys} ≠ valibot ${keys}`);
      const required = keys.filter((k) => entries[k]?.type !== 'optional');
      const jRequired = [...(j.required ?? [])].sort();
      if (required.join() !== jRequired.join()) out.push(`${path}: required ${jRequired} ≠ valibot ${required}`);
      for (const key of keys) {
        const sub = j.properties?.[key];
        const entry = entries[key];
        if (sub && entry) out.push(...differences(root, entry, sub, path === '(root)' ? key : `${path}.${key}`));
      }
      break;
    }
    case 'array':
      expectType('array');
      if (!schema.item || !j.items) out.push(`${path}: array without items`);
      else out.push(...differences(root, schema.item, j.items, `${path}[]`));
      break;
    case 'picklist':
      if (JSON.stringify(j.enum) !== JSON.stringify(schema.options))
        out.push(`${path}: enum ${JSON.stringify(j.enum)} ≠ valibot ${JSON.stringify(schema.options)}`);
      break;
    case 'literal':
      if (j.const !== schema.literal) out.push(`${path}: const ${String(j.const)} ≠ valibot ${String(schema.literal)}`);
      break;
    case 'string':
      expectType('string');
      for (const action of schema.pipe ?? []) {
        const { type, requirement } = action;
        if (type === 'regex' && j.pattern !== (requirement as RegExp).source)
          out.push(`${path}: pattern ${j.pattern} ≠ valibot ${(requirement as RegExp).source}`);
        if (type === 'trim' && j.pattern !== '\\S') out.push(`${path}: trimmed in valibot, no \\S pattern`);
        if (type === 'min_length' && j.minLength !== requirement) out.push(`${path}: minLength ≠ ${requirement}`);
        if (type === 'max_length' && j.maxLength !== requirement) out.push(`${path}: maxLength ≠ ${requirement}`);
        if (type === 'url' && j.format !== 'uri') out.push(`${path}: URL in valibot, no uri format`);
      }
      break;
    case 'number': {
      const integer = schema.pipe?.some((a) => a.type === 'integer') ?? false;
      expectType(integer ? 'integer' : 'number');
      const min = schema.pipe?.find((a) => a.type === 'min_value')?.requirement;
      if (min !== undefined && j.minimum !== min) out.push(`${path}: minimum ${j.minimum} ≠ valibot ${min}`);
      break;
    }
    default:
      out.push(`${path}: valibot type ${schema.type} not compared`);
  }
  return out;
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
  return out;
}

describe('public/claim-pack.schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('has the enums of the valibot schema', () => {
    const defs = jsonSchema.$defs ?? {};
    expect(defs.claim?.properties?.stance?.enum).toEqual([...CLAIM_STANCES]);
    expect(defs.claim?.properties?.action?.enum).toEqual([...ACTIONS]);
    expect(defs.actor?.properties?.kind?.enum).toEqual([...ACTOR_KINDS]);
    expect(defs.relation?.properties?.type?.enum).toEqual([...RELATION_TYPES]);
    expect(jsonSchema.properties?.format?.const).toBe(PACK_FORMAT);
    expect(jsonSchema.properties?.formatVersion?.const).toBe(PACK_FORMAT_VERSION);
  });

  it('agrees with the valibot schema on every object, required key, enum, pattern and length', () => {
    expect(differences(jsonSchema, valibotSchema, jsonSchema)).toEqual([]);
  });

  it('describes every property', () => {
    const undescribed = properties(jsonSchema, jsonSchema)
      .filter(([, node]) => !node.description)
      .map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it('notices a difference (the comparison is not vacuous)', () => {
    const altered = JSON.parse(JSON.stringify(jsonSchema)) as JNode;
    const defs = altered.$defs as Record<string, JNode>;
    const claim = defs.claim as JNode;
    claim.required = (claim.required ?? []).filter((k) => k !== 'date');
    (claim.properties?.stance as JNode).enum = ['accusation', 'denial'];
    const relationProperties = defs.relation?.properties as Record<string, JNode>;
    delete relationProperties.note;
    expect(differences(altered, valibotSchema, altered)).toEqual([
      expect.stringMatching(/^claims\[\]: required .* ≠ valibot/),
      expect.stringMatching(/^claims\[\]\.stance: enum/),
      expect.stringMatching(/^relations\[\]: properties/),
    ]);
  });
});
