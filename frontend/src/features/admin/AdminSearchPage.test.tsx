import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, mockBackend, problemResponse, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import type { SearchStatus } from './searchApi';

const REFRESH = 'POST /api/v1/auth/refresh';
const STATUS = 'GET /api/v1/admin/search/status';
const REINDEX = 'POST /api/v1/admin/search/reindex';

function status(overrides: Partial<SearchStatus> = {}): SearchStatus {
  return {
    outbox: { pending: 3, oldestAgeSeconds: 2 },
    clusterHealth: 'green',
    documents: 1450,
    reindex: null,
    ...overrides,
  };
}

const running = {
  id: 'r-1',
  state: 'RUNNING',
  reason: 'ADMIN',
  index: 'catalog-v2',
  total: 1450,
  done: 725,
  startedAt: '2026-11-27T08:00:00Z',
};

describe('AdminSearchPage', () => {
  it('shows the outbox lag, cluster health, documents and that there was no rebuild', async () => {
    mockBackend({ [REFRESH]: signedIn(admin()), [STATUS]: () => jsonResponse(status()) });
    renderApp('/admin/search');

    expect((await screen.findByTestId('admin-search-outbox')).textContent).toBe('3 条，最早的已等待 2 秒');
    expect(screen.getByTestId('admin-search-health').textContent).toBe('green');
    expect(screen.getByTestId('admin-search-documents').textContent).toContain('1,450');
    expect(screen.getByText('还没有重建过索引。')).toBeTruthy();
  });

  it('starts a rebuild and shows its progress', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin()),
      [STATUS]: () => jsonResponse(status()),
      [REINDEX]: () => jsonResponse({ ...running, done: 0, total: 0 }, 202),
    });
    renderApp('/admin/search');

    fireEvent.click(await screen.findByTestId('admin-search-reindex'));

    expect((await screen.findByTestId('admin-search-rebuild-state')).textContent).toBe('进行中');
    expect((screen.getByTestId('admin-search-reindex') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a running rebuild of another replica with its progress, and a failed one with its error', async () => {
    mockBackend({ [REFRESH]: signedIn(admin()), [STATUS]: () => jsonResponse(status({ reindex: running })) });
    renderApp('/admin/search');

    expect(((await screen.findByTestId('admin-search-progress')) as HTMLProgressElement).value).toBe(50);
    expect(screen.getByText('已索引 725 / 1450', { exact: false })).toBeTruthy();
  });

  it('explains why a rebuild cannot start', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin()),
      [STATUS]: () => jsonResponse(status({ clusterHealth: 'UNREACHABLE', documents: -1 })),
      [REINDEX]: () => problemResponse(409, 'Conflict', { detail: 'A reindex is already running.' }),
    });
    renderApp('/admin/search');

    expect((await screen.findByTestId('admin-search-health')).textContent).toBe('无法连接');
    expect(screen.getByTestId('admin-search-documents').textContent).toBe('—');
    fireEvent.click(screen.getByTestId('admin-search-reindex'));
    await waitFor(() => expect(screen.getByTestId('admin-search-problem').textContent).toContain('A reindex is already running.'));
  });
});
