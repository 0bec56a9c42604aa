import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from '../catalog/testData';
import type { Membership } from '../identity/types';
import { FIRM, entryMatch, firmMatch, matchEntry, page } from './testData';

const REFRESH = 'POST /api/v1/auth/refresh';
const DETAIL = 'GET /api/v1/resources/r-1';
const ENGAGE = 'POST /api/v1/engagements';
const OWNER = { id: 'inv-1', nameZh: '湘江资本', nameEn: 'Xiangjiang Capital', verified: true };

const ownerMembership: Membership = {
  organisationId: OWNER.id,
  nameZh: OWNER.nameZh,
  nameEn: OWNER.nameEn,
  type: 'INVESTOR',
  verificationStatus: 'VERIFIED',
  role: 'MEMBER',
};
const owner = () => me({ roles: ['INVESTOR'], memberships: [ownerMembership] });
const entryOf = (kind: string) => resource({ kind, owner: OWNER, content: content() });

describe('EntryMatchesPanel', () => {
  it('shows a financing entry’s owner the matching firms, explained, and approaches one about the entry', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(owner()),
      [DETAIL]: () => jsonResponse(entryOf('FINANCING')),
      'GET /api/v1/matching/entries/r-1/firms': () => jsonResponse(page([firmMatch()])),
      [ENGAGE]: () => jsonResponse({ id: 'g-2', status: 'INTERESTED' }, 201),
    });
    renderApp('/resources/r-1');

    const panel = await screen.findByTestId('entry-matches-panel');
    const row = await within(panel).findByTestId(`entry-match-row-${FIRM.id}`);
    expect(within(row).getByTestId(`entry-match-title-${FIRM.id}`).textContent).toBe(FIRM.nameZh);
    expect(within(row).getByTestId(`entry-match-score-${FIRM.id}`).textContent).toBe('匹配度 64');
    expect(within(row).queryByTestId(`entry-match-new-${FIRM.id}`)).toBeNull();
    expect(within(row).getByTestId(`entry-match-card-${FIRM.id}`).textContent).toContain('¥5,000,000 – ¥20,000,000');
    expect(within(row).getByTestId(`entry-match-criterion-${FIRM.id}-DISTANCE`).getAttribute('data-met')).toBe('false');
    expect(within(row).getByTestId(`entry-match-explanation-${FIRM.id}`).textContent).toContain('同属新材料产业链');

    fireEvent.click(within(row).getByTestId(`entry-match-interest-open-${FIRM.id}`));
    fireEvent.change(screen.getByTestId(`entry-match-interest-message-${FIRM.id}`), { target: { value: '我们的基金关注储能。' } });
    fireEvent.click(screen.getByTestId(`entry-match-interest-submit-${FIRM.id}`));

    expect((await screen.findByTestId(`entry-match-engagement-link-${FIRM.id}`)).getAttribute('href')).toBe('/engagements/g-2');
    expect(backend.callsTo(ENGAGE)[0]!.body).toEqual({ kind: 'FINANCING', subjectId: 'r-1', firmId: FIRM.id, message: '我们的基金关注储能。' });
  });

  it('shows an offering’s owner the firms and the technology needs it answers, and answers a need for the organisation', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(owner()),
      [DETAIL]: () => jsonResponse(entryOf('TECH_OFFERING')),
      'GET /api/v1/matching/entries/r-1/needs': (request) =>
        jsonResponse(
          page(
            request.query.get('source') === 'FIRM'
              ? [firmMatch()]
              : [entryMatch({ entry: matchEntry({ id: 'n-1', kind: 'TECH_NEED', titleZh: '电池热管理需求', organisation: FIRM }) })],
          ),
        ),
      [ENGAGE]: () => problemResponse(409, 'Engagement already under way', { engagementId: 'g-9' }),
    });
    renderApp('/resources/r-1');

    const firms = await screen.findByTestId('entry-matches-firms');
    expect(await within(firms).findByTestId(`entry-match-row-${FIRM.id}`)).toBeDefined();
    const needs = screen.getByTestId('entry-matches-needs');
    const need = await within(needs).findByTestId('entry-match-row-n-1');
    expect(within(need).getByRole('link', { name: '电池热管理需求' }).getAttribute('href')).toBe('/resources/n-1');
    expect(within(need).getByTestId('entry-match-new-n-1')).toBeDefined();
    expect(backend.callsTo('GET /api/v1/matching/entries/r-1/needs').map((call) => call.query.get('source')).sort()).toEqual(['ENTRY', 'FIRM']);

    expect(within(need).getByTestId('entry-match-interest-open-n-1').textContent).toContain('响应该需求');
    fireEvent.click(within(need).getByTestId('entry-match-interest-open-n-1'));
    fireEvent.change(screen.getByTestId('entry-match-interest-message-n-1'), { target: { value: '我们有成熟方案。' } });
    fireEvent.click(screen.getByTestId('entry-match-interest-submit-n-1'));

    expect((await screen.findByTestId('entry-match-interest-exists-n-1')).textContent).toContain('已有一项进行中的对接');
    expect(screen.getByTestId('entry-match-engagement-link-n-1').getAttribute('href')).toBe('/engagements/g-9');
    expect(backend.callsTo(ENGAGE)[0]!.body).toEqual({ kind: 'TECHNOLOGY', subjectId: 'n-1', organisationId: OWNER.id, message: '我们有成熟方案。' });
  });

  it('shows a technology need’s firm the offerings that answer it, and expresses interest for the firm', async () => {
    const firm = { ...OWNER, id: FIRM.id };
    const backend = mockBackend({
      [REFRESH]: signedIn(me({ roles: ['FIRM'], memberships: [{ ...ownerMembership, organisationId: FIRM.id, type: 'FIRM' }] })),
      [DETAIL]: () => jsonResponse(resource({ kind: 'TECH_NEED', owner: firm, content: content() })),
      'GET /api/v1/matching/entries/r-1/offerings': () =>
        jsonResponse(page([entryMatch({ entry: matchEntry({ id: 'o-1', kind: 'TECH_OFFERING', titleZh: '固态电解质制备技术' }) })])),
      [ENGAGE]: () => jsonResponse({ id: 'g-3', status: 'INTERESTED' }, 201),
    });
    renderApp('/resources/r-1');

    const offerings = await screen.findByTestId('entry-matches-offerings');
    fireEvent.click(await within(offerings).findByTestId('entry-match-interest-open-o-1'));
    fireEvent.change(screen.getByTestId('entry-match-interest-message-o-1'), { target: { value: '希望获得许可。' } });
    fireEvent.click(screen.getByTestId('entry-match-interest-submit-o-1'));

    expect((await screen.findByTestId('entry-match-engagement-link-o-1')).getAttribute('href')).toBe('/engagements/g-3');
    expect(backend.callsTo(ENGAGE)[0]!.body).toEqual({ kind: 'TECHNOLOGY', subjectId: 'o-1', firmId: FIRM.id, message: '希望获得许可。' });
  });

  it('shows nothing to people outside the owning organisation', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      [DETAIL]: () => jsonResponse(entryOf('FINANCING')),
    });
    renderApp('/resources/r-1');

    await screen.findByTestId('resource-title');
    expect(screen.queryByTestId('entry-matches-panel')).toBeNull();
    await waitFor(() => expect(backend.callsTo('GET /api/v1/matching/entries/r-1/firms')).toHaveLength(0));
  });
});
