import type { Locale, MessageKey, MessageParams } from '../../i18n/messages';
import { formatFen } from '../catalog/labels';
import { enumLabel } from '../identity/labels';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const chainLabel = (t: Translate, chain: string) => enumLabel(t, 'industryChain', chain);
export const stageLabel = (t: Translate, stage: string) => enumLabel(t, 'stage', stage);
export const employeesLabel = (t: Translate, band: string) => enumLabel(t, 'employeesBand', band);
export const revenueLabel = (t: Translate, band: string) => enumLabel(t, 'revenueBand', band);
export const instrumentLabel = (t: Translate, instrument: string) => enumLabel(t, 'fundingInstrument', instrument);
export const qualificationLabel = (t: Translate, qualification: string) => enumLabel(t, 'qualification', qualification);
export const criterionLabel = (t: Translate, criterion: string) => enumLabel(t, 'matchCriterion', criterion);

/** A funding range in yuan: `¥1,000,000 – ¥5,000,000`, `≥ ¥1,000,000`, `≤ …`; null without amounts. */
export function amountRange(t: Translate, locale: Locale, minFen?: number | null, maxFen?: number | null): string | null {
  const min = minFen != null ? formatFen(locale, minFen) : null;
  const max = maxFen != null ? formatFen(locale, maxFen) : null;
  if (min && max) {
    return t('matching.amountBetween', { min, max });
  }
  if (min) {
    return t('matching.amountFrom', { min });
  }
  return max ? t('matching.amountUpTo', { max }) : null;
}
