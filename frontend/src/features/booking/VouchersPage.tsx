import { useCallback, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, splitProblem, SuccessMessage, TextAreaField, TextField, type FieldErrors } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatPlainDate } from '../../i18n/format';
import { yuanToFen } from '../catalog/entryForm';
import { formatFen } from '../catalog/labels';
import { useAuth } from '../identity/AuthProvider';
import { organisationName } from '../identity/labels';
import { fetchVouchers, issueVoucher } from './bookingApi';
import type { Voucher } from './types';

/** The share of a voucher's budget that is spent, 0…1. */
export function spentShare(voucher: Voucher): number {
  return voucher.budgetFen > 0 ? Math.min(1, Math.max(0, voucher.spentFen / voucher.budgetFen)) : 0;
}

/** `/vouchers`: the innovation vouchers of my organisations; admins may issue new ones. */
export function VouchersPage() {
  const { t, locale } = useI18n();
  usePageTitle('voucher.title');
  const { user, hasRole } = useAuth();
  const memberships = user?.memberships ?? [];
  const isAdmin = hasRole('ADMIN');
  const [issued, setIssued] = useState(0);
  // Admins may look at any organisation's vouchers by its ID.
  const [lookup, setLookup] = useState('');
  const [looked, setLooked] = useState<string[]>([]);
  const own = new Set(memberships.map((membership) => membership.organisationId));

  return (
    <section className="page vouchers" aria-labelledby="vouchers-title">
      <header className="page-header">
        <div>
          <h1 id="vouchers-title">{t('voucher.title')}</h1>
          <p className="page-header__intro">{t('voucher.intro')}</p>
        </div>
      </header>
      {memberships.length === 0 && <p className="empty">{t('voucher.noOrganisations')}</p>}
      {memberships.map((membership) => (
        <OrganisationVouchers
          key={`${membership.organisationId}-${issued}`}
          organisationId={membership.organisationId}
          name={organisationName(locale, membership)}
        />
      ))}
      {looked
        .filter((organisationId) => !own.has(organisationId))
        .map((organisationId) => (
          <OrganisationVouchers key={`${organisationId}-${issued}`} organisationId={organisationId} name={organisationId} />
        ))}
      {isAdmin && (
        <form
          className="filters"
          aria-label={t('voucher.lookup')}
          onSubmit={(event) => {
            event.preventDefault();
            const organisationId = lookup.trim();
            if (organisationId && !looked.includes(organisationId)) {
              setLooked([...looked, organisationId]);
            }
            setLookup('');
          }}
        >
          <div className="field">
            <label htmlFor="voucher-lookup" className="field__label">
              {t('voucher.organisationId')}
            </label>
            <input
              id="voucher-lookup"
              className="field__control"
              value={lookup}
              onChange={(event) => setLookup(event.target.value)}
              data-testid="voucher-lookup"
            />
          </div>
          <button type="submit" className="button button--secondary" data-testid="voucher-lookup-submit">
            {t('voucher.lookup')}
          </button>
        </form>
      )}
      {isAdmin && <IssueVoucherForm onIssued={() => setIssued((count) => count + 1)} />}
    </section>
  );
}

