import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { admin, jsonResponse, me, mockBackend, problemResponse, signedIn, type RouteHandler } from '../../test/api';
import { renderApp } from '../../test/render';
import { THREAD_POLL_MS } from './EngagementThread';
import { accepted, ENGAGEMENT_ID, engagement, event, firmMembership, message, page } from './testData';
import type { Engagement } from './types';

const REFRESH = 'POST /api/v1/auth/refresh';
const PATH = `/api/v1/engagements/${ENGAGEMENT_ID}`;
const GET = `GET ${PATH}`;
const EVENTS = `GET ${PATH}/events`;
const MESSAGES = `GET ${PATH}/messages`;
const POST_MESSAGE = `POST ${PATH}/messages`;

function backend(current: Engagement | RouteHandler[], overrides: Record<string, RouteHandler | RouteHandler[]> = {}) {
  return mockBackend({
    [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
    [GET]: Array.isArray(current) ? current : () => jsonResponse(current),
    [EVENTS]: () => jsonResponse([event()]),
    [MESSAGES]: () => jsonResponse(page([message()])),
    ...overrides,
  });
}

const status = () => screen.getByTestId('engagement-status');

describe('EngagementPage', () => {
  it('shows the subject, the parties, the status and the history; contact details stay hidden before the acceptance', async () => {
    backend(engagement());
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    expect((await screen.findByTestId('engagement-subject')).textContent).toBe('科技型中小企业成长基金');
    expect(status().getAttribute('data-status')).toBe('INTERESTED');
    expect(status().textContent).toBe('已表达意向');
    expect(screen.getByTestId('engagement-firm').textContent).toContain('湘江智造科技有限公司');
    expect(screen.getByTestId('engagement-counterpart').textContent).toContain('麓谷创投（我方）');
    expect(screen.getByTestId('engagement-contacts-hidden').textContent).toBe('对方接受后，双方才能看到彼此的联系方式。');
    expect(screen.queryByTestId('engagement-contacts-shown')).toBeNull();
    expect(screen.getByTestId('engagement-action-ACCEPT')).toBeDefined();
    expect(screen.getByTestId('engagement-action-DECLINE')).toBeDefined();
    expect(screen.queryByTestId('engagement-action-WITHDRAW')).toBeNull();

    const history = await screen.findByTestId('engagement-history');
    expect(within(history).getByTestId('engagement-event-step').textContent).toBe('已表达意向');
    expect(history.textContent).toContain('希望了解基金的申请条件。');
    expect(history.textContent).toContain('张敏');
  });

  it('accepts with a message; then both sides’ contact details are shown', async () => {
    const api = backend(engagement(), { [`POST ${PATH}/accept`]: () => jsonResponse(accepted()) });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-ACCEPT'));
    fireEvent.change(screen.getByTestId('engagement-field-note'), { target: { value: '欢迎来访。' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));

    await waitFor(() => expect(status().getAttribute('data-status')).toBe('ACCEPTED'));
    expect(api.callsTo(`POST ${PATH}/accept`)[0]!.body).toEqual({ version: 0, note: '欢迎来访。' });
    expect(screen.getByTestId('engagement-action-notice').textContent).toBe('已完成：接受。');
    expect(screen.queryByTestId('engagement-contacts-hidden')).toBeNull();
    expect(screen.getByTestId('engagement-contacts-shown')).toBeDefined();
    expect(screen.getByTestId('engagement-contact-firm-name').textContent).toBe('张敏');
    expect(screen.getByTestId('engagement-contact-firm-email').textContent).toBe('zhang.min@xjzz.example.cn');
    expect(screen.getByTestId('engagement-contact-counterpart-phone').textContent).toBe('0731-84440000');
    expect(screen.getByTestId('engagement-contact-counterpart-address').textContent).toBe('长沙市岳麓区麓谷大道 1 号');
    expect(screen.queryByTestId('engagement-contact-subject')).toBeNull();
    expect(screen.getByTestId('engagement-action-PROPOSE_MEETING')).toBeDefined();
    expect(screen.queryByTestId('engagement-action-ACCEPT')).toBeNull();
    await waitFor(() => expect(api.callsTo(EVENTS)).toHaveLength(2));
  });

  it('declines only with a reason', async () => {
    const api = backend(engagement(), {
      [`POST ${PATH}/decline`]: () => jsonResponse(engagement({ status: 'DECLINED', reason: '投资方向不符', actions: [], version: 1 })),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-DECLINE'));
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    expect((await screen.findByTestId('field-error-reason')).textContent).toBe('请填写此项。');
    expect(api.callsTo(`POST ${PATH}/decline`)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('engagement-field-reason'), { target: { value: '投资方向不符' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('DECLINED'));
    expect(api.callsTo(`POST ${PATH}/decline`)[0]!.body).toEqual({ version: 0, reason: '投资方向不符' });
    expect(screen.getByTestId('engagement-reason').textContent).toBe('投资方向不符');
    expect(screen.getByTestId('engagement-no-actions')).toBeDefined();
  });

  it('shows a 409 when the state no longer allows the step, and reads the engagement again', async () => {
    const api = backend([() => jsonResponse(engagement()), () => jsonResponse(engagement({ status: 'WITHDRAWN', actions: [], version: 1 }))], {
      [`POST ${PATH}/accept`]: () =>
        problemResponse(409, 'Not allowed in this state', { detail: 'An engagement that is WITHDRAWN cannot be accepted.', status: 409 }),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-ACCEPT'));
    fireEvent.click(screen.getByTestId('engagement-action-submit'));

    expect((await screen.findByTestId('problem-detail')).textContent).toBe('An engagement that is WITHDRAWN cannot be accepted.');
    expect(screen.getByTestId('problem-status').textContent).toContain('409');
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('WITHDRAWN'));
    expect(api.callsTo(GET)).toHaveLength(2);
    expect(screen.queryByTestId('engagement-action-ACCEPT')).toBeNull();
    expect(screen.queryByTestId('engagement-action-submit')).toBeNull();
  });

  it('shows 404 for an engagement the caller may not see', async () => {
    backend([() => problemResponse(404, 'Not Found', { detail: 'The engagement does not exist.' })]);
    renderApp(`/engagements/${ENGAGEMENT_ID}`);
    expect(await screen.findByTestId('engagement-not-found')).toBeDefined();
    expect(screen.getByTestId('problem-detail').textContent).toBe('The engagement does not exist.');
  });

  it('proposes an in-person meeting in Beijing time; the place is required', async () => {
    const api = backend(accepted(), {
      [`POST ${PATH}/propose-meeting`]: () =>
        jsonResponse(
          accepted({
            status: 'MEETING_PROPOSED',
            version: 2,
            meeting: { startsAt: '2026-12-10T02:00:00Z', mode: 'IN_PERSON', place: '麓谷大道 1 号', note: null, proposedBy: 'COUNTERPART' },
            actions: ['PROPOSE_MEETING', 'MEETING_HELD', 'DROP', 'SEND_MESSAGE'],
          }),
        ),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-PROPOSE_MEETING'));
    fireEvent.change(screen.getByTestId('engagement-field-startsAt'), { target: { value: '2026-12-10T10:00' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    expect((await screen.findByTestId('field-error-place')).textContent).toBe('请填写此项。');

    fireEvent.change(screen.getByTestId('engagement-field-place'), { target: { value: '麓谷大道 1 号' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('MEETING_PROPOSED'));
    expect(api.callsTo(`POST ${PATH}/propose-meeting`)[0]!.body).toEqual({
      version: 1,
      startsAt: '2026-12-10T02:00:00Z',
      mode: 'IN_PERSON',
      place: '麓谷大道 1 号',
      note: null,
    });
    expect(screen.getByTestId('engagement-meeting').textContent).toContain('10:00');
    expect(screen.getByTestId('engagement-meeting').textContent).toContain('线下会面 · 麓谷大道 1 号');
  });

  it('shows the server’s field errors next to the fields', async () => {
    backend(accepted(), {
      [`POST ${PATH}/propose-meeting`]: () =>
        problemResponse(400, 'Invalid request', { errors: [{ field: 'startsAt', message: 'must be in the future' }] }),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-PROPOSE_MEETING'));
    fireEvent.change(screen.getByTestId('engagement-field-startsAt'), { target: { value: '2020-01-01T10:00' } });
    fireEvent.change(screen.getByTestId('engagement-field-mode'), { target: { value: 'ONLINE' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    expect((await screen.findByTestId('field-error-startsAt')).textContent).toBe('must be in the future');
    expect(status().getAttribute('data-status')).toBe('ACCEPTED');
  });

  it('records the deal with the amount in yuan sent in fen', async () => {
    const negotiating = accepted({ status: 'NEGOTIATING', version: 4, actions: ['CLOSE', 'DROP', 'SEND_MESSAGE'] });
    const api = backend(negotiating, {
      [`POST ${PATH}/close`]: () =>
        jsonResponse({ ...negotiating, status: 'CLOSED', version: 5, deal: { type: 'EQUITY', amountFen: 500_000_000, note: null }, actions: ['SEND_MESSAGE'] }),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-CLOSE'));
    const options = within(screen.getByTestId('engagement-field-dealType')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['请选择…', '股权投资', '贷款', '担保', '资助']);
    fireEvent.change(screen.getByTestId('engagement-field-dealType'), { target: { value: 'EQUITY' } });
    fireEvent.change(screen.getByTestId('engagement-field-amountFen'), { target: { value: '5000000.5' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    await waitFor(() => expect(api.callsTo(`POST ${PATH}/close`)).toHaveLength(1));
    expect(api.callsTo(`POST ${PATH}/close`)[0]!.body).toEqual({ version: 4, dealType: 'EQUITY', amountFen: 500_000_050, note: null });
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('CLOSED'));
    expect(screen.getByTestId('engagement-deal').textContent).toBe('股权投资 · ¥5,000,000');
  });

  it('refuses an amount that is not in yuan', async () => {
    const api = backend(accepted({ status: 'NEGOTIATING', kind: 'ADVISORY', actions: ['CLOSE', 'DROP', 'SEND_MESSAGE'] }));
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-CLOSE'));
    // An advisory request closes only with a service contract: it is chosen already.
    expect((screen.getByTestId('engagement-field-dealType') as HTMLSelectElement).value).toBe('SERVICE_CONTRACT');
    fireEvent.change(screen.getByTestId('engagement-field-amountFen'), { target: { value: '12.345' } });
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    expect((await screen.findByTestId('field-error-amountFen')).textContent).toBe('请输入以元为单位的金额，最多两位小数。');
    expect(api.callsTo(`POST ${PATH}/close`)).toHaveLength(0);
  });

  it('lets the side that expressed interest withdraw it, with an optional reason', async () => {
    const api = backend(engagement({ side: 'FIRM', actions: ['WITHDRAW', 'SEND_MESSAGE'] }), {
      [`POST ${PATH}/withdraw`]: () => jsonResponse(engagement({ side: 'FIRM', status: 'WITHDRAWN', actions: [], version: 1 })),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.click(await screen.findByTestId('engagement-action-WITHDRAW'));
    fireEvent.click(screen.getByTestId('engagement-action-submit'));
    await waitFor(() => expect(status().getAttribute('data-status')).toBe('WITHDRAWN'));
    expect(api.callsTo(`POST ${PATH}/withdraw`)[0]!.body).toEqual({ version: 0, reason: null });
  });
});

describe('EngagementPage thread', () => {
  it('shows the messages and sends one', async () => {
    const sent = message({ id: 'm-2', author: { id: 'u-1', displayName: '李华' }, side: 'COUNTERPART', text: '请发来商业计划书。' });
    const api = backend(engagement(), { [POST_MESSAGE]: () => jsonResponse(sent, 201) });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    await waitFor(() => expect(screen.getAllByTestId('engagement-message-text').map((item) => item.textContent)).toEqual(['您好，我们正在筹备 A 轮融资。']));
    expect(api.callsTo(MESSAGES)[0]!.query.get('size')).toBe('200');

    fireEvent.click(screen.getByTestId('engagement-message-send'));
    expect((await screen.findByTestId('field-error-text')).textContent).toBe('请填写此项。');
    expect(api.callsTo(POST_MESSAGE)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('engagement-message-input'), { target: { value: '请发来商业计划书。' } });
    fireEvent.click(screen.getByTestId('engagement-message-send'));
    await waitFor(() =>
      expect(screen.getAllByTestId('engagement-message-text').map((item) => item.textContent)).toEqual([
        '您好，我们正在筹备 A 轮融资。',
        '请发来商业计划书。',
      ]),
    );
    expect(api.callsTo(POST_MESSAGE)[0]!.body).toEqual({ text: '请发来商业计划书。' });
    expect((screen.getByTestId('engagement-message-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('reads the thread again on refresh and every 15 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = backend(engagement(), {
      [MESSAGES]: [
        () => jsonResponse(page([message()])),
        () => jsonResponse(page([message(), message({ id: 'm-2', text: '第二条' })])),
        () => jsonResponse(page([message(), message({ id: 'm-2', text: '第二条' }), message({ id: 'm-3', text: '第三条' })])),
      ],
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);
    await waitFor(() => expect(screen.getAllByTestId('engagement-message-text')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('engagement-messages-refresh'));
    await waitFor(() => expect(screen.getAllByTestId('engagement-message-text')).toHaveLength(2));

    await act(async () => {
      vi.advanceTimersByTime(THREAD_POLL_MS);
    });
    await waitFor(() => expect(screen.getAllByTestId('engagement-message-text')).toHaveLength(3));
    expect(api.callsTo(MESSAGES)).toHaveLength(3);
  });

  it('shows why a message was refused', async () => {
    backend(engagement(), {
      [POST_MESSAGE]: () => problemResponse(409, 'Not allowed in this state', { detail: 'An engagement that is DECLINED cannot take messages.' }),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);

    fireEvent.change(await screen.findByTestId('engagement-message-input'), { target: { value: '还在吗？' } });
    fireEvent.click(screen.getByTestId('engagement-message-send'));
    expect((await screen.findByTestId('problem-detail')).textContent).toBe('An engagement that is DECLINED cannot take messages.');
  });

  it('lets an admin read but neither act nor write', async () => {
    mockBackend({
      [REFRESH]: signedIn(admin()),
      [GET]: () => jsonResponse(accepted({ side: null, actions: [] })),
      [EVENTS]: () => jsonResponse([event()]),
      [MESSAGES]: () => jsonResponse(page([message()])),
    });
    renderApp(`/engagements/${ENGAGEMENT_ID}`);
    expect((await screen.findByTestId('engagement-no-actions')).textContent).toBe('您以管理员身份查看此对接，只有双方可以推进或留言。');
    expect(screen.getByTestId('engagement-thread-closed').textContent).toBe('管理员只能查看留言，不能发言。');
    expect(screen.getByTestId('engagement-contacts-shown')).toBeDefined();
  });

  it('offers no input once the thread is closed', async () => {
    backend(engagement({ status: 'DECLINED', actions: [] }));
    renderApp(`/engagements/${ENGAGEMENT_ID}`);
    expect(await screen.findByTestId('engagement-thread-closed')).toBeDefined();
    expect(screen.queryByTestId('engagement-message-input')).toBeNull();
  });
});
