import { expect } from 'chai';
import { UNTRUSTED } from '../document';
import type { Cell, Notebook, Output } from '../document';
import { toHtml } from './html';
import type { HtmlExportDeps } from './html';
import { vegaLiteToSvg } from './vega-svg';

// Node has no DOM, so DOMPurify cannot run here: these tests check structure and escaping with an
// identity sanitizer (or one that marks what went through it). The real DOMPurify path is covered
// by the end-to-end tests of the export in Chromium.
const identity = (html: string): string => html;
const deps: HtmlExportDeps = { sanitize: identity, chartToSvg: vegaLiteToSvg };

const PNG = 'iVBORw0KGgo=';

const notebook = (cells: readonly Cell[], title = 'Test'): Notebook => ({ id: 'nb', title, metadata: {}, cells });
const code = (source: string, outputs: readonly Output[], count: number | null = 1): Cell => ({
  id: `c${source.length}`, cell_type: 'code', source, metadata: {}, outputs, execution_count: count,
});
const display = (data: Record<string, unknown>): Output => ({ output_type: 'display_data', data, metadata: {} });

const chartSpec = {
  data: { values: [{ epoch: 1, loss: 0.9 }, { epoch: 2, loss: 0.5 }, { epoch: 3, loss: 0.3 }, { epoch: 4, loss: 0.2 }] },
  mark: 'point',
  encoding: {
    x: { field: 'epoch', type: 'quantitative', title: 'Epoch number' },
    y: { field: 'loss', type: 'quantitative', title: 'Training loss' },
  },
};

