import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, jsonResponse, mockBackend, noContent, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { expert, page } from './testData';
import type { Expert } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/experts';

const adminView = (overrides: Partial<Expert> = {}) =>
  expert({
    active: true,
    version: 3,
    contact: { name: '周建国', phone: '0731-88000000', email: 'zhou@hnu.example.cn', address: null },
    linkedUser: { id: 'u-9', email: 'zhou@hnu.example.cn', displayName: '周建国' },
    ...overrides,
  });

describe('AdminExpertsPage', () => {
  it('lists every expert, inactive ones too, from the admin menu', async () => {
    const api = mockBackend({ [REFRESH]: signedIn(admin()), [LIST]: () => jsonResponse(page([adminView(), adminView({ id: 'x-2', active: false, linkedUser: null })])) });
    renderApp('/');
    fireEvent.click(await screen.findByTestId('nav-admin-experts'));

    expect((await screen.findByTestId('admin-expert-state-x-1')).textContent).toBe('已启用');
    expect(screen.getByTestId('admin-expert-state-x-2').textContent).toBe('已停用');
    expect(screen.getByTestId('admin-expert-x-1').textContent).toContain('由 zhou@hnu.example.cn 答复');
    expect(api.callsTo(LIST)[0]!.query.get('includeInactive')).toBe('true');
  });

  it('adds an expert, requiring a name, a city and a service, and shows the server’s field errors', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(admin()),
      [LIST]: () => jsonResponse(page([])),
      'POST /api/v1/experts': [
        () => problemResponse(400, 'Invalid request', { errors: [{ field: 'userEmail', message: 'must be the email address of a registered user' }] }),
        () => jsonResponse(adminView({ id: 'x-3', nameZh: '陈晓' }), 201),
      ],
    });
    renderApp('/admin/experts');

    fireEvent.click(await screen.findByTestId('admin-expert-new'));
    fireEvent.click(screen.getByTestId('admin-expert-submit'));
    expect((await screen.findByTestId('field-error-nameZh')).textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-city').textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-services').textContent).toBe('请填写此项。');

    fireEvent.change(screen.getByTestId('admin-expert-field-nameZh'), { target: { value: '陈晓' } });
    fireEvent.change(screen.getByTestId('admin-expert-field-city'), { target: { value: 'ZHUZHOU' } });
    fireEvent.click(screen.getByTestId('admin-expert-service-INVESTMENT_ADVICE'));
    fireEvent.change(screen.getByTestId('admin-expert-field-fields'), { target: { value: '轨道交通、 风险投资,' } });
    fireEvent.change(screen.getByTestId('admin-expert-field-userEmail'), { target: { value: 'chen@example.cn' } });
    fireEvent.click(screen.getByTestId('admin-expert-submit'));
    expect((await screen.findByTestId('field-error-userEmail')).textContent).toBe('must be the email address of a registered user');

    fireEvent.click(screen.getByTestId('admin-expert-submit'));
    expect((await screen.findByTestId('admin-experts-notice')).textContent).toBe('已新增“陈晓”。');
    expect(api.callsTo('POST /api/v1/experts')[1]!.body).toMatchObject({
      nameZh: '陈晓',
      city: 'ZHUZHOU',
      services: ['INVESTMENT_ADVICE'],
      fields: ['轨道交通', '风险投资'],
      userEmail: 'chen@example.cn',
      contact: null,
      active: true,
    });
  });

  it('deactivates an expert with the version read, keeping the rest as it is', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(admin()),
      [LIST]: () => jsonResponse(page([adminView()])),
      'PUT /api/v1/experts/x-1': () => jsonResponse(adminView({ active: false, version: 4 })),
    });
    renderApp('/admin/experts');

    fireEvent.click(await screen.findByTestId('admin-expert-toggle-x-1'));
    await waitFor(() => expect(screen.getByTestId('admin-expert-state-x-1').textContent).toBe('已停用'));
    expect(api.callsTo('PUT /api/v1/experts/x-1')[0]!.body).toMatchObject({
      active: false,
      version: 3,
      nameZh: '周建国',
      services: ['RESULT_EVALUATION', 'MARKET_RESEARCH'],
      userEmail: 'zhou@hnu.example.cn',
      contact: { name: '周建国', phone: '0731-88000000', email: 'zhou@hnu.example.cn' },
    });
  });

  it('deletes after a confirmation, and says why an engaged expert cannot be deleted', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(admin()),
      [LIST]: () => jsonResponse(page([adminView()])),
      'DELETE /api/v1/experts/x-1': [
        () => problemResponse(409, 'Conflict', { detail: 'Firms have engaged this expert: set active to false instead.' }),
        noContent,
      ],
    });
    renderApp('/admin/experts');

    fireEvent.click(await screen.findByTestId('admin-expert-delete-x-1'));
    expect(api.callsTo('DELETE /api/v1/experts/x-1')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('admin-expert-delete-confirm-x-1'));
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('Firms have engaged this expert: set active to false instead.');

    fireEvent.click(screen.getByTestId('admin-expert-delete-x-1'));
    fireEvent.click(screen.getByTestId('admin-expert-delete-confirm-x-1'));
    expect((await screen.findByTestId('admin-experts-notice')).textContent).toBe('已删除“周建国”。');
  });
});
