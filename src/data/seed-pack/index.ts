/**
 * The seed claim pack, shipped with the extension and installed on first run,
 * validated (./bundled.ts holds it as shipped). The CLI and tests use this
 * module; the service worker holds the unvalidated copy and validates it only
 * when it installs it.
 */
import { type ClaimPack, parsePack } from '../../core/pack/schema';
import { SEED_PACK_INPUT } from './bundled';

export { SEED_PACK_ID, SEED_PACK_VERSION } from './bundled';

export const SEED_PACK: ClaimPack = parsePack(SEED_PACK_INPUT);
