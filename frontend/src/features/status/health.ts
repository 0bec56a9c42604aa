import { apiGet } from '../../api/client';
import type { MessageKey } from '../../i18n/messages';

/** Spring Boot's health statuses; other custom values may appear and are shown as sent. */
export type HealthStatus = 'UP' | 'DOWN' | 'OUT_OF_SERVICE' | 'UNKNOWN' | (string & {});

export interface HealthComponent {
  status: HealthStatus;
  details?: Record<string, unknown>;
  /** Composite contributors (e.g. several connection factories) nest their parts here. */
  components?: Record<string, HealthComponent>;
}

export interface HealthReport extends HealthComponent {
  groups?: string[];
}

export const HEALTH_PATH = '/actuator/health';

/**
 * Reads the actuator's health report. It answers 503 with the same JSON body when the
 * application is DOWN: that is a report to show, not a failure.
 */
export function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  return apiGet<HealthReport>(HEALTH_PATH, { signal, acceptStatus: [503] });
}

const componentNames: Record<string, MessageKey> = {
  r2dbc: 'status.component.r2dbc',
  db: 'status.component.db',
  elasticsearch: 'status.component.elasticsearch',
  diskSpace: 'status.component.diskSpace',
  ping: 'status.component.ping',
  livenessState: 'status.component.livenessState',
  readinessState: 'status.component.readinessState',
};

/** The catalogue key of a component's human name, or undefined to show the raw name. */
export function componentNameKey(name: string): MessageKey | undefined {
  return componentNames[name];
}

export type StatusTone = 'up' | 'down' | 'neutral';

export function statusTone(status: HealthStatus): StatusTone {
  switch (status) {
    case 'UP':
      return 'up';
    case 'DOWN':
      return 'down';
    default:
      return 'neutral';
  }
}

const byteKeys = new Set(['total', 'free', 'threshold']);

function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** One `key: value` line per detail; disk sizes in readable units, nested values as JSON. */
export function detailEntries(
  componentName: string,
  component: HealthComponent,
  locale: string,
): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  for (const [key, value] of Object.entries(component.details ?? {})) {
    let text: string;
    if (componentName === 'diskSpace' && byteKeys.has(key) && typeof value === 'number') {
      text = formatBytes(value, locale);
    } else if (value !== null && typeof value === 'object') {
      text = JSON.stringify(value);
    } else {
      text = String(value);
    }
    entries.push({ key, value: text });
  }
  for (const [key, part] of Object.entries(component.components ?? {})) {
    entries.push({ key, value: part.status });
  }
  return entries;
}
