import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from '../catalog/testData';
import { ENGAGEMENT_ID, engagement, expert, FIRM_ID, firmMembership, page } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const EXPERTS = 'GET /api/v1/experts';
const CREATE = 'POST /api/v1/engagements';

const secondFirm = { ...firmMembership, organisationId: 'firm-2', nameZh: '株洲轨道装备有限公司', nameEn: 'Zhuzhou Rail Equipment' };

describe('ExpertsPage', () => {
  it('lists experts for everyone and offers anonymous people to log in to request advice', async () => {
    const api = mockBackend({ [EXPERTS]: () => jsonResponse(page([expert()], 1, 12)) });
    renderApp('/');
    fireEvent.click(await screen.findByTestId('nav-experts'));

    expect((await screen.findByTestId('expert-name-x-1')).textContent).toBe('周建国');
    const card = screen.getByTestId('expert-x-1');
    expect(card.textContent).toContain('教授 · 湖南大学 · 长沙');
    expect(screen.getByTestId('expert-services-x-1').textContent).toBe('提供：成果评估、市场调研');
    expect(screen.getByTestId('expert-fields-x-1').textContent).toBe('专业领域：储能材料、新材料');
    expect(within(screen.getByTestId('experts-advisory-login')).getByRole('link').getAttribute('href')).toBe('/login?next=%2Fexperts');
    expect(screen.queryByTestId('expert-request-x-1')).toBeNull();
    expect(api.callsTo(EXPERTS)[0]!.query.get('size')).toBe('12');
  });

  it('searches by words, field, city and advisory service, and pages', async () => {
    const api = mockBackend({ [EXPERTS]: () => jsonResponse({ items: [expert()], page: 0, size: 12, total: 30 }) });
    renderApp('/experts');
    await screen.findByTestId('expert-name-x-1');

    fireEvent.change(screen.getByTestId('experts-q'), { target: { value: '储能' } });
    fireEvent.change(screen.getByTestId('experts-field'), { target: { value: '新材料' } });
    fireEvent.click(screen.getByTestId('experts-search'));
    fireEvent.change(screen.getByTestId('experts-city'), { target: { value: 'XIANGTAN' } });
    fireEvent.change(screen.getByTestId('experts-service'), { target: { value: 'INVESTMENT_ADVICE' } });
    await waitFor(() => expect(api.callsTo(EXPERTS).at(-1)!.query.get('service')).toBe('INVESTMENT_ADVICE'));
    const query = api.callsTo(EXPERTS).at(-1)!.query;
    expect([query.get('q'), query.get('field'), query.get('city')]).toEqual(['储能', '新材料', 'XIANGTAN']);

    fireEvent.click(screen.getByTestId('pagination-next'));
    await waitFor(() => expect(api.callsTo(EXPERTS).at(-1)!.query.get('page')).toBe('1'));
  });

  it('lets a member of a firm request advice and links to the new engagement', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
      [EXPERTS]: () => jsonResponse(page([expert()])),
      [CREATE]: () => jsonResponse(engagement({ kind: 'ADVISORY', service: 'RESULT_EVALUATION' }), 201),
    });
    renderApp('/experts');

    fireEvent.click(await screen.findByTestId('expert-request-x-1'));
    const services = within(screen.getByTestId('advisory-service')).getAllByRole('option').map((option) => option.textContent);
    expect(services).toEqual(['请选择…', '成果评估', '市场调研']);
    // The only firm is chosen already.
    expect((screen.getByTestId('advisory-firm') as HTMLSelectElement).value).toBe(FIRM_ID);
    fireEvent.change(screen.getByTestId('advisory-service'), { target: { value: 'RESULT_EVALUATION' } });
    fireEvent.change(screen.getByTestId('advisory-message'), { target: { value: '请评估我们的固态电池专利组合。' } });
    fireEvent.click(screen.getByTestId('advisory-submit'));

    const link = await screen.findByTestId('advisory-engagement-link');
    expect(link.getAttribute('href')).toBe(`/engagements/${ENGAGEMENT_ID}`);
    expect(screen.getByTestId('advisory-created').textContent).toContain('咨询请求已发送。');
    expect(api.callsTo(CREATE)[0]!.body).toEqual({
      kind: 'ADVISORY',
      subjectId: 'x-1',
      firmId: FIRM_ID,
      service: 'RESULT_EVALUATION',
      message: '请评估我们的固态电池专利组合。',
    });
  });

  it('asks which firm and what for, and shows the server’s validation problems next to the fields', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership, secondFirm] })),
      [EXPERTS]: () => jsonResponse(page([expert()])),
      [CREATE]: () =>
        problemResponse(400, 'Invalid request', {
          errors: [{ field: 'service', message: 'is not offered by this expert, who offers [RESULT_EVALUATION]' }],
        }),
    });
    renderApp('/experts');

    fireEvent.click(await screen.findByTestId('expert-request-x-1'));
    fireEvent.click(screen.getByTestId('advisory-submit'));
    expect((await screen.findByTestId('field-error-service')).textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-firmId').textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-message').textContent).toBe('请填写此项。');
    expect(api.callsTo(CREATE)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('advisory-service'), { target: { value: 'MARKET_RESEARCH' } });
    fireEvent.change(screen.getByTestId('advisory-firm'), { target: { value: 'firm-2' } });
    fireEvent.change(screen.getByTestId('advisory-message'), { target: { value: '想了解轨道交通传感器的市场规模。' } });
    fireEvent.click(screen.getByTestId('advisory-submit'));

    await waitFor(() =>
      expect(screen.getByTestId('field-error-service').textContent).toBe('is not offered by this expert, who offers [RESULT_EVALUATION]'),
    );
    expect(api.callsTo(CREATE)[0]!.body).toMatchObject({ firmId: 'firm-2', service: 'MARKET_RESEARCH' });
    expect(screen.queryByTestId('advisory-created')).toBeNull();
  });

  it('points to the engagement already under way', async () => {
    mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
      [EXPERTS]: () => jsonResponse(page([expert({ services: ['INVESTMENT_ADVICE'] })])),
      [CREATE]: () =>
        problemResponse(409, 'Engagement already under way', {
          detail: `There is already an active engagement between these parties about this subject: continue it at /api/v1/engagements/${ENGAGEMENT_ID}.`,
          engagementId: ENGAGEMENT_ID,
        }),
    });
    renderApp('/experts');

    fireEvent.click(await screen.findByTestId('expert-request-x-1'));
    expect((screen.getByTestId('advisory-service') as HTMLSelectElement).value).toBe('INVESTMENT_ADVICE');
    fireEvent.change(screen.getByTestId('advisory-message'), { target: { value: '再次咨询' } });
    fireEvent.click(screen.getByTestId('advisory-submit'));

    expect((await screen.findByTestId('advisory-existing-link')).getAttribute('href')).toBe(`/engagements/${ENGAGEMENT_ID}`);
    expect(screen.getByTestId('problem-title').textContent).toBe('Engagement already under way');
  });

  it('tells members without a firm that requests are for firms, and says when an expert takes none', async () => {
    mockBackend({
      [REFRESH]: signedIn(me({ memberships: [{ ...firmMembership, type: 'UNIVERSITY' }] })),
      [EXPERTS]: () => jsonResponse(page([expert()])),
    });
    renderApp('/experts');
    expect(await screen.findByTestId('experts-advisory-no-firm')).toBeDefined();
    expect(screen.queryByTestId('expert-request-x-1')).toBeNull();
  });

  it('offers no request to an expert nobody answers for', async () => {
    mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
      [EXPERTS]: () => jsonResponse(page([expert({ takesRequests: false })])),
    });
    renderApp('/experts');
    expect(await screen.findByTestId('expert-no-requests-x-1')).toBeDefined();
    expect(screen.queryByTestId('expert-request-x-1')).toBeNull();
  });
});

