import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anonymousBackend } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import { REFRESH_INTERVAL_MS } from './StatusPage';

const upReport = {
  status: 'UP',
  components: {
    diskSpace: {
      status: 'UP',
      details: { total: 107374182400, free: 53687091200, threshold: 10485760, path: '/srv/czt/.', exists: true },
    },
    elasticsearch: {
      status: 'UP',
      details: { cluster_name: 'czt', status: 'green', number_of_nodes: 1 },
    },
    livenessState: { status: 'UP' },
    ping: { status: 'UP' },
    r2dbc: { status: 'UP', details: { database: 'PostgreSQL', validationQuery: 'validate(REMOTE)' } },
    readinessState: { status: 'UP' },
  },
  groups: ['liveness', 'readiness'],
};

const downReport = {
  status: 'DOWN',
  components: {
    ...upReport.components,
    r2dbc: { status: 'DOWN', details: { error: 'io.r2dbc.spi.R2dbcNonTransientResourceException: connection refused' } },
    readinessState: { status: 'OUT_OF_SERVICE' },
    vault: { status: 'UNKNOWN' },
  },
  groups: ['liveness', 'readiness'],
};

/** Answers the health requests in turn; the session refresh on app start answers 401 (anonymous). */
function stubHealth(...responses: (() => Response | Promise<Response>)[]) {
  let call = 0;
  const healthMock = vi.fn<typeof fetch>(async () => {
    const next = responses[Math.min(call, responses.length - 1)]!;
    call += 1;
    return next();
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === '/actuator/health' ? healthMock(input, init) : anonymousBackend(input, init),
    ),
  );
  return healthMock;
}

describe('StatusPage', () => {
  it('shows the overall status and one localized row per component', async () => {
    const fetchMock = stubHealth(() => jsonResponse(upReport));
    renderApp('/status');

    expect(screen.getByRole('heading', { level: 1, name: '系统状态' })).toBeDefined();
    expect(screen.getByTestId('health-loading')).toBeDefined();

    expect((await screen.findByTestId('health-overall')).textContent).toBe('UP');
    expect(fetchMock).toHaveBeenCalledWith('/actuator/health', expect.objectContaining({ method: 'GET' }));
    for (const name of Object.keys(upReport.components)) {
      expect(screen.getByTestId(`health-status-${name}`).textContent).toBe('UP');
    }
    const postgres = screen.getByTestId('health-component-r2dbc');
    expect(within(postgres).getByRole('heading').textContent).toContain('PostgreSQL');
    expect(postgres.textContent).toContain('validate(REMOTE)');
    const disk = screen.getByTestId('health-component-diskSpace');
    expect(within(disk).getByRole('heading').textContent).toContain('磁盘空间');
    expect(disk.textContent).toContain('100 GB');
    expect(disk.textContent).toContain('/srv/czt/.');
    expect(within(screen.getByTestId('health-component-readinessState')).getByRole('heading').textContent).toContain(
      '就绪状态',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('系统状态 · 长株潭创新资源共享平台');
  });

  it('renders a DOWN report that arrives with HTTP 503', async () => {
    stubHealth(() => jsonResponse(downReport, 503));
    renderApp('/status');

    expect((await screen.findByTestId('health-overall')).textContent).toBe('DOWN');
    expect(screen.getByTestId('health-status-r2dbc').textContent).toBe('DOWN');
    expect(screen.getByTestId('health-status-r2dbc').className).toContain('badge--down');
    expect(screen.getByTestId('health-status-elasticsearch').className).toContain('badge--up');
    expect(screen.getByTestId('health-status-readinessState').textContent).toBe('OUT_OF_SERVICE');
    expect(screen.getByTestId('health-status-readinessState').className).toContain('badge--neutral');
    expect(screen.getByTestId('health-component-r2dbc').textContent).toContain('connection refused');
    // Unknown components keep their own name.
    expect(within(screen.getByTestId('health-component-vault')).getByRole('heading').textContent).toBe('vault');
    expect(screen.getByTestId('health-status-vault').textContent).toBe('UNKNOWN');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows English names after switching language', async () => {
    stubHealth(() => jsonResponse(upReport));
    renderApp('/status');
    await screen.findByTestId('health-overall');

    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });

    expect(screen.getByRole('heading', { level: 1, name: 'System status' })).toBeDefined();
    expect(within(screen.getByTestId('health-component-diskSpace')).getByRole('heading').textContent).toContain(
      'Disk space',
    );
    expect(document.title).toBe('System status · CZT Innovation Exchange');
  });

  it('shows a problem when the backend cannot be reached', async () => {
    stubHealth(() => Promise.reject(new TypeError('Failed to fetch')));
    renderApp('/status');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法连接服务器');
    expect(screen.queryByTestId('health-overall')).toBeNull();
  });

  it('refreshes on demand and every 15 seconds', async () => {
    vi.useFakeTimers();
    const fetchMock = stubHealth(
      () => jsonResponse(upReport),
      () => jsonResponse(downReport, 503),
      () => jsonResponse(upReport),
    );
    renderApp('/status');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('health-overall').textContent).toBe('UP');

    fireEvent.click(screen.getByTestId('health-refresh'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('health-overall').textContent).toBe('DOWN');

    await act(() => vi.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(screen.getByTestId('health-overall').textContent).toBe('UP');
  });
});
