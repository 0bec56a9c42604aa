import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import { organisation } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const CREATE = 'POST /api/v1/organisations';

describe('MyOrganisationsPage', () => {
  it('lists my memberships with localized type, status and role', async () => {
    const user = me({
      memberships: [
        {
          organisationId: 'org-1',
          nameZh: '株洲轨道交通产业园（演示数据）',
          nameEn: 'Zhuzhou Rail Transit Park (demo data)',
          type: 'PARK',
          verificationStatus: 'UNVERIFIED',
          role: 'MANAGER',
        },
      ],
    });
    mockBackend({ [REFRESH]: signedIn(user), 'GET /api/v1/me': () => jsonResponse(user) });
    renderApp('/organisations/mine');

    const item = await screen.findByTestId('membership-org-1');
    expect(item.textContent).toContain('株洲轨道交通产业园（演示数据）');
    expect(item.textContent).toContain('园区');
    expect(item.textContent).toContain('待审核');
    expect(item.textContent).toContain('管理者');
    expect(item.querySelector('a')?.getAttribute('href')).toBe('/organisations/org-1');
  });

  it('creates an organisation (a park in two cities) and opens it', async () => {
    const created = organisation({ id: 'org-9', type: 'PARK', cities: ['CHANGSHA', 'XIANGTAN'], verificationStatus: 'UNVERIFIED' });
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      'GET /api/v1/me': () => jsonResponse(me()),
      [CREATE]: () => jsonResponse(created, 201),
      'GET /api/v1/organisations/org-9': () => jsonResponse(created),
      'GET /api/v1/organisations/org-9/members': () => jsonResponse([]),
    });
    renderApp('/organisations/mine');
    await screen.findByTestId('my-organisations-empty');

    fireEvent.change(screen.getByTestId('org-create-type'), { target: { value: 'PARK' } });
    fireEvent.change(screen.getByTestId('org-create-nameZh'), { target: { value: '长潭飞地产业园（演示数据）' } });
    fireEvent.change(screen.getByTestId('org-create-nameEn'), { target: { value: 'Chang–Tan Enclave Park (demo data)' } });
    expect(screen.getByTestId('org-create-city-CHANGSHA').getAttribute('type')).toBe('checkbox');
    fireEvent.click(screen.getByTestId('org-create-city-CHANGSHA'));
    fireEvent.click(screen.getByTestId('org-create-city-XIANGTAN'));
    fireEvent.change(screen.getByTestId('org-create-creditCode'), { target: { value: '91430100ma4l16jq9d' } });
    expect(screen.getByTestId('org-create-creditCode-check').getAttribute('data-check')).toBe('valid');
    fireEvent.click(screen.getByTestId('org-create-submit'));

    expect(await screen.findByTestId('organisation-created')).toBeDefined();
    expect(backend.callsTo(CREATE)[0]!.body).toEqual({
      type: 'PARK',
      nameZh: '长潭飞地产业园（演示数据）',
      nameEn: 'Chang–Tan Enclave Park (demo data)',
      cities: ['CHANGSHA', 'XIANGTAN'],
      district: null,
      creditCode: '91430100MA4L16JQ9D',
      website: null,
      contact: null,
    });
  });

  it('allows one city only for other types, and hints at a wrong credit-code check character', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(me()), 'GET /api/v1/me': () => jsonResponse(me()) });
    renderApp('/organisations/mine');
    await screen.findByTestId('org-create-type');

    fireEvent.change(screen.getByTestId('org-create-type'), { target: { value: 'FIRM' } });
    expect(screen.getByTestId('org-create-city-CHANGSHA').getAttribute('type')).toBe('radio');
    fireEvent.change(screen.getByTestId('org-create-creditCode'), { target: { value: '91430100MA4L16JQ9B' } });
    const check = screen.getByTestId('org-create-creditCode-check');
    expect(check.textContent).toBe('校验位不正确，请核对代码是否输入有误。');
    expect(screen.getByTestId('org-create-creditCode').getAttribute('aria-describedby')).toContain(check.id);

    fireEvent.click(screen.getByTestId('org-create-submit'));
    expect(screen.getByTestId('field-error-nameZh').textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-cities').textContent).toBe('请选择所在城市。');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('org-create-nameZh')));
    expect(backend.callsTo(CREATE)).toHaveLength(0);
  });

  it('shows the server’s field errors (e.g. the credit code) next to the fields', async () => {
    mockBackend({
      [REFRESH]: signedIn(me()),
      'GET /api/v1/me': () => jsonResponse(me()),
      [CREATE]: () =>
        problemResponse(400, 'Bad Request', { errors: [{ field: 'creditCode', message: '统一社会信用代码校验位错误。' }] }),
    });
    renderApp('/organisations/mine');
    await screen.findByTestId('org-create-type');

    fireEvent.change(screen.getByTestId('org-create-type'), { target: { value: 'FIRM' } });
    fireEvent.change(screen.getByTestId('org-create-nameZh'), { target: { value: '湘江智造（演示数据）' } });
    fireEvent.change(screen.getByTestId('org-create-nameEn'), { target: { value: 'Xiangjiang Smart Manufacturing (demo data)' } });
    fireEvent.click(screen.getByTestId('org-create-city-ZHUZHOU'));
    fireEvent.change(screen.getByTestId('org-create-creditCode'), { target: { value: '91430100MA4L16JQ9B' } });
    fireEvent.click(screen.getByTestId('org-create-submit'));

    expect((await screen.findByTestId('field-error-creditCode')).textContent).toBe('统一社会信用代码校验位错误。');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('org-create-creditCode')));
  });
});
