import { useI18n } from '../../i18n/I18nProvider';
import { formatEstimate } from './labels';
import type { Estimate } from './types';

/** An estimate as `¥200 / 小时 × 2.5 = ¥500（校外价）`. */
export function EstimateText({ estimate, testId = 'estimate-text' }: { estimate: Estimate; testId?: string }) {
  const { t, locale } = useI18n();
  return (
    <p className="estimate" data-testid={testId}>
      {formatEstimate(t, locale, estimate)}
    </p>
  );
}
