import type { ClaimPack } from '../../../src/core/pack/schema';
import { SEED_PACK } from '../../../src/data/seed-pack';

/**
 * A one-statement pack a newsroom might publish: China's embassy denying, in
 * 2024, the accusation the Belgian seed article makes (APT31 and the IPAC
 * lawmakers), republished under the newsroom's own id and source. The options
 * page tests (Chromium and Firefox) install it and look for it in the popup.
 */
export function newsroomPack(): ClaimPack {
  const base = SEED_PACK.claims.find((c) => c.id === 'b-cn-emb-be-2024');
  const seedIncident = SEED_PACK.incidents.find((i) => i.id === base?.incident);
  if (base === undefined || seedIncident === undefined) throw new Error('no Chinese denial about APT31');
  // Its evidence names claims of the seed pack, which this pack does not hold.
  const { evidence: _, ...incident } = seedIncident;
  return {
    format: SEED_PACK.format,
    formatVersion: SEED_PACK.formatVersion,
    id: 'e2e-newsroom',
    version: 1,
    title: 'E2E newsroom pack',
    license: 'CC-BY-4.0',
    publishedAt: '2026-12-01T00:00:00Z',
    actors: [],
    incidents: [incident],
    claims: [
      { ...base, id: 'e2e-claim-1', source: { ...base.source, url: 'https://newsroom.example.org/apt31-denial' } },
    ],
    relations: [],
  };
}
