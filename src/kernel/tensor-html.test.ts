import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { np } from '../tensor';
import { allocate } from '../tensor/dtype';
import type { DType } from '../tensor/dtype';
import { NDArray } from '../tensor/ndarray';
import { formatArray } from '../tensor/print';
import { mimeBundle } from './display';
import { escapeHtml, tensorBundle, tensorSummary, tensorTable } from './tensor-html';

/** The print fixtures: arrays with the repr numpy itself printed (scripts/fixtures/arrays.py). */
interface PrintCase {
  name: string;
  input: { shape: number[]; dtype: DType; data: (number | boolean | string)[] };
  repr: string;
}

function decode(e: PrintCase['input']): NDArray {
  const data = allocate(e.dtype, e.data.length);
  e.data.forEach((v, i) => {
    data[i] = v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
  });
  return new NDArray(data, e.shape);
}

/** numpy's element strings, read back from its repr: `array([[ 1.5, -2. ]], dtype=float32)`. */
function reprElements(repr: string): string[] {
  const body = repr.slice('array('.length).replace(/,\s*dtype=\w+\)$|\)$/, '');
  return body.replace(/[[\]]/g, ' ').split(/[\s,]+/).filter((s) => s.length > 0);
}

const count = (html: string, tag: string): number => html.split(`<${tag}>`).length - 1;
const cellTexts = (html: string): string[] => [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);

describe('tensor-html', () => {
  describe('table', () => {
    it('lays out a 2-d array with a caption and row and column indices', () => {
      const html = tensorTable(np.arange(12).reshape(3, 4).astype('float64'));
      expect(html).to.match(/^<table class="nb-tensor"><caption>float64 · shape \(3, 4\)<\/caption>/);
      expect(count(html, 'tr')).to.equal(4); // header + 3 rows
      expect(count(html, 'td')).to.equal(12);
      expect(count(html, 'th')).to.equal(1 + 4 + 3); // corner, column and row indices
      expect(cellTexts(html).slice(0, 3)).to.deep.equal(['0.', '1.', '2.']);
    });

    it('shows a 1-d array as one row and a 0-d array as one cell', () => {
      const row = tensorTable(np.array([1, -20, 300], 'int32'));
      expect(row).to.contain('<caption>int32 · shape (3,)</caption>');
      expect(count(row, 'tr')).to.equal(2);
      expect(count(row, 'th')).to.equal(3);
      expect(cellTexts(row)).to.deep.equal(['1', '-20', '300']);
      const scalar = tensorTable(np.array(2.5));
      expect(scalar).to.contain('<caption>float64 · shape ()</caption>');
      expect(count(scalar, 'th')).to.equal(0);
      expect(cellTexts(scalar)).to.deep.equal(['2.5']);
    });

    it('shows bools as True/False', () => {
      const html = tensorTable(np.array([[true, false], [false, true]]));
      expect(html).to.contain('<caption>bool · shape (2, 2)</caption>');
      expect(cellTexts(html)).to.deep.equal(['True', 'False', 'False', 'True']);
    });

    it('shows views in logical order', () => {
      const t = np.arange(6).reshape(2, 3).astype('float64').transpose();
      expect(cellTexts(tensorTable(t))).to.deep.equal(['0.', '3.', '1.', '4.', '2.', '5.']);
    });

    it("uses numpy's element strings, for every small fixture array numpy printed", () => {
      const file = path.join(process.cwd(), 'src/tensor/fixtures/arrays-print.json');
      const cases = (JSON.parse(readFileSync(file, 'utf8')) as PrintCase[]).filter(
        (c) => c.input.shape.length <= 2 && c.input.shape.every((d) => d > 0 && d <= 20),
      );
      expect(cases.length).to.be.greaterThan(500);
      for (const c of cases) expect(cellTexts(tensorTable(decode(c.input))), c.name).to.deep.equal(reprElements(c.repr));
    });
  });

  describe('summary', () => {
    it('summarizes a large array with min, max, mean over the abbreviated repr', () => {
      const a = np.arange(2000).reshape(1000, 2).astype('float64');
      const html = tensorBundle(a)['text/html'] as string;
      expect(html).to.match(/^<div class="nb-tensor-summary">/);
      expect(html).to.contain('float64 · shape (1000, 2) · min 0 · max 1999 · mean 999.5');
      expect(html).to.contain(`<pre class="nb-tensor-repr">${escapeHtml(formatArray(a))}</pre>`);
      expect(html).to.contain('...');
      expect(html).not.to.contain('<table');
    });

    it('summarizes more than 20 columns and more than 2 dimensions', () => {
      expect(tensorBundle(np.zeros([1, 21]))['text/html']).to.contain('nb-tensor-summary');
      expect(tensorBundle(np.zeros([2, 2, 2]))['text/html']).to.contain('float64 · shape (2, 2, 2) · min 0');
      expect(tensorBundle(np.zeros([20, 20]))['text/html']).to.contain('<table');
    });

    it('says an array contains NaN instead of min and max', () => {
      const a = np.zeros([30]);
      a.data[5] = NaN;
      expect(tensorSummary(a)).to.contain('float64 · shape (30,) · contains NaN</div>');
    });

    it('prints int and bool statistics as numpy scalars', () => {
      expect(tensorSummary(np.array([[1, 2, 4]], 'int32'))).to.contain('min 1 · max 4 · mean 2.333');
      expect(tensorSummary(np.array([true, false, false, false]))).to.contain('min False · max True · mean 0.25');
    });

    it('rounds float statistics to four significant digits', () => {
      expect(tensorSummary(np.full([25], 1.234567e-7))).to.contain('min 1.235e-7 · max 1.235e-7');
      expect(tensorSummary(np.array([-3.656440099254795, 4.026849044547378]))).to.contain('min -3.656 · max 4.027 · mean 0.1852');
    });

    it('has no statistics for an empty array', () => {
      expect(tensorSummary(np.zeros([0, 30]))).to.contain('<div class="nb-tensor-stats">float64 · shape (0, 30)</div>');
    });
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).to.equal('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });

  describe('mimeBundle', () => {
    it("keeps an array's cell result text/plain only and adds HTML for display()", () => {
      const a = np.array([[1.5, -2], [3, 4]]);
      const plain = mimeBundle(a);
      expect(Object.keys(plain)).to.deep.equal(['text/plain']);
      expect(plain['text/plain']).to.equal('array([[ 1.5, -2. ],\n       [ 3. ,  4. ]])');
      const rich = mimeBundle(a, { rich: true });
      expect(Object.keys(rich).sort()).to.deep.equal(['text/html', 'text/plain']);
      expect(rich['text/plain']).to.equal(plain['text/plain']);
      expect(cellTexts(rich['text/html'] as string)).to.deep.equal(['1.5', '-2.', '3.', '4.']);
    });

    it('leaves other values as they were under rich display', () => {
      expect(mimeBundle('hi', { rich: true })).to.deep.equal({ 'text/plain': "'hi'" });
    });
  });
});
