import type { Stance } from '@core/types';

const STANCE_LABELS: Record<Stance, string> = {
  accusation: 'Accusation',
  denial: 'Denial',
  counter_accusation: 'Counter-accusation',
};

export function stanceLabel(stance: Stance): string {
  return STANCE_LABELS[stance] ?? stance;
}

let regionNames: Intl.DisplayNames | null | undefined;

function regions(): Intl.DisplayNames | null {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
  }
  return regionNames;
}

/** States come as ISO alpha-2 codes ("CN"), groups by canonical name ("APT28"). */
export function actorLabel(actor: string | null): string {
  if (actor === null || actor === '') return 'Unknown';
  if (/^[A-Z]{2}$/.test(actor)) {
    try {
      return regions()?.of(actor) ?? actor;
    } catch {
      return actor;
    }
  }
  return actor;
}

export function countLabel(n: number): string {
  if (n === 0) return 'No cyber-attack allegations found on this page.';
  return n === 1 ? '1 cyber-attack allegation on this page.' : `${n} cyber-attack allegations on this page.`;
}