function OrganisationVouchers({ organisationId, name }: { organisationId: string; name: string }) {
  const { t, locale } = useI18n();
  const load = useCallback((signal: AbortSignal) => fetchVouchers(organisationId, signal), [organisationId]);
  const vouchers = useResource(load);
  const headingId = `vouchers-${organisationId}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={`vouchers-${organisationId}`}>
      <div className="panel__head">
        <h2 id={headingId}>{name}</h2>
      </div>
      {vouchers.problem && <ProblemAlert problem={vouchers.problem} />}
      {vouchers.loading && !vouchers.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {vouchers.data && vouchers.data.length === 0 && <p className="empty">{t('voucher.none')}</p>}
      {vouchers.data && vouchers.data.length > 0 && (
        <ul className="item-list">
          {vouchers.data.map((voucher) => {
            const share = spentShare(voucher);
            return (
              <li key={voucher.id} className="item voucher" data-testid={`voucher-${voucher.id}`}>
                <p className="item__title">{voucher.note || t('voucher.untitled')}</p>
                <dl className="facts facts--compact">
                  <div>
                    <dt>{t('voucher.budget')}</dt>
                    <dd>{formatFen(locale, voucher.budgetFen)}</dd>
                  </div>
                  <div>
                    <dt>{t('voucher.spent')}</dt>
                    <dd>{formatFen(locale, voucher.spentFen)}</dd>
                  </div>
                  <div>
                    <dt>{t('voucher.remaining')}</dt>
                    <dd data-testid={`voucher-remaining-${voucher.id}`}>{formatFen(locale, voucher.remainingFen)}</dd>
                  </div>
                  <div>
                    <dt>{t('voucher.validUntil')}</dt>
                    <dd>{formatPlainDate(locale, voucher.validUntil)}</dd>
                  </div>
                </dl>
                <div
                  className="meter"
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(share * 100)}
                  aria-label={t('voucher.spentShare', { percent: Math.round(share * 100) })}
                  data-testid={`voucher-meter-${voucher.id}`}
                >
                  <div className="meter__fill" style={{ width: `${share * 100}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function IssueVoucherForm({ onIssued }: { onIssued: () => void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({ organisationId: '', budget: '', validUntil: '', note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const budgetFen = yuanToFen(form.budget);
    if (!form.organisationId.trim()) found.organisationId = t('form.required');
    if (budgetFen === null || budgetFen <= 0) found.budgetFen = t('voucher.budgetInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.validUntil)) found.validUntil = t('form.required');
    setErrors(found);
    setProblem(null);
    setNotice(null);
    if (Object.keys(found).length > 0 || budgetFen === null) {
      return;
    }
    setBusy(true);
    try {
      const voucher = await issueVoucher({
        organisationId: form.organisationId.trim(),
        budgetFen,
        validUntil: form.validUntil,
        note: form.note.trim() || null,
      });
      setNotice(t('voucher.issued', { amount: formatFen(locale, voucher.budgetFen) }));
      setForm({ organisationId: '', budget: '', validUntil: '', note: '' });
      onIssued();
    } catch (error) {
      const split = splitProblem(problemOf(error), ['organisationId', 'budgetFen', 'validUntil', 'note']);
      setErrors(split.fieldErrors);
      setProblem(split.rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="issue-voucher-title" data-testid="issue-voucher">
      <div className="panel__head">
        <h2 id="issue-voucher-title">{t('voucher.issue')}</h2>
      </div>
      {notice && <SuccessMessage testId="voucher-issued">{notice}</SuccessMessage>}
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert problem={problem} />
        <div className="form__row">
          <TextField id="voucher-organisation" field="organisationId" label={t('voucher.organisationId')} value={form.organisationId} error={errors.organisationId} onChange={(event) => setForm({ ...form, organisationId: event.target.value })} testId="voucher-organisation" />
          <TextField id="voucher-budget" field="budgetFen" label={t('voucher.budgetYuan')} inputMode="decimal" value={form.budget} error={errors.budgetFen} onChange={(event) => setForm({ ...form, budget: event.target.value })} testId="voucher-budget" />
          <TextField id="voucher-valid-until" field="validUntil" type="date" label={t('voucher.validUntil')} value={form.validUntil} error={errors.validUntil} onChange={(event) => setForm({ ...form, validUntil: event.target.value })} testId="voucher-valid-until" />
        </div>
        <TextAreaField id="voucher-note" field="note" label={t('voucher.note')} optionalLabel={t('form.optional')} value={form.note} error={errors.note} onChange={(event) => setForm({ ...form, note: event.target.value })} testId="voucher-note" />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy} data-testid="voucher-submit">
            {t('voucher.issue')}
          </button>
        </div>
      </form>
    </section>
  );
}
