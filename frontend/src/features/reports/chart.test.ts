import { describe, expect, it } from 'vitest';
import { barLength, niceMax, ticks } from './chart';

describe('chart helpers', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect(niceMax([0, 0])).toBe(1);
    expect(niceMax([])).toBe(1);
    expect(niceMax([7])).toBe(10);
    expect(niceMax([12, 3])).toBe(20);
    expect(niceMax([21])).toBe(25);
    expect(niceMax([480])).toBe(500);
    expect(niceMax([100])).toBe(100);
    expect(niceMax([0.3])).toBe(0.5);
    expect(niceMax([Number.NaN, 4])).toBe(5);
  });

  it('scales bars and keeps them inside the axis', () => {
    expect(barLength(50, 100, 200)).toBe(100);
    expect(barLength(-5, 100, 200)).toBe(0);
    expect(barLength(150, 100, 200)).toBe(200);
    expect(barLength(5, 0, 200)).toBe(0);
    expect(barLength(Number.NaN, 10, 200)).toBe(0);
  });

  it('spaces ticks evenly', () => {
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(10, 2)).toEqual([0, 5, 10]);
  });
});
