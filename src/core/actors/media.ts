/**
 * News media as sources of allegations ("The New York Times reported…",
 * "selon Le Monde"). State media speak for their state (kind `agency`, as the
 * labelling guide says: Xinhua → CN, KCNA → KP, TASS → RU); independent media
 * keep their name (kind `organisation`). Names match with their exact case:
 * "Le Monde" is the newspaper, "le monde" the world.
 */
import type { ActorRecord } from './types';

const stateMedium = (id: string, state: string, en: string[], fr: string[] = en): ActorRecord => ({
  id,
  kind: 'agency',
  state,
  names: { en, fr },
  exactCase: true,
  source: 'builtin',
});

const medium = (id: string, names: string[], home?: string): ActorRecord => ({
  id,
  kind: 'organisation',
  names: { en: names, fr: names },
  exactCase: true,
  ...(home !== undefined ? { state: home } : {}),
  source: 'builtin',
});

export const STATE_MEDIA: ActorRecord[] = [
  stateMedium('Xinhua', 'CN', ['Xinhua', 'Xinhua News Agency'], ['Xinhua', 'Chine nouvelle', 'agence Chine nouvelle']),
  stateMedium('Global Times', 'CN', ['Global Times']),
  stateMedium('China Daily', 'CN', ['China Daily']),
  stateMedium('CCTV', 'CN', ['CCTV', 'China Central Television']),
  stateMedium('CGTN', 'CN', ['CGTN']),
  stateMedium("People's Daily", 'CN', ["People's Daily"], ['Quotidien du peuple']),
  stateMedium('KCNA', 'KP', ['KCNA', 'Korean Central News Agency'], ['KCNA', 'agence KCNA']),
  stateMedium('Rodong Sinmun', 'KP', ['Rodong Sinmun']),
  stateMedium('TASS', 'RU', ['TASS', 'Tass']),
  stateMedium('RIA Novosti', 'RU', ['RIA Novosti']),
  stateMedium('RT', 'RU', ['RT', 'Russia Today', 'RT France']),
  stateMedium('Sputnik', 'RU', ['Sputnik']),
  stateMedium('IRNA', 'IR', ['IRNA', 'Islamic Republic News Agency']),
  stateMedium('Press TV', 'IR', ['Press TV']),
  stateMedium('Tasnim', 'IR', ['Tasnim']),
  stateMedium('Fars', 'IR', ['Fars News Agency'], ['agence Fars']),
];

export const MEDIA: ActorRecord[] = [
  medium('Reuters', ['Reuters']),
  medium('Associated Press', ['Associated Press']),
  medium('AFP', ['AFP', 'Agence France-Presse']),
  medium('Bloomberg', ['Bloomberg', 'Bloomberg News']),
  medium('The New York Times', ['The New York Times', 'New York Times', 'NYT']),
  medium('The Washington Post', ['The Washington Post', 'Washington Post']),
  medium('The Wall Street Journal', ['The Wall Street Journal', 'Wall Street Journal', 'WSJ']),
  medium('Financial Times', ['Financial Times']),
  medium('The Guardian', ['The Guardian', 'Guardian']),
  medium('The Telegraph', ['The Telegraph', 'Telegraph']),
  medium('BBC', ['BBC']),
  medium('CNN', ['CNN']),
  medium('CBC', ['CBC', 'Radio-Canada']),
  medium('Politico', ['Politico']),
  medium('Le Monde', ['Le Monde']),
  medium('Le Figaro', ['Le Figaro']),
  medium("L'Express", ["L'Express"]),
  medium('Le Parisien', ['Le Parisien']),
  medium('Mediapart', ['Mediapart']),
  medium('France 24', ['France 24']),
  medium('RFI', ['RFI', 'Radio France internationale']),
  medium('Radio France', ['Radio France']),
  medium('Le Soir', ['Le Soir']),
  medium('La Libre Belgique', ['La Libre Belgique', 'La Libre']),
  medium('RTBF', ['RTBF']),
  medium('Der Spiegel', ['Der Spiegel', 'Spiegel']),
  medium('Süddeutsche Zeitung', ['Süddeutsche Zeitung']),
  medium('NHK', ['NHK']),
  medium('Yonhap', ['Yonhap']),
  medium('South China Morning Post', ['South China Morning Post', 'SCMP']),
  medium('Haaretz', ['Haaretz']),
  medium('Forbidden Stories', ['Forbidden Stories']),
];
