// A year of daily temperatures for the exponentially-weighted-averages lesson: a seasonal curve
// (a cosine, coldest in mid-January) plus day-to-day noise, from its own seeded generator so
// that the same seed always gives the same year.
import { NDArray } from '../../tensor';
import { RandomState } from '../../tensor/random';

/** Options of temperatures. */
export interface TemperaturesOptions {
  /** Seed of the noise (default 1). */
  seed?: number;
  /** Mean over the year, in °C (default 11). */
  mean?: number;
  /** Half the gap between the warmest and the coldest day of the curve, in °C (default 7.5). */
  amplitude?: number;
  /** Standard deviation of the day-to-day noise, in °C (default 3). */
  noise?: number;
}

/** Days 1..365 and the temperature of each. */
export interface Temperatures {
  days: NDArray;
  temps: NDArray;
}

/** Day of the year the seasonal curve is coldest (mid-January, as in a northern climate). */
const COLDEST_DAY = 15;

/**
 * 365 daily temperatures θ_1..θ_365 in °C: mean - amplitude * cos(2π (day - 15) / 365) plus
 * normal(0, noise) noise, drawn by RandomState(seed) (np.random.seed(seed); np.random.normal(0,
 * noise, 365) gives the same noise). Both arrays are 1-D float64 of length 365.
 *
 * @example const { days, temps } = temperatures({ seed: 1 }); // a curve from 3.5 °C (mid-January) to 18.5 °C (mid-July), plus noise
 */
export function temperatures({ seed = 1, mean = 11, amplitude = 7.5, noise = 3 }: TemperaturesOptions = {}): Temperatures {
  if (!(noise >= 0)) throw new RangeError(`noise must be >= 0, got ${noise}`);
  const g = new RandomState(seed).normal(0, noise, 365).data as Float64Array;
  const days = new Float64Array(365);
  const temps = new Float64Array(365);
  for (let i = 0; i < 365; i++) {
    const day = i + 1;
    days[i] = day;
    // Operations in numpy's order, mean - amplitude * cos(2 * pi * (day - 15) / 365) + noise.
    temps[i] = mean - amplitude * Math.cos((2 * Math.PI * (day - COLDEST_DAY)) / 365) + g[i]!;
  }
  return { days: new NDArray(days, [365]), temps: new NDArray(temps, [365]) };
}
