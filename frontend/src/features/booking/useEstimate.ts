import { useEffect, useState } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { estimateBooking } from './bookingApi';
import type { BookingRequest, Estimate } from './types';

export const ESTIMATE_DELAY_MS = 400;

export interface EstimateState {
  estimate: Estimate | null;
  problem: ProblemDetail | null;
  loading: boolean;
}

/**
 * The live cost estimate of a booking request (`POST /api/v1/bookings/estimate`), asked for
 * `ESTIMATE_DELAY_MS` after the request last changed; null request → no estimate.
 */
export function useEstimate(request: BookingRequest | null): EstimateState {
  const key = request ? JSON.stringify(request) : null;
  const [state, setState] = useState<EstimateState & { key: string | null }>({
    key: null,
    estimate: null,
    problem: null,
    loading: false,
  });

  useEffect(() => {
    if (key === null) {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      estimateBooking(JSON.parse(key) as BookingRequest, controller.signal).then(
        (estimate) => setState({ key, estimate, problem: null, loading: false }),
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setState({ key, estimate: null, problem: problemOf(error), loading: false });
          }
        },
      );
    }, ESTIMATE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  if (key === null) {
    return { estimate: null, problem: null, loading: false };
  }
  if (state.key !== key) {
    return { estimate: null, problem: null, loading: true };
  }
  return state;
}
