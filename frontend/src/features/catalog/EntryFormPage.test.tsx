import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { catalogEntry, firmMember, instrumentContent, publisher } from './publishingTestData';

const REFRESH = 'POST /api/v1/auth/refresh';
const CREATE = 'POST /api/v1/catalog/entries';
const GET = 'GET /api/v1/catalog/entries/e-1';
const PUT = 'PUT /api/v1/catalog/entries/e-1';
const IMAGES = 'GET /api/v1/catalog/entries/e-1/images';

const input = (name: string) => screen.getByTestId(`input-${name}`) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(input(name), { target: { value } });

function fillRequiredInstrument() {
  type('content.titleZh', '离子色谱仪');
  type('content.summaryZh', '阴离子与阳离子分析');
  type('content.city', 'XIANGTAN');
  type('content.instrument.category', 'ANALYTICAL');
  type('content.instrument.mainFunctions', '离子分析');
  fireEvent.click(screen.getByTestId('input-content.instrument.serviceModes-SAMPLE_SUBMISSION'));
  type('content.instrument.operatingStatus', 'IN_SERVICE');
}

describe('EntryFormPage', () => {
  it('checks the required fields before sending anything', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(publisher()) });
    renderApp('/publish/new?kind=INSTRUMENT&organisationId=org-1');
    fireEvent.click(await screen.findByTestId('publish-save'));

    expect((await screen.findByTestId('field-error-content.titleZh')).textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-content.instrument.mainFunctions')).toBeTruthy();
    expect(screen.getByTestId('field-error-content.instrument.serviceModes')).toBeTruthy();
    expect(input('content.titleZh').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input('content.titleZh')));
    expect(backend.callsTo(CREATE)).toHaveLength(0);
  });

  it('creates the entry (money in yuan sent in fen), submits it and continues on its page', async () => {
    const created = catalogEntry();
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [CREATE]: () => jsonResponse(created, 201),
      'POST /api/v1/catalog/entries/e-1/submit': () => jsonResponse({ ...created, review: 'PENDING' }),
      [GET]: () => jsonResponse({ ...created, review: 'PENDING' }),
      [IMAGES]: () => jsonResponse([]),
    });
    renderApp('/publish/new?kind=INSTRUMENT&organisationId=org-1');
    await screen.findByTestId('publish-form');
    fillRequiredInstrument();
    type('content.instrument.internalPrice.amountFen', '85.5');
    type('content.instrument.internalPrice.unit', 'PER_HOUR');
    type('content.tags', '离子, 色谱');
    fireEvent.click(screen.getByTestId('publish-save-submit'));

    expect((await screen.findByTestId('publish-form-notice')).textContent).toContain('提交审核');
    const body = backend.callsTo(CREATE)[0]!.body as { kind: string; ownerOrganisationId: string; content: Record<string, unknown> };
    expect(body.kind).toBe('INSTRUMENT');
    expect(body.ownerOrganisationId).toBe('org-1');
    expect(body.content).toMatchObject({
      titleZh: '离子色谱仪',
      city: 'XIANGTAN',
      tags: ['离子', '色谱'],
      instrument: {
        category: 'ANALYTICAL',
        serviceModes: ['SAMPLE_SUBMISSION'],
        internalPrice: { amountFen: 8550, unit: 'PER_HOUR' },
      },
    });
    expect((body.content.instrument as Record<string, unknown>).trainingRequired).toBeUndefined();
    expect(screen.getByTestId('publish-form-pending')).toBeTruthy();
  });

  it('shows the server’s field errors next to the inputs, nested ones too', async () => {
    mockBackend({
      [REFRESH]: signedIn(publisher()),
      [CREATE]: () =>
        problemResponse(400, 'Bad Request', {
          errors: [
            { field: 'content.instrument.model', message: 'must be at most 100 characters' },
            { field: 'content.instrument.internalPrice', message: 'must be given' },
            { field: 'content.tags[1]', message: 'must be at most 30 characters' },
            { field: 'somethingElse', message: 'is odd' },
          ],
        }),
    });
    renderApp('/publish/new?kind=INSTRUMENT&organisationId=org-1');
    await screen.findByTestId('publish-form');
    fillRequiredInstrument();
    fireEvent.click(screen.getByTestId('publish-save'));

    expect((await screen.findByTestId('field-error-content.instrument.model')).textContent).toBe('must be at most 100 characters');
    expect(screen.getByTestId('field-error-content.instrument.internalPrice.amountFen').textContent).toBe('must be given');
    expect(screen.getByTestId('field-error-content.tags').textContent).toBe('must be at most 30 characters');
    expect(screen.getByTestId('problem-field-error-somethingElse')).toBeTruthy();
  });

  it('keeps what was typed when someone else changed the entry (409), and reloads on request', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [GET]: [() => jsonResponse(catalogEntry()), () => jsonResponse(catalogEntry({ version: 4, draft: instrumentContent({ titleZh: '别人改过的标题' }) }))],
      [PUT]: () => problemResponse(409, 'Conflict', { detail: 'Someone else changed this entry meanwhile (it is now at version 4).' }),
      [IMAGES]: () => jsonResponse([]),
    });
    renderApp('/publish/entries/e-1');
    await screen.findByTestId('publish-form');
    expect(input('content.titleZh').value).toBe('离子色谱仪');
    type('content.titleZh', '我的新标题');
    fireEvent.click(screen.getByTestId('publish-save'));

    expect((await screen.findByTestId('publish-conflict')).textContent).toContain('其他人已修改了该资源');
    expect(input('content.titleZh').value).toBe('我的新标题');
    expect(backend.callsTo(PUT)[0]!.body).toMatchObject({ version: 3, content: { titleZh: '我的新标题' } });

    fireEvent.click(screen.getByTestId('publish-conflict-reload'));
    await waitFor(() => expect(input('content.titleZh').value).toBe('别人改过的标题'));
    expect(screen.queryByTestId('publish-conflict')).toBeNull();
  });

  it('shows the rejection reason, and that the published version stays visible', async () => {
    mockBackend({
      [REFRESH]: signedIn(publisher()),
      [GET]: () => jsonResponse(catalogEntry({ status: 'PUBLISHED', review: 'REJECTED', rejectionReason: '价格单位有误。', published: instrumentContent() })),
      [IMAGES]: () => jsonResponse([]),
    });
    renderApp('/publish/entries/e-1');
    expect((await screen.findByTestId('publish-form-rejection')).textContent).toContain('价格单位有误。');
    expect(screen.getByTestId('publish-form-published-note')).toBeTruthy();
  });

  it('loads a saved entry into the form (fen shown as yuan) and saves it with its version', async () => {
    const entry = catalogEntry({
      draft: instrumentContent({ instrument: { ...instrumentContent().instrument, purchaseValueFen: 123456789, trainingRequired: true } }),
    });
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [GET]: () => jsonResponse(entry),
      [PUT]: () => jsonResponse({ ...entry, version: 4 }),
      [IMAGES]: () => jsonResponse([]),
    });
    renderApp('/publish/entries/e-1');
    await screen.findByTestId('publish-form');
    expect(input('content.instrument.purchaseValueFen').value).toBe('1234567.89');
    expect(input('content.instrument.trainingRequired').checked).toBe(true);
    fireEvent.click(screen.getByTestId('publish-save'));

    expect((await screen.findByTestId('publish-form-notice')).textContent).toBe('草稿已保存。');
    expect(backend.callsTo(PUT)[0]!.body).toMatchObject({
      version: 3,
      content: { instrument: { purchaseValueFen: 123456789, trainingRequired: true } },
    });
  });

  it('lets a firm’s member write the firm’s technology need: its own fields, readiness as a number, the deadline as a date', async () => {
    const created = catalogEntry({ kind: 'TECH_NEED', ownerOrganisationId: 'firm-1' });
    const backend = mockBackend({
      [REFRESH]: signedIn(firmMember()),
      [CREATE]: () => jsonResponse(created, 201),
      [GET]: () => jsonResponse(created),
      [IMAGES]: () => jsonResponse([]),
    });
    renderApp('/publish/new?kind=TECH_NEED&organisationId=firm-1');
    await screen.findByTestId('publish-kind-fields-TECH_NEED');
    expect(screen.getByTestId('publish-form-kind').textContent).toBe('技术需求');
    type('content.titleZh', '牵引电机冷却合作研发');
    type('content.summaryZh', '温升偏高，征集合作团队');
    type('content.city', 'ZHUZHOU');
    fireEvent.click(screen.getByTestId('publish-save'));
    expect((await screen.findByTestId('field-error-content.techNeed.needType')).textContent).toBe('请填写此项。');
    expect(screen.getByTestId('field-error-content.techNeed.dealModes')).toBeTruthy();
    expect(backend.callsTo(CREATE)).toHaveLength(0);

    type('content.techNeed.needType', 'JOINT_DEVELOPMENT');
    fireEvent.click(screen.getByTestId('input-content.techNeed.dealModes-JOINT_DEVELOPMENT'));
    type('content.techNeed.budgetMinFen', '500000');
    type('content.techNeed.budgetMaxFen', '100000');
    type('content.techNeed.deadline', '2020-01-01');
    fireEvent.click(screen.getByTestId('publish-save'));
    expect((await screen.findByTestId('field-error-content.techNeed.budgetMaxFen')).textContent).toBe('最高预算不能小于最低预算。');
    expect(screen.getByTestId('field-error-content.techNeed.deadline').textContent).toBe('截止日期不能早于今天。');
    expect(input('content.techNeed.deadline').type).toBe('date');

    type('content.techNeed.budgetMaxFen', '2000000');
    type('content.techNeed.deadline', '2999-06-30');
    type('content.techNeed.minTrl', '5');
    fireEvent.click(screen.getByTestId('publish-save'));
    await waitFor(() => expect(backend.callsTo(CREATE)).toHaveLength(1));
    expect(backend.callsTo(CREATE)[0]!.body).toMatchObject({
      kind: 'TECH_NEED',
      ownerOrganisationId: 'firm-1',
      content: {
        techNeed: {
          needType: 'JOINT_DEVELOPMENT',
          dealModes: ['JOINT_DEVELOPMENT'],
          budgetMinFen: 50000000,
          budgetMaxFen: 200000000,
          deadline: '2999-06-30',
          minTrl: 5,
        },
      },
    });
  });

  it('refuses a kind the user may not write for the organisation: a firm’s member writes needs only', async () => {
    mockBackend({ [REFRESH]: signedIn(firmMember()) });
    renderApp('/publish/new?kind=INSTRUMENT&organisationId=firm-1');
    expect(await screen.findByTestId('publish-new-invalid')).toBeTruthy();
  });

  it('refuses an unknown kind or an organisation the user does not publish for', async () => {
    mockBackend({ [REFRESH]: signedIn(publisher()) });
    renderApp('/publish/new?kind=INSTRUMENT&organisationId=org-x');
    expect(await screen.findByTestId('publish-new-invalid')).toBeTruthy();
  });
});
