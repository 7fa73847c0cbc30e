import { expect } from 'chai';
import { renderMarkdown } from './markdown';

/** The rendered HTML as a fragment, to assert on structure rather than on exact markup. */
function render(source: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(source);
  return template.content;
}

const texts = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');

/** The TeX source KaTeX keeps in the MathML annotation of each formula. */
const annotations = (root: ParentNode): string[] => texts(root, 'annotation[encoding="application/x-tex"]');

describe('renderMarkdown', () => {
  describe('markdown', () => {
    it('renders headings, emphasis and lists', () => {
      const root = render('# Title\n\n## Sub\n\nSome *em* and **strong**.\n\n- a\n- b\n\n1. one\n2. two\n');
      expect(texts(root, 'h1')).to.deep.equal(['Title']);
      expect(texts(root, 'h2')).to.deep.equal(['Sub']);
      expect(texts(root, 'em')).to.deep.equal(['em']);
      expect(texts(root, 'strong')).to.deep.equal(['strong']);
      expect(texts(root, 'ul > li')).to.deep.equal(['a', 'b']);
      expect(texts(root, 'ol > li')).to.deep.equal(['one', 'two']);
    });

    it('renders fenced code blocks with their language class', () => {
      const root = render('```ts\nconst x = 1 < 2;\n```\n');
      const code = root.querySelector('pre > code');
      expect(code?.textContent).to.equal('const x = 1 < 2;\n');
      expect(code?.className).to.equal('language-ts');
    });

    it('renders tables', () => {
      const root = render('| a | b |\n|---|---|\n| 1 | 2 |\n');
      expect(texts(root, 'table thead th')).to.deep.equal(['a', 'b']);
      expect(texts(root, 'table tbody td')).to.deep.equal(['1', '2']);
    });

    it('keeps safe raw HTML and linkifies bare URLs', () => {
      const root = render('<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n\nSee https://example.com now');
      expect(texts(root, 'details > summary')).to.deep.equal(['More']);
      expect(root.querySelector('a')?.getAttribute('href')).to.equal('https://example.com');
    });

    it('opens links in a new tab without an opener', () => {
      const a = render('[docs](https://example.com/docs)').querySelector('a');
      expect(a?.getAttribute('href')).to.equal('https://example.com/docs');
      expect(a?.getAttribute('target')).to.equal('_blank');
      expect(a?.getAttribute('rel')).to.equal('noopener noreferrer');
    });

    it('leaves in-page fragment links in the page', () => {
      const a = render('[up](#top)').querySelector('a');
      expect(a?.getAttribute('href')).to.equal('#top');
      expect(a?.hasAttribute('target')).to.equal(false);
    });
  });

  describe('math', () => {
    it('renders inline $...$ as inline math', () => {
      const root = render('Energy $E = mc^2$ here.');
      expect(root.querySelectorAll('p .katex')).to.have.length(1);
      expect(root.querySelector('.katex-display')).to.equal(null);
      expect(annotations(root)).to.deep.equal(['E = mc^2']);
      expect(root.querySelector('p')?.firstChild?.textContent).to.equal('Energy ');
    });

    it('renders inline \\(...\\) as inline math', () => {
      const root = render('Let \\(x_1 + y\\) be given.');
      expect(root.querySelectorAll('.katex')).to.have.length(1);
      expect(root.querySelector('.katex-display')).to.equal(null);
      expect(annotations(root)).to.deep.equal(['x_1 + y']);
    });

    it('renders $$...$$ as display math, on one line or several, alone or in a paragraph', () => {
      expect(annotations(render('$$a+b$$').querySelector('.katex-display')!)).to.deep.equal(['a+b']);
      const block = render('Before\n\n$$\n\\sum_{i=1}^n i\n= \\frac{n(n+1)}{2}\n$$\n\nAfter');
      expect(block.querySelectorAll('.katex-display')).to.have.length(1);
      expect(annotations(block)).to.deep.equal(['\\sum_{i=1}^n i\n= \\frac{n(n+1)}{2}']);
      expect(texts(block, 'p')).to.deep.equal(['Before', 'After']);
      const interrupting = render('Text just above\n$$\nx^2\n$$\nand below');
      expect(annotations(interrupting.querySelector('.katex-display')!)).to.deep.equal(['x^2']);
      const inParagraph = render('so that $$x = 1$$ holds');
      expect(annotations(inParagraph.querySelector('p .katex-display')!)).to.deep.equal(['x = 1']);
    });

    it('renders \\[...\\] as display math, in a block or in a paragraph', () => {
      const block = render('\\[\n\\int_0^1 x\\,dx\n\\]');
      expect(annotations(block.querySelector('.katex-display')!)).to.deep.equal(['\\int_0^1 x\\,dx']);
      const inParagraph = render('hence \\[ y = 2 \\] follows');
      expect(annotations(inParagraph.querySelector('p .katex-display')!)).to.deep.equal(['y = 2']);
    });

    it('renders display math inside lists and block quotes', () => {
      const root = render('- item\n\n  $$\n  a\n  $$\n\n> $$\n> b\n> $$\n');
      expect(annotations(root.querySelector('li')!)).to.deep.equal(['a']);
      expect(annotations(root.querySelector('blockquote')!)).to.deep.equal(['b']);
    });

    it('keeps prices as text', () => {
      const root = render('It costs $5 and $10, or $20,000 and $30,000.');
      expect(root.querySelector('.katex')).to.equal(null);
      expect(root.textContent?.trim()).to.equal('It costs $5 and $10, or $20,000 and $30,000.');
      expect(render('$ x $ and $x $').querySelector('.katex')).to.equal(null);
    });

    it('treats \\$ as a literal dollar', () => {
      const root = render('Pay \\$3 or \\$x\\$ and keep $y$.');
      expect(annotations(root)).to.deep.equal(['y']);
      expect(root.querySelector('p')?.textContent?.startsWith('Pay $3 or $x$ and keep ')).to.equal(true);
    });

    it('leaves math delimiters in code spans and code blocks alone', () => {
      const root = render('Use `$x$` and `\\(y\\)`.\n\n```\n$$\nz\n$$\n```\n\n    $a$\n');
      expect(root.querySelector('.katex')).to.equal(null);
      expect(texts(root, 'p code')).to.deep.equal(['$x$', '\\(y\\)']);
      expect(texts(root, 'pre code')).to.deep.equal(['$$\nz\n$$\n', '$a$\n']);
    });

    it('shows a TeX error in place instead of throwing', () => {
      const root = render('bad $\\frac{1$ here');
      expect(root.querySelector('.katex-error')).to.not.equal(null);
    });

    it('keeps KaTeX styles, MathML and SVG through sanitising', () => {
      const root = render('$$\\sqrt{x^2+1} \\overrightarrow{AB}$$');
      expect(root.querySelector('.katex-html [style]')).to.not.equal(null);
      expect(root.querySelector('math semantics mrow')).to.not.equal(null);
      expect(root.querySelector('svg path')).to.not.equal(null);
    });
  });

  describe('sanitising', () => {
    const hostile = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '[x](javascript:alert(1))',
      '<iframe src="javascript:window.parent.__pwned=1"></iframe>',
      '<svg><script>window.__pwned=1</script></svg>',
      '<a href="java&#x73;cript:alert(1)">click</a>',
      '<a href="JaVaScRiPt:window.__pwned=1">caps</a>',
      '<object data="javascript:window.__pwned=1"></object>',
      '<embed src="javascript:window.__pwned=1">',
      '<form action="javascript:window.__pwned=1"><button>go</button></form>',
      '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
      '<math><mtext><img src=x onerror="window.__pwned=1"></mtext></math>',
      '<details open ontoggle="window.__pwned=1"><summary>s</summary></details>',
      '<style>body { display: none }</style>',
      '$\\href{javascript:window.__pwned=1}{x}$',
    ];

    function assertInert(root: ParentNode): void {
      expect(root.querySelectorAll('script, iframe, object, embed, form, style')).to.have.length(0);
      for (const element of root.querySelectorAll('*')) {
        for (const attr of element.attributes) {
          expect(attr.name.toLowerCase().startsWith('on'), `${element.tagName} ${attr.name}`).to.equal(false);
          expect(attr.value.replace(/\s/g, '').toLowerCase()).to.not.include('javascript:');
        }
      }
    }

    for (const source of hostile) {
      it(`neutralises ${source}`, () => assertInert(render(source)));
    }

    it('runs nothing when the output is put in the live document', async () => {
      const w = window as Window & { __pwned?: unknown };
      const div = document.createElement('div');
      div.innerHTML = hostile.map((s) => renderMarkdown(s)).join('\n');
      document.body.append(div);
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        assertInert(div);
        expect(w.__pwned).to.equal(undefined);
      } finally {
        div.remove();
      }
    });
  });
});
