import { expect } from 'chai';
import { np } from '../tensor';
import { compare, line } from './line';
import { VEGA_LITE_SCHEMA } from './spec';
import { compiles } from './vega.test-util';

describe('plot.line', () => {
  it('one series from a number array: x is the index, rows { x, y } in the dataset "table"', () => {
    const spec = line([0.7, 0.5, 0.4]);
    expect(spec.$schema).to.equal(VEGA_LITE_SCHEMA);
    expect(spec['mark'].type).to.equal('line');
    expect(spec.width).to.equal(560);
    expect(spec.height).to.equal(300);
    expect(spec.data).to.deep.equal({ name: 'table', values: [{ x: 0, y: 0.7 }, { x: 1, y: 0.5 }, { x: 2, y: 0.4 }] });
    expect(spec['encoding'].x).to.include({ field: 'x', type: 'quantitative' });
    expect(spec['encoding'].y).to.include({ field: 'y', type: 'quantitative' });
    expect(spec['encoding'].color).to.equal(undefined);
    expect(spec['encoding'].y.scale).to.equal(undefined);
    compiles(spec, 'table');
  });

  it('a 1-D NDArray (or a (1, n) row) gives the same spec as the array', () => {
    const values = [0.9, 0.25, 0.125, 0.0625];
    expect(line(np.array(values))).to.deep.equal(line(values));
    expect(line(np.array([values]))).to.deep.equal(line(values));
    expect(line(np.array([values]).T)).to.deep.equal(line(values)); // a (n, 1) transposed view
    expect(() => line(np.zeros([2, 3]))).to.throw(/must be 1-D/);
  });

  it('xStep spaces the points; explicit { x, y } sets them', () => {
    expect(line([3, 2, 1], { xStep: 100 }).data!.values.map((r) => r['x'])).to.deep.equal([0, 100, 200]);
    const spec = line({ x: np.array([1, 10, 100]), y: [3, 2, 1] }, { logX: true, x: 'lr' });
    expect(spec.data!.values).to.deep.equal([{ x: 1, y: 3 }, { x: 10, y: 2 }, { x: 100, y: 1 }]);
    expect(spec['encoding'].x).to.deep.include({ title: 'lr', scale: { type: 'log' } });
    expect(() => line({ x: [1, 2], y: [1, 2, 3] })).to.throw(/x has 2 values but y has 3/);
    compiles(spec, 'table');
  });

  it('many series: one color per name, in insertion order, log y, titles', () => {
    const gd = [1, 0.5, 0.25];
    const adam = np.array([1, 0.1]);
    const spec = line({ gd, adam }, { x: 'epoch', y: 'cost', logY: true, title: 'GD vs Adam', width: 700 });
    expect(spec.title).to.equal('GD vs Adam');
    expect(spec.width).to.equal(700);
    expect(spec.data!.values).to.have.length(5);
    expect(spec.data!.values[3]).to.deep.equal({ x: 0, y: 1, series: 'adam' });
    expect(spec['encoding'].y).to.deep.include({ title: 'cost', scale: { type: 'log' } });
    expect(spec['encoding'].x.title).to.equal('epoch');
    expect(spec['encoding'].color).to.deep.equal({ field: 'series', type: 'nominal', title: 'series', sort: ['gd', 'adam'] });
    compiles(spec, 'table');
  });

  it('named series may bring their own x (an epsilon sweep on log axes)', () => {
    const spec = line({ f64: { x: [1e-1, 1e-2], y: [1e-3, 1e-5] }, f32: { x: [1e-1], y: [2e-3] } }, { logX: true, logY: true });
    expect(spec.data!.values).to.deep.equal([
      { x: 0.1, y: 0.001, series: 'f64' },
      { x: 0.01, y: 0.00001, series: 'f64' },
      { x: 0.1, y: 0.002, series: 'f32' },
    ]);
    expect(() => line({ a: { x: [1, 2], y: [1] } })).to.throw(/series 'a' has 2 x values but 1 y values/);
  });

  it('rows [{ x, y }] (what a live chart appends) read as one series; objects among numbers are refused', () => {
    expect(line([{ x: 0, y: 1 }, { x: 2, y: 0.5 }])).to.deep.equal(line({ x: [0, 2], y: [1, 0.5] }));
    expect(() => line([1, { a: 2 }] as unknown as number[])).to.throw(/y\[1\] is an object/);
  });

  it('non-finite values become null (JSON has no NaN)', () => {
    const spec = line([1, NaN, Infinity, 2]);
    expect(spec.data!.values.map((r) => r['y'])).to.deep.equal([1, null, null, 2]);
    expect(JSON.parse(JSON.stringify(spec))).to.deep.equal(spec);
    compiles(spec, 'table');
  });

  it('rejects what it cannot plot', () => {
    expect(() => line({})).to.throw(/no series/);
    expect(() => line({ a: 'nope' } as never)).to.throw(/series 'a'/);
  });
});

describe('plot.compare', () => {
  it('is line with one series per run and a legend titled "run"', () => {
    const runs = { 'lr=0.1': [0.7, 0.3], 'lr=0.01': np.array([0.7, 0.6]) };
    const spec = compare(runs, { logY: true });
    expect(spec['encoding'].color).to.deep.include({ field: 'series', type: 'nominal', title: 'run' });
    expect(spec['encoding'].y.scale).to.deep.equal({ type: 'log' });
    expect(spec.data!.values).to.have.length(4);
    expect(spec.data!.values.map((r) => r['series'])).to.deep.equal(['lr=0.1', 'lr=0.1', 'lr=0.01', 'lr=0.01']);
    compiles(spec, 'table');
  });

  it('treats runs named x and y as runs, not as coordinates', () => {
    const spec = compare({ x: [1, 2], y: [3, 4] });
    expect(spec.data!.values).to.have.length(4);
    expect(spec['encoding'].color.title).to.equal('run');
  });
});

describe('the Vega-Lite compile check of these tests', () => {
  it('fails on a broken spec and on a missing dataset', () => {
    const spec = line([1, 2]);
    expect(() => compiles({ ...spec, mark: { type: 'no-such-mark' } }, 'table')).to.throw();
    expect(() => compiles({ ...spec, encoding: { ...spec['encoding'], y: { field: 'y', type: 'quantitative', scale: { type: 'log', zero: true } } } })).to.throw(/warnings/);
    expect(() => compiles(spec, 'grid')).to.throw(/datasets/);
  });
});
