/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * `CREDIT_CODE_CHARSET`; the last is a check character over the first 17. Checked here only
 * as a hint while typing; the server decides.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = 'valid' | 'length' | 'charset' | 'checkDigit';

/** Upper case, without spaces: what the user most likely meant. */
export function normaliseCreditCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or undefined if one is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) {
    return undefined;
  }
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[index]!);
    if (value < 0) {
      return undefined;
    }
    sum += value * WEIGHTS[index]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Checks an (already normalised) code: length, characters, then the check character. */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (code.length !== 18) {
    return 'length';
  }
  if ([...code].some((character) => !CREDIT_CODE_CHARSET.includes(character))) {
    return 'charset';
  }
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? 'valid' : 'checkDigit';
}
