import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useResource, type Resource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatShanghaiDateTime } from '../../i18n/format';
import { formatFen, kindLabel } from '../catalog/labels';
import { EngagementActions } from './EngagementActions';
import { EngagementThread } from './EngagementThread';
import { fetchEngagement, fetchEngagementEvents } from './engagementApi';
import {
  advisoryTypeLabel,
  dealTypeLabel,
  engagementBadgeClass,
  engagementKindLabel,
  engagementStatusLabel,
  meetingModeLabel,
  partyName,
  sideLabel,
  subjectTitle,
} from './labels';
import type { Contact, Contacts, Engagement, EngagementEvent } from './types';

/**
 * `/engagements/:id`: one engagement — subject, parties, where it stands, what the caller may
 * do now, both sides' contact details once they were introduced, its history and its thread.
 */
export function EngagementPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchEngagement(id, signal), [id]);
  const engagement = useResource(load);
  const loadEvents = useCallback((signal: AbortSignal) => fetchEngagementEvents(id, signal), [id]);
  const events = useResource(loadEvents);
  const data = engagement.data;
  usePageTitle(data ? 'engagement.detail.pageTitle' : 'engagement.detail.title', { title: data ? subjectTitle(locale, data.subject) : '' });

  const changed = (updated: Engagement) => {
    engagement.update(() => updated);
    events.reload();
  };
  const conflict = () => {
    engagement.reload();
    events.reload();
  };

  if (engagement.loading && !data) {
    return (
      <p role="status" className="muted">
        {t('list.loading')}
      </p>
    );
  }
  if (!data) {
    const notFound = engagement.problem?.status === 404;
    return (
      <section className="page page--narrow" aria-labelledby="engagement-error" data-testid={notFound ? 'engagement-not-found' : 'engagement-error'}>
        <h1 id="engagement-error">{t(notFound ? 'engagement.detail.notFound' : 'engagement.detail.title')}</h1>
        {engagement.problem && <ProblemAlert problem={engagement.problem} />}
        <p>
          <Link to="/engagements">{t('engagement.detail.back')}</Link>
        </p>
      </section>
    );
  }

  const steps = data.actions.filter((action) => action !== 'SEND_MESSAGE');
  const you = (side: 'FIRM' | 'COUNTERPART') => (data.side === side ? t('engagement.detail.you') : '');
  return (
    <article className="page engagement" aria-labelledby="engagement-title" data-testid="engagement-page">
      <header className="page-header">
        <div>
          <p>
            <span className={engagementBadgeClass(data.status)} data-testid="engagement-status" data-status={data.status}>
              {engagementStatusLabel(t, data.status)}
            </span>{' '}
            <span className="badge badge--neutral" data-testid="engagement-kind">
              {engagementKindLabel(t, data.kind)}
              {data.service && ` · ${advisoryTypeLabel(t, data.service)}`}
            </span>
          </p>
          <h1 id="engagement-title" data-testid="engagement-subject">
            {data.subject.type === 'ENTRY' ? (
              <Link to={`/resources/${encodeURIComponent(data.subject.id)}`}>{subjectTitle(locale, data.subject)}</Link>
            ) : (
              subjectTitle(locale, data.subject)
            )}
          </h1>
          <p className="page-header__intro">
            {data.subject.type === 'EXPERT' ? t('engagement.detail.expertSubject') : data.subject.kind ? kindLabel(t, data.subject.kind) : ''}
          </p>
        </div>
      </header>
      {engagement.problem && <ProblemAlert problem={engagement.problem} />}

      <section className="panel" aria-labelledby="engagement-parties-title">
        <div className="panel__head">
          <h2 id="engagement-parties-title">{t('engagement.detail.parties')}</h2>
        </div>
        <dl className="facts">
          <div data-testid="engagement-firm">
            <dt>{t('engagement.detail.firm')}</dt>
            <dd>
              <Link to={`/organisations/${encodeURIComponent(data.firm.id)}`}>{partyName(locale, data.firm)}</Link>
              {you('FIRM')}
            </dd>
          </div>
          <div data-testid="engagement-counterpart">
            <dt>{t('engagement.detail.counterpart')}</dt>
            <dd>
              {data.counterpart.type === 'ORGANISATION' ? (
                <Link to={`/organisations/${encodeURIComponent(data.counterpart.id)}`}>{partyName(locale, data.counterpart)}</Link>
              ) : (
                partyName(locale, data.counterpart)
              )}
              {you('COUNTERPART')}
            </dd>
          </div>
          <div>
            <dt>{t('engagement.detail.initiated')}</dt>
            <dd data-testid="engagement-initiated">
              {t('engagement.detail.initiatedValue', {
                side: sideLabel(t, data.initiator),
                name: data.initiatedBy?.displayName ?? '—',
                date: formatShanghaiDateTime(locale, data.createdAt),
              })}
            </dd>
          </div>
          {data.reason && (
            <div>
              <dt>{t('engagement.detail.reason')}</dt>
              <dd data-testid="engagement-reason">{data.reason}</dd>
            </div>
          )}
          {data.meeting && (
            <div>
              <dt>{t('engagement.detail.meeting')}</dt>
              <dd data-testid="engagement-meeting">
                {formatShanghaiDateTime(locale, data.meeting.startsAt)} · {meetingModeLabel(t, data.meeting.mode)}
                {data.meeting.place && ` · ${data.meeting.place}`}
                {data.meeting.note && ` — ${data.meeting.note}`}
              </dd>
            </div>
          )}
          {data.deal && (
            <div>
              <dt>{t('engagement.detail.deal')}</dt>
              <dd data-testid="engagement-deal">
                {dealTypeLabel(t, data.deal.type)} · {formatFen(locale, data.deal.amountFen)}
                {data.deal.note && ` — ${data.deal.note}`}
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="panel" aria-labelledby="engagement-actions-title">
        <div className="panel__head">
          <h2 id="engagement-actions-title">{t('engagement.detail.actions')}</h2>
        </div>
        <EngagementActions engagement={data} onChanged={changed} onConflict={conflict} />
        {steps.length === 0 && (
          <p className="muted" data-testid="engagement-no-actions">
            {t(data.side === null ? 'engagement.detail.adminView' : 'engagement.detail.noActions')}
          </p>
        )}
      </section>

      <ContactsPanel engagement={data} />
      <HistoryPanel events={events} />
      <EngagementThread engagementId={data.id} canWrite={data.actions.includes('SEND_MESSAGE')} readOnlyAdmin={data.side === null} />

      <p>
        <Link to="/engagements">{t('engagement.detail.back')}</Link>
      </p>
    </article>
  );
}

const PARTIES = ['firm', 'counterpart', 'subject'] as const;
const CONTACT_FIELDS = ['name', 'phone', 'email', 'address'] as const;

/** Contact details: hidden until the introduction (acceptance), then both sides' (and the entry's contact person). */
function ContactsPanel({ engagement }: { engagement: Engagement }) {
  const { t } = useI18n();
  const contacts: Contacts | null = engagement.contacts;
  return (
    <section className="panel" aria-labelledby="engagement-contacts-title">
      <div className="panel__head">
        <h2 id="engagement-contacts-title">{t('engagement.contacts.title')}</h2>
      </div>
      {!engagement.contactsRevealed || !contacts ? (
        <p className="notice" data-testid="engagement-contacts-hidden">
          {t('engagement.contacts.hidden')}
        </p>
      ) : (
        <div className="engagement-contacts" data-testid="engagement-contacts-shown">
          {PARTIES.filter((party) => contacts[party]).map((party) => (
            <ContactCard key={party} party={party} contact={contacts[party]!} />
          ))}
          {PARTIES.every((party) => !contacts[party]) && <p className="muted">{t('engagement.contacts.none')}</p>}
        </div>
      )}
    </section>
  );
}

function ContactCard({ party, contact }: { party: (typeof PARTIES)[number]; contact: Contact }) {
  const { t } = useI18n();
  return (
    <div data-testid={`engagement-contact-${party}`}>
      <h3>{t(`engagement.contacts.${party}`)}</h3>
      <dl className="facts facts--compact">
        {CONTACT_FIELDS.filter((field) => contact[field]?.trim()).map((field) => (
          <div key={field}>
            <dt>{t(`engagement.contacts.${field}`)}</dt>
            <dd data-testid={`engagement-contact-${party}-${field}`}>
              {field === 'email' ? (
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              ) : field === 'phone' ? (
                <a href={`tel:${contact.phone?.replace(/\s/g, '')}`}>{contact.phone}</a>
              ) : (
                contact[field]
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The history (全程留痕): every step, who took it, from which state to which, with its note. */
function HistoryPanel({ events }: { events: Resource<EngagementEvent[]> }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="engagement-history-title">
      <div className="panel__head">
        <h2 id="engagement-history-title">{t('engagement.history.title')}</h2>
      </div>
      {events.problem && <ProblemAlert problem={events.problem} />}
      {events.loading && !events.data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}
      {events.data && (
        <ol className="item-list" data-testid="engagement-history">
          {events.data.map((event) => (
            <li key={event.id} className="item" data-testid={`engagement-event-${event.id}`}>
              <p className="item__head">
                <span data-testid="engagement-event-step">
                  {event.from
                    ? t('engagement.history.step', { from: engagementStatusLabel(t, event.from), to: engagementStatusLabel(t, event.to) })
                    : engagementStatusLabel(t, event.to)}
                </span>
              </p>
              <p className="item__meta">
                {formatShanghaiDateTime(locale, event.at)} · {event.actor?.displayName ?? '—'}
                {event.side && ` · ${sideLabel(t, event.side)}`}
              </p>
              {event.details?.meeting && (
                <p>
                  {t('engagement.history.meeting', {
                    time: formatShanghaiDateTime(locale, event.details.meeting.startsAt),
                    mode: meetingModeLabel(t, event.details.meeting.mode),
                  })}
                  {event.details.meeting.place && ` · ${event.details.meeting.place}`}
                </p>
              )}
              {event.details?.deal && (
                <p>
                  {t('engagement.history.deal', {
                    type: dealTypeLabel(t, event.details.deal.type),
                    amount: formatFen(locale, event.details.deal.amountFen),
                  })}
                </p>
              )}
              {event.note && <p className="engagement-history__note">{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
