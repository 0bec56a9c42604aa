import { useCallback, useState, type FormEvent } from 'react';
import { useResource } from '../../api/useResource';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { useListParams } from '../admin/useListParams';
import { searchCities } from '../catalog/types';
import { cityLabel, enumLabel } from '../identity/labels';
import { AdvisoryAccess, useMayRequestAdvice } from './AdvisoryAccess';
import { AdvisoryRequestForm } from './AdvisoryRequestForm';
import { EXPERT_PAGE_SIZE, fetchExperts } from './engagementApi';
import { advisoryTypeLabel, bilingual } from './labels';
import { advisoryTypes, type Expert } from './types';

const KEYS = ['q', 'field', 'city', 'service'] as const;

/** `/experts`: the expert directory (public), with an advisory request for members of a firm. */
export function ExpertsPage() {
  const { t } = useI18n();
  usePageTitle('experts.title');
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const [q, setQ] = useState(values.q);
  const [field, setField] = useState(values.field);
  const load = useCallback(
    (signal: AbortSignal) => fetchExperts({ q: values.q, field: values.field, city: values.city, service: values.service, page }, signal),
    [values.q, values.field, values.city, values.service, page],
  );
  const experts = useResource(load);
  const data = experts.data;

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: q.trim(), field: field.trim() });
  };

  return (
    <section className="page experts" aria-labelledby="experts-title" aria-busy={experts.loading}>
      <header className="page-header">
        <div>
          <h1 id="experts-title">{t('experts.title')}</h1>
          <p className="page-header__intro">{t('experts.intro')}</p>
        </div>
      </header>

      <form className="filters" role="search" onSubmit={search} aria-label={t('experts.searchLabel')}>
        <div className="field">
          <label htmlFor="experts-q" className="field__label">
            {t('experts.q')}
          </label>
          <input
            id="experts-q"
            type="search"
            className="field__control"
            value={q}
            maxLength={100}
            onChange={(event) => setQ(event.target.value)}
            data-testid="experts-q"
          />
        </div>
        <div className="field">
          <label htmlFor="experts-field" className="field__label">
            {t('experts.field')}
          </label>
          <input
            id="experts-field"
            type="search"
            className="field__control"
            value={field}
            maxLength={40}
            onChange={(event) => setField(event.target.value)}
            data-testid="experts-field"
          />
        </div>
        <div className="field">
          <label htmlFor="experts-city" className="field__label">
            {t('experts.city')}
          </label>
          <select
            id="experts-city"
            className="field__control"
            value={values.city}
            onChange={(event) => setFilters({ city: event.target.value })}
            data-testid="experts-city"
          >
            <option value="">{t('experts.allCities')}</option>
            {searchCities.map((city) => (
              <option key={city} value={city}>
                {cityLabel(t, city)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="experts-service" className="field__label">
            {t('experts.service')}
          </label>
          <select
            id="experts-service"
            className="field__control"
            value={values.service}
            onChange={(event) => setFilters({ service: event.target.value })}
            data-testid="experts-service"
          >
            <option value="">{t('experts.allServices')}</option>
            {advisoryTypes.map((type) => (
              <option key={type} value={type}>
                {advisoryTypeLabel(t, type)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" data-testid="experts-search">
          {t('form.search')}
        </button>
      </form>

      <AdvisoryAccess testId="experts-advisory" />
      {experts.problem && <ProblemAlert problem={experts.problem} />}
      {experts.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {data && data.items.length === 0 && (
        <p className="empty" data-testid="experts-empty">
          {t('experts.empty')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="item-list" data-testid="experts-list">
          {data.items.map((expert) => (
            <li key={expert.id} className="item" data-testid={`expert-${expert.id}`}>
              <ExpertCard expert={expert} />
            </li>
          ))}
        </ul>
      )}
      {data && (
        <Pagination page={data.page} size={data.size || EXPERT_PAGE_SIZE} total={data.total} onPage={setPage} label={t('pagination.label')} />
      )}
    </section>
  );
}

/** One expert: who, where, what they offer; "request advice" for members of a firm. */
export function ExpertCard({ expert }: { expert: Expert }) {
  const { t, locale } = useI18n();
  const mayRequest = useMayRequestAdvice();
  const [open, setOpen] = useState(false);
  const name = bilingual(locale, expert.nameZh, expert.nameEn);
  const title = bilingual(locale, expert.titleZh, expert.titleEn);
  const organisation = expert.organisation ? bilingual(locale, expert.organisation.nameZh, expert.organisation.nameEn) : '';
  const bio = bilingual(locale, expert.bioZh, expert.bioEn);
  return (
    <article aria-labelledby={`expert-name-${expert.id}`}>
      <div className="item__head">
        <h2 className="item__title" id={`expert-name-${expert.id}`} data-testid={`expert-name-${expert.id}`}>
          {name}
        </h2>
        {expert.demo && <span className="badge badge--neutral">{t('experts.demo')}</span>}
        {expert.active === false && <span className="badge badge--text badge--down">{t('experts.inactive')}</span>}
      </div>
      <p className="item__meta">
        {[title, organisation, cityLabel(t, expert.city)].filter(Boolean).join(' · ')}
      </p>
      <p className="item__meta" data-testid={`expert-services-${expert.id}`}>
        {t('experts.offers', { services: expert.services.map((service) => advisoryTypeLabel(t, service)).join('、') })}
      </p>
      {(expert.fields.length > 0 || expert.industryChains.length > 0) && (
        <p className="item__meta" data-testid={`expert-fields-${expert.id}`}>
          {t('experts.expertise', {
            fields: [...expert.fields, ...expert.industryChains.map((chain) => enumLabel(t, 'industryChain', chain))].join('、'),
          })}
        </p>
      )}
      {bio && <p className="expert__bio">{bio}</p>}
      {mayRequest && expert.takesRequests && !open && (
        <p>
          <button type="button" className="button button--small" onClick={() => setOpen(true)} data-testid={`expert-request-${expert.id}`}>
            {t('experts.request')}
          </button>
        </p>
      )}
      {mayRequest && !expert.takesRequests && (
        <p className="muted" data-testid={`expert-no-requests-${expert.id}`}>
          {t('experts.notTakingRequests')}
        </p>
      )}
      {open && (
        <AdvisoryRequestForm
          subjectId={expert.id}
          services={expert.services}
          idPrefix={`expert-${expert.id}-advisory`}
          onCancel={() => setOpen(false)}
        />
      )}
    </article>
  );
}
