import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { pageParam } from '../../components/Pagination';

/**
 * A list's filters and page, kept in the address (`?query=…&page=2`) so that a reload or
 * the back button shows the same page. Setting a filter goes back to the first page.
 */
export function useListParams<K extends string>(keys: readonly K[], defaults: Partial<Record<K, string>> = {}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageParam(searchParams.get('page'));
  const values = Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? defaults[key] ?? ''])) as Record<
    K,
    string
  >;

  const setFilters = useCallback(
    (filters: Partial<Record<K, string>>) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(filters) as [K, string][]) {
          if (value) {
            next.set(key, value);
          } else {
            next.delete(key);
          }
        }
        next.delete('page');
        return next;
      }),
    [setSearchParams],
  );

  const setPage = useCallback(
    (nextPage: number) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        if (nextPage > 0) {
          next.set('page', String(nextPage));
        } else {
          next.delete('page');
        }
        return next;
      }),
    [setSearchParams],
  );

  return { page, values, setFilters, setPage };
}
