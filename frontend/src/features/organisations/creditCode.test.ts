import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter, normaliseCreditCode } from './creditCode';

describe('unified social credit code check', () => {
  it('accepts valid codes', () => {
    // A real, published code (Huawei Technologies Co., Ltd., Shenzhen).
    expect(checkCreditCode('914403001922038216')).toBe('valid');
    // Worked out independently: weighted sum 2529, 2529 mod 31 = 18, (31 − 18) mod 31 = 13 → 'D'.
    expect(creditCodeCheckCharacter('91430100MA4L16JQ9')).toBe('D');
    expect(checkCreditCode('91430100MA4L16JQ9D')).toBe('valid');
    // Weighted sum 904, 904 mod 31 = 5, (31 − 5) mod 31 = 26 → 'T' (letters skip I, O, S, V, Z).
    expect(checkCreditCode('12430000444880337T')).toBe('valid');
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91430100MA4L16JQ9B')).toBe('checkDigit');
    expect(checkCreditCode('914403001922038217')).toBe('checkDigit');
  });

  it('rejects the wrong length and characters outside the charset (I, O, S, V, Z)', () => {
    expect(checkCreditCode('')).toBe('length');
    expect(checkCreditCode('91430100MA4L16JQ9')).toBe('length');
    expect(checkCreditCode('91430100MA4L16JQ9DD')).toBe('length');
    expect(checkCreditCode('91430100MA4L16JQ9I')).toBe('charset');
    expect(checkCreditCode('9143010OMA4L16JQ9D')).toBe('charset');
  });

  it('normalises spaces and lower case', () => {
    expect(normaliseCreditCode(' 91430100ma4l 16jq9d ')).toBe('91430100MA4L16JQ9D');
    expect(checkCreditCode(normaliseCreditCode('91430100ma4l16jq9d'))).toBe('valid');
  });
});
