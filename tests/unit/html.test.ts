import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from '../../src/cli/html';

const page = (body: string, head = '<title>Page title</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

// A main/article region is read alone only when it holds enough text (200 characters), as in the extension.
const STORY =
  'Officials said on Tuesday that hackers working for a foreign intelligence service had broken into the ' +
  'networks of three ministries last winter and copied the correspondence of several hundred civil servants.';

describe('htmlToText', () => {
  it('prefers <article> over the rest of the body', () => {
    const text = htmlToText(page(`<p>Outside.</p><article><p>${STORY}</p><p>Inside two.</p></article><p>After.</p>`));
    expect(text).toBe(`${STORY}\n\nInside two.`);
  });

  it('reads <main>, [role=main] or <article> alike, the outermost one; else <body>', () => {
    expect(htmlToText(page(`<p>Chrome</p><main><p>${STORY}</p></main>`))).toBe(STORY);
    expect(htmlToText(page(`<p>Chrome</p><div role="main"><p>${STORY}</p></div>`))).toBe(STORY);
    expect(htmlToText(page(`<p>Chrome</p><main><p>Lead.</p><article><p>${STORY}</p></article></main>`))).toBe(
      `Lead.\n\n${STORY}`,
    );
    expect(htmlToText(page('<p>Body one.</p><p>Body two.</p>'))).toBe('Body one.\n\nBody two.');
  });

  it('falls back to <body> when the regions hold too little text', () => {
    expect(htmlToText(page('<p>Chrome.</p><main><p>Main text.</p></main>'))).toBe('Chrome.\n\nMain text.');
  });

  it('keeps every top-level article, in document order, but not nested ones twice', () => {
    const text = htmlToText(
      page(
        `<article><p>First.</p><article><p>${STORY}</p></article></article><p>Between.</p><article><p>Second.</p></article>`,
      ),
    );
    expect(text).toBe(`First.\n\n${STORY}\n\nSecond.`);
  });

  it('ignores an <article> that sits inside dropped chrome', () => {
    const text = htmlToText(page(`<aside><article><p>Teaser.</p></article></aside><main><p>${STORY}</p></main>`));
    expect(text).toBe(STORY);
  });

  it('drops scripts, styles, navigation, forms and other non-content elements', () => {
    const text = htmlToText(
      page(
        [
          '<script>var a = "script text";</script>',
          '<style>.x { content: "style text"; }</style>',
          '<noscript>noscript text</noscript>',
          '<template><p>template text</p></template>',
          '<svg><text>svg text</text></svg>',
          '<nav>nav text</nav>',
          '<header>header text</header>',
          '<footer>footer text</footer>',
          '<aside>aside text</aside>',
          '<form><label>form text</label><input value="x"></form>',
          '<button>button text</button>',
          '<select><option>select text</option></select>',
          '<textarea>textarea text</textarea>',
          '<iframe src="x">iframe text</iframe>',
          '<video>video text</video>',
          '<audio>audio text</audio>',
          '<dialog>closed dialog text</dialog>',
          '<div role="navigation">role nav text</div>',
          '<div role="complementary">role aside text</div>',
          '<p contenteditable="true">typed text</p>',
          '<p>Kept text.</p>',
        ].join(''),
      ),
    );
    expect(text).toBe('Kept text.');
  });

  it("keeps an article's own header and footer, a form's text and an open dialog", () => {
    const text = htmlToText(
      page(
        `<header>Site banner</header><article><header><h1>Headline</h1></header><p>${STORY}</p>` +
          '<form><p>Form prose.</p><input value="x"></form><footer>Article footer.</footer></article>' +
          '<dialog open><p>Open dialog.</p></dialog><footer>Site footer</footer>',
      ),
    );
    expect(text).toBe(`Headline\n\n${STORY}\n\nForm prose.\n\nArticle footer.`);
    expect(htmlToText(page('<dialog open><p>Open dialog.</p></dialog>'))).toBe('Open dialog.');
  });

  it('drops hidden elements: [hidden], aria-hidden=true, inline display:none or visibility:hidden', () => {
    const text = htmlToText(
      page(
        '<p hidden>a</p><p aria-hidden="true">b</p><p style="color: red; display : none">c</p>' +
          '<p style="display:none !important">d</p><p style="visibility: hidden">e</p>' +
          '<p aria-hidden="false">Visible.</p><p style="display:block">Also.</p>',
      ),
    );
    expect(text).toBe('Visible.\n\nAlso.');
  });

  it('puts a blank line between blocks and turns source line breaks into spaces, one for one', () => {
    const text = htmlToText(
      page(
        '<h1>  Big \n title </h1><div>Lead <b>bold</b>\n\t<i>italic</i> end.<div>Inner div.</div>tail</div>' +
          '<ul><li>One</li><li>Two</li></ul><blockquote>Quote.</blockquote><p>Line one<br>line two</p>',
      ),
    );
    expect(text).toBe(
      // Spaces are kept as they are: every character maps back to the page's text.
      '  Big   title \n\nLead bold italic end.\n\nInner div.\n\ntail\n\nOne\n\nTwo\n\nQuote.\n\nLine one\n\nline two',
    );
  });

  it('does not glue inline elements to each other or add spaces inside words', () => {
    expect(htmlToText('<p>cyber<b>attack</b>s and <a href="#">links</a>.</p>')).toBe('cyberattacks and links.');
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; th&#233; &lt;ok&gt; &laquo;&nbsp;cit&eacute;&nbsp;&raquo;</p>')).toBe(
      'Café & thé <ok> «\u00a0cité\u00a0»',
    );
  });

  it('never includes the <title>; includes a heading only when inside the chosen region', () => {
    const text = htmlToText(page(`<h1>Site heading</h1><article><h1>Story heading</h1><p>${STORY}</p></article>`));
    expect(text).toBe(`Story heading\n\n${STORY}`);
    expect(htmlToText(page('<p>Body.</p>'))).not.toContain('Page title');
  });

  it('handles fragments without <html>/<body>', () => {
    expect(htmlToText('<p>First.</p><div>Second.</div><script>x()</script>')).toBe('First.\n\nSecond.');
  });

  it('keeps table cells apart and preformatted lines separate', () => {
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toBe('a\n\nb\n\nc');
    expect(htmlToText('<pre>line1\nline2</pre>')).toBe('line1\nline2');
  });

  it('extracts the CLI fixture article', () => {
    const html = readFileSync(new URL('../fixtures/cli/article.html', import.meta.url), 'utf8');
    const text = htmlToText(html);
    expect(text.split('\n\n')).toEqual([
      'Cyber\u00a0: Paris hausse le ton',
      'Par  notre   correspondante, le 3 mars.',
      `Le ministère des Affaires étrangères a accusé la Russie d'avoir mené une cyberattaque contre les hôpitaux de Normandie.${' '.repeat(9)}La réunion s'est tenue à huis clos.`,
      'The British government accused Iran of hacking the email accounts of several MPs.',
      'Les marchés ont peu réagi & le débat continue.',
      'Il faisait beau à Paris.',
    ]);
  });
});

describe('looksLikeHtml', () => {
  it('recognises documents by their prolog', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body>x</body></html>')).toBe(true);
    expect(looksLikeHtml('\uFEFF  \n<!doctype html>')).toBe(true);
    expect(looksLikeHtml('<html lang="fr"><p>x</p></html>')).toBe(true);
  });

  it('recognises fragments by tag density', () => {
    expect(looksLikeHtml('<p>One.</p><p>Two.</p><p>Three.</p>')).toBe(true);
    expect(looksLikeHtml('<div class="a"><span>x</span><a href="#">y</a></div>')).toBe(true);
  });

  it('does not mistake plain text for HTML', () => {
    expect(looksLikeHtml('The US accused China of hacking.')).toBe(false);
    expect(looksLikeHtml('if x < y and y > z then <b> is a tag.')).toBe(false);
    const prose = `${'A long paragraph of plain prose that mentions the <p> element once. '.repeat(20)}`;
    expect(looksLikeHtml(prose)).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
  });
});
