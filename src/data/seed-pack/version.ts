/**
 * What the extension declares about its seed pack, without the pack: the
 * worker decides whether to install it from these alone and reads the pack
 * (`SEED_PACK_FILE`, written into the extension by the build from
 * ./bundled.ts) only to install or upgrade it.
 */

/** Increase when the seed content changes: installed copies are then updated in place. */
export const SEED_PACK_VERSION = 4;
export const SEED_PACK_ID = 'counterpoint-seed';
/** The pack's JSON as shipped, at the extension's root. */
export const SEED_PACK_FILE = 'seed-pack.json';