/** Everything the page would try to load: src/href/xlink:href values outside <a>, and CSS url()/@import. */
function loadedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    for (const attr of tag[2]!.matchAll(/\s([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = attr[1]!.toLowerCase();
      if (name === 'src' || name === 'srcset' || name === 'poster' || ((name === 'href' || name === 'xlink:href') && tag[1]!.toLowerCase() !== 'a')) {
        urls.push(attr[2]!.replace(/^["']|["']$/g, ''));
      }
    }
  }
  for (const m of html.matchAll(/url\(([^)]*)\)|@import\s+([^;]+)/g)) urls.push((m[1] ?? m[2])!);
  return urls;
}

describe('toHtml', () => {
  const everything = notebook(
    [
      { id: 'm', cell_type: 'markdown', source: '# Intro\n\nSquare $x^2$, see [docs](https://example.com).\n\n$$\\sum_i i$$\n\n![fig](attachment:fig.png)', metadata: {}, attachments: { 'fig.png': { 'image/png': PNG } } },
      code('print("hi") < 2', [
        { output_type: 'stream', name: 'stdout', text: 'hi & <bye>\n' },
        { output_type: 'stream', name: 'stderr', text: 'warning\n' },
        display({ 'text/html': '<table><tr><td>1</td></tr></table>', 'text/plain': 'table' }),
        display({ 'image/svg+xml': ['<svg xmlns="http://www.w3.org/2000/svg">', '<circle r="3"/></svg>'] }),
        display({ 'image/png': `${PNG.slice(0, 6)}\n${PNG.slice(6)}`, 'text/plain': '<Figure>' }),
        display({ 'image/jpeg': '/9j/4AAQ' }),
        display({ 'text/markdown': '**bold** $y$' }),
        { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': ['Tensor(', '[1, 2])'] }, metadata: {} },
        display({ 'application/vnd.vegalite.v5+json': chartSpec, 'text/plain': '<VegaLite chart>' }),
        display({ 'application/x-unknown': 'x' }),
        { output_type: 'error', ename: 'TypeError', evalue: 'x is <undefined>', traceback: ['\x1b[0;31mTypeError\x1b[0m: x is <undefined>', '    at \x1b[1mcell 2\x1b[22m'] },
        { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['\x1b[0;31m----\x1b[0m', '\x1b[0;31mValueError\x1b[0m: bad'] },
        { output_type: 'stream', name: 'stdout', text: 'done\n50%\r' },
      ], 3),
      { id: 'r', cell_type: 'raw', source: '<b>raw</b>', metadata: {} },
      code('let y = 2', [], null),
    ],
    'Lesson <script>alert(1)</script> & "more"',
  );

  let html = '';
  before(async () => {
    html = await toHtml(everything, deps);
  });

  it('is one page with its own inline style and a strict CSP', () => {
    expect(html.startsWith('<!doctype html>\n')).to.equal(true);
    expect(html).to.include('<meta charset="utf-8">');
    expect(html).to.match(/<style>[^<]+<\/style>/);
    expect(html).to.include(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;`);
  });

  it('escapes the title', () => {
    expect(html).to.include('<title>Lesson &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;more&#34;</title>');
  });

  it('contains no script and loads nothing from outside', () => {
    expect(html.toLowerCase()).to.not.include('<script');
    expect(html.toLowerCase()).to.not.include('<link');
    const urls = loadedUrls(html);
    expect(urls.length).to.be.greaterThan(2);
    for (const url of urls) expect(url.startsWith('data:image/'), url).to.equal(true);
    expect(html).to.include('<a href="https://example.com">docs</a>');
  });

  it('renders markdown with MathML math and attachments', () => {
    expect(html).to.include('<h1>Intro</h1>');
    expect(html.match(/<math\b/g)!.length).to.be.greaterThanOrEqual(3); // x^2, the sum, and y in the markdown output
    expect(html).to.include('display="block"');
    expect(html).to.not.include('katex-html');
    expect(html).to.include(`<img src="data:image/png;base64,${PNG}" alt="fig">`);
  });

  it('shows code cells as escaped source with a prompt, and raw cells escaped', () => {
    expect(html).to.include('<span class="prompt">[3]:</span><pre><code>print(&#34;hi&#34;) &#60; 2</code></pre>');
    expect(html).to.include('<span class="prompt">[ ]:</span><pre><code>let y = 2</code></pre>');
    expect(html).to.include('<pre>&#60;b&#62;raw&#60;/b&#62;</pre>');
    expect(html.indexOf('Intro')).to.be.lessThan(html.indexOf('print(')).and.lessThan(html.indexOf('raw&#60;'));
  });

  it('shows every output type', () => {
    expect(html).to.include('<pre class="stream stdout">hi &#38; &#60;bye&#62;\n</pre>');
    expect(html).to.include('<pre class="stream stderr">warning\n</pre>');
    expect(html).to.include('<table><tr><td>1</td></tr></table>');
    expect(html).to.include('<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>');
    expect(html).to.include(`<img alt="output image" src="data:image/png;base64,${PNG}">`);
    expect(html).to.include('<img alt="output image" src="data:image/jpeg;base64,/9j/4AAQ">');
    expect(html).to.include('<strong>bold</strong>');
    expect(html).to.include('<pre class="text">Tensor([1, 2])</pre>');
    expect(html).to.include('No renderer for application/x-unknown.');
    expect(html).to.include('<pre class="stream stdout">done\n50%</pre>');
    expect(html).to.not.include('&#60;Figure&#62;'); // the image wins over its text
  });

  it('shows errors with ANSI codes stripped', () => {
    // The kernel's traceback repeats the header as its first line, which is shown once.
    expect(html).to.include('<pre class="error"><strong>TypeError: x is &#60;undefined&#62;</strong>\n    at cell 2</pre>');
    expect(html).to.include('<pre class="error"><strong>ValueError: bad</strong>\n----\nValueError: bad</pre>');
    expect(html).to.not.include('\x1b');
  });

  it('draws Vega-Lite charts as inline SVG, one symbol per data point', () => {
    expect(/The chart could not be drawn[^<]*/.exec(html)?.[0]).to.equal(undefined);
    const svg = html.slice(html.indexOf('<svg', html.indexOf('<circle') + 1));
    expect(svg.startsWith('<svg')).to.equal(true);
    const symbols = /<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(svg);
    expect(symbols, 'the point marks group').to.not.equal(null);
    expect(symbols![1]!.match(/<path\b/g)).to.have.length(4);
    expect(svg).to.include('Epoch number');
    expect(svg).to.include('Training loss');
    expect(html).to.not.include('&#60;VegaLite chart&#62;');
  });

  it('prefers safe types for untrusted outputs, as the page does', async () => {
    const untrusted = (data: Record<string, unknown>): Output => ({ output_type: 'display_data', data, metadata: { [UNTRUSTED]: true } });
    const out = await toHtml(notebook([code('c', [untrusted({ 'text/html': '<b>h</b>', 'text/plain': 'plain' }), untrusted({ 'image/svg+xml': '<svg id="only"></svg>' })])]), deps);
    expect(out).to.include('<pre class="text">plain</pre>');
    expect(out).to.not.include('<b>h</b>');
    expect(out).to.include('<svg id="only"></svg>'); // no safe type: shown sanitized rather than not at all
  });

  it('falls back to the text of a chart that cannot be drawn, with a note', async () => {
    const failing: HtmlExportDeps = { sanitize: identity, chartToSvg: () => Promise.reject(new Error('no <view>')) };
    const out = await toHtml(notebook([code('c', [display({ 'application/vnd.vegalite.v5+json': chartSpec, 'text/plain': '<chart>' })])]), failing);
    expect(out).to.include('<pre class="text">&#60;chart&#62;</pre><p class="note">The chart could not be drawn: no &#60;view&#62;</p>');
    const invalid = await toHtml(notebook([code('c', [display({ 'application/vnd.vegalite.v5+json': { mark: 'nope' } })])]), deps);
    expect(invalid).to.include('<p class="note">The chart could not be drawn: ');
  });

  it('passes every piece of notebook markup through the sanitizer, and nothing it escaped itself', async () => {
    const marked: HtmlExportDeps = { sanitize: (h) => `[[${h}]]`, chartToSvg: () => Promise.resolve('<svg id="chart"></svg>') };
    const out = await toHtml(
      notebook([
        { id: 'm', cell_type: 'markdown', source: 'hello', metadata: {} },
        code('x', [
          display({ 'text/html': '<i>h</i>' }),
          display({ 'image/svg+xml': '<svg id="s"></svg>' }),
          display({ 'text/markdown': 'md' }),
          display({ 'application/vnd.vegalite.v5+json': {} }),
          display({ 'text/plain': 'plain' }),
          { output_type: 'stream', name: 'stdout', text: 'out' },
        ]),
      ]),
      marked,
    );
    for (const piece of ['[[<p>hello</p>\n]]', '[[<i>h</i>]]', '[[<svg id="s"></svg>]]', '[[<p>md</p>\n]]', '[[<svg id="chart"></svg>]]']) {
      expect(out).to.include(piece);
    }
    expect(out).to.not.include('[[<pre');
    expect(out.match(/\[\[/g)).to.have.length(5);
  });
});
