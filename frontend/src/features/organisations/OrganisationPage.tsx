import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { SuccessMessage } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { useAuth } from '../identity/AuthProvider';
import { cityLabel, membershipRoleLabel, organisationName, organisationTypeLabel } from '../identity/labels';
import { fetchOrganisation, updateOrganisation } from './api';
import { MembersPanel } from './MembersPanel';
import { OrganisationForm } from './OrganisationForm';
import type { Organisation } from './types';
import { VerificationBadge } from './VerificationBadge';

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; key: string; organisation: Organisation }
  | { state: 'failed'; key: string; problem: ProblemDetail };

/** Only http(s) links are shown as links. */
function safeWebsite(website: string | null): string | undefined {
  return website && /^https?:\/\//i.test(website) ? website : undefined;
}

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { user, hasRole, reloadUser } = useAuth();
  const location = useLocation();
  // What was loaded, and for which organisation and viewer (the contact is visible only to members).
  const loadKey = `${id}|${user?.id ?? ''}`;
  const [loaded, setLoad] = useState<Load>({ state: 'loading' });
  const load: Load = loaded.state !== 'loading' && loaded.key === loadKey ? loaded : { state: 'loading' };
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  const organisation = load.state === 'loaded' ? load.organisation : undefined;
  usePageTitle(organisation ? 'organisation.pageTitle' : 'organisation.title', {
    name: organisation ? organisationName(locale, organisation) : '',
  });

  useEffect(() => {
    const controller = new AbortController();
    fetchOrganisation(id, controller.signal).then(
      (organisation) => setLoad({ state: 'loaded', key: loadKey, organisation }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoad({ state: 'failed', key: loadKey, problem: problemOf(error) });
        }
      },
    );
    return () => controller.abort();
  }, [id, loadKey]);

  const membership = user?.memberships.find((candidate) => candidate.organisationId === id);
  const isAdmin = hasRole('ADMIN');
  const canManage = isAdmin || membership?.role === 'MANAGER';
  const canSeeMembers = isAdmin || membership !== undefined;

  if (load.state === 'loading') {
    return (
      <p role="status" className="muted" data-testid="organisation-loading">
        {t('organisation.loading')}
      </p>
    );
  }
  if (load.state === 'failed') {
    return (
      <section className="page page--narrow" aria-labelledby="organisation-title">
        <h1 id="organisation-title">{t(load.problem.status === 404 ? 'organisation.notFound' : 'organisation.title')}</h1>
        {load.problem.status === 404 ? (
          <p data-testid="organisation-not-found">{t('organisation.notFoundBody')}</p>
        ) : (
          <ProblemAlert problem={load.problem} />
        )}
        <p>
          <Link to="/organisations/mine">{t('organisation.backToMine')}</Link>
        </p>
      </section>
    );
  }

  const org = load.organisation;
  const otherName = locale === 'en' ? org.nameZh : org.nameEn;
  const website = safeWebsite(org.website);

  return (
    <section className="page organisation" aria-labelledby="organisation-title" data-testid="organisation-page">
      <header className="page-header">
        <div>
          <h1 id="organisation-title" ref={headingRef} tabIndex={-1} data-testid="organisation-name">
            {organisationName(locale, org)}
          </h1>
          {otherName && otherName !== organisationName(locale, org) && (
            <p className="page-header__intro" lang={locale === 'en' ? 'zh-CN' : 'en'}>
              {otherName}
            </p>
          )}
        </div>
        <VerificationBadge status={org.verificationStatus} testId="organisation-status" />
      </header>

      {created && <SuccessMessage testId="organisation-created">{t('organisation.createdNotice')}</SuccessMessage>}
      {saved && <SuccessMessage testId="organisation-saved">{t('organisation.saved')}</SuccessMessage>}
      {org.verificationStatus === 'REJECTED' && org.rejectionReason && (
        <div className="notice notice--error" data-testid="organisation-rejection">
          <p className="notice__title">{t('organisation.rejectedBecause')}</p>
          <p>{org.rejectionReason}</p>
        </div>
      )}
      {org.verificationStatus === 'UNVERIFIED' && canSeeMembers && (
        <p className="notice" data-testid="organisation-unverified-note">
          {t('organisation.unverifiedNote')}
        </p>
      )}

      {editing ? (
        <section className="panel" aria-labelledby="organisation-edit-title">
          <h2 id="organisation-edit-title">{t('organisation.editTitle')}</h2>
          <OrganisationForm
            idPrefix="org-edit"
            organisation={org}
            submitLabel={t('form.save')}
            onCancel={() => {
              setEditing(false);
              headingRef.current?.focus();
            }}
            onSubmit={async (input) => {
              const updated = await updateOrganisation(org.id, input);
              setLoad({ state: 'loaded', key: loadKey, organisation: updated });
              setEditing(false);
              setSaved(true);
              headingRef.current?.focus();
              if (membership) {
                await reloadUser().catch(() => undefined);
              }
            }}
          />
        </section>
      ) : (
        <section className="panel" aria-labelledby="organisation-details-title">
          <div className="panel__head">
            <h2 id="organisation-details-title">{t('organisation.details')}</h2>
            {canManage && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
                data-testid="organisation-edit"
              >
                {t('organisation.edit')}
              </button>
            )}
          </div>
          <dl className="facts" data-testid="organisation-details">
            <div>
              <dt>{t('organisation.type')}</dt>
              <dd data-testid="organisation-type">{organisationTypeLabel(t, org.type)}</dd>
            </div>
            <div>
              <dt>{t(org.cities.length > 1 ? 'organisation.citiesPark' : 'organisation.city')}</dt>
              <dd data-testid="organisation-cities">{org.cities.map((city) => cityLabel(t, city)).join('、')}</dd>
            </div>
            {org.district && (
              <div>
                <dt>{t('organisation.district')}</dt>
                <dd>{org.district}</dd>
              </div>
            )}
            {org.creditCode && (
              <div>
                <dt>{t('organisation.creditCode')}</dt>
                <dd className="mono">{org.creditCode}</dd>
              </div>
            )}
            {org.website && (
              <div>
                <dt>{t('organisation.website')}</dt>
                <dd>
                  {website ? (
                    <a href={website} rel="noopener noreferrer" target="_blank">
                      {org.website}
                    </a>
                  ) : (
                    org.website
                  )}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('organisation.createdAt')}</dt>
              <dd>{formatDate(locale, org.createdAt)}</dd>
            </div>
            {membership && (
              <div>
                <dt>{t('myOrganisations.myRoleLabel')}</dt>
                <dd data-testid="organisation-my-role">{membershipRoleLabel(t, membership.role)}</dd>
              </div>
            )}
          </dl>
          {org.contact && (
            <>
              <h3>{t('organisation.contact')}</h3>
              <dl className="facts" data-testid="organisation-contact">
                {org.contact.name && (
                  <div>
                    <dt>{t('organisation.contactName')}</dt>
                    <dd>{org.contact.name}</dd>
                  </div>
                )}
                {org.contact.phone && (
                  <div>
                    <dt>{t('organisation.contactPhone')}</dt>
                    <dd>
                      <a href={`tel:${org.contact.phone.replace(/[^\d+]/g, '')}`}>{org.contact.phone}</a>
                    </dd>
                  </div>
                )}
                {org.contact.email && (
                  <div>
                    <dt>{t('organisation.contactEmail')}</dt>
                    <dd>
                      <a href={`mailto:${org.contact.email}`}>{org.contact.email}</a>
                    </dd>
                  </div>
                )}
                {org.contact.address && (
                  <div>
                    <dt>{t('organisation.contactAddress')}</dt>
                    <dd>{org.contact.address}</dd>
                  </div>
                )}
              </dl>
            </>
          )}
        </section>
      )}

      {canSeeMembers && user && (
        <MembersPanel organisationId={org.id} me={user} canManage={canManage} isMember={membership !== undefined} />
      )}
    </section>
  );
}
