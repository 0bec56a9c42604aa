import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { catalogEntry, firmMember, publisher } from './publishingTestData';

const REFRESH = 'POST /api/v1/auth/refresh';
const LIST = 'GET /api/v1/catalog/entries';
const page = (items: unknown[], total = items.length) => jsonResponse({ items, page: 0, size: 20, total });

describe('MyEntriesPage', () => {
  it('lists the organisation’s entries with status, review and the rejection reason', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [LIST]: () =>
        page([
          catalogEntry(),
          catalogEntry({ id: 'e-2', review: 'REJECTED', rejectionReason: '请补充收费标准。' }),
          catalogEntry({ id: 'e-3', status: 'PUBLISHED', review: 'PENDING' }),
        ]),
    });
    renderApp('/publish');

    const first = await screen.findByTestId('publish-entry-e-1');
    expect(backend.callsTo(LIST)[0]!.query.get('organisationId')).toBe('org-1');
    expect(within(first).getByTestId('publish-entry-status-e-1').textContent).toBe('草稿');
    expect(within(first).getByTestId('publish-entry-review-e-1').textContent).toBe('编辑中');
    expect(within(first).getByTestId('publish-edit-e-1').getAttribute('href')).toBe('/publish/entries/e-1');
    expect(screen.getByTestId('publish-entry-rejection-e-2').textContent).toContain('请补充收费标准。');
    // Waiting for review: only withdraw (and the public page, as it is published).
    expect(screen.queryByTestId('publish-edit-e-3')).toBeNull();
    expect(screen.getByTestId('publish-withdraw-e-3')).toBeTruthy();
    expect(screen.getByTestId('publish-view-e-3').getAttribute('href')).toBe('/resources/e-3');
    expect(screen.getByTestId('nav-publish')).toBeTruthy();
  });

  it('offers a firm’s member only technology needs to start, and only the firm', async () => {
    mockBackend({ [REFRESH]: signedIn(firmMember()), [LIST]: () => page([]) });
    renderApp('/publish');

    const kinds = (await screen.findByTestId('publish-new-kind')) as HTMLSelectElement;
    expect(Array.from(kinds.options).map((option) => option.value)).toEqual(['TECH_NEED']);
    expect(kinds.value).toBe('TECH_NEED');
    expect(screen.getByTestId('nav-publish')).toBeTruthy();
  });

  it('submits an entry for review and shows its new state', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [LIST]: () => page([catalogEntry()]),
      'POST /api/v1/catalog/entries/e-1/submit': () => jsonResponse(catalogEntry({ review: 'PENDING' })),
    });
    renderApp('/publish');
    fireEvent.click(await screen.findByTestId('publish-submit-e-1'));

    await waitFor(() => expect(screen.getByTestId('publish-entry-review-e-1').textContent).toBe('待审核'));
    expect(screen.getByTestId('publish-notice').textContent).toContain('离子色谱仪');
    expect(backend.callsTo('POST /api/v1/catalog/entries/e-1/submit')).toHaveLength(1);
  });

  it('archives only after confirmation, and shows the server’s problem', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [LIST]: () => page([catalogEntry()]),
      'POST /api/v1/catalog/entries/e-1/archive': () => problemResponse(409, 'Conflict', { detail: 'The entry is archived.' }),
    });
    renderApp('/publish');
    fireEvent.click(await screen.findByTestId('publish-archive-e-1'));
    expect(backend.callsTo('POST /api/v1/catalog/entries/e-1/archive')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('publish-archive-confirm-e-1'));

    expect((await screen.findByTestId('publish-problem')).textContent).toContain('The entry is archived.');
  });

  it('offers a new entry of the chosen kind and the bulk import; says when there are no entries', async () => {
    mockBackend({ [REFRESH]: signedIn(publisher()), [LIST]: () => page([]) });
    renderApp('/publish');
    await screen.findByTestId('publish-empty');
    expect(screen.getByTestId('publish-import-link').getAttribute('href')).toBe('/publish/import?organisationId=org-1');
    fireEvent.change(screen.getByTestId('publish-new-kind'), { target: { value: 'FINANCING' } });
    fireEvent.click(screen.getByTestId('publish-new'));
    expect(await screen.findByTestId('publish-kind-fields-FINANCING')).toBeTruthy();
  });

  it('lets people who publish for no organisation know, without a publishing link', async () => {
    mockBackend({ [REFRESH]: signedIn(me()) });
    renderApp('/publish');
    expect(await screen.findByTestId('publish-no-organisation')).toBeTruthy();
    expect(screen.queryByTestId('nav-publish')).toBeNull();
  });

  it('chooses among several organisations', async () => {
    const user = publisher();
    user.memberships.push({ ...user.memberships[0]!, organisationId: 'org-2', nameZh: '株洲检测院', nameEn: 'Zhuzhou Testing', verificationStatus: 'UNVERIFIED' });
    const backend = mockBackend({ [REFRESH]: signedIn(user), [LIST]: () => page([]) });
    renderApp('/publish');
    await screen.findByTestId('publish-empty');
    fireEvent.change(screen.getByTestId('publish-organisation-select'), { target: { value: 'org-2' } });
    await waitFor(() => expect(backend.callsTo(LIST).at(-1)!.query.get('organisationId')).toBe('org-2'));
    expect(screen.getByTestId('publish-unverified')).toBeTruthy();
  });
});
