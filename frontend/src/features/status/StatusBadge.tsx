import { statusTone, type HealthStatus } from './health';

/** A coloured badge whose text is exactly the status string (UP, DOWN, …). */
export function StatusBadge({ status, testId }: { status: HealthStatus; testId: string }) {
  return (
    <span className={`badge badge--${statusTone(status)}`} data-testid={testId}>
      {status}
    </span>
  );
}
