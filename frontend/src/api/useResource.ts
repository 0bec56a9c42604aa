import { useCallback, useEffect, useState } from 'react';
import { problemOf, type ProblemDetail } from './client';

interface Result<T> {
  load: (signal: AbortSignal) => Promise<T>;
  version: number;
  data?: T;
  problem?: ProblemDetail;
}

export interface Resource<T> {
  /** True until `load` (in its current identity) has answered. */
  loading: boolean;
  /** The latest data; while loading again it is the previous answer (or undefined). */
  data: T | undefined;
  /** Why the current load failed. */
  problem: ProblemDetail | undefined;
  /** Loads again. */
  reload: () => void;
  /** Changes the data in place (after an action answered the changed item). */
  update: (change: (data: T) => T) => void;
}

/**
 * Loads data with `load` and loads again whenever `load` changes: wrap it in `useCallback`
 * with the parameters it depends on. Superseded loads are aborted.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ load, version, data }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setResult((previous) => ({ load, version, data: previous?.data, problem: problemOf(error) }));
        }
      },
    );
    return () => controller.abort();
  }, [load, version]);

  const current = result !== null && result.load === load && result.version === version;
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setResult((previous) => (previous && previous.data !== undefined ? { ...previous, data: change(previous.data) } : previous)),
    [],
  );

  return {
    loading: !current,
    data: result?.data,
    problem: current ? result.problem : undefined,
    reload,
    update,
  };
}
