import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useAuth } from '../identity/AuthProvider';
import { AdvisoryAccess, useMayRequestAdvice } from './AdvisoryAccess';
import { AdvisoryRequestForm } from './AdvisoryRequestForm';
import { advisoryTypes } from './types';

/**
 * On a SERVICE entry (a technical service organisation's offer): a firm requests advice from
 * the organisation that published it, the same way as from an expert. Not offered to the
 * organisation's own members.
 */
export function ServiceAdvisoryPanel({ entryId, ownerId }: { entryId: string; ownerId: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const mayRequest = useMayRequestAdvice();
  const [open, setOpen] = useState(false);
  if (user?.memberships.some((membership) => membership.organisationId === ownerId)) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby="service-advisory-title" data-testid="service-advisory">
      <div className="panel__head">
        <h2 id="service-advisory-title">{t('serviceAdvisory.title')}</h2>
      </div>
      <p className="muted">{t('serviceAdvisory.intro')}</p>
      <AdvisoryAccess testId="service-advisory" />
      {mayRequest && !open && (
        <p>
          <button type="button" className="button" onClick={() => setOpen(true)} data-testid="service-advisory-open">
            {t('serviceAdvisory.open')}
          </button>
        </p>
      )}
      {open && <AdvisoryRequestForm subjectId={entryId} services={advisoryTypes} idPrefix="service-advisory" onCancel={() => setOpen(false)} />}
    </section>
  );
}
