import { apiDelete, apiGet, apiPost, apiPut, queryString, type Page } from '../../api/client';
import { searchQuery } from '../catalog/api';

/** A saved search as `GET /api/v1/me/saved-searches` lists it. */
export interface SavedSearch {
  id: string;
  name: string;
  /** Its query string of `GET /api/v1/search`, canonical (no `?`). */
  query: string;
  emailDigest: boolean;
  createdAt: string;
  hitCount: number;
  lastHitAt: string | null;
}

/** An entry a saved search found; `published` false once it was withdrawn (no details then). */
export interface SavedSearchHit {
  entryId: string;
  foundAt: string;
  published: boolean;
  kind: string | null;
  titleZh: string | null;
  titleEn: string | null;
  city: string | null;
  district: string | null;
}

const BASE = '/api/v1/me/saved-searches';

export const HITS_PAGE_SIZE = 5;

export function fetchSavedSearches(signal?: AbortSignal) {
  return apiGet<SavedSearch[]>(BASE, { signal });
}

export function createSavedSearch(body: { name: string; query: string; emailDigest: boolean }) {
  return apiPost<SavedSearch>(BASE, body);
}

export function updateSavedSearch(id: string, body: { name: string; emailDigest: boolean }) {
  return apiPut<SavedSearch>(`${BASE}/${encodeURIComponent(id)}`, body);
}

export function deleteSavedSearch(id: string) {
  return apiDelete(`${BASE}/${encodeURIComponent(id)}`);
}

export function fetchSavedSearchHits(id: string, page: number, signal?: AbortSignal) {
  return apiGet<Page<SavedSearchHit>>(`${BASE}/${encodeURIComponent(id)}/hits${queryString({ page, size: HITS_PAGE_SIZE })}`, {
    signal,
  });
}

/**
 * What the search page's address searches for, as the query string to save: the same
 * request the page sends, without its paging (`size`, `after`).
 */
export function savedQuery(params: URLSearchParams): string {
  const query = new URLSearchParams(searchQuery(params).slice(1));
  query.delete('size');
  query.delete('after');
  return query.toString();
}

/** The search page opened on a saved query. */
export function searchPath(query: string): string {
  return query ? `/search?${query}` : '/search';
}
