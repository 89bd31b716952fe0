/**
 * public/claim-pack.schema.json, generated from the valibot schema
 * (src/core/pack/schema.ts) with @valibot/to-json-schema, never written by
 * hand: `npm run pack:schema` rewrites it, and a unit test fails when the
 * committed file differs from what this produces.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import {
  ActorSchema,
  ClaimPackSchema,
  ClaimSchema,
  EvidenceSchema,
  IncidentSchema,
  RelationSchema,
  SourceSchema,
} from '../core/pack/schema';

export const PACK_SCHEMA_PATH = 'public/claim-pack.schema.json';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Json = Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of a claim pack. */
export function packJsonSchema(): Json {
  const schema = toJsonSchema(ClaimPackSchema, {
    target: 'draft-2020-12',
    definitions: {
      actor: ActorSchema,
      incident: IncidentSchema,
      evidence: EvidenceSchema,
      claim: ClaimSchema,
      source: SourceSchema,
      relation: RelationSchema,
    },
    // What JSON Schema cannot say is said in the root description: calendar checks (valibot `check`).
    // A trimmed string must hold a non-space character: a lookahead joined to the string's own pattern.
    overrideAction: ({ valibotAction, jsonSchema }) => {
      if (valibotAction.type === 'check') return jsonSchema;
      if (valibotAction.type === 'trim') {
        const pattern = typeof jsonSchema.pattern === 'string' ? jsonSchema.pattern : '';
        return { ...jsonSchema, pattern: `(?=[\\s\\S]*\\S)${pattern}` };
      }
      return undefined;
    },
  }) as Json;
  // $schema, title and description first: the order a reader expects.
  const { $schema, title, description, ...rest } = schema;
  return { $schema, title, description, ...rest };
}

/**
 * The file's text: the JSON laid out by the project's formatter (Biome, as
 * `npm run lint` checks it), so that the committed file is both generated and
 * lint-clean.
 */
export function packJsonSchemaText(): string {
  const json = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
  return execFileSync(
    join(ROOT, 'node_modules', '.bin', 'biome'),
    ['format', `--stdin-file-path=${PACK_SCHEMA_PATH}`],
    {
      cwd: ROOT,
      input: json,
      encoding: 'utf8',
    },
  );
}
