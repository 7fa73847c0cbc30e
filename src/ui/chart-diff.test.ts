import { expect } from 'chai';
import { appendToSpec } from '../document/chart-data';
import { addedRows } from './chart-diff';

describe('addedRows', () => {
  const base = { mark: 'line', encoding: { x: { field: 'x' } }, data: { name: 'table', values: [{ x: 0 }, { x: 1 }] } };

  it('finds the rows an append added, also in layers', () => {
    expect(addedRows(base, appendToSpec(base, 'table', [{ x: 2 }, { x: 3 }]))).to.deep.equal([{ dataset: 'table', rows: [{ x: 2 }, { x: 3 }] }]);
    const layered = { layer: [{ data: { name: 'grid', values: [] } }, base] };
    expect(addedRows(layered, appendToSpec(layered, 'table', [{ x: 9 }]))).to.deep.equal([{ dataset: 'table', rows: [{ x: 9 }] }]);
  });

  it('says null for any other change, so the chart is redrawn', () => {
    expect(addedRows(base, { ...base, mark: 'point' })).to.equal(null);
    expect(addedRows(base, { ...base, data: { name: 'table', values: [{ x: 5 }] } })).to.equal(null);
    expect(addedRows(base, JSON.parse(JSON.stringify(base)))).to.equal(null);
  });
});
