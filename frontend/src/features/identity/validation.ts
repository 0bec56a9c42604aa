import type { MessageKey } from '../../i18n/messages';

/** The server's password policy, checked here as a hint; the server is authoritative. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A plausible email address (the server checks it properly). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

/**
 * The catalogue key of what is wrong with `password` under the policy (length 12–128,
 * not containing the name part of the email), or undefined when it looks acceptable.
 * Whether it is "too common" only the server knows.
 */
export function passwordProblem(password: string, email?: string): MessageKey | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return 'password.tooShort';
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return 'password.tooLong';
  }
  const name = email?.trim().split('@', 1)[0]?.toLowerCase() ?? '';
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    return 'password.containsEmailName';
  }
  return undefined;
}
