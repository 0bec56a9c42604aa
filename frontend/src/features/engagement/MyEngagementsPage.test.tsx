import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { engagementsQuery, existingEngagementId, yuanToFen } from './engagementApi';
import { ENGAGEMENT_ID, engagement, firmMembership, page } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/engagements';

describe('MyEngagementsPage', () => {
  it('lists my engagements with their subject, the other party, kind, status and last activity', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(me({ memberships: [firmMembership] })),
      [LIST]: () =>
        jsonResponse(
          page([
            engagement({ side: 'FIRM', status: 'MEETING_PROPOSED', lastActivityAt: '2026-12-02T02:00:00Z' }),
            engagement({
              id: 'e-2',
              kind: 'ADVISORY',
              service: 'MARKET_RESEARCH',
              side: 'FIRM',
              counterpart: { type: 'EXPERT', id: 'x-1', nameZh: '周建国', nameEn: 'Zhou Jianguo' },
              subject: { type: 'EXPERT', id: 'x-1', kind: null, titleZh: '周建国', titleEn: 'Zhou Jianguo' },
            }),
          ]),
        ),
    });
    renderApp('/');
    fireEvent.click(await screen.findByTestId('nav-engagements'));

    const link = await screen.findByTestId(`engagement-link-${ENGAGEMENT_ID}`);
    expect(link.textContent).toBe('科技型中小企业成长基金');
    expect(link.getAttribute('href')).toBe(`/engagements/${ENGAGEMENT_ID}`);
    expect(screen.getByTestId(`engagement-status-${ENGAGEMENT_ID}`).textContent).toBe('已约见');
    expect(screen.getByTestId(`engagement-status-${ENGAGEMENT_ID}`).getAttribute('data-status')).toBe('MEETING_PROPOSED');
    expect(screen.getByTestId(`engagement-other-${ENGAGEMENT_ID}`).textContent).toBe('对方：麓谷创投');
    expect(screen.getByTestId(`engagement-kind-${ENGAGEMENT_ID}`).textContent).toBe('融资对接');
    expect(screen.getByTestId(`engagement-activity-${ENGAGEMENT_ID}`).textContent).toContain('10:00');
    expect(screen.getByTestId('engagement-kind-e-2').textContent).toBe('咨询服务 · 市场调研');
    expect(screen.getByTestId('engagement-other-e-2').textContent).toBe('对方：周建国');
    expect(api.callsTo(LIST)[0]!.query.get('size')).toBe('20');
  });

  it('names the firm as the other party when I am the counterpart', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => jsonResponse(page([engagement({ side: 'COUNTERPART' })])) });
    renderApp('/engagements');
    expect((await screen.findByTestId(`engagement-other-${ENGAGEMENT_ID}`)).textContent).toBe('对方：湘江智造科技有限公司');
  });

  it('filters by status (one, or those under way), kind and side', async () => {
    const api = mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => jsonResponse(page([])) });
    renderApp('/engagements');
    expect(await screen.findByTestId('my-engagements-empty')).toBeDefined();

    fireEvent.change(screen.getByTestId('engagements-status'), { target: { value: 'ACTIVE' } });
    await waitFor(() => expect(api.callsTo(LIST)).toHaveLength(2));
    expect(api.callsTo(LIST)[1]!.query.getAll('status')).toEqual(['INTERESTED', 'ACCEPTED', 'MEETING_PROPOSED', 'MEETING_HELD', 'NEGOTIATING']);

    fireEvent.change(screen.getByTestId('engagements-status'), { target: { value: 'CLOSED' } });
    fireEvent.change(screen.getByTestId('engagements-kind'), { target: { value: 'TECHNOLOGY' } });
    fireEvent.change(screen.getByTestId('engagements-side'), { target: { value: 'COUNTERPART' } });
    await waitFor(() => expect(api.callsTo(LIST).at(-1)!.query.get('side')).toBe('COUNTERPART'));
    const last = api.callsTo(LIST).at(-1)!.query;
    expect(last.getAll('status')).toEqual(['CLOSED']);
    expect(last.get('kind')).toBe('TECHNOLOGY');
  });

  it('is for signed-in people only', async () => {
    renderApp('/');
    await screen.findByTestId('nav-login');
    expect(screen.queryByTestId('nav-engagements')).toBeNull();
    expect(screen.getByTestId('nav-experts').getAttribute('href')).toBe('/experts');
  });
});

describe('engagement API helpers', () => {
  it('repeats the status parameter', () => {
    expect(engagementsQuery({ statuses: ['CLOSED', 'DROPPED'], kind: 'ADVISORY', page: 2 })).toBe(
      '?kind=ADVISORY&page=2&size=20&status=CLOSED&status=DROPPED',
    );
  });

  it('converts yuan to fen exactly', () => {
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('500,000')).toBe(50_000_000);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1000000000000')).toBe(100_000_000_000_000);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('finds the engagement a duplicate points to', () => {
    expect(existingEngagementId({ type: 'about:blank', status: 409, title: 'Engagement already under way', extensions: { engagementId: ENGAGEMENT_ID } })).toBe(
      ENGAGEMENT_ID,
    );
    expect(existingEngagementId({ type: 'about:blank', status: 409, title: 'Not allowed in this state', extensions: { state: 'DECLINED' } })).toBeNull();
  });
});
