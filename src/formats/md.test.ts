import { expect } from 'chai';
import { makeNotebook } from '../document';
import type { Cell, Notebook } from '../document';
import { FormatError } from './errors';
import { fromMarkdown, toMarkdown } from './md';

// Fixtures spell ``` as ''' so that they can live in template literals.
const md = (strings: TemplateStringsArray, ...values: unknown[]): string => String.raw(strings, ...values).replaceAll("'''", '```');

let n = 0;
const meta = (m: Record<string, unknown> = {}) => ({ id: `c${n++}`, metadata: m });
const mdCell = (source: string, m?: Record<string, unknown>): Cell => ({ ...meta(m), cell_type: 'markdown', source });
const rawCell = (source: string, m?: Record<string, unknown>): Cell => ({ ...meta(m), cell_type: 'raw', source });
const codeCell = (source: string, m?: Record<string, unknown>): Cell => ({ ...meta(m), cell_type: 'code', source, outputs: [], execution_count: null });
const nb = (cells: Cell[], metadata: Record<string, unknown> = {}, title = 'Test'): Notebook => makeNotebook(title, cells, metadata);

/** What the format keeps: no ids, no outputs. */
const shape = (x: Notebook) => ({
  title: x.title,
  metadata: x.metadata,
  cells: x.cells.map((c) => ({ type: c.cell_type, source: c.source, metadata: c.metadata })),
});

/** Writes, reads back, checks the same notebook comes out and that writing again is byte-stable. */
function roundTrip(notebook: Notebook): string {
  const text = toMarkdown(notebook);
  const back = fromMarkdown(text);
  expect(shape(back), text).to.deep.equal(shape(notebook));
  expect(toMarkdown(back)).to.equal(text);
  return text;
}

function formatError(f: () => unknown): FormatError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(FormatError);
    expect((e as Error).name).to.equal('FormatError');
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

const LESSON = md`---
title: Initialization
nabla:
  lesson:
    slug: initialization
    version: 1
---

# Initialization

A network's starting weights decide whether gradient descent can train it at all. This lesson
trains the course's $[2, 10, 5, 1]$ ReLU network on the circles data set three times, changing
only how $W^{[l]}$ is drawn.

'''ts
import { circles } from 'nabla/data';
const { X, Y } = circles({ seed: 1, n: 300 });
X.shape
'''

## Zeros

With every weight zero, the units of a layer all compute the same thing, and the cost stays at

$$
J = -\log \tfrac{1}{2} \approx 0.6931471805599453
$$

for all 15,000 iterations.

'''ts
const zeros = train(X, Y, { init: 'zeros', iterations: 15_000, learningRate: 0.01 });
zeros.costs.at(-1)
'''

## He initialization

He et al. scale a standard normal draw by $\sqrt{2 / n^{[l-1]}}$:

$$
W^{[l]} \sim \mathcal{N}(0, 1) \cdot \sqrt{\frac{2}{n^{[l-1]}}}
$$


Seeded with \`np.random.seed(3)\`, layers $[2, 4, 1]$ give $W^{[1]}_0 = [1.78862847, 0.43650985]$.

'''ts
const he = heInit([2, 4, 1], { seed: 3 });
he.W1.row(0)
'''

'''ts {"tags": ["check"]}
assertClose(he.W1.get(0, 0), 1.78862847, 1e-8);
assertClose(zeros.costs.at(-1), 0.6931471805599453, 1e-12);
'''
`.replaceAll('\\`', '`');

