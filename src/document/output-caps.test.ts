import { expect } from 'chai';
import { makeCodeCell, makeMarkdownCell, makeNotebook } from './cells';
import { boundOutputs, DEFAULT_CAPS, formatBytes, type OutputCaps } from './output-caps';
import { appendOutput } from './outputs';
import type { CodeCell, Notebook, Output, StreamOutput } from './types';

const KB = 1024;
// Small caps so the tests build kilobytes, not megabytes.
const caps: OutputCaps = { perOutput: KB, perNotebook: 100 * KB };

const plain = (chars: number): Output => ({
  output_type: 'display_data',
  data: { 'text/plain': 'x'.repeat(chars) },
  metadata: {},
  display_id: 'd',
});
const stdout = (text: string): StreamOutput => ({ output_type: 'stream', name: 'stdout', text });
const codeCell = (...outputs: Output[]): CodeCell => ({ ...makeCodeCell('f()'), outputs });
const size = (o: unknown): number => JSON.stringify(o).length;
const note = (reason: string): StreamOutput => ({
  output_type: 'stream',
  name: 'stderr',
  text: `[Output not saved: ${reason}. Run the cell again to see it.]\n`,
});

function outputsOf(nb: Notebook): Output[][] {
  return nb.cells.map((c) => (c.cell_type === 'code' ? [...c.outputs] : []));
}

describe('formatBytes', () => {
  it('uses one decimal below ten units and whole numbers above', () => {
    expect(formatBytes(500)).to.equal('500 B');
    expect(formatBytes(812 * KB)).to.equal('812 KB');
    expect(formatBytes(7.3 * KB * KB)).to.equal('7.3 MB');
    expect(formatBytes(DEFAULT_CAPS.perOutput)).to.equal('5 MB');
    expect(formatBytes(DEFAULT_CAPS.perNotebook)).to.equal('50 MB');
    expect(formatBytes(KB * KB - 1)).to.equal('1 MB');
  });
});

