// check(): what a lesson claims, asserted where the learner can see it. A passing check shows a
// green line; a failing one shows a red line and stops the cell with an error, so the lesson
// runner (test/e2e/lessons.test.ts) fails and the learner sees which claim broke. The bundle
// carries CHECK_MIME so the page can count a lesson's passed checks without parsing text.
import { MIMEBUNDLE } from './display';
import { escapeHtml } from './tensor-html';
import { CHECK_MIME } from './protocol';

export { CHECK_MIME };

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

function bundle(claim: string, passed: boolean, detail: string): Record<string, unknown> {
  const mark = passed ? '✓' : '✗';
  const text = `${mark} ${claim}${detail ? ` (${detail})` : ''}`;
  return {
    'text/plain': text,
    'text/html': `<div class="nb-check ${passed ? 'pass' : 'fail'}"><span class="mark">${mark}</span> ${escapeHtml(claim)}${detail ? ` <span class="detail">${escapeHtml(detail)}</span>` : ''}</div>`,
    [CHECK_MIME]: { claim, passed },
  };
}

export interface Check {
  /**
   * Shows the claim with ✓ when `passed`, else ✗ and throws CheckFailed.
   * @example check('He init trains to at least 99% accuracy', accuracy >= 0.99, `accuracy ${accuracy}`)
   */
  (claim: string, passed: boolean, detail?: string): void;
  /**
   * `actual` within `tol` of `expected` (absolute), showing both numbers.
   * @example check.near('cost after 1,000 iterations', costs[1000], 0.6878, 1e-4)
   */
  near(claim: string, actual: number, expected: number, tol?: number): void;
}

export function makeCheck(display: (v: unknown) => unknown): Check {
  const check = ((claim: string, passed: boolean, detail = '') => {
    display({ [MIMEBUNDLE]: () => bundle(claim, passed, detail) });
    if (!passed) throw new CheckFailed(`${claim}${detail ? ` (${detail})` : ''}`);
  }) as Check;
  check.near = (claim, actual, expected, tol = 1e-6) => {
    const passed = Math.abs(actual - expected) <= tol;
    check(claim, passed, `${actual} vs ${expected}, tolerance ${tol}`);
  };
  return check;
}
