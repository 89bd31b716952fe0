/**
 * Labels and formats shared by the extension's pages. Every string comes
 * from the browser's i18n (`t`), in the browser's UI language.
 */

import type { MatchRelation } from '@core/match/match';
import type { ClaimStance } from '@core/pack/schema';
import type { Action, Stance } from '@core/types';
import { type MessageKey, t, uiLanguage } from '@src/i18n';

const STANCE_KEYS: Record<Stance, MessageKey> = {
  accusation: 'stanceAccusation',
  denial: 'stanceDenial',
  counter_accusation: 'stanceCounterAccusation',
};

/** An allegation's stance (accusation, denial, counter-accusation). */
export function stanceLabel(stance: Stance): string {
  const key = STANCE_KEYS[stance];
  return key ? t(key) : stance;
}

const CLAIM_STANCE_KEYS: Record<ClaimStance, MessageKey> = {
  accusation: 'popupClaimAccusation',
  attribution: 'popupClaimAttribution',
  denial: 'popupClaimDenial',
  counter_accusation: 'popupClaimCounterAccusation',
  fact_check: 'popupClaimFactCheck',
  context: 'popupClaimContext',
};

/** A stored statement's own stance (denial, attribution, fact-check…). */
export function claimStanceLabel(stance: ClaimStance): string {
  const key = CLAIM_STANCE_KEYS[stance];
  return key ? t(key) : stance;
}

const RELATION_KEYS: Record<MatchRelation, MessageKey> = {
  denies: 'relationDenies',
  counter_accuses: 'relationCounterAccuses',
  attributes: 'relationAttributes',
  fact_checks: 'relationFactChecks',
  contextualises: 'relationContextualises',
};

/** How a counter-statement answers the allegation. */
export function relationLabel(relation: MatchRelation): string {
  const key = RELATION_KEYS[relation];
  return key ? t(key) : relation;
}

const ACTION_KEYS: Record<Action, MessageKey> = {
  cyberattack: 'actionCyberattack',
  espionage: 'actionEspionage',
  intrusion: 'actionIntrusion',
  data_theft: 'actionDataTheft',
  ransomware: 'actionRansomware',
  malware: 'actionMalware',
  ddos: 'actionDdos',
  surveillance: 'actionSurveillance',
  sabotage: 'actionSabotage',
  phishing: 'actionPhishing',
  influence: 'actionInfluence',
  hacking: 'actionHacking',
};

/** The kind of operation an allegation is about. */
export function actionLabel(action: Action): string {
  const key = ACTION_KEYS[action];
  return key ? t(key) : action;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

function regions(lang: string): Intl.DisplayNames | null {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  return names;
}

/** Collectives whose name differs by language ("the West", "l'Occident"); EU and UN are region codes. */
const COLLECTIVE_LABELS: Record<string, MessageKey> = {
  West: 'actorWest',
  NATO: 'actorNato',
  'Five Eyes': 'actorFiveEyes',
};

/**
 * Display name of an actor id. States come as ISO alpha-2 codes ("CN" →
 * "China", "Chine"), as do the EU and the UN; other collectives have their own
 * messages; groups and organisations by canonical name ("APT28"), shown as
 * they are. Null or empty: the "unnamed" label.
 */
export function actorLabel(actor: string | null, lang: string = uiLanguage()): string {
  if (actor === null || actor === '') return t('unknownActor');
  const collective = COLLECTIVE_LABELS[actor];
  if (collective !== undefined) return t(collective);
  if (/^[A-Z]{2}$/.test(actor)) {
    try {
      return regions(lang)?.of(actor) ?? actor;
    } catch {
      return actor;
    }
  }
  return actor;
}

/** The status line: how many allegations the page has. */
export function countLabel(n: number): string {
  if (n === 0) return t('popupCountNone');
  return n === 1 ? t('popupCountOne') : t('popupCountMany', n);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO date (or date-time) as the UI language writes it ("5 mars 2024").
 * A bare day is read as a calendar day, not midnight UTC shifted to the local
 * zone. Unparseable input comes back as it was.
 */
export function formatDate(iso: string, lang: string = uiLanguage()): string {
  const day = ISO_DAY.test(iso);
  const time = Date.parse(day ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(day ? { timeZone: 'UTC' } : {}) }).format(time);
  } catch {
    return iso;
  }
}
