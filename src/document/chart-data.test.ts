import { expect } from 'chai';
import { appendDisplayRows, appendToSpec, VEGA_LITE_MIME } from './chart-data';
import type { Output } from './types';

describe('appending chart rows', () => {
  const spec = { mark: 'line', data: { name: 'table', values: [{ x: 0, y: 1 }] } };

  it('adds rows to the named dataset, keeping old rows by identity and the input untouched', () => {
    const next = appendToSpec(spec, 'table', [{ x: 1, y: 0.5 }]) as typeof spec;
    expect(next.data.values).to.deep.equal([{ x: 0, y: 1 }, { x: 1, y: 0.5 }]);
    expect(next.data.values[0]).to.equal(spec.data.values[0]);
    expect(spec.data.values).to.have.length(1);
    expect(appendToSpec(spec, 'other', [{ x: 1 }])).to.equal(spec);
  });

  it('finds datasets inside layers and in top-level datasets', () => {
    const layered = { layer: [{ mark: 'rect', data: { name: 'grid', values: [] } }, { mark: 'point', data: { name: 'table', values: [] } }], datasets: { table: [] } };
    const next = appendToSpec(layered, 'table', [{ a: 1 }]) as { layer: { data: { values: unknown[] } }[]; datasets: { table: unknown[] } };
    expect(next.layer[0]!.data.values).to.have.length(0);
    expect(next.layer[1]!.data.values).to.deep.equal([{ a: 1 }]);
    expect(next.datasets.table).to.deep.equal([{ a: 1 }]);
  });

  it('touches only the display with the id, and returns the same array when nothing matches', () => {
    const outputs: Output[] = [
      { output_type: 'display_data', data: { [VEGA_LITE_MIME]: spec, 'text/plain': 'chart' }, metadata: {}, display_id: 'd1' },
      { output_type: 'stream', name: 'stdout', text: 'x' },
    ];
    const next = appendDisplayRows(outputs, 'd1', 'table', [{ x: 1, y: 2 }]);
    expect(next[1]).to.equal(outputs[1]);
    expect(((next[0] as { data: Record<string, { data: { values: unknown[] } }> }).data[VEGA_LITE_MIME]!).data.values).to.have.length(2);
    expect(appendDisplayRows(outputs, 'nope', 'table', [{ x: 1 }])).to.equal(outputs);
  });
});
