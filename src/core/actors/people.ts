import type { ActorRecord } from './types';

/**
 * Officials whose statements are routinely quoted about cyber attributions,
 * resolved to the state they speak for. Roles are those they held when they
 * made such statements; surnames are aliases only where they are distinctive.
 */
const person = (id: string, state: string, names: string[], aliases: string[] = []): ActorRecord => ({
  id,
  kind: 'person',
  state,
  names: { en: names, fr: names },
  aliases,
});

export const PEOPLE: ActorRecord[] = [
  // China: foreign ministry spokespersons and ministers.
  person('Wang Wenbin', 'CN', ['Wang Wenbin']),
  person('Mao Ning', 'CN', ['Mao Ning']),
  person('Lin Jian', 'CN', ['Lin Jian']),
  person('Zhao Lijian', 'CN', ['Zhao Lijian']),
  person('Hua Chunying', 'CN', ['Hua Chunying']),
  person('Geng Shuang', 'CN', ['Geng Shuang']),
  person('Guo Jiakun', 'CN', ['Guo Jiakun']),
  person('Liu Pengyu', 'CN', ['Liu Pengyu']),
  person('Wang Yi', 'CN', ['Wang Yi']),
  person('Xi Jinping', 'CN', ['Xi Jinping'], ['Xi']),
  // Russia.
  person('Dmitry Peskov', 'RU', ['Dmitry Peskov', 'Dmitri Peskov', 'Dmitri Peskov'], ['Peskov']),
  person('Maria Zakharova', 'RU', ['Maria Zakharova', 'Maria Zakharova'], ['Zakharova']),
  person('Sergei Lavrov', 'RU', ['Sergei Lavrov', 'Sergey Lavrov', 'Sergueï Lavrov'], ['Lavrov']),
  person('Vladimir Putin', 'RU', ['Vladimir Putin', 'Vladimir Poutine'], ['Putin', 'Poutine']),
  // United States.
  person('Merrick Garland', 'US', ['Merrick Garland'], ['Garland']),
  person('Christopher Wray', 'US', ['Christopher Wray'], ['Wray']),
  person('Antony Blinken', 'US', ['Antony Blinken'], ['Blinken']),
  person('Jen Easterly', 'US', ['Jen Easterly'], ['Easterly']),
  person('Joe Biden', 'US', ['Joe Biden'], ['Biden']),
  person('Donald Trump', 'US', ['Donald Trump'], ['Trump']),
  // North Korea.
  person('Kim Jong Un', 'KP', ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un']),
];
