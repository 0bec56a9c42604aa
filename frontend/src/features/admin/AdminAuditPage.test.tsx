import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, mockBackend, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import type { AuditEvent } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const EVENTS = 'GET /api/v1/admin/audit-events';

function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'e-1',
    occurredAt: '2025-04-01T06:30:00Z',
    type: 'LOGIN_FAILED',
    actorId: null,
    actorEmail: 'li.hua@example.cn',
    subjectType: 'USER',
    subjectId: 'u-1',
    clientAddress: '203.0.113.7',
    details: { reason: 'bad-credentials' },
    ...overrides,
  };
}

describe('AdminAuditPage', () => {
  it('shows events with localized types, unknown types as sent', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin()),
      [EVENTS]: () =>
        jsonResponse({
          items: [event(), event({ id: 'e-2', type: 'SOMETHING_NEW', details: null, actorEmail: null })],
          page: 0,
          size: 20,
          total: 2,
        }),
    });
    renderApp('/admin/audit');

    expect((await screen.findByTestId('audit-type-e-1')).textContent).toBe('登录失败');
    expect(screen.getByTestId('audit-type-e-2').textContent).toBe('SOMETHING_NEW');
    const first = screen.getByTestId('audit-event-e-1');
    expect(first.textContent).toContain('203.0.113.7');
    expect(first.textContent).toContain('bad-credentials');
    expect(screen.getByTestId('audit-event-e-2').textContent).toContain('（匿名）');
    // Cells carry their column name, shown as a label when rows are cards on phones.
    expect(within(first).getAllByRole('cell')[1]!.getAttribute('data-label')).toBe('事件类型');
  });

  it('filters by type', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [EVENTS]: () => jsonResponse({ items: [event()], page: 0, size: 20, total: 1 }),
    });
    renderApp('/admin/audit');
    await screen.findByTestId('audit-event-e-1');
    const select = screen.getByTestId('admin-audit-type') as HTMLSelectElement;
    expect(Array.from(select.options).find((option) => option.value === 'REFRESH_TOKEN_REUSED')?.text).toBe(
      '刷新令牌被重复使用',
    );

    fireEvent.change(select, { target: { value: 'ROLES_CHANGED' } });
    fireEvent.click(screen.getByTestId('admin-audit-filter'));

    await waitFor(() => expect(backend.callsTo(EVENTS).at(-1)!.query.get('type')).toBe('ROLES_CHANGED'));
    expect(backend.callsTo(EVENTS).at(-1)!.query.get('page')).toBe('0');
  });

  it('shows English type names in English', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin({ locale: 'en' })),
      [EVENTS]: () => jsonResponse({ items: [event({ type: 'MEMBER_ROLE_CHANGED' })], page: 0, size: 20, total: 1 }),
    });
    renderApp('/admin/audit');
    await screen.findByTestId('audit-event-e-1');
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });
    expect(screen.getByTestId('audit-type-e-1').textContent).toBe('Member role changed');
  });
});
