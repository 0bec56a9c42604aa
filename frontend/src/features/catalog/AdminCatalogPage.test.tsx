import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, me, mockBackend, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import { content, reviewEntry } from './testData';
import type { ReviewEntry } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const QUEUE = 'GET /api/v1/admin/catalog/review-queue';
const APPROVE = 'POST /api/v1/admin/catalog/entries/e-1/approve';
const REJECT = 'POST /api/v1/admin/catalog/entries/e-1/reject';
const pending = reviewEntry();
const page = (items: ReviewEntry[]) => jsonResponse({ items, page: 0, size: 20, total: items.length });

describe('AdminCatalogPage', () => {
  it('lists pending entries and shows the draft and the published version', async () => {
    const update = reviewEntry({
      id: 'e-2',
      status: 'PUBLISHED',
      published: content({ titleZh: '旧标题', service: { serviceType: '检验检测', turnaroundDays: 10 } }),
    });
    const backend = mockBackend({ [REFRESH]: signedIn(admin()), [QUEUE]: () => page([pending, update]) });
    renderApp('/admin/catalog');

    const entry = await screen.findByTestId('review-entry-e-1');
    expect(entry.textContent).toContain('材料成分检测');
    expect(entry.textContent).toContain('技术服务');
    expect(entry.textContent).toContain('提交时间');
    expect(backend.callsTo(QUEUE)[0]!.query.get('page')).toBe('0');

    const toggle = screen.getByTestId('review-toggle-e-2');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('review-draft-e-2').textContent).toContain('5 天');
    expect(screen.getByTestId('review-published-e-2').textContent).toContain('旧标题');
    expect(screen.getByTestId('review-published-e-2').textContent).toContain('10 天');
  });

  it('approves an entry', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [QUEUE]: () => page([pending]),
      [APPROVE]: () => jsonResponse({ ...pending, status: 'PUBLISHED', review: 'APPROVED' }),
    });
    renderApp('/admin/catalog');
    fireEvent.click(await screen.findByTestId('review-approve-e-1'));

    await waitFor(() => expect(screen.queryByTestId('review-entry-e-1')).toBeNull());
    expect(backend.callsTo(APPROVE)).toHaveLength(1);
    expect(backend.callsTo(REJECT)).toHaveLength(0);
    expect(screen.getByTestId('admin-catalog-notice').textContent).toContain('已通过审核');
  });

  it('rejects an entry with a required reason', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(admin()),
      [QUEUE]: () => page([pending]),
      [REJECT]: () => jsonResponse({ ...pending, review: 'REJECTED' }),
    });
    renderApp('/admin/catalog');
    fireEvent.click(await screen.findByTestId('review-reject-e-1'));
    const reason = screen.getByTestId('review-reason-e-1');
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.click(screen.getByTestId('review-reject-confirm-e-1'));
    expect(screen.getByTestId('field-error-reason').textContent).toBe('请填写驳回理由。');
    expect(backend.callsTo(REJECT)).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '缺少资质证书编号。' } });
    fireEvent.click(screen.getByTestId('review-reject-confirm-e-1'));

    await waitFor(() => expect(screen.queryByTestId('review-entry-e-1')).toBeNull());
    expect(backend.callsTo(REJECT)[0]!.body).toEqual({ reason: '缺少资质证书编号。' });
    expect(backend.callsTo(APPROVE)).toHaveLength(0);
    expect(screen.getByTestId('admin-catalog-notice').textContent).toContain('已驳回');
  });

  it('is for administrators only', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(me()), [QUEUE]: () => page([pending]) });
    renderApp('/admin/catalog');

    await screen.findByText('无权访问此页面');
    expect(backend.callsTo(QUEUE)).toHaveLength(0);
    expect(screen.queryByTestId('nav-admin-catalog')).toBeNull();
  });
});
