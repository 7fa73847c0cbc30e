import { expect } from 'chai';
import { np } from '../tensor';
import { decisionBoundary } from './boundary';
import { line } from './line';
import { row } from './row';
import { compiles } from './vega.test-util';

describe('plot.row', () => {
  it('puts charts side by side with their data renamed apart', () => {
    const a = line([1, 0.5], { title: 'a' });
    const b = line([2, 1], { title: 'b' });
    const spec = row(a, b, { title: 'both' });
    expect(spec.title).to.equal('both');
    expect(spec.hconcat).to.have.length(2);
    expect(spec.hconcat[0].data.name).to.equal('table_0');
    expect(spec.hconcat[1].data.name).to.equal('table_1');
    expect(spec.hconcat[1].data.values).to.deep.equal(b.data!.values);
    expect(spec.hconcat[0].$schema).to.equal(undefined);
    expect(a.data!.name).to.equal('table'); // the inputs are not changed
  });

  it('renames the data of layered charts too, and compiles as Vega-Lite', () => {
    const X = np.array([[0, 1], [0, 1]]);
    const Y = np.array([[0, 1]]);
    const f = (G: ReturnType<typeof np.array>) => np.zeros([1, G.shape[1]!]);
    const spec = row(decisionBoundary(f, X, Y, { steps: 4 }), decisionBoundary(f, X, Y, { steps: 4 }));
    const datasets = compiles(spec, 'grid_0', 'table_0', 'grid_1', 'table_1');
    expect(datasets.size).to.be.at.least(4);
  });

  it('shows a shared legend once, on the last chart', () => {
    const X = np.array([[0, 1], [0, 1]]);
    const Y = np.array([[0, 1]]);
    const f = (G: ReturnType<typeof np.array>) => np.zeros([1, G.shape[1]!]);
    const spec = row(decisionBoundary(f, X, Y, { steps: 4 }), decisionBoundary(f, X, Y, { steps: 4 }), { sharedLegend: true });
    const legends = (chart: { layer: { encoding: { color?: { legend?: unknown } } }[] }) => chart.layer.map((l) => l.encoding.color?.legend);
    expect(legends(spec.hconcat[0])).to.deep.equal([null, null]);
    expect(legends(spec.hconcat[1])).to.not.include(null);
  });

  it('refuses an empty row', () => {
    expect(() => row()).to.throw(/no charts/);
  });
});
