// Learning-rate decay schedules: each returns a function epoch -> learning rate, with the
// course's formulas and order of operations. Epochs count from 0, as the course's loops do.
// fit() applies a schedule the way the course's model does: after epoch i it sets
// lr = schedule(i), so epoch 0 runs at the optimizer's initial rate.

/** A learning rate as a function of the epoch number (0, 1, 2, ...). */
export type Schedule = (epoch: number) => number;

/**
 * α = α₀ / (1 + decayRate · epoch) — computed as the course's update_lr:
 * (1 / (1 + decay_rate * epoch_num)) * learning_rate0.
 * @example dl.schedules.inverseTime(0.5, 1)(2) // 0.16666666666666666
 */
export function inverseTime(alpha0: number, decayRate: number): Schedule {
  return (epoch) => (1 / (1 + decayRate * epoch)) * alpha0;
}

/**
 * Inverse-time decay in steps: α = α₀ / (1 + decayRate · floor(epoch / interval)), the
 * course's schedule_lr_decay (interval 1000 there).
 * @example dl.schedules.staircase(0.5, 1, 1000)(1000) // 0.25
 */
export function staircase(alpha0: number, decayRate: number, interval = 1000): Schedule {
  return (epoch) => (1 / (1 + decayRate * Math.floor(epoch / interval))) * alpha0;
}

/**
 * Exponential decay α = base^epoch · α₀ (the lecture's 0.95^epoch).
 * @example dl.schedules.exponential(0.2, 0.95)(10) // 0.11974738784767572
 */
export function exponential(alpha0: number, base = 0.95): Schedule {
  return (epoch) => Math.pow(base, epoch) * alpha0;
}

/**
 * α = k / √epoch · α₀. At epoch 0 the formula would be infinite; epoch 0 takes epoch 1's
 * value k·α₀ instead (the first epoch runs at the undecayed rate times k).
 * @example dl.schedules.inverseSqrt(0.5, 2)(4) // 0.5
 */
export function inverseSqrt(alpha0: number, k = 1): Schedule {
  return (epoch) => (k / Math.sqrt(Math.max(epoch, 1))) * alpha0;
}

/**
 * A constant rate (what "no schedule" means), for code that always takes one.
 * @example dl.schedules.constant(0.01)(100) // 0.01
 */
export function constant(alpha0: number): Schedule {
  return () => alpha0;
}