describe('ServiceAdvisoryPanel', () => {
  const service = resource({
    id: 'r-svc',
    kind: 'SERVICE',
    owner: { id: 'org-svc', nameZh: '湘潭检测中心', nameEn: 'Xiangtan Testing Centre', verified: true },
    content: content({ service: { serviceType: '检验检测' } }),
  });

  it('lets a firm request advice from the service organisation of a SERVICE entry', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
      'GET /api/v1/resources/r-svc': () => jsonResponse(service),
      [CREATE]: () => jsonResponse(engagement({ id: 'e-9', kind: 'ADVISORY' }), 201),
    });
    renderApp('/resources/r-svc');

    fireEvent.click(await screen.findByTestId('service-advisory-open'));
    const services = within(screen.getByTestId('advisory-service')).getAllByRole('option').map((option) => option.textContent);
    expect(services).toEqual(['请选择…', '成果评估', '投资咨询', '市场调研']);
    fireEvent.change(screen.getByTestId('advisory-service'), { target: { value: 'MARKET_RESEARCH' } });
    fireEvent.change(screen.getByTestId('advisory-message'), { target: { value: '需要一份检测市场调研。' } });
    fireEvent.click(screen.getByTestId('advisory-submit'));

    expect((await screen.findByTestId('advisory-engagement-link')).getAttribute('href')).toBe('/engagements/e-9');
    expect(api.callsTo(CREATE)[0]!.body).toEqual({
      kind: 'ADVISORY',
      subjectId: 'r-svc',
      firmId: FIRM_ID,
      service: 'MARKET_RESEARCH',
      message: '需要一份检测市场调研。',
    });
  });

  it('is not offered on other kinds, nor to the organisation’s own members', async () => {
    mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership, { ...firmMembership, organisationId: 'org-svc', type: 'RESEARCH_INSTITUTE' }] })),
      'GET /api/v1/resources/r-svc': () => jsonResponse(service),
      'GET /api/v1/resources/r-1': () => jsonResponse(resource()),
    });
    renderApp('/resources/r-svc');
    await screen.findByTestId('resource-title');
    expect(screen.queryByTestId('service-advisory')).toBeNull();
  });

  it('offers anonymous people to log in', async () => {
    mockBackend({ 'GET /api/v1/resources/r-svc': () => jsonResponse(service) });
    renderApp('/resources/r-svc');
    expect(await screen.findByTestId('service-advisory-login')).toBeDefined();
  });
});
