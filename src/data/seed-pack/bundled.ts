/**
 * The seed claim pack as shipped, not yet validated: what the build writes
 * into the extension as `seed-pack.json` (wxt.config.ts), which the service
 * worker reads and validates only to install or upgrade the pack (its script
 * does not carry it: a worker start reads only ./version.ts). Its content
 * lives in part-*.json: one file per group of controversies, each statement
 * with speaker, date, language and source.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../core/pack/schema';
import partA from './part-a.json';
import partB from './part-b.json';
import partC from './part-c.json';
import partD from './part-d.json';
import partE from './part-e.json';
import partF from './part-f.json';
import partG from './part-g.json';
import partH from './part-h.json';
import { SEED_PACK_ID, SEED_PACK_VERSION } from './version';

interface Part {
  actors: unknown[];
  incidents: unknown[];
  claims: unknown[];
  relations: unknown[];
}

const PARTS: Part[] = [partA, partB, partC, partD, partE, partF, partG, partH] as Part[];

export { SEED_PACK_ID, SEED_PACK_VERSION } from './version';

/** The pack's JSON as shipped; `parsePack` of it is the seed pack (./index.ts). */
export const SEED_PACK_INPUT = {
  format: PACK_FORMAT,
  formatVersion: PACK_FORMAT_VERSION,
  id: SEED_PACK_ID,
  version: SEED_PACK_VERSION,
  title: 'Counterpoint seed pack: state-attributed cyber operations and the answers to them',
  description:
    'Attributions, denials and counter-accusations about major state-attributed cyber operations, each statement paraphrased with its speaker, date, language and source.',
  license: 'CC-BY-4.0',
  publishedAt: '2026-12-06',
  actors: PARTS.flatMap((p) => p.actors),
  incidents: PARTS.flatMap((p) => p.incidents),
  claims: PARTS.flatMap((p) => p.claims),
  relations: PARTS.flatMap((p) => p.relations),
};
