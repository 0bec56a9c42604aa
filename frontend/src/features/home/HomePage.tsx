import { Link } from 'react-router';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';

type ResourceKind = 'instruments' | 'literature' | 'services' | 'transfer' | 'financing' | 'needs';
type Capability = 'search' | 'booking' | 'matching';
type Audience = 'researchers' | 'firms' | 'investors' | 'publishers';

const resourceKinds: ResourceKind[] = ['instruments', 'literature', 'services', 'transfer', 'financing', 'needs'];
const capabilities: Capability[] = ['search', 'booking', 'matching'];
const audiences: Audience[] = ['researchers', 'firms', 'investors', 'publishers'];

/** Simple line icons, one per resource kind (decorative). */
const resourceIcons: Record<ResourceKind, string> = {
  instruments: 'M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.7 3h10.6A2 2 0 0 0 19 18l-5-9V3M7.5 14h9',
  literature: 'M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2V5Zm0 16a2 2 0 0 1 2-2h13v2M8 7h7',
  services: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.5-2.5 2.5-2.5Z',
  transfer: 'M4 8h13l-4-4M20 16H7l4 4',
  financing: 'M3 10h18L12 4 3 10Zm2 0v8m4.7-8v8m4.6-8v8M19 10v8M3 20h18',
  needs: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3Z',
};

export function HomePage() {
  const { t } = useI18n();
  usePageTitle();

  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <p className="hero__eyebrow">{t('app.tagline')}</p>
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="hero__intro">{t('home.intro')}</p>
      </section>

      <section aria-labelledby="home-resources" className="home__section">
        <h2 id="home-resources">{t('home.resourcesTitle')}</h2>
        <ul className="card-grid" data-testid="resource-kinds">
          {resourceKinds.map((kind) => (
            <li key={kind} className="card" data-testid={`resource-kind-${kind}`}>
              <svg
                className="card__icon"
                aria-hidden="true"
                viewBox="0 0 24 24"
                width="28"
                height="28"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.7"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={resourceIcons[kind]} />
              </svg>
              <h3>{t(`home.resource.${kind}.title`)}</h3>
              <p>{t(`home.resource.${kind}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-how" className="home__section">
        <h2 id="home-how">{t('home.howTitle')}</h2>
        <ol className="steps">
          {capabilities.map((capability) => (
            <li key={capability} className="steps__item">
              <h3>{t(`home.how.${capability}.title`)}</h3>
              <p>{t(`home.how.${capability}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="home-audience" className="home__section">
        <h2 id="home-audience">{t('home.audienceTitle')}</h2>
        <ul className="audience">
          {audiences.map((audience) => (
            <li key={audience}>{t(`home.audience.${audience}`)}</li>
          ))}
        </ul>
      </section>

      <aside className="home__status-hint">
        <p>
          {t('home.statusHint')} <Link to="/status">{t('home.statusLink')}</Link>
        </p>
      </aside>
    </div>
  );
}
