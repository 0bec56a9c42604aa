import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { FIRM, entryMatch, firmMembership, matchEntry, myFirm, page } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const MINE = 'GET /api/v1/me/firm-profiles';
const FINANCING = `GET /api/v1/matching/firms/${FIRM.id}/financing`;
const OFFERINGS = `GET /api/v1/matching/firms/${FIRM.id}/offerings`;
const ENGAGE = 'POST /api/v1/engagements';

const firmUser = () => me({ roles: ['FIRM'], memberships: [firmMembership()] });

describe('FirmMatchesPage', () => {
  it('lists the financing that matches, best first, each with its score and every criterion met or missed', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [FINANCING]: () => jsonResponse(page([entryMatch()])),
    });
    renderApp(`/firms/${FIRM.id}/matches`);

    const row = await screen.findByTestId('match-row-e-1');
    expect(within(row).getByTestId('match-title-e-1').getAttribute('href')).toBe('/resources/e-1');
    expect(within(row).getByTestId('match-title-e-1').textContent).toBe('长沙新材料产业基金');
    expect(screen.getByTestId('match-score-e-1').textContent).toBe('匹配度 73');
    expect(screen.getByTestId('match-new-e-1').textContent).toBe('新');
    expect(screen.getByTestId('match-tab-financing').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('firm-matches-firm').textContent).toBe(FIRM.nameZh);

    const explanation = screen.getByTestId('match-explanation-e-1');
    expect(within(explanation).getAllByRole('listitem')).toHaveLength(4);
    const stage = screen.getByTestId('match-criterion-e-1-STAGE');
    expect(stage.getAttribute('data-met')).toBe('true');
    expect(stage.textContent).toContain('发展阶段');
    expect(stage.textContent).toContain('成长期企业在其投资阶段内');
    expect(stage.textContent).toContain('必要条件');
    expect(screen.getByTestId('match-criterion-e-1-INDUSTRY_CHAIN').textContent).toContain('40/40 分');
    const distance = screen.getByTestId('match-criterion-e-1-DISTANCE');
    expect(distance.getAttribute('data-met')).toBe('false');
    expect(distance.textContent).toContain('不符合');
    expect(distance.textContent).toContain('相距 45 公里，超出 30 公里');

    const call = backend.callsTo(FINANCING)[0]!;
    expect(call.headers.get('Accept-Language')).toBe('zh-CN');
    expect(call.query.get('size')).toBe('20');
  });

  it('sends the filters the list takes, switches to offerings, and keeps "new" on what was new when first shown', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [FINANCING]: [() => jsonResponse(page([entryMatch()])), () => jsonResponse(page([entryMatch({ new: false })]))],
      [OFFERINGS]: () => jsonResponse(page([entryMatch({ entry: matchEntry({ id: 'o-1', kind: 'TECH_OFFERING', titleZh: '固态电解质制备技术' }) })])),
    });
    renderApp(`/firms/${FIRM.id}/matches?tab=financing`);
    await screen.findByTestId('match-row-e-1');

    fireEvent.change(screen.getByTestId('match-filter-city'), { target: { value: 'XIANGTAN' } });
    fireEvent.change(screen.getByTestId('match-filter-financingKind'), { target: { value: 'BANK_LOAN' } });
    await waitFor(() => expect(backend.callsTo(FINANCING).at(-1)!.query.get('financingKind')).toBe('BANK_LOAN'));
    expect(backend.callsTo(FINANCING).at(-1)!.query.get('city')).toBe('XIANGTAN');
    await waitFor(() => expect(screen.queryByText('正在加载…')).toBeNull());
    expect(screen.getByTestId('match-new-e-1')).toBeDefined();
    expect(screen.queryByTestId('match-filter-dealMode')).toBeNull();

    fireEvent.click(screen.getByTestId('match-tab-offerings'));
    expect((await screen.findByTestId('match-title-o-1')).textContent).toBe('固态电解质制备技术');
    expect(screen.getByTestId('match-tab-offerings').getAttribute('aria-pressed')).toBe('true');
    expect(backend.callsTo(OFFERINGS)[0]!.query.get('city')).toBeNull();
    fireEvent.change(screen.getByTestId('match-filter-minTrl'), { target: { value: '6' } });
    await waitFor(() => expect(backend.callsTo(OFFERINGS).at(-1)!.query.get('minTrl')).toBe('6'));
  });

  it('expresses interest in a financing entry for the firm, then links to the engagement', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [FINANCING]: () => jsonResponse(page([entryMatch()])),
      [ENGAGE]: [
        () => problemResponse(400, 'Bad Request', { errors: [{ field: 'message', message: 'must be at most 4000 characters' }] }),
        () => jsonResponse({ id: 'g-1', status: 'INTERESTED' }, 201),
      ],
    });
    renderApp(`/firms/${FIRM.id}/matches`);

    fireEvent.click(await screen.findByTestId('match-interest-open-e-1'));
    fireEvent.click(screen.getByTestId('match-interest-submit-e-1'));
    expect((await screen.findByTestId('field-error-message')).textContent).toBe('请填写此项。');
    expect(backend.callsTo(ENGAGE)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('match-interest-message-e-1'), { target: { value: ' 希望了解投资条件。 ' } });
    fireEvent.click(screen.getByTestId('match-interest-submit-e-1'));
    expect((await screen.findByTestId('field-error-message')).textContent).toBe('must be at most 4000 characters');

    fireEvent.click(screen.getByTestId('match-interest-submit-e-1'));
    expect((await screen.findByTestId('match-interest-sent-e-1')).textContent).toContain('已发送');
    expect(screen.getByTestId('match-engagement-link-e-1').getAttribute('href')).toBe('/engagements/g-1');
    expect(backend.callsTo(ENGAGE)[1]!.body).toEqual({ kind: 'FINANCING', subjectId: 'e-1', firmId: FIRM.id, message: '希望了解投资条件。' });
  });

  it('links to the engagement already under way when the server answers 409', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [OFFERINGS]: () => jsonResponse(page([entryMatch({ entry: matchEntry({ id: 'o-1', kind: 'TECH_OFFERING' }) })])),
      [ENGAGE]: () =>
        problemResponse(409, 'Engagement already under way', {
          detail: 'There is already an active engagement between these parties about this subject.',
          engagementId: 'g-7',
          engagement: '/api/v1/engagements/g-7',
        }),
    });
    renderApp(`/firms/${FIRM.id}/matches?tab=offerings`);

    fireEvent.click(await screen.findByTestId('match-interest-open-o-1'));
    fireEvent.change(screen.getByTestId('match-interest-message-o-1'), { target: { value: '想谈授权。' } });
    fireEvent.click(screen.getByTestId('match-interest-submit-o-1'));

    expect((await screen.findByTestId('match-interest-exists-o-1')).textContent).toContain('已有一项进行中的对接');
    expect(screen.getByTestId('match-engagement-link-o-1').getAttribute('href')).toBe('/engagements/g-7');
    expect(backend.callsTo(ENGAGE)[0]!.body).toMatchObject({ kind: 'TECHNOLOGY', subjectId: 'o-1', firmId: FIRM.id });
  });

  it('asks for the profile first when the firm has none', async () => {
    mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm({ hasProfile: false })]),
      [FINANCING]: () => problemResponse(409, 'No firm profile', { detail: 'The firm has no profile yet.' }),
    });
    renderApp(`/firms/${FIRM.id}/matches`);

    const notice = await screen.findByTestId('match-no-profile');
    expect(within(notice).getByRole('link').getAttribute('href')).toBe(`/firms/${FIRM.id}/profile`);
    expect(screen.queryByTestId('match-list')).toBeNull();
  });

  it('explains the matches again in English when the language changes', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [FINANCING]: (request) =>
        jsonResponse(page([entryMatch({ new: request.headers.get('Accept-Language') === 'zh-CN' })])),
    });
    renderApp(`/firms/${FIRM.id}/matches`);
    await screen.findByTestId('match-row-e-1');

    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });
    await waitFor(() => expect(backend.callsTo(FINANCING).at(-1)!.headers.get('Accept-Language')).toBe('en'));
    await waitFor(() => expect(screen.getByTestId('match-title-e-1').textContent).toBe('Changsha New Materials Fund'));
    expect(screen.getByTestId('match-score-e-1').textContent).toBe('Match 73');
    expect(screen.getByTestId('match-new-e-1').textContent).toBe('New');
  });
});
