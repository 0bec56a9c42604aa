import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { FIRM, firmMembership, firmProfile, myFirm } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const MINE = 'GET /api/v1/me/firm-profiles';
const PROFILE = `GET /api/v1/organisations/${FIRM.id}/firm-profile`;
const SAVE = `PUT /api/v1/organisations/${FIRM.id}/firm-profile`;

const firmUser = () => me({ roles: ['FIRM'], memberships: [firmMembership()] });
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('MyFirmsPage', () => {
  it('lists my firms with their profile editor and their matches, and is in the menu', async () => {
    mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm(), myFirm({ organisation: { id: 'firm-2', nameZh: '株洲轨交', nameEn: 'Zhuzhou Rail' }, hasProfile: false, discoverable: null, version: null, updatedAt: null })]),
    });
    renderApp('/firms');

    expect((await screen.findByTestId(`my-firm-state-${FIRM.id}`)).textContent).toBe('对投资方和技术持有方可见');
    expect(screen.getByTestId(`membership-firm-profile-${FIRM.id}`).getAttribute('href')).toBe(`/firms/${FIRM.id}/profile`);
    expect(screen.getByTestId(`firm-matches-${FIRM.id}`).getAttribute('href')).toBe(`/firms/${FIRM.id}/matches`);
    expect(screen.getByTestId('my-firm-state-firm-2').textContent).toBe('尚未填写企业画像');
    expect(screen.getByTestId('membership-firm-profile-firm-2').textContent).toContain('填写企业画像');
    expect(screen.getByTestId('nav-my-firms').getAttribute('href')).toBe('/firms');
  });
});

