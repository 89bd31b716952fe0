/**
 * Security vendors, tech companies and research labs that publish
 * attributions. `state` is the home country (headquarters), not a sponsor.
 *
 * - Qihoo 360: the bare "360" is far too ambiguous and "360 Security" occurs
 *   in marketing prose; only "Qihoo 360", "Qihoo" and "360 Digital Security
 *   Group" are listed.
 * - "Palo Alto" alone is a city; only "Palo Alto Networks" is a name. Unit 42
 *   (its threat-intelligence team, which signs most attributions) is its own
 *   record.
 * - FireEye Inc. renamed itself Mandiant Inc. in 2021 (the product business
 *   became Trellix); reports published as FireEye are cited under that name,
 *   so FireEye keeps its own entry.
 * - Amnesty Tech (Amnesty International's Security Lab) has no `state`: it is
 *   part of an international NGO.
 * - Group-IB moved its headquarters from Moscow to Singapore in 2019.
 * - Secureworks was bought by Sophos (UK) in 2025; it remains US-based.
 * RISKY: "Talos" (also a Linux distribution and a myth), "Google" (verb).
 */
import type { ActorRecord } from './types';

function org(id: string, state: string | undefined, names: string[], aliases: string[] = []): ActorRecord {
  const record: ActorRecord = {
    id,
    kind: 'organisation',
    names: { en: names, fr: names },
    source: 'builtin',
  };
  if (aliases.length > 0) record.aliases = aliases;
  if (state) record.state = state;
  return record;
}

export const ORGANISATIONS: ActorRecord[] = [
  org(
    'Microsoft',
    'US',
    ['Microsoft'],
    [
      'Microsoft Threat Intelligence',
      'Microsoft Threat Intelligence Center',
      'MSTIC',
      'Microsoft Threat Analysis Center',
      'MTAC',
    ],
  ),
  org('Google', 'US', ['Google']),
  org(
    'Google Threat Intelligence Group',
    'US',
    ['Google Threat Intelligence Group'],
    ['GTIG', 'Google Threat Intelligence', 'Google Threat Analysis Group', 'Google TAG', 'Threat Analysis Group'],
  ),
  org('Mandiant', 'US', ['Mandiant'], ['Google Mandiant']),
  // Reports published as FireEye (before the 2021 split) are cited under that name.
  org('FireEye', 'US', ['FireEye'], ['FireEye iSight', 'iSight Partners']),
  org('CrowdStrike', 'US', ['CrowdStrike'], ['CrowdStrike Intelligence']),
  org('Palo Alto Networks', 'US', ['Palo Alto Networks']),
  org('Unit 42', 'US', ['Unit 42'], ['Palo Alto Networks Unit 42']),
  org('Recorded Future', 'US', ['Recorded Future'], ['Insikt Group']),
  org('Proofpoint', 'US', ['Proofpoint']),
  org('Symantec', 'US', ['Symantec'], ['Symantec Threat Hunter Team', 'Broadcom Symantec']),
  org(
    'Kaspersky',
    'RU',
    ['Kaspersky'],
    ['Kaspersky Lab', 'Kaspersky Labs', 'Kaspersky GReAT', 'Global Research and Analysis Team'],
  ),
  org('ESET', 'SK', ['ESET'], ['ESET Research']),
  org(
    'Check Point',
    'IL',
    ['Check Point'],
    ['Check Point Research', 'Check Point Software', 'Check Point Software Technologies'],
  ),
  org('Cisco Talos', 'US', ['Cisco Talos', 'Talos'], ['Talos Intelligence Group']),
  org('SentinelOne', 'US', ['SentinelOne'], ['SentinelLabs']),
  org('Trend Micro', 'JP', ['Trend Micro']),
  org('Qihoo 360', 'CN', ['Qihoo 360'], ['Qihoo', '360 Digital Security Group']),
  org('Citizen Lab', 'CA', ['Citizen Lab'], ['The Citizen Lab']),
  // Amnesty's Security Lab (Amnesty Tech) publishes the forensic attributions; the press cites Amnesty International.
  org(
    'Amnesty International',
    undefined,
    ['Amnesty International', 'Amnesty'],
    ['Amnesty Tech', 'Amnesty International Security Lab', 'Amnesty Security Lab'],
  ),
  org('Secureworks', 'US', ['Secureworks'], ['Secureworks Counter Threat Unit', 'Secureworks CTU']),
  org('Positive Technologies', 'RU', ['Positive Technologies'], ['PT Expert Security Center', 'PT ESC']),
  org('Group-IB', 'SG', ['Group-IB'], ['Group IB']),
  org('Volexity', 'US', ['Volexity']),
  org('Qi An Xin', 'CN', ['Qi An Xin', 'QiAnXin', 'Qianxin'], ['QiAnXin Threat Intelligence Center', 'RedDrip Team']),
  // Other frequently cited publishers of attributions.
  org('Dragos', 'US', ['Dragos']),
  org('Sekoia', 'FR', ['Sekoia', 'Sekoia.io'], ['Sekoia TDR']),
  org('HarfangLab', 'FR', ['HarfangLab']),
  org('Bitdefender', 'RO', ['Bitdefender']),
  org('Sophos', 'GB', ['Sophos'], ['Sophos X-Ops']),
  org('Trellix', 'US', ['Trellix']),
  org('Fortinet', 'US', ['Fortinet'], ['FortiGuard Labs']),
  org('IBM X-Force', 'US', ['IBM X-Force'], ['X-Force']),
  org('Antiy', 'CN', ['Antiy'], ['Antiy Labs']),
  org('NSFOCUS', 'CN', ['NSFOCUS']),
  org('Orange Cyberdefense', 'FR', ['Orange Cyberdefense']),
  // Blockchain analytics firms: the usual source for the attribution of crypto thefts.
  org('Chainalysis', 'US', ['Chainalysis']),
  org('Elliptic', 'GB', ['Elliptic']),
  org('TRM Labs', 'US', ['TRM Labs']),
  // Platforms that publish takedowns of influence operations and threat reports.
  { ...org('Meta', 'US', ['Meta'], ['Meta Platforms']), exactCase: true },
  org('OpenAI', 'US', ['OpenAI']),
  org('Graphika', 'US', ['Graphika']),
];
