import { apiDelete, apiGet, apiPost, apiPut, queryString, type Page, type ProblemDetail } from '../../api/client';
import type {
  Engagement,
  EngagementEvent,
  EngagementMessage,
  EngagementStatus,
  EngagementStep,
  Expert,
  ExpertSave,
  NewEngagement,
} from './types';

/** The engagement and expert API, one function per endpoint. */

export const ENGAGEMENT_PAGE_SIZE = 20;
export const EXPERT_PAGE_SIZE = 12;
/** The most messages the thread endpoint answers at once. */
export const THREAD_PAGE_SIZE = 200;

const enc = encodeURIComponent;
const engagement = (id: string) => `/api/v1/engagements/${enc(id)}`;

export interface EngagementFilters {
  /** Repeated as `status=…&status=…`. */
  statuses?: readonly EngagementStatus[];
  kind?: string;
  side?: string;
  page?: number;
}

export function engagementsQuery({ statuses = [], kind, side, page }: EngagementFilters): string {
  const params = new URLSearchParams(queryString({ kind, side, page, size: ENGAGEMENT_PAGE_SIZE }).slice(1));
  for (const status of statuses) {
    params.append('status', status);
  }
  return `?${params.toString()}`;
}

export function fetchEngagements(filters: EngagementFilters, signal?: AbortSignal) {
  return apiGet<Page<Engagement>>(`/api/v1/engagements${engagementsQuery(filters)}`, { signal });
}

export function fetchEngagement(id: string, signal?: AbortSignal) {
  return apiGet<Engagement>(engagement(id), { signal });
}

export function fetchEngagementEvents(id: string, signal?: AbortSignal) {
  return apiGet<EngagementEvent[]>(`${engagement(id)}/events`, { signal });
}

export function createEngagement(body: NewEngagement) {
  return apiPost<Engagement>('/api/v1/engagements', body);
}

/** The path segment of each step. */
const STEP_PATHS: Record<EngagementStep, string> = {
  ACCEPT: 'accept',
  DECLINE: 'decline',
  WITHDRAW: 'withdraw',
  PROPOSE_MEETING: 'propose-meeting',
  MEETING_HELD: 'meeting-held',
  NEGOTIATE: 'negotiate',
  CLOSE: 'close',
  DROP: 'drop',
};

/** The body of a step: always the version read, then what the step needs. */
export type StepBody = { version: number } & Record<string, string | number | null>;

export function takeStep(id: string, step: EngagementStep, body: StepBody) {
  return apiPost<Engagement>(`${engagement(id)}/${STEP_PATHS[step]}`, body);
}

/**
 * The latest messages of the thread, oldest first: the first page, or the last one when the
 * thread is longer than a page.
 */
export async function fetchThread(id: string, signal?: AbortSignal): Promise<Page<EngagementMessage>> {
  const path = `${engagement(id)}/messages`;
  const first = await apiGet<Page<EngagementMessage>>(`${path}${queryString({ page: 0, size: THREAD_PAGE_SIZE })}`, { signal });
  if (first.total <= first.items.length) {
    return first;
  }
  const last = Math.floor((first.total - 1) / THREAD_PAGE_SIZE);
  return apiGet<Page<EngagementMessage>>(`${path}${queryString({ page: last, size: THREAD_PAGE_SIZE })}`, { signal });
}

export function postMessage(id: string, text: string) {
  return apiPost<EngagementMessage>(`${engagement(id)}/messages`, { text });
}

export interface ExpertFilters {
  q?: string;
  field?: string;
  city?: string;
  service?: string;
  includeInactive?: boolean;
  page?: number;
  size?: number;
}

export function fetchExperts({ includeInactive, size = EXPERT_PAGE_SIZE, ...filters }: ExpertFilters, signal?: AbortSignal) {
  return apiGet<Page<Expert>>(
    `/api/v1/experts${queryString({ ...filters, includeInactive: includeInactive ? 'true' : undefined, size })}`,
    { signal },
  );
}

export function createExpert(body: ExpertSave) {
  return apiPost<Expert>('/api/v1/experts', body);
}

export function updateExpert(id: string, body: ExpertSave) {
  return apiPut<Expert>(`/api/v1/experts/${enc(id)}`, body);
}

export function deleteExpert(id: string) {
  return apiDelete(`/api/v1/experts/${enc(id)}`);
}

/** The engagement a 409 says is already under way between the same parties, if it says so. */
export function existingEngagementId(problem: ProblemDetail): string | null {
  const id = problem.extensions?.engagementId;
  return problem.status === 409 && typeof id === 'string' && id ? id : null;
}

/** `12.5` yuan → 1250 fen, exactly (no floating point); null when it is not an amount. */
export function yuanToFen(value: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value.trim().replace(/,/g, ''));
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