describe('boundOutputs', () => {
  it('returns the notebook itself when everything fits', () => {
    const nb = makeNotebook('t', [codeCell(plain(100), stdout('hi\n')), makeMarkdownCell('# m')]);
    expect(boundOutputs(nb, caps)).to.deep.equal({ notebook: nb, trimmed: 0 });
    expect(boundOutputs(nb, caps).notebook).to.equal(nb);
    expect(boundOutputs(nb).notebook).to.equal(nb);
  });

  it('returns a markdown-only notebook as is, even with tiny caps', () => {
    const nb = makeNotebook('t', [makeMarkdownCell('a'), makeMarkdownCell('b')]);
    expect(boundOutputs(nb, { perOutput: 0, perNotebook: 0 }).notebook).to.equal(nb);
  });

  it('replaces an output over the per-output cap by a note naming its size', () => {
    const big = plain(5000);
    const small = stdout('ok\n');
    const other = codeCell(stdout('untouched\n'));
    const nb = makeNotebook('t', [codeCell(small, big), other, makeMarkdownCell('m')]);
    const { notebook, trimmed } = boundOutputs(nb, caps);

    expect(trimmed).to.equal(1);
    const [first] = outputsOf(notebook);
    expect(first![1]).to.deep.equal(note(`${formatBytes(size(big))} is more than the 1 KB an output may keep`));
    expect(first![1]).to.not.have.property('display_id');
    expect(first![0]).to.equal(small);
    expect(notebook.cells[1]).to.equal(other);
    expect(notebook.cells[2]).to.equal(nb.cells[2]);
    expect(notebook.id).to.equal(nb.id);
    expect(outputsOf(nb)[0]![1]).to.equal(big);
  });

  it('bounds execute results and errors as well', () => {
    const result: Output = { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': 'y'.repeat(2000) }, metadata: {} };
    const error: Output = { output_type: 'error', ename: 'E', evalue: 'v', traceback: Array(100).fill('at f (cell:1)') };
    expect(boundOutputs(makeNotebook('t', [codeCell(result, error)]), caps).trimmed).to.equal(2);
  });

  it('trims the largest outputs first until the notebook fits', () => {
    const [a, b, c] = [plain(200), plain(400), plain(800)];
    const nb = makeNotebook('t', [codeCell(a), codeCell(c), codeCell(b)]);
    const cap = 1200;
    expect(size([a, b, c])).to.be.greaterThan(cap);
    const { notebook, trimmed } = boundOutputs(nb, { perOutput: KB, perNotebook: cap });

    expect(trimmed).to.equal(1);
    const outs = outputsOf(notebook).flat();
    expect(outs[0]).to.equal(a);
    expect(outs[1]).to.deep.equal(note(`the notebook's outputs are over ${formatBytes(cap)}`));
    expect(outs[2]).to.equal(b);
    expect(outs.reduce((n, o) => n + size(o), 0)).to.be.at.most(cap);
  });

  it('keeps trimming past the largest when one is not enough', () => {
    const outs = [plain(300), plain(500), plain(700), plain(900)];
    const cap = 1000;
    const { notebook, trimmed } = boundOutputs(makeNotebook('t', [codeCell(...outs)]), { perOutput: KB, perNotebook: cap });
    const kept = outputsOf(notebook)[0]!;
    expect(trimmed).to.equal(3);
    expect(kept[0]).to.equal(outs[0]);
    expect(kept.reduce((n, o) => n + size(o), 0)).to.be.at.most(cap);
  });

  it('stops when the cap is below what the notes themselves take', () => {
    const nb = makeNotebook('t', [codeCell(plain(600), plain(10))]);
    const { notebook, trimmed } = boundOutputs(nb, { perOutput: KB, perNotebook: 1 });
    expect(trimmed).to.equal(1);
    expect(outputsOf(notebook)[0]![1]).to.equal(outputsOf(nb)[0]![1]);
  });

  it('measures a merged stream as the one output it is', () => {
    let merged: Output[] = [];
    for (let i = 0; i < 200; i++) merged = appendOutput(merged, stdout(`step ${i}\n`));
    expect(merged).to.have.length(1);

    const fits = makeNotebook('t', [codeCell(...merged)]);
    expect(boundOutputs(fits, { perOutput: 10 * KB, perNotebook: 10 * KB }).notebook).to.equal(fits);

    const after = plain(10);
    const { notebook, trimmed } = boundOutputs(makeNotebook('t', [codeCell(...merged, after)]), caps);
    expect(trimmed).to.equal(1);
    expect(outputsOf(notebook)[0]![1]).to.equal(after);
  });

  it('measures each output once and keeps returning the same objects', () => {
    const nb = makeNotebook('t', [codeCell(plain(5000), plain(100)), codeCell(stdout('a'))]);
    const first = boundOutputs(nb, caps);
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      const again = boundOutputs(first.notebook, caps);
      expect(again.notebook).to.equal(first.notebook);
      expect(again.trimmed).to.equal(0);
      expect(boundOutputs(nb, caps).notebook.cells[1]).to.equal(nb.cells[1]);
    } finally {
      JSON.stringify = stringify;
    }
    // Only the fresh note made by the last call needed measuring.
    expect(calls).to.equal(1);
  });

  it('counts the data of a Vega-Lite chart', () => {
    const chart = (rows: number): Output => ({
      output_type: 'display_data',
      data: {
        'application/vnd.vegalite.v5+json': {
          mark: 'line',
          data: { name: 'loss', values: Array.from({ length: rows }, (_, step) => ({ step, loss: 1 / (step + 1) })) },
          encoding: { x: { field: 'step' }, y: { field: 'loss' } },
        },
        'text/plain': '<Vega-Lite chart>',
      },
      metadata: {},
    });
    const nb = makeNotebook('t', [codeCell(chart(2)), codeCell(chart(200))]);
    const { notebook, trimmed } = boundOutputs(nb, caps);
    expect(trimmed).to.equal(1);
    expect(notebook.cells[0]).to.equal(nb.cells[0]);
    expect(outputsOf(notebook)[1]![0]).to.have.property('output_type', 'stream');
  });

  it('does not throw on an output JSON cannot measure', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const odd: Output = { output_type: 'display_data', data: { 'application/json': cyclic }, metadata: {} };
    const { notebook, trimmed } = boundOutputs(makeNotebook('t', [codeCell(odd)]), caps);
    expect(trimmed).to.equal(1);
    expect(outputsOf(notebook)[0]![0]).to.deep.equal(note('its size could not be measured'));
  });
});
