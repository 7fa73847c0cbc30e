// Learning-rate schedules against numpy's values of the same formulas.
import { expect } from 'chai';
import * as schedules from './schedules';
import { fx } from './fixtures.test-util';

describe('dl schedules', () => {
  const f = fx.schedules;
  const close = (got: number[], want: number[], tol: number) => got.forEach((g, i) => expect(g, `epoch ${f.epochs[i]}`).to.be.closeTo(want[i]!, tol * Math.abs(want[i]!)));

  it('inverse time, staircase, exponential and inverse sqrt equal numpy', () => {
    close(f.epochs.map(schedules.inverseTime(0.5, 0.3)), f.inverseTime, 0);
    close(f.epochs.map(schedules.staircase(0.5, 0.3, 1000)), f.staircase, 0);
    close(f.epochs.map(schedules.exponential(0.5, 0.95)), f.exponential, 1e-15);
    close(f.epochs.map(schedules.inverseSqrt(0.5, 2)), f.inverseSqrt, 1e-15);
    expect(schedules.constant(0.3)(99)).to.equal(0.3);
  });

  it("reproduces the course's update_lr and schedule_lr_decay", () => {
    expect(schedules.inverseTime(0.5, 1)(2)).to.equal(f.course.update_lr);
    expect(schedules.staircase(0.5, 1, 1000)(1000)).to.equal(f.course.schedule_lr_decay);
    expect(schedules.staircase(0.5, 1, 1000)(999)).to.equal(0.5);
  });

  it('inverse sqrt takes epoch 1 at epoch 0 instead of infinity', () => {
    expect(schedules.inverseSqrt(0.1, 3)(0)).to.be.closeTo(0.3, 1e-16);
    expect(schedules.inverseSqrt(0.1, 3)(1)).to.be.closeTo(0.3, 1e-16);
  });
});
