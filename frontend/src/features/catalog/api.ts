import { apiGet, apiPost, type Page } from '../../api/client';
import type { Resource, ReviewEntry, SearchResponse } from './types';

export const SEARCH_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 20;

/** The search filters that may repeat (`kind=A&kind=B`). */
export const searchFilterKeys = ['kind', 'city', 'industryChain', 'serviceMode', 'needType', 'tag'] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/**
 * The query string of a search request: `q`, the repeated filters, `near` (with `radiusKm`)
 * and `sort` as they are in the page's address, plus `size` and the cursor `after` of the
 * page to load.
 */
export function searchQuery(params: URLSearchParams, after?: string | null): string {
  const query = new URLSearchParams();
  const q = params.get('q')?.trim();
  if (q) {
    query.set('q', q);
  }
  for (const key of searchFilterKeys) {
    for (const value of params.getAll(key)) {
      if (value) {
        query.append(key, value);
      }
    }
  }
  const near = params.get('near');
  if (near) {
    query.set('near', near);
    const radius = params.get('radiusKm');
    if (radius) {
      query.set('radiusKm', radius);
    }
  }
  const sort = params.get('sort');
  if (sort && (sort !== 'DISTANCE' || near)) {
    query.set('sort', sort);
  }
  query.set('size', String(SEARCH_PAGE_SIZE));
  if (after) {
    query.set('after', after);
  }
  return `?${query.toString()}`;
}

export function searchResources(params: URLSearchParams, after: string | null, signal?: AbortSignal) {
  return apiGet<SearchResponse>(`/api/v1/search${searchQuery(params, after)}`, { signal });
}

export function fetchResource(id: string, signal?: AbortSignal) {
  return apiGet<Resource>(`/api/v1/resources/${encodeURIComponent(id)}`, { signal });
}

const ADMIN = '/api/v1/admin/catalog';

export function fetchReviewQueue(page: number, signal?: AbortSignal) {
  return apiGet<Page<ReviewEntry>>(`${ADMIN}/review-queue?page=${page}&size=${REVIEW_PAGE_SIZE}`, { signal });
}

export function approveEntry(id: string) {
  return apiPost<ReviewEntry>(`${ADMIN}/entries/${encodeURIComponent(id)}/approve`, undefined);
}

export function rejectEntry(id: string, reason: string) {
  return apiPost<ReviewEntry>(`${ADMIN}/entries/${encodeURIComponent(id)}/reject`, { reason });
}
