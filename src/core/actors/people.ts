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
  person('Hong Lei', 'CN', ['Hong Lei']),
  person('Lu Kang', 'CN', ['Lu Kang']),
  person('Qin Gang', 'CN', ['Qin Gang']),
  // China: national defence ministry spokespersons.
  person('Zhang Xiaogang', 'CN', ['Zhang Xiaogang']),
  person('Wu Qian', 'CN', ['Wu Qian']),
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
  person('Anne Neuberger', 'US', ['Anne Neuberger'], ['Neuberger']),
  person('Tom Bossert', 'US', ['Tom Bossert', 'Thomas Bossert'], ['Bossert']),
  person('Jake Sullivan', 'US', ['Jake Sullivan']),
  person('Marco Rubio', 'US', ['Marco Rubio'], ['Rubio']),
  person('Mike Pompeo', 'US', ['Mike Pompeo'], ['Pompeo']),
  person('Lisa Monaco', 'US', ['Lisa Monaco']),
  person('Rod Rosenstein', 'US', ['Rod Rosenstein'], ['Rosenstein']),
  person('John Demers', 'US', ['John Demers'], ['Demers']),
  person('Jen Psaki', 'US', ['Jen Psaki'], ['Psaki']),
  person('John Kirby', 'US', ['John Kirby']),
  person('Sarah Sanders', 'US', ['Sarah Sanders', 'Sarah Huckabee Sanders']),
  // United Kingdom.
  person('Oliver Dowden', 'GB', ['Oliver Dowden'], ['Dowden']),
  person('Ben Wallace', 'GB', ['Ben Wallace']),
  person('David Lammy', 'GB', ['David Lammy'], ['Lammy']),
  person('Keir Starmer', 'GB', ['Keir Starmer'], ['Starmer']),
  person('Rishi Sunak', 'GB', ['Rishi Sunak'], ['Sunak']),
  person('Dominic Raab', 'GB', ['Dominic Raab'], ['Raab']),
  person('James Cleverly', 'GB', ['James Cleverly']),
  person('Ken McCallum', 'GB', ['Ken McCallum'], ['McCallum']),
  person('Jeremy Hunt', 'GB', ['Jeremy Hunt']),
  // France.
  person('Jean-Noël Barrot', 'FR', ['Jean-Noël Barrot', 'Jean-Noel Barrot'], ['Barrot']),
  person('Emmanuel Macron', 'FR', ['Emmanuel Macron'], ['Macron']),
  // Germany.
  person('Annalena Baerbock', 'DE', ['Annalena Baerbock'], ['Baerbock']),
  person('Nancy Faeser', 'DE', ['Nancy Faeser'], ['Faeser']),
  person('Olaf Scholz', 'DE', ['Olaf Scholz'], ['Scholz']),
  person('Angela Merkel', 'DE', ['Angela Merkel'], ['Merkel']),
  // Belgium, the Netherlands, Norway, Poland.
  person('Alexander De Croo', 'BE', ['Alexander De Croo'], ['De Croo']),
  person('Hadja Lahbib', 'BE', ['Hadja Lahbib'], ['Lahbib']),
  person('Samuel Cogolati', 'BE', ['Samuel Cogolati'], ['Cogolati']),
  person('Peter Reesink', 'NL', ['Peter Reesink'], ['Reesink']),
  person('Ine Eriksen Søreide', 'NO', ['Ine Eriksen Søreide', 'Ine Eriksen Soreide']),
  person('Krzysztof Gawkowski', 'PL', ['Krzysztof Gawkowski'], ['Gawkowski']),
  // Russia, Iran, Taiwan, Vietnam.
  person('Andrei Krutskikh', 'RU', ['Andrei Krutskikh', 'Andreï Kroutskikh'], ['Krutskikh']),
  person('Sergei Ryabkov', 'RU', ['Sergei Ryabkov', 'Sergueï Riabkov', 'Sergueï Ryabkov'], ['Ryabkov', 'Riabkov']),
  person('Nikolai Patrushev', 'RU', ['Nikolai Patrushev', 'Nikolaï Patrouchev'], ['Patrushev', 'Patrouchev']),
  person('Nasser Kanaani', 'IR', ['Nasser Kanaani', 'Nasser Kanani'], ['Kanaani']),
  person('Esmaeil Baghaei', 'IR', ['Esmaeil Baghaei', 'Esmaïl Baghaï'], ['Baghaei']),
  person('Abbas Araghchi', 'IR', ['Abbas Araghchi'], ['Araghchi']),
  person('Hossein Jaberi Ansari', 'IR', ['Hossein Jaberi Ansari']),
  person('Wellington Koo', 'TW', ['Wellington Koo']),
  person('Le Thi Thu Hang', 'VN', ['Le Thi Thu Hang', 'Lê Thị Thu Hằng']),
  // North Korea.
  person('Kim Jong Un', 'KP', ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un']),
  // Heads of state and government who accuse or answer in their own name.
  person('Nicolás Maduro', 'VE', ['Nicolás Maduro', 'Nicolas Maduro'], ['Maduro']),
  person('Narendra Modi', 'IN', ['Narendra Modi'], ['Modi']),
  person('Shehbaz Sharif', 'PK', ['Shehbaz Sharif', 'Shahbaz Sharif']),
  person('Recep Tayyip Erdoğan', 'TR', ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan'], ['Erdoğan', 'Erdogan']),
  person('Ali Khamenei', 'IR', ['Ali Khamenei', 'Ali Khameneï'], ['Khamenei', 'Khameneï']),
  person('Masoud Pezeshkian', 'IR', ['Masoud Pezeshkian', 'Massoud Pezeshkian'], ['Pezeshkian']),
  person('Hassan Rouhani', 'IR', ['Hassan Rouhani'], ['Rouhani']),
  person('Benjamin Netanyahu', 'IL', ['Benjamin Netanyahu', 'Benyamin Netanyahou'], ['Netanyahu', 'Netanyahou']),
  person('Lai Ching-te', 'TW', ['Lai Ching-te']),
  person('Tsai Ing-wen', 'TW', ['Tsai Ing-wen']),
  person(
    'Volodymyr Zelensky',
    'UA',
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Volodymyr Zelensky'],
    ['Zelensky', 'Zelenskyy', 'Zelenski'],
  ),
  person('Edi Rama', 'AL', ['Edi Rama']),
  person('Rodrigo Chaves', 'CR', ['Rodrigo Chaves']),
  person('Petr Fiala', 'CZ', ['Petr Fiala']),
  person('Friedrich Merz', 'DE', ['Friedrich Merz'], ['Merz']),
  person('Anthony Albanese', 'AU', ['Anthony Albanese']),
  person('Ferdinand Marcos Jr.', 'PH', ['Ferdinand Marcos Jr.', 'Ferdinand Marcos Jr', 'Bongbong Marcos']),
  person('Yoon Suk Yeol', 'KR', ['Yoon Suk Yeol', 'Yoon Suk-yeol']),
  person('Justin Trudeau', 'CA', ['Justin Trudeau'], ['Trudeau']),
  person('Mark Carney', 'CA', ['Mark Carney']),
  // European Union (foreign-policy chiefs, who issue the Union's attributions).
  person('Josep Borrell', 'EU', ['Josep Borrell'], ['Borrell']),
  person('Kaja Kallas', 'EU', ['Kaja Kallas'], ['Kallas']),
];
