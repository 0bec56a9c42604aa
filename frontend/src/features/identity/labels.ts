import { isMessageKey, type MessageKey, type MessageParams } from '../../i18n/messages';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The localized label of a server enum value, or the value itself when it is not known. */
export function enumLabel(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export const roleLabel = (t: Translate, role: string) => enumLabel(t, 'role', role);
export const membershipRoleLabel = (t: Translate, role: string) => enumLabel(t, 'membershipRole', role);
export const organisationTypeLabel = (t: Translate, type: string) => enumLabel(t, 'organisationType', type);
export const cityLabel = (t: Translate, city: string) => enumLabel(t, 'city', city);
export const verificationLabel = (t: Translate, status: string) => enumLabel(t, 'verification', status);
export const auditTypeLabel = (t: Translate, type: string) => enumLabel(t, 'auditType', type);

/** The organisation's name in the UI language, falling back to the other one. */
export function organisationName(locale: string, organisation: { nameZh: string; nameEn: string }): string {
  const preferred = locale === 'en' ? organisation.nameEn : organisation.nameZh;
  const other = locale === 'en' ? organisation.nameZh : organisation.nameEn;
  return preferred?.trim() ? preferred : other;
}
