import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, mockBackend, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import { organisation } from '../organisations/testData';
import type { Organisation } from '../organisations/types';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/admin/organisations';
const pending = organisation({ id: 'org-5', verificationStatus: 'UNVERIFIED', creditCode: '91430100MA4L16JQ9B' });
const page = (items: Organisation[]) => jsonResponse({ items, page: 0, size: 20, total: items.length });

describe('AdminOrganisationsPage', () => {
  it('shows the UNVERIFIED queue by default, with a credit-code warning', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(admin()), [LIST]: () => page([pending]) });
    renderApp('/admin/organisations');

    expect((await screen.findByTestId('admin-org-status-org-5')).textContent).toBe('待审核');
    expect(backend.callsTo(LIST)[0]!.query.get('status')).toBe('UNVERIFIED');
    expect(screen.getByTestId('admin-org-credit-warning-org-5').textContent).toContain('校验位');
  });

  it('verifies an organisation', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [LIST]: () => page([pending]),
      'POST /api/v1/admin/organisations/org-5/verify': () => jsonResponse({ ...pending, verificationStatus: 'VERIFIED' }),
    });
    renderApp('/admin/organisations');
    fireEvent.click(await screen.findByTestId('admin-org-verify-org-5'));

    await waitFor(() => expect(screen.getByTestId('admin-org-status-org-5').textContent).toBe('已认证'));
    expect(backend.callsTo('POST /api/v1/admin/organisations/org-5/verify')).toHaveLength(1);
    expect(screen.getByTestId('admin-organisations-notice').textContent).toContain('已通过认证');
  });

  it('rejects with a required reason', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [LIST]: () => page([pending]),
      'POST /api/v1/admin/organisations/org-5/reject': (request) =>
        jsonResponse({ ...pending, verificationStatus: 'REJECTED', rejectionReason: (request.body as { reason: string }).reason }),
    });
    renderApp('/admin/organisations');
    fireEvent.click(await screen.findByTestId('admin-org-reject-org-5'));
    const reason = screen.getByTestId('admin-org-reason-org-5');
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.click(screen.getByTestId('admin-org-reject-confirm-org-5'));
    expect(screen.getByTestId('field-error-reason').textContent).toBe('请填写驳回理由。');
    expect(reason.getAttribute('aria-describedby')).toContain('admin-org-reason-org-5-error');
    expect(backend.callsTo('POST /api/v1/admin/organisations/org-5/reject')).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '统一社会信用代码校验位不正确。' } });
    fireEvent.click(screen.getByTestId('admin-org-reject-confirm-org-5'));

    await waitFor(() => expect(screen.getByTestId('admin-org-status-org-5').textContent).toBe('未通过'));
    expect(backend.callsTo('POST /api/v1/admin/organisations/org-5/reject')[0]!.body).toEqual({
      reason: '统一社会信用代码校验位不正确。',
    });
  });

  it('filters by status', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(admin()), [LIST]: () => page([]) });
    renderApp('/admin/organisations');
    expect((await screen.findByTestId('admin-organisations-empty')).textContent).toBe('没有待审核的机构。');

    fireEvent.change(screen.getByTestId('admin-organisations-status'), { target: { value: 'REJECTED' } });
    fireEvent.click(screen.getByTestId('admin-organisations-filter'));

    await waitFor(() => expect(backend.callsTo(LIST).at(-1)!.query.get('status')).toBe('REJECTED'));
  });
});
