import { expect } from 'chai';
import { np } from '../../tensor';
import { fixtures, expectClose } from './fixtures.test-util';
import { temperatures } from './temperatures';

describe('temperatures: a year of daily temperatures', () => {
  it('is the numpy recipe (to 1e-12: V8 and numpy may round cos differently)', () => {
    const { days, temps } = temperatures({ seed: fixtures.temperatures.seed });
    expectClose(days, fixtures.temperatures.days, 0, 'days');
    expectClose(temps, fixtures.temperatures.temps, 1e-12, 'temps');
  });

  it('is 1-D, 365 days, coldest in winter and warmest in summer', () => {
    const { days, temps } = temperatures();
    expect(days.shape).to.deep.equal([365]);
    expect(temps.shape).to.deep.equal([365]);
    expect(days.get(0)).to.equal(1);
    const january = np.mean(np.slice(temps, '0:31'));
    const july = np.mean(np.slice(temps, '181:212'));
    expect(july - january).to.be.greaterThan(10);
  });

  it('noise 0 is the bare seasonal curve; the seed changes only the noise', () => {
    const smooth = temperatures({ noise: 0 }).temps;
    expect(smooth.get(14)).to.equal(11 - 7.5); // day 15 is the coldest
    const a = temperatures({ seed: 1 }).temps;
    const b = temperatures({ seed: 2 }).temps;
    expect(a.get(0)).to.not.equal(b.get(0));
  });
});
