import { expect } from 'chai';
import { NDArray, np } from '../tensor';
import { decisionBoundary } from './boundary';
import { histogram } from './histogram';
import { scatter } from './scatter';
import { VEGA_LITE_SCHEMA } from './spec';
import { compiles } from './vega.test-util';

// Four examples in the course layout: X (2, m), Y (1, m).
const X = np.array([[0, 1, 2, 3], [-1, 1, -1, 1]]);
const Y = np.array([[0, 1, 0, 1]]);

describe('plot.scatter', () => {
  it('one row { x1, x2, label } per column of X, colored by class', () => {
    const spec = scatter(X, Y, { title: 'data' });
    expect(spec.$schema).to.equal(VEGA_LITE_SCHEMA);
    expect(spec.title).to.equal('data');
    expect(spec['mark'].type).to.equal('circle');
    expect(spec.data).to.deep.equal({
      name: 'table',
      values: [{ x1: 0, x2: -1, label: 0 }, { x1: 1, x2: 1, label: 1 }, { x1: 2, x2: -1, label: 0 }, { x1: 3, x2: 1, label: 1 }],
    });
    expect(spec['encoding'].x).to.include({ field: 'x1', type: 'quantitative' });
    expect(spec['encoding'].y).to.include({ field: 'x2', type: 'quantitative' });
    expect(spec['encoding'].color).to.include({ field: 'label', type: 'nominal' });
    compiles(spec, 'table');
  });

  it('labels as an array or a (m,) NDArray, and a transposed (non-contiguous) X, give the same spec', () => {
    expect(scatter(X, [0, 1, 0, 1])).to.deep.equal(scatter(X, Y));
    expect(scatter(X, np.array([0, 1, 0, 1]))).to.deep.equal(scatter(X, Y));
    const Xt = np.array([[0, -1], [1, 1], [2, -1], [3, 1]]).T;
    expect(scatter(Xt, Y)).to.deep.equal(scatter(X, Y));
  });

  it('checks the layout', () => {
    expect(() => scatter(X.T, Y)).to.throw(/\(2, m\).*X\.T/);
    expect(() => scatter(X, [0, 1])).to.throw(/4 examples but Y has 2 labels/);
  });
});

describe('plot.decisionBoundary', () => {
  it('calls predict once with a (2, steps²) grid spanning the data ± padding', () => {
    const calls: NDArray[] = [];
    const spec = decisionBoundary((grid) => {
      calls.push(grid);
      return np.array([Array.from({ length: grid.shape[1]! }, (_, k) => (k % 7) / 6)]);
    }, X, Y, { steps: 20, padding: 0.5 });
    expect(calls).to.have.length(1);
    const grid = calls[0]!;
    expect(grid.shape).to.deep.equal([2, 400]);
    expect(np.min(grid, 1).tolist()).to.deep.equal([-0.5, -1.5]);
    expect(np.max(grid, 1).tolist()).to.deep.equal([3.5, 1.5]);
    // column k is (xs[k % steps], ys[floor(k / steps)])
    expect([grid.get(0, 0), grid.get(1, 0), grid.get(0, 19), grid.get(1, 19)]).to.deep.equal([-0.5, -1.5, 3.5, -1.5]);
    expect([grid.get(0, 20), grid.get(1, 20), grid.get(0, 399), grid.get(1, 399)]).to.deep.equal([-0.5, -1.5 + 3 / 19, 3.5, 1.5]);

    expect(spec.$schema).to.equal(VEGA_LITE_SCHEMA);
    const [heat, points] = spec['layer'];
    expect(heat.mark.type).to.equal('rect');
    expect(heat.data.name).to.equal('grid');
    expect(heat.data.values).to.have.length(400);
    expect(heat.data.values[8]).to.deep.equal({ x1: grid.get(0, 8), x2: -1.5, p: 1 / 6 });
    expect(heat.encoding.color).to.deep.include({ field: 'p', type: 'quantitative' });
    expect(heat.encoding.color.scale.domain).to.deep.equal([0, 1]);
    expect(points.data).to.deep.equal(scatter(X, Y).data);
    expect(points.encoding.color.type).to.equal('nominal');
    expect(spec['resolve']).to.deep.equal({ scale: { color: 'independent' } });
    const data = compiles(spec, 'grid', 'table');
    expect(data.get('grid')!.values).to.have.length(400);
  });

  it('defaults to 100 steps (10,000 cells), accepts outputs that are not probabilities and refuses bigger grids', () => {
    let shape: readonly number[] = [];
    const spec = decisionBoundary((grid) => {
      shape = grid.shape;
      return np.sum(grid, 0); // (k,), not probabilities
    }, X, Y);
    expect(shape).to.deep.equal([2, 10000]);
    expect(spec['layer'][0].data.values).to.have.length(10000);
    expect(spec['layer'][0].encoding.color.scale.domain).to.equal(undefined); // sums are not probabilities
    compiles(spec, 'grid', 'table');
    expect(() => decisionBoundary((g) => g, X, Y, { steps: 101 })).to.throw(/steps must be/);
    expect(() => decisionBoundary(() => [1, 2], X, Y, { steps: 3 })).to.throw(/returned 2 values for a grid of 9/);
  });
});

describe('plot.histogram', () => {
  it('bins the values with Vega-Lite: one row { value } per value, a bar per bin', () => {
    const spec = histogram(np.array([[1, 2], [2, 3]]), { bins: 10, title: 'W' });
    expect(spec.$schema).to.equal(VEGA_LITE_SCHEMA);
    expect(spec['mark'].type).to.equal('bar');
    expect(spec.data).to.deep.equal({ name: 'table', values: [{ value: 1 }, { value: 2 }, { value: 2 }, { value: 3 }] });
    expect(spec['encoding'].x).to.deep.include({ field: 'value', bin: { maxbins: 10 } });
    expect(spec['encoding'].y).to.include({ aggregate: 'count' });
    expect(histogram([1, 2, 2, 3], { bins: 10, title: 'W' })).to.deep.equal(spec);
    expect(histogram([1]).data!.values).to.have.length(1);
    expect(histogram([1])['encoding'].x.bin.maxbins).to.equal(30);
    compiles(spec, 'table');
  });
});
