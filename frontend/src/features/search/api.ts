import { apiGet, queryString } from '../../api/client';
import type { Suggestion } from '../catalog/types';

export const SUGGESTION_COUNT = 8;

export function fetchSuggestions(q: string, signal?: AbortSignal) {
  return apiGet<{ suggestions: Suggestion[] }>(`/api/v1/suggest${queryString({ q, size: SUGGESTION_COUNT })}`, { signal });
}
