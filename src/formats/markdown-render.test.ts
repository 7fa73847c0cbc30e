import { expect } from 'chai';
import { markdownToHtml } from './markdown-render';

const PNG = 'iVBORw0KGgo=';

/** Every attribute of every <img>, in order, as [name, value] pairs (values are double-quoted). */
function imgAttributes(html: string): (readonly [string, string])[][] {
  return [...html.matchAll(/<img\b([^>]*)>/g)].map((m) =>
    [...m[1]!.matchAll(/\s*([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? ''] as const),
  );
}

describe('markdownToHtml', () => {
  describe('attachments', () => {
    it('resolves attachment: images to data: URLs, without the base64 line breaks', () => {
      const html = markdownToHtml('![plot](attachment:plot.png)', { attachments: { 'plot.png': { 'image/png': 'iVBORw0K\nGgo=\n' } } });
      expect(html).to.equal(`<p><img src="data:image/png;base64,${PNG}" alt="plot"></p>\n`);
    });

    it('joins nbformat line arrays and finds percent-encoded names', () => {
      const attachments = { 'my plot.jpg': { 'image/jpeg': ['/9j/', '4AAQ'] } };
      const html = markdownToHtml('![a](attachment:my%20plot.jpg) and ![b](<attachment:my plot.jpg>)', { attachments });
      expect(imgAttributes(html)).to.deep.equal([
        [['src', 'data:image/jpeg;base64,/9j/4AAQ'], ['alt', 'a']],
        [['src', 'data:image/jpeg;base64,/9j/4AAQ'], ['alt', 'b']],
      ]);
    });

    it('prefers PNG, and takes SVG when that is all there is', () => {
      const both = { 'x': { 'image/svg+xml': 'PHN2Zy8+', 'image/jpeg': '/9j/', 'image/png': PNG } };
      expect(imgAttributes(markdownToHtml('![](attachment:x)', { attachments: both }))[0]![0]).to.deep.equal(['src', `data:image/png;base64,${PNG}`]);
      const svg = { 'x': { 'image/svg+xml': 'PHN2Zy8+' } };
      expect(imgAttributes(markdownToHtml('![](attachment:x)', { attachments: svg }))[0]![0]).to.deep.equal(['src', 'data:image/svg+xml;base64,PHN2Zy8+']);
    });

    it('resolves attachments inside other markup (links, lists, tables)', () => {
      const html = markdownToHtml('- [![i](attachment:a.png)](#x)\n\n| h |\n|---|\n| ![t](attachment:a.png) |\n', { attachments: { 'a.png': { 'image/png': PNG } } });
      expect(imgAttributes(html).map((attrs) => attrs[0]![1])).to.deep.equal([`data:image/png;base64,${PNG}`, `data:image/png;base64,${PNG}`]);
    });

    it('leaves unknown names, non-image bundles and inherited keys as they are', () => {
      const attachments = { 'notes.txt': { 'text/plain': 'hi' } };
      const html = markdownToHtml('![a](attachment:missing.png) ![b](attachment:notes.txt) ![c](attachment:__proto__) ![d](attachment:constructor)', { attachments });
      expect(imgAttributes(html).map((attrs) => attrs[0]![1])).to.deep.equal([
        'attachment:missing.png',
        'attachment:notes.txt',
        'attachment:__proto__',
        'attachment:constructor',
      ]);
      expect(markdownToHtml('![a](attachment:a.png)')).to.equal('<p><img src="attachment:a.png" alt="a"></p>\n');
    });

    it('cannot be used to inject attributes, through the name or through the data', () => {
      const name = 'x" onerror="alert(1)';
      const attachments = { [name]: { 'image/png': PNG }, 'bad.png': { 'image/png': 'AA" onerror="alert(1)' } };
      const found = markdownToHtml(`![a](<attachment:${name}>)`, { attachments });
      expect(found).to.equal(`<p><img src="data:image/png;base64,${PNG}" alt="a"></p>\n`);
      const missing = markdownToHtml(`![a](<attachment:y" onerror="alert(1)>)`, { attachments });
      expect(imgAttributes(missing)).to.deep.equal([[['src', 'attachment:y%22%20onerror=%22alert(1)'], ['alt', 'a']]]);
      const data = markdownToHtml('![a](attachment:bad.png)', { attachments });
      expect(data).to.equal('<p><img src="data:image/png;base64,AA&quot;onerror=&quot;alert(1)" alt="a"></p>\n');
    });
  });

  describe('math', () => {
    it('renders MathML alone when asked, for a page without KaTeX CSS', () => {
      const html = markdownToHtml('Inline $x^2$.\n\n$$\n\\sum_i i\n$$\n', { math: 'mathml' });
      expect(html.match(/<math\b/g)).to.have.length(2);
      expect(html).to.include('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
      expect(html).to.include('<annotation encoding="application/x-tex">x^2</annotation>');
      expect(html).to.not.include('katex-html');
    });

    it('renders KaTeX HTML and MathML by default, as the page shows it', () => {
      const html = markdownToHtml('$x^2$');
      expect(html).to.include('class="katex-html"');
      expect(html).to.include('<math');
    });

    it('uses each call\'s options on the one shared parser', () => {
      expect(markdownToHtml('$a$', { math: 'mathml' })).to.not.include('katex-html');
      expect(markdownToHtml('$a$')).to.include('katex-html');
    });

    it('escapes TeX that KaTeX cannot parse instead of throwing', () => {
      const html = markdownToHtml('bad $\\frac{1<b>$ here', { math: 'mathml' });
      expect(html).to.include('katex-error');
      expect(html).to.not.include('<b>');
    });
  });

  it('keeps raw HTML and links for the caller\'s sanitizer to judge', () => {
    expect(markdownToHtml('<details>x</details>\n\nSee https://example.com')).to.equal(
      '<details>x</details>\n<p>See <a href="https://example.com">https://example.com</a></p>\n',
    );
  });
});
