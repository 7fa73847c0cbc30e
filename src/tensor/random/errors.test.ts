// numpy's wording for bad arguments (checked against numpy 2.4's RandomState).
import { expect } from 'chai';
import { NDArray } from '../ndarray';
import { RandomState } from './state';

const rs = new RandomState(0);
const bad = (f: () => unknown, message: string, type: new (...a: never[]) => Error = Error) => {
  expect(f).to.throw(type, message);
};

describe('RandomState: errors worded as numpy words them', () => {
  it('bad seeds', () => {
    bad(() => rs.seed(-1), 'Seed must be between 0 and 2**32 - 1');
    bad(() => rs.seed(2 ** 32), 'Seed must be between 0 and 2**32 - 1');
    bad(() => rs.seed(1.5), "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'", TypeError);
    bad(() => rs.seed([]), 'Seed must be non-empty');
    bad(() => rs.seed([[1, 2]] as unknown as number[]), 'Seed array must be 1-d');
    bad(() => rs.seed([1, -2]), 'Seed must be between 0 and 2**32 - 1');
    bad(() => rs.seed([1, 2.5]), "Cannot cast array data from dtype('float64') to dtype('int64')", TypeError);
    bad(() => rs.seed(new NDArray(new Float64Array([1, 2]), [2])), "Cannot cast array data from dtype('float64')", TypeError);
  });

  it('an NDArray seed of one value is that integer (numpy squeezes it); a JS list is an array seed', () => {
    const a = new RandomState(new NDArray(new Int32Array([5]), [1])).rand();
    expect(a).to.equal(new RandomState(5).rand());
    expect(new RandomState([5]).rand()).to.not.equal(a);
    expect(new RandomState(new NDArray(new Int32Array([1, 2, 3]), [1, 3])).rand()).to.equal(new RandomState([1, 2, 3]).rand());
  });

  it('bad sizes and dimensions', () => {
    bad(() => rs.rand(-1), 'negative dimensions are not allowed');
    bad(() => rs.randn(-2, 3), 'negative dimensions are not allowed');
    bad(() => rs.rand(2.5), "'float' object cannot be interpreted as an integer", TypeError);
    bad(() => rs.rand([4, 2] as unknown as number), "'tuple' object cannot be interpreted as an integer", TypeError);
    bad(() => rs.random_sample(-1), 'negative dimensions are not allowed');
    bad(() => rs.uniform(0, 1, [2, -2]), 'negative dimensions are not allowed');
    bad(() => rs.randint(0, 10, 2.5), "expected a sequence of integers or a single integer, got '2.5'", TypeError);
  });

  it('bad distribution parameters', () => {
    bad(() => rs.normal(0, -1, 3), 'scale < 0');
    bad(() => rs.normal(0, -0), 'scale < 0');
    expect(rs.normal(0, NaN)).to.be.NaN;
    bad(() => rs.uniform(0, Infinity), 'Range exceeds valid bounds', RangeError);
    bad(() => rs.uniform(0, NaN), 'Range exceeds valid bounds', RangeError);
    bad(() => rs.binomial(-1, 0.5), 'n < 0');
    bad(() => rs.binomial(5, 1.5), 'p < 0, p > 1 or p is NaN');
    bad(() => rs.binomial(5, NaN), 'p < 0, p > 1 or p is NaN');
  });

  it('bad randint bounds', () => {
    bad(() => rs.randint(5, 5), 'low >= high');
    bad(() => rs.randint(0), 'high <= 0');
    bad(() => rs.randint(-1), 'high <= 0');
    bad(() => rs.randint(0, 2 ** 31 + 1), 'high is out of bounds for int32');
    bad(() => rs.randint(-(2 ** 31) - 1, 0), 'low is out of bounds for int32');
    expect(rs.randint(0, 2 ** 31)).to.be.a('number');
    expect(rs.randint(2.5)).to.be.oneOf([0, 1]); // numpy truncates float bounds
  });

  it('bad permutation, shuffle and choice arguments', () => {
    bad(() => rs.permutation(3.5), 'x must be an integer or at least 1-dimensional', TypeError);
    bad(() => rs.permutation(new NDArray(new Float64Array([3]), [])), 'x must be an integer or at least 1-dimensional', TypeError);
    bad(() => rs.shuffle(5 as unknown as number[]), "object of type 'number' has no len()", TypeError);
    bad(() => rs.choice(0), 'a must be greater than 0 unless no samples are taken');
    bad(() => rs.choice(-2), 'a must be greater than 0 unless no samples are taken');
    bad(() => rs.choice([]), "'a' cannot be empty unless no samples are taken");
    bad(() => rs.choice([[1, 2]]), 'a must be 1-dimensional');
    bad(() => rs.choice(2.5), 'a must be 1-dimensional or an integer');
    bad(() => rs.choice(3, null, { p: [0.5, 0.5] }), "'a' and 'p' must have same size");
    bad(() => rs.choice(3, null, { p: [[0.5, 0.5, 0]] }), "'p' must be 1-dimensional");
    bad(() => rs.choice(3, null, { p: [0.5, 0.6, -0.1] }), 'probabilities are not non-negative');
    bad(() => rs.choice(3, null, { p: [0.5, 0.6, 0.1] }), 'probabilities do not sum to 1');
    bad(() => rs.choice(3, null, { p: [0.5, NaN, 0.1] }), 'probabilities contain NaN');
    bad(() => rs.choice(3, 4, { replace: false }), "Cannot take a larger sample than population when 'replace=False'");
    bad(() => rs.choice(3, 2, { replace: false, p: [1, 0, 0] }), 'Fewer non-zero entries in p than size');
    expect(rs.choice(0, 0).shape).to.deep.equal([0]);
    expect(rs.choice([], 0).dtype).to.equal('float64');
  });
});