describe('FirmProfilePage', () => {
  it('creates a profile: amounts typed in yuan are sent in fen, without a version', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm({ hasProfile: false, discoverable: null, version: null, updatedAt: null })]),
      [PROFILE]: () => problemResponse(404, 'Not Found'),
      [SAVE]: (request) => jsonResponse(firmProfile({ ...(request.body as object), version: 0, qualifications: [] }), 201),
    });
    renderApp(`/firms/${FIRM.id}/profile`);

    expect((await screen.findByTestId('firm-profile-firm')).textContent).toBe(FIRM.nameZh);
    expect(screen.getByTestId('firm-profile-new')).toBeDefined();
    expect(screen.getByTestId('firm-profile-privacy').textContent).toContain('只有在企业接受对接之后');
    fireEvent.click(screen.getByTestId('input-industryChains-NEW_ENERGY'));
    fireEvent.click(screen.getByTestId('input-industryChains-ENERGY_STORAGE_MATERIALS'));
    type('input-products', ' 储能电池 ');
    type('input-stage', 'START_UP');
    type('input-city', 'ZHUZHOU');
    type('input-district', '天元区');
    type('input-foundedYear', '2020');
    type('input-employees', 'UP_TO_20');
    type('input-fundingNeed.amountMinFen', '1000000');
    type('input-fundingNeed.amountMaxFen', '5000000.5');
    type('input-fundingNeed.purpose', '中试线');
    fireEvent.click(screen.getByTestId('input-fundingNeed.instruments-LOAN'));
    fireEvent.click(screen.getByTestId('firm-profile-add-qualification'));
    type('input-qualifications[0].qualification', 'TECH_SME');
    type('input-qualifications[0].certificateNumber', '2024430100A001');
    type('input-qualifications[0].expiresOn', '2026-12-31');
    type('input-patents.invention', '2');
    type('input-patents.numbers', 'ZL1\n\nZL2 ');
    type('input-technologyNeeds', '电池管理系统');
    type('input-contact.name', '周经理');
    type('input-contact.email', 'zhou@example.cn');
    fireEvent.click(screen.getByTestId('input-discoverable'));
    fireEvent.click(screen.getByTestId('firm-profile-save'));

    expect((await screen.findByTestId('firm-profile-saved')).querySelector('a')!.getAttribute('href')).toBe(`/firms/${FIRM.id}/matches`);
    expect(backend.callsTo(SAVE)[0]!.body).toEqual({
      industryChains: ['NEW_ENERGY', 'ENERGY_STORAGE_MATERIALS'],
      products: '储能电池',
      stage: 'START_UP',
      city: 'ZHUZHOU',
      district: '天元区',
      location: null,
      foundedYear: 2020,
      employees: 'UP_TO_20',
      revenue: null,
      qualifications: [{ qualification: 'TECH_SME', certificateNumber: '2024430100A001', expiresOn: '2026-12-31' }],
      patents: { invention: 2, utilityModel: 0, design: 0, softwareCopyright: 0, numbers: ['ZL1', 'ZL2'] },
      fundingNeed: { amountMinFen: 100_000_000, amountMaxFen: 500_000_050, purpose: '中试线', instruments: ['LOAN'] },
      technologyNeeds: '电池管理系统',
      contact: { name: '周经理', phone: null, email: 'zhou@example.cn' },
      discoverable: true,
    });
  });

  it('shows the saved profile, sends its version back and shows the server’s objections next to their fields', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [PROFILE]: () => jsonResponse(firmProfile()),
      [SAVE]: [
        () =>
          problemResponse(400, 'Bad Request', {
            errors: [
              { field: 'fundingNeed.amountMaxFen', message: 'must not be less than amountMinFen' },
              { field: 'qualifications[0].certificateNumber', message: 'must be at most 50 characters' },
              { field: 'patents.numbers[1]', message: 'must be at most 40 characters' },
            ],
          }),
        (request) => jsonResponse(firmProfile({ ...(request.body as object), version: 4 })),
      ],
    });
    renderApp(`/firms/${FIRM.id}/profile`);

    await waitFor(() => expect(input('input-products').value).toBe('磷酸铁锂正极材料'));
    expect(input('input-fundingNeed.amountMinFen').value).toBe('5000000');
    expect(input('input-fundingNeed.amountMaxFen').value).toBe('20000000');
    expect(input('input-industryChains-NEW_ENERGY').checked).toBe(true);
    expect(input('input-fundingNeed.instruments-EQUITY').checked).toBe(true);
    expect(input('input-qualifications[0].certificateNumber').value).toBe('GR202343001234');
    expect(input('input-contact.phone').value).toBe('0731-88886666');
    expect(input('input-discoverable').checked).toBe(true);
    expect(screen.getByTestId('input-revenue').closest('.field')!.textContent).toContain('保密');

    fireEvent.click(screen.getByTestId('firm-profile-save'));
    expect((await screen.findByTestId('field-error-fundingNeed.amountMaxFen')).textContent).toBe('must not be less than amountMinFen');
    expect(screen.getByTestId('field-error-qualifications[0].certificateNumber').textContent).toBe('must be at most 50 characters');
    expect(screen.getByTestId('field-error-patents.numbers').textContent).toBe('must be at most 40 characters');
    expect(screen.queryByTestId('firm-profile-saved')).toBeNull();

    fireEvent.click(screen.getByTestId('firm-profile-remove-qualification-0'));
    fireEvent.click(screen.getByTestId('firm-profile-save'));
    await screen.findByTestId('firm-profile-saved');
    const sent = backend.callsTo(SAVE).map((call) => call.body as { version: number; qualifications: unknown[] });
    expect(sent.map((body) => body.version)).toEqual([3, 3]);
    expect(sent[1]!.qualifications).toEqual([]);
    expect(screen.queryByTestId('field-error-fundingNeed.amountMaxFen')).toBeNull();
  });

  it('checks what it can before sending, and shows a conflict above the form', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(firmUser()),
      [MINE]: () => jsonResponse([myFirm()]),
      [PROFILE]: () => jsonResponse(firmProfile()),
      [SAVE]: () => problemResponse(409, 'Conflict', { detail: 'Someone changed this profile meanwhile.' }),
    });
    renderApp(`/firms/${FIRM.id}/profile`);
    await waitFor(() => expect(input('input-products').value).toBe('磷酸铁锂正极材料'));

    fireEvent.click(screen.getByTestId('input-industryChains-ENERGY_STORAGE_MATERIALS'));
    fireEvent.click(screen.getByTestId('input-industryChains-NEW_ENERGY'));
    type('input-fundingNeed.amountMinFen', '3000');
    type('input-fundingNeed.amountMaxFen', '20.005');
    fireEvent.click(screen.getByTestId('firm-profile-save'));
    expect((await screen.findByTestId('field-error-industryChains')).textContent).toBe('请至少选择一条产业链。');
    expect(screen.getByTestId('field-error-fundingNeed.amountMaxFen').textContent).toContain('最多两位小数');
    expect(backend.callsTo(SAVE)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('input-industryChains-BIOMEDICINE'));
    type('input-fundingNeed.amountMaxFen', '2000');
    fireEvent.click(screen.getByTestId('firm-profile-save'));
    expect((await screen.findByTestId('field-error-fundingNeed.amountMaxFen')).textContent).toBe('上限不能低于下限。');

    type('input-fundingNeed.amountMaxFen', '');
    fireEvent.click(screen.getByTestId('firm-profile-save'));
    const alert = await screen.findByTestId('problem-alert');
    expect(within(alert).getByTestId('problem-detail').textContent).toBe('Someone changed this profile meanwhile.');
    expect((backend.callsTo(SAVE)[0]!.body as { fundingNeed: unknown }).fundingNeed).toEqual({
      amountMinFen: 300_000,
      amountMaxFen: null,
      purpose: '扩建产线',
      instruments: ['EQUITY'],
    });
  });
});
