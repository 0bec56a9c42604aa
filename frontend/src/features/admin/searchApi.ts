import { apiGet, apiPost } from '../../api/client';

/** A rebuild of the search index (the latest, on any replica). */
export interface ReindexProgress {
  id: string;
  state: 'RUNNING' | 'DONE' | 'FAILED' | string;
  reason: 'ADMIN' | 'COMMAND' | 'MAPPING_CHANGED' | string;
  index?: string | null;
  total: number;
  done: number;
  startedAt: string;
  finishedAt?: string | null;
  error?: string | null;
}

/** `GET /api/v1/admin/search/status`. */
export interface SearchStatus {
  outbox: { pending: number; oldestAgeSeconds: number };
  clusterHealth: string;
  documents: number;
  reindex?: ReindexProgress | null;
}

export function fetchSearchStatus(signal?: AbortSignal) {
  return apiGet<SearchStatus>('/api/v1/admin/search/status', { signal });
}

export function startReindex() {
  return apiPost<ReindexProgress>('/api/v1/admin/search/reindex', undefined);
}