describe('formats/md', () => {
  describe('canonical text', () => {
    it('writes an empty notebook as front matter alone', () => {
      const text = roundTrip(nb([], {}, 'Untitled'));
      expect(text).to.equal('---\ntitle: Untitled\n---\n');
      expect(fromMarkdown(text).cells).to.deep.equal([]);
    });

    it('writes cells with one blank line between them, two between bare markdown cells', () => {
      const text = roundTrip(
        nb([mdCell('# Hi\n\nSome prose.'), codeCell('const x = 1;\nx'), mdCell('Next.'), mdCell('Another.'), codeCell('y'), codeCell('z\n'), rawCell('raw text')]),
      );
      expect(text).to.equal(md`---
title: Test
---

# Hi

Some prose.

'''ts
const x = 1;
x
'''

Next.


Another.

'''ts
y
'''

'''ts
z

'''

<!-- #raw -->
raw text
<!-- #endraw -->
`);
    });

    it('keeps a sample lesson byte for byte and reads its parts', () => {
      const lesson = fromMarkdown(LESSON, { ids: (i) => `cell-${i}` });
      expect(toMarkdown(lesson)).to.equal(LESSON);
      expect(lesson.title).to.equal('Initialization');
      expect(lesson.metadata).to.deep.equal({ nabla: { lesson: { slug: 'initialization', version: 1 } } });
      expect(lesson.cells.map((c) => c.cell_type)).to.deep.equal(['markdown', 'code', 'markdown', 'code', 'markdown', 'markdown', 'code', 'code']);
      expect(lesson.cells.map((c) => c.id)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `cell-${i}`));
      expect(lesson.cells[2]!.source).to.contain('$$\nJ = -\\log \\tfrac{1}{2}');
      expect(lesson.cells[5]!.source).to.match(/^Seeded with `np\.random\.seed\(3\)`/);
      expect(lesson.cells[7]!.metadata).to.deep.equal({ tags: ['check'] });
      const code = lesson.cells[1]!;
      expect(code.cell_type === 'code' && code.outputs.length === 0 && code.execution_count === null).to.equal(true);
    });

    it('puts title first, nabla next and the other metadata under jupyter:', () => {
      const kernelspec = { display_name: 'TypeScript', language: 'typescript', name: 'nabla' };
      const text = roundTrip(nb([], { kernelspec, nabla: { lesson: { slug: 's', version: 2 } }, authors: [{ name: 'A' }] }, 'Title: with colon'));
      expect(text).to.equal(md`---
title: "Title: with colon"
nabla:
  lesson:
    slug: s
    version: 2
jupyter:
  kernelspec:
    display_name: TypeScript
    language: typescript
    name: nabla
  authors:
    - name: A
---
`);
    });
  });

  describe('round trips', () => {
    it('keeps prose fences of other languages in the markdown cell', () => {
      const text = roundTrip(nb([mdCell("Run:\n\n'''text\nnpm test\n\n\nmore\n'''\n\nand ~~~ fences:\n\n~~~\n'''ts\n~~~".replaceAll("'''", '```')), codeCell('1')]));
      expect(fromMarkdown(text).cells).to.have.length(2);
    });

    it('protects prose holding a fence Jupytext would run, or one of ours', () => {
      for (const fence of ['```python', '```bash', '```ts', '```TypeScript', '````ts']) {
        const text = roundTrip(nb([mdCell(`In numpy:\n\n${fence}\nnp.zeros(3)\n\`\`\`\n\nDone.`), codeCell('x')]));
        expect(text, fence).to.contain('<!-- #region -->\nIn numpy:');
      }
    });

    it('lengthens the fence for code holding ```', () => {
      const source = 'const doc = `\n```ts\nx\n```\n`;';
      const text = roundTrip(nb([codeCell(source), codeCell('  ```  \nx\n````')]));
      expect(text).to.contain('````ts\nconst doc');
      expect(text).to.contain('`````ts\n  ```  \nx\n````\n`````');
      expect(roundTrip(nb([codeCell('const s = "```";')]))).to.contain('```ts\nconst s');
    });

    it('keeps display math, even with blank lines in it', () => {
      roundTrip(nb([mdCell('Cost:\n\n$$\nJ = \\frac{1}{m}\\sum_i L(\\hat y^{(i)}, y^{(i)})\n$$'), mdCell('$$\na\n\n\nb\n$$'), codeCell('x')]));
    });

    it('keeps leading and trailing blank lines and final newlines', () => {
      const sources = ['x\n', 'x\n\n', '\nx', '\n\n x \n\n', 'x\n \n', ' ', '\n', 'a\n\n\nb'];
      for (const s of sources) {
        roundTrip(nb([mdCell(s), mdCell(s), codeCell(s), codeCell(s), mdCell(s), rawCell(s), mdCell(s)]));
        roundTrip(nb([codeCell(s), mdCell(s)]));
      }
    });

    it('keeps empty cells of each type', () => {
      const text = roundTrip(nb([mdCell(''), codeCell(''), rawCell(''), mdCell('')]));
      expect(text).to.contain('```ts\n```');
    });

    it('keeps consecutive markdown cells and consecutive code cells apart', () => {
      const text = roundTrip(nb([mdCell('one'), mdCell('two'), mdCell('three\n'), codeCell('a'), codeCell('b'), codeCell('c')]));
      expect(text).to.contain('one\n\n\ntwo\n\n\nthree\n\n\n```ts');
    });

    it('keeps cell metadata of code, markdown and raw cells', () => {
      const odd = { tags: ['a', 'b'], 'key with space': { nested: [1, null, true] }, quote: 'a`b --> c', n: null };
      const text = roundTrip(nb([codeCell('x', odd), mdCell('y', { slideshow: { slide_type: 'slide' } }), rawCell('z', odd), codeCell('', { collapsed: true })]));
      expect(text).to.contain('```ts {"tags": ["a", "b"], "key with space": {"nested": [1, null, true]}, "quote": "a\\u0060b --> c", "n": null}\nx\n```');
      expect(text).to.contain('<!-- #region {"slideshow": {"slide_type": "slide"}} -->\ny\n<!-- #endregion -->');
      expect(text).to.contain('"quote": "a`b --\\u003e c"');
    });

    it('uses #md when a markdown cell holds an #endregion line', () => {
      const text = roundTrip(nb([mdCell('<!-- #endregion -->\n```ts\nx\n```'), mdCell('<!-- #region -->\nA'), mdCell('<!-- #endregion -->\n<!-- #endmd -->\n\n\nB')]));
      expect(text).to.contain('<!-- #md -->\n<!-- #endregion -->');
      expect(text).to.contain('<!-- #markdown -->\n<!-- #endregion -->\n<!-- #endmd -->');
    });

    it('keeps markdown that ends in, or starts with, indented code', () => {
      roundTrip(nb([mdCell('Example:\n\n    const x = 1;'), mdCell('After.'), mdCell('    indented first'), mdCell('next')]));
    });

    it('keeps titles and metadata that YAML would misread if written bare', () => {
      for (const title of ['', '  spaced  ', '1984', 'true', 'null', '---', '- item', "it's # not a comment", 'two\nlines', '---\n---', '\ttab', 'ünïcödé ∇']) {
        roundTrip(nb([mdCell('# Heading')], { jupytext: { text_representation: { extension: '.md' } }, v: '---', note: 'a\n---\nb\n', title: 'meta title', jupyter: 3, nabla: null }, title));
      }
    });

    it('writes a Python notebook with ```python fences and still reads ```ts as code', () => {
      const metadata = { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } };
      const text = roundTrip(nb([codeCell('import numpy as np'), mdCell('see ```ts below:\n```ts\nx\n```')], metadata));
      expect(text).to.contain('```python\nimport numpy as np\n```');
      expect(text).to.contain('<!-- #region -->\nsee');
    });

    it('round-trips many generated notebooks', () => {
      const pieces = ['x', 'x\n', '\n', '\n\n', ' ', 'a\n\n\nb', '```', '````', '  ```', '```ts', '```python', '```text', '~~~', '$$', '    code',
        '<!-- #region -->', '<!-- #endregion -->', '<!-- #md -->', '<!-- #raw -->', '<!-- #endraw -->', '# Title', '---', '- item', 'const s = `', '`;', '\t'];
      const metas = [{}, {}, {}, { tags: ['t'] }, { a: 'x --> `y`' }, { k: null }];
      let seed = 12345;
      const rand = (k: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % k;
      };
      const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
      for (let t = 0; t < 300; t++) {
        const cells: Cell[] = [];
        for (let c = rand(6); c > 0; c--) {
          let source = '';
          for (let p = rand(4); p > 0; p--) source += pick(pieces) + pick(['\n', '\n', '\n\n', '']);
          const kind = rand(3);
          const m = pick(metas);
          // The one text the format cannot hold: a raw cell with its own end marker.
          if (kind === 2 && !/^<!--\s*#endraw\s*-->\s*$/m.test(source)) cells.push(rawCell(source, m));
          else if (kind === 1) cells.push(codeCell(source, m));
          else cells.push(mdCell(source, m));
        }
        roundTrip(nb(cells, rand(2) ? {} : { kernelspec: { language: pick(['typescript', 'python']) } }));
      }
    });
  });

  describe('Jupytext-shaped input', () => {
    const JUPYTEXT = md`---
jupyter:
  jupytext:
    text_representation:
      extension: .md
      format_name: markdown
      format_version: '1.3'
      jupytext_version: 1.16.4
  kernelspec:
    display_name: TypeScript
    language: typescript
    name: tslab
---

# Gradient checking

Prose with a numpy reference that stays prose:

'''text
np.random.seed(1)
'''


A second markdown cell after two blank lines.

'''typescript
const eps = 1e-7;
'''

<!-- #region Hint tags=["hint"] -->
A protected cell


with two blank lines.
<!-- #endregion -->

'''typescript tags=["check", "slow"] name="grad" frozen
check()
'''

<!-- #raw -->
raw text
<!-- #endraw -->

<!-- #md {"slideshow": {"slide_type": "slide"}} -->
Slide
<!-- #endmd -->
'''javascript {"collapsed": true}
'''
'''js
1
'''
`;

    it('reads the cells Jupytext reads', () => {
      const read = fromMarkdown(JUPYTEXT);
      expect(read.title).to.equal('Gradient checking');
      expect(read.metadata).to.deep.equal({
        jupytext: { text_representation: { extension: '.md', format_name: 'markdown', format_version: '1.3', jupytext_version: '1.16.4' } },
        kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
      });
      expect(shape(read).cells).to.deep.equal([
        { type: 'markdown', source: "# Gradient checking\n\nProse with a numpy reference that stays prose:\n\n'''text\nnp.random.seed(1)\n'''".replaceAll("'''", '```'), metadata: {} },
        { type: 'markdown', source: 'A second markdown cell after two blank lines.', metadata: {} },
        { type: 'code', source: 'const eps = 1e-7;', metadata: {} },
        { type: 'markdown', source: 'A protected cell\n\n\nwith two blank lines.', metadata: { tags: ['hint'], title: 'Hint' } },
        { type: 'code', source: 'check()', metadata: { tags: ['check', 'slow'], name: 'grad', frozen: null } },
        { type: 'raw', source: 'raw text', metadata: {} },
        { type: 'markdown', source: 'Slide', metadata: { slideshow: { slide_type: 'slide' } } },
        { type: 'code', source: '', metadata: { collapsed: true } },
        { type: 'code', source: '1', metadata: {} },
      ]);
      roundTrip(read);
    });

    it('keeps trailing blank lines of a markdown cell before code, as Jupytext writes "\\n"-ending sources', () => {
      const read = fromMarkdown('---\njupyter: {}\n---\n\ntext\n\n\n```typescript\nx\n\n```\n');
      expect(shape(read).cells).to.deep.equal([
        { type: 'markdown', source: 'text\n', metadata: {} },
        { type: 'code', source: 'x\n', metadata: {} },
      ]);
    });

    it('keeps options it cannot parse, as Jupytext does', () => {
      const read = fromMarkdown('```ts {not json\nx\n```\n\n```ts a=(1)\ny\n```\n');
      expect(read.cells.map((c) => c.metadata)).to.deep.equal([{ incorrectly_encoded_metadata: '{not json' }, { incorrectly_encoded_metadata: 'a=(1)' }]);
    });

    it('makes fences of a language other than ours or the notebook\'s prose', () => {
      const read = fromMarkdown('Intro\n\n```python\nx = 1\n```\n\n```bash\nls\n```\n');
      expect(read.cells).to.have.length(1);
      expect(read.cells[0]!.cell_type).to.equal('markdown');
    });
  });

  describe('titles', () => {
    it('comes from the front matter, else the first "# " heading outside code, else the file name, else Untitled', () => {
      expect(fromMarkdown('---\ntitle: Front\n---\n\n# Heading\n').title).to.equal('Front');
      expect(fromMarkdown('```text\n# not this\n```\n\n## Nor this\n\n# Gradient descent #\n').title).to.equal('Gradient descent');
      expect(fromMarkdown('---\njupyter:\n  kernelspec: {language: typescript}\n---\n\n# From heading\n').title).to.equal('From heading');
      expect(fromMarkdown('```ts\n# not a heading\n```\n', { fileName: 'notebooks/08-initialization.md' }).title).to.equal('08-initialization');
      expect(fromMarkdown('', { fileName: 'C:\\lessons\\intro.md' }).title).to.equal('intro');
      expect(fromMarkdown('Just prose.\n').title).to.equal('Untitled');
      expect(fromMarkdown('---\ntitle: 2024\n---\n').title).to.equal('2024');
    });

    it('reads text without front matter as cells with empty metadata', () => {
      const read = fromMarkdown('# T\n\n```ts\nx\n```\n');
      expect(read.metadata).to.deep.equal({});
      expect(shape(read).cells).to.deep.equal([
        { type: 'markdown', source: '# T', metadata: {} },
        { type: 'code', source: 'x', metadata: {} },
      ]);
    });
  });

  describe('bad and unusual input', () => {
    it('throws a FormatError naming line 1 for an unclosed front matter', () => {
      expect(formatError(() => fromMarkdown('---\ntitle: x\n\n# Heading\n')).message).to.match(/line 1.*never closed/);
    });

    it('throws a FormatError naming the line of invalid YAML', () => {
      expect(formatError(() => fromMarkdown('---\ntitle: x\ntags: [a, b\n---\n')).message).to.match(/not valid YAML at line \d/);
      expect(formatError(() => fromMarkdown('---\ntitle: x\ntitle: y\n---\n')).message).to.match(/line 3: Map keys must be unique/);
      expect(formatError(() => fromMarkdown('---\na: *missing\n---\n')).message).to.match(/cannot be read/);
    });

    it('throws a FormatError for front matter that is not keys and values, or a title that is not text', () => {
      expect(formatError(() => fromMarkdown('---\n- a\n- b\n---\n')).message).to.match(/lines 1-4.*not a list/);
      expect(formatError(() => fromMarkdown('---\nnabla: 1\ntitle:\n  a: 1\n---\n')).message).to.match(/title \(line 3\) must be text/);
    });

    it('accepts empty front matter', () => {
      const read = fromMarkdown('---\n---\n\n# Empty\n');
      expect(read.title).to.equal('Empty');
      expect(read.metadata).to.deep.equal({});
    });

    it('makes the rest of the file the code cell of an unclosed fence, without throwing', () => {
      const read = fromMarkdown('Intro\n\n```ts\nconst a = 1;\n\n\n# not a heading\n');
      expect(shape(read).cells).to.deep.equal([
        { type: 'markdown', source: 'Intro', metadata: {} },
        { type: 'code', source: 'const a = 1;\n\n\n# not a heading', metadata: {} },
      ]);
    });

    it('makes the rest of the file the cell of an unclosed region', () => {
      expect(shape(fromMarkdown('<!-- #raw -->\na\n\n```ts\nb\n```\n')).cells).to.deep.equal([{ type: 'raw', source: 'a\n\n```ts\nb\n```', metadata: {} }]);
    });

    it('reads CRLF text and a byte-order mark', () => {
      const text = toMarkdown(nb([mdCell('# A\n\nb'), codeCell('x\n')]));
      const read = fromMarkdown('\uFEFF' + text.replaceAll('\n', '\r\n'));
      expect(toMarkdown(read)).to.equal(text);
    });

    it('gives fresh ids unless told, and new code cells no outputs', () => {
      const a = fromMarkdown(LESSON);
      const b = fromMarkdown(LESSON);
      expect(a.cells[0]!.id).to.not.equal(b.cells[0]!.id);
      expect(a.cells[0]!.id).to.match(/^[a-zA-Z0-9_-]{1,64}$/);
    });
  });
});
