import { Link, useLocation } from 'react-router';
import { useI18n, usePageTitle } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  usePageTitle('notFound.title');
  return (
    <section className="page page--narrow not-found" aria-labelledby="not-found-title" data-testid="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname })}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.back')}
        </Link>
      </p>
    </section>
  );
}
