import { enumLabel } from '../identity/labels';
import { formatFen, priceUnitLabel } from '../catalog/labels';
import type { Locale, MessageKey, MessageParams } from '../../i18n/messages';
import { formatShanghaiRange, formatShanghaiTime } from '../../i18n/format';
import type { SelectionProblem } from './calendar';
import type { Estimate } from './types';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const bookingStatusLabel = (t: Translate, status: string) => enumLabel(t, 'bookingStatus', status);
export const bookingModeLabel = (t: Translate, mode: string) => enumLabel(t, 'serviceMode', mode);
export const closureKindLabel = (t: Translate, kind: string) => enumLabel(t, 'closureKind', kind);
export const weekDayLabel = (t: Translate, day: string) => enumLabel(t, 'weekDay', day);

/** The badge colour of a status: green when it goes ahead, red when it ended badly. */
export function statusBadgeClass(status: string): string {
  switch (status) {
    case 'APPROVED':
    case 'IN_PROGRESS':
    case 'COMPLETED':
      return 'badge badge--text badge--up';
    case 'REJECTED':
    case 'DECLINED':
    case 'CANCELLED':
    case 'NO_SHOW':
      return 'badge badge--text badge--down';
    default:
      return 'badge badge--text badge--neutral';
  }
}

/** A decimal quantity from the API ("2.5", 3) in the UI language; the raw text if unreadable. */
export function formatQuantity(locale: Locale, quantity: string | number): string {
  const value = typeof quantity === 'number' ? quantity : Number(quantity);
  if (typeof quantity === 'string' && (quantity.trim() === '' || Number.isNaN(value))) {
    return quantity;
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** `¥200 / 小时 × 2.5 = ¥500（校外价）` */
export function formatEstimate(t: Translate, locale: Locale, estimate: Estimate): string {
  return t('booking.estimate.formula', {
    rate: formatFen(locale, estimate.rateFen),
    unit: priceUnitLabel(t, estimate.unit),
    quantity: formatQuantity(locale, estimate.quantity),
    amount: formatFen(locale, estimate.amountFen),
    rateKind: enumLabel(t, 'rateKind', estimate.rate),
  });
}

/** 150 → `2 小时 30 分钟`. */
export function formatDuration(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return t('duration.minutes', { minutes: rest });
  }
  return rest === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, minutes: rest });
}

/** Why a selection in the calendar is refused, in words. */
export function selectionProblemText(t: Translate, locale: Locale, problem: SelectionProblem): string {
  switch (problem.code) {
    case 'differentDays':
      return t('booking.selection.differentDays');
    case 'tooShort':
      return t('booking.selection.tooShort', {
        length: formatDuration(t, problem.minutes),
        min: formatDuration(t, problem.minMinutes),
      });
    case 'tooLong':
      return t('booking.selection.tooLong', {
        length: formatDuration(t, problem.minutes),
        max: formatDuration(t, problem.maxMinutes),
      });
    case 'closed':
      return t('booking.selection.closed', {
        time: formatShanghaiRange(locale, problem.cell.start, problem.cell.end),
        kind: closureKindLabel(t, problem.cell.closure?.kind ?? ''),
        reason: problem.cell.closure?.reason || '—',
      });
    default:
      return t(`booking.selection.${problem.code}`, {
        time: formatShanghaiRange(locale, problem.cell.start, problem.cell.end),
        start: formatShanghaiTime(locale, problem.cell.start),
      });
  }
}
