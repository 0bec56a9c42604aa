/** Small pure helpers for the plain SVG bar charts of the reports. */

/** A round upper bound for an axis: 1, 2, 2.5 or 5 × 10ⁿ at or above the largest value (1 when all are 0). */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  if (max <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) {
      return step * power;
    }
  }
  return 10 * power;
}

/** The length of a bar for `value` on an axis of `length` up to `max` (never negative, never past the end). */
export function barLength(value: number, max: number, length: number): number {
  if (!Number.isFinite(value) || value <= 0 || max <= 0) {
    return 0;
  }
  return Math.min(length, (value / max) * length);
}

/** Evenly spaced ticks 0…max (inclusive), `count` intervals. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (max * index) / count);
}
