import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, me, mockBackend, noContent, problemResponse, signedIn } from '../../test/api';
import { jsonResponse, renderApp } from '../../test/render';
import type { Membership } from '../identity/types';
import { member, organisation } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const ORG = 'GET /api/v1/organisations/org-1';
const MEMBERS = 'GET /api/v1/organisations/org-1/members';

function membership(role: Membership['role']): Membership {
  return {
    organisationId: 'org-1',
    nameZh: organisation().nameZh,
    nameEn: organisation().nameEn,
    type: 'RESEARCH_INSTITUTE',
    verificationStatus: 'VERIFIED',
    role,
  };
}

const manager = me({ id: 'u-1', memberships: [membership('MANAGER')] });
const plainMember = me({ id: 'u-1', memberships: [membership('MEMBER')] });
const self = member({ userId: 'u-1', email: 'li.hua@example.cn', displayName: '李华', role: 'MANAGER' });
const other = member();

describe('OrganisationPage', () => {
  it('shows public details to anonymous visitors, without members', async () => {
    const backend = mockBackend({ [ORG]: () => jsonResponse(organisation({ contact: null })) });
    renderApp('/organisations/org-1');

    expect(await screen.findByRole('heading', { level: 1, name: '湘潭先进电驱动研究院（演示数据）' })).toBeDefined();
    expect(screen.getByTestId('organisation-type').textContent).toBe('科研院所');
    expect(screen.getByTestId('organisation-cities').textContent).toBe('湘潭');
    expect(screen.getByTestId('organisation-status').textContent).toBe('已认证');
    expect(screen.queryByTestId('members-panel')).toBeNull();
    expect(screen.queryByTestId('organisation-edit')).toBeNull();
    expect(backend.callsTo(MEMBERS)).toHaveLength(0);
  });

  it('says so when the organisation is not visible (404)', async () => {
    mockBackend({ [ORG]: () => problemResponse(404, 'Not Found') });
    renderApp('/organisations/org-1');
    expect(await screen.findByRole('heading', { level: 1, name: '找不到该机构' })).toBeDefined();
  });

  it('lets a manager add a member by email', async () => {
    const added = member({ userId: 'u-3', email: 'qian@example.cn', displayName: '钱工', role: 'MANAGER' });
    const backend = mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self, other]),
      'POST /api/v1/organisations/org-1/members': () => jsonResponse(added, 201),
    });
    renderApp('/organisations/org-1');
    await screen.findByTestId(`member-row-u-2`);
    expect(screen.getByTestId('organisation-contact').textContent).toContain('赵工');

    fireEvent.change(screen.getByTestId('member-add-email'), { target: { value: 'qian@example.cn' } });
    fireEvent.change(screen.getByTestId('member-add-role'), { target: { value: 'MANAGER' } });
    fireEvent.click(screen.getByTestId('member-add-submit'));

    expect(await screen.findByTestId('member-row-u-3')).toBeDefined();
    expect(backend.callsTo('POST /api/v1/organisations/org-1/members')[0]!.body).toEqual({
      email: 'qian@example.cn',
      role: 'MANAGER',
    });
    expect(screen.getByTestId('members-notice').textContent).toContain('钱工');
  });

  it('shows the problem when no account has that email', async () => {
    mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self]),
      'POST /api/v1/organisations/org-1/members': () =>
        problemResponse(404, 'Not Found', { detail: '没有使用该邮箱的账号。' }),
    });
    renderApp('/organisations/org-1');
    await screen.findByTestId('member-add-email');

    fireEvent.change(screen.getByTestId('member-add-email'), { target: { value: 'nobody@example.cn' } });
    fireEvent.click(screen.getByTestId('member-add-submit'));

    expect((await screen.findByTestId('problem-alert')).textContent).toContain('没有使用该邮箱的账号。');
  });

  it('lets a manager change a member’s role', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self, other]),
      'PATCH /api/v1/organisations/org-1/members/u-2': (request) =>
        jsonResponse({ ...other, ...(request.body as object) }),
    });
    renderApp('/organisations/org-1');
    const button = await screen.findByTestId('member-toggle-role-u-2');
    expect(button.textContent).toBe('设为管理者 (赵工)');

    fireEvent.click(button);

    await waitFor(() => expect(screen.getByTestId('member-role-u-2').textContent).toBe('管理者'));
    expect(backend.callsTo('PATCH /api/v1/organisations/org-1/members/u-2')[0]!.body).toEqual({ role: 'MANAGER' });
  });

  it('shows 409 when a change would leave no manager', async () => {
    mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self, other]),
      'PATCH /api/v1/organisations/org-1/members/u-1': () =>
        problemResponse(409, 'Conflict', { detail: '机构至少需要一位管理者。' }),
    });
    renderApp('/organisations/org-1');
    fireEvent.click(await screen.findByTestId('member-toggle-role-u-1'));

    const problem = await screen.findByTestId('members-problem');
    expect(problem.textContent).toContain('机构至少需要一位管理者。');
    expect(screen.getByTestId('member-role-u-1').textContent).toBe('管理者');
  });

  it('lets a manager remove a member after confirming', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self, other]),
      'DELETE /api/v1/organisations/org-1/members/u-2': noContent,
    });
    renderApp('/organisations/org-1');
    fireEvent.click(await screen.findByTestId('member-remove-u-2'));

    expect(backend.callsTo('DELETE /api/v1/organisations/org-1/members/u-2')).toHaveLength(0);
    const confirm = screen.getByTestId('member-remove-confirm-u-2');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);

    await waitFor(() => expect(screen.queryByTestId('member-row-u-2')).toBeNull());
    expect(backend.callsTo('DELETE /api/v1/organisations/org-1/members/u-2')).toHaveLength(1);
    expect(screen.getByTestId('members-notice').textContent).toContain('赵工');
  });

  it('lets a member leave, and goes back to my organisations', async () => {
    let left = false;
    const backend = mockBackend({
      [REFRESH]: signedIn(plainMember),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([{ ...self, role: 'MEMBER' }, { ...other, role: 'MANAGER' }]),
      'DELETE /api/v1/organisations/org-1/members/u-1': () => {
        left = true;
        return noContent();
      },
      'GET /api/v1/me': () => jsonResponse(left ? me({ id: 'u-1' }) : plainMember),
    });
    renderApp('/organisations/org-1');
    await screen.findByTestId('member-row-u-1');
    // Plain members cannot manage others.
    expect(screen.queryByTestId('member-remove-u-2')).toBeNull();
    expect(screen.queryByTestId('member-add-email')).toBeNull();
    expect(screen.queryByTestId('organisation-edit')).toBeNull();

    fireEvent.click(screen.getByTestId('organisation-leave'));
    fireEvent.click(screen.getByTestId('organisation-leave-confirm'));

    expect(await screen.findByRole('heading', { level: 1, name: '我的机构' })).toBeDefined();
    expect(backend.callsTo('DELETE /api/v1/organisations/org-1/members/u-1')).toHaveLength(1);
    expect(await screen.findByTestId('my-organisations-empty')).toBeDefined();
  });

  it('lets a manager edit the organisation', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(manager),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([self]),
      'PUT /api/v1/organisations/org-1': (request) => jsonResponse({ ...organisation(), ...(request.body as object) }),
      'GET /api/v1/me': () => jsonResponse(manager),
    });
    renderApp('/organisations/org-1');
    fireEvent.click(await screen.findByTestId('organisation-edit'));

    expect((screen.getByTestId('org-edit-nameZh') as HTMLInputElement).value).toBe('湘潭先进电驱动研究院（演示数据）');
    fireEvent.change(screen.getByTestId('org-edit-district'), { target: { value: '岳塘区' } });
    fireEvent.click(screen.getByTestId('org-edit-submit'));

    expect(await screen.findByTestId('organisation-saved')).toBeDefined();
    const body = backend.callsTo('PUT /api/v1/organisations/org-1')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ district: '岳塘区', cities: ['XIANGTAN'], creditCode: '91430100MA4L16JQ9D' });
    expect(within(screen.getByTestId('organisation-details')).getByText('岳塘区')).toBeDefined();
  });

  it('shows members and management to administrators who are not members', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin()),
      [ORG]: () => jsonResponse(organisation()),
      [MEMBERS]: () => jsonResponse([other]),
    });
    renderApp('/organisations/org-1');
    expect(await screen.findByTestId('member-remove-u-2')).toBeDefined();
    expect(screen.getByTestId('organisation-edit')).toBeDefined();
    expect(screen.queryByTestId('organisation-leave')).toBeNull();
  });
});
