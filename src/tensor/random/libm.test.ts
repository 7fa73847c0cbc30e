import { expect } from 'chai';
import fx from '../fixtures/random.json';
import { fma, log } from './libm';

const logCases = fx.log as { x: number[]; y: number[] };

describe('libm: glibc log', () => {
  it("equals glibc's log exactly at every fixture input (random, near 1, subnormal)", () => {
    const bad: string[] = [];
    for (let i = 0; i < logCases.x.length; i++) {
      const x = logCases.x[i]!;
      if (log(x) !== logCases.y[i]) bad.push(`log(${x}) = ${log(x)}, glibc ${logCases.y[i]}`);
    }
    expect(bad).to.deep.equal([]);
  });

  it('is not just Math.log: the fixtures include inputs where V8 rounds differently', () => {
    let differ = 0;
    for (let i = 0; i < logCases.x.length; i++) if (Math.log(logCases.x[i]!) !== logCases.y[i]) differ++;
    expect(differ).to.be.greaterThan(20);
  });

  it('handles the special values as C does', () => {
    expect(log(0)).to.equal(-Infinity);
    expect(log(-0)).to.equal(-Infinity);
    expect(log(-1)).to.be.NaN;
    expect(log(NaN)).to.be.NaN;
    expect(log(Infinity)).to.equal(Infinity);
    expect(log(1)).to.equal(0);
    expect(log(Math.E)).to.equal(1);
  });
});

describe('libm: fma', () => {
  it('rounds once', () => {
    expect(fma(0.1, 10, -1)).to.equal(5.551115123125783e-17);
    expect(fma(2, 3, 4)).to.equal(10);
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).to.equal(-(2 ** -60));
  });

  it('breaks a tie the way the exact value says, not to even', () => {
    // (1 + 2^-52)^2 + 4 = 5 + 2^-51 + 2^-104: just above the midpoint between 5 and 5 + 2^-50.
    expect(fma(1 + 2 ** -52, 1 + 2 ** -52, 4)).to.equal(5 + 2 ** -50);
    expect(fma(-(1 + 2 ** -52), 1 + 2 ** -52, -4)).to.equal(-(5 + 2 ** -50));
  });
});
