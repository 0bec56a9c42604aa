import { useI18n } from '../i18n/I18nProvider';

/** Previous/next for a 0-based paged list, with "page x of y, n in all". */
export function Pagination({
  page,
  size,
  total,
  onPage,
  label,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, size)));
  return (
    <nav className="pagination" aria-label={label} data-testid="pagination">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page <= 0}
        onClick={() => onPage(page - 1)}
        data-testid="pagination-prev"
      >
        {t('pagination.previous')}
      </button>
      <span className="pagination__info" aria-live="polite" data-testid="pagination-info">
        {t('pagination.info', { page: Math.min(page + 1, pages), pages, total })}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="pagination-next"
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}

/** A non-negative page number from a search parameter. */
export function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 0;
}
