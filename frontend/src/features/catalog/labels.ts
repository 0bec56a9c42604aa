import type { Locale, MessageKey, MessageParams } from '../../i18n/messages';
import { enumLabel } from '../identity/labels';
import type { EntryContent, Money } from './types';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const kindLabel = (t: Translate, kind: string) => enumLabel(t, 'resourceKind', kind);
export const priceUnitLabel = (t: Translate, unit: string) => enumLabel(t, 'priceUnit', unit);
export const sortLabel = (t: Translate, sort: string) => enumLabel(t, 'searchSort', sort);

/** An amount in fen (1/100 yuan) as `¥1,234.50` (no decimals for whole yuan). */
export function formatFen(locale: Locale, fen: number): string {
  const yuan = fen / 100;
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: Number.isInteger(yuan) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(yuan);
  return `¥${number}`;
}

/** A price with its unit when known: `¥800 / 小时`. */
export function formatPrice(t: Translate, locale: Locale, price: Money): string {
  const amount = formatFen(locale, price.amountFen);
  return price.unit ? t('price.withUnit', { amount, unit: priceUnitLabel(t, price.unit) }) : amount;
}

/** The entry's title in the UI language, falling back to the Chinese one. */
export function contentTitle(locale: Locale, content: { titleZh: string; titleEn?: string | null }): string {
  return locale === 'en' && content.titleEn?.trim() ? content.titleEn : content.titleZh;
}

export function contentSummary(locale: Locale, content: EntryContent): string | null | undefined {
  return locale === 'en' && content.summaryEn?.trim() ? content.summaryEn : content.summaryZh;
}
