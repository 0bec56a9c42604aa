import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages';
import { jsonResponse, me, mockBackend, noContent, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { searchAnswer } from '../catalog/testData';
import { savedQuery, searchPath, type SavedSearch, type SavedSearchHit } from './alertsApi';
import { describeQuery } from './labels';

const REFRESH = 'POST /api/v1/auth/refresh';
const SEARCH = 'GET /api/v1/search';
const LIST = 'GET /api/v1/me/saved-searches';
const CREATE = 'POST /api/v1/me/saved-searches';

const savedSearch = (overrides: Partial<SavedSearch> = {}): SavedSearch => ({
  id: 's-1',
  name: '长沙质谱',
  query: 'q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&city=CHANGSHA',
  emailDigest: false,
  createdAt: '2026-11-30T02:00:00Z',
  hitCount: 2,
  lastHitAt: '2026-12-01T01:30:00Z',
  ...overrides,
});

const hit = (overrides: Partial<SavedSearchHit> = {}): SavedSearchHit => ({
  entryId: 'e-1',
  foundAt: '2026-12-01T01:30:00Z',
  published: true,
  kind: 'INSTRUMENT',
  titleZh: '电感耦合等离子体质谱仪',
  titleEn: 'ICP mass spectrometer',
  city: 'CHANGSHA',
  district: '岳麓区',
  ...overrides,
});

describe('save this search', () => {
  it('saves what the search page searches for, without its paging, under the words searched for', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      [SEARCH]: () => jsonResponse(searchAnswer([])),
      [CREATE]: (request) => jsonResponse(savedSearch({ name: (request.body as { name: string }).name }), 201),
    });
    renderApp('/search?q=质谱&kind=INSTRUMENT&city=CHANGSHA&view=map');

    fireEvent.click(await screen.findByTestId('save-search-open'));
    expect((screen.getByTestId('save-search-name') as HTMLInputElement).value).toBe('质谱');
    fireEvent.change(screen.getByTestId('save-search-name'), { target: { value: '长沙质谱' } });
    fireEvent.click(screen.getByTestId('save-search-digest'));
    fireEvent.click(screen.getByTestId('save-search-submit'));

    const saved = await screen.findByTestId('save-search-saved');
    expect(saved.textContent).toContain('已保存“长沙质谱”。');
    expect(within(saved).getByRole('link').getAttribute('href')).toBe('/saved-searches');
    expect(backend.callsTo(CREATE)[0]!.body).toEqual({
      name: '长沙质谱',
      query: 'q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&city=CHANGSHA',
      emailDigest: true,
    });
  });

  it('shows why the server refused, next to the name or above the form', async () => {
    mockBackend({
      [REFRESH]: signedIn(me()),
      [SEARCH]: () => jsonResponse(searchAnswer([])),
      [CREATE]: [
        () => problemResponse(400, 'Invalid request', { errors: [{ field: 'name', message: 'must be at most 100 characters' }] }),
        () => problemResponse(409, 'Search already saved', { detail: 'You already saved this search as "质谱".' }),
      ],
    });
    renderApp('/search?q=质谱');

    fireEvent.click(await screen.findByTestId('save-search-open'));
    fireEvent.click(screen.getByTestId('save-search-submit'));
    expect((await screen.findByTestId('field-error-name')).textContent).toBe('must be at most 100 characters');

    fireEvent.click(screen.getByTestId('save-search-submit'));
    expect(await screen.findByText('You already saved this search as "质谱".', { exact: false })).toBeDefined();
    expect(screen.queryByTestId('save-search-saved')).toBeNull();
  });

  it('asks for a name before sending anything', async () => {
    const backend = mockBackend({ [REFRESH]: signedIn(me()), [SEARCH]: () => jsonResponse(searchAnswer([])) });
    renderApp('/search');

    fireEvent.click(await screen.findByTestId('save-search-open'));
    expect((screen.getByTestId('save-search-name') as HTMLInputElement).value).toBe('我的搜索');
    fireEvent.change(screen.getByTestId('save-search-name'), { target: { value: ' ' } });
    fireEvent.click(screen.getByTestId('save-search-submit'));

    expect((await screen.findByTestId('field-error-name')).textContent).toBe('请填写此项。');
    expect(backend.callsTo(CREATE)).toHaveLength(0);
  });

  it('offers anonymous people to log in and come back', async () => {
    mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([])) });
    renderApp('/search?q=质谱');

    const login = await screen.findByTestId('save-search-login');
    expect(within(login).getByRole('link').getAttribute('href')).toBe(`/login?next=${encodeURIComponent('/search?q=质谱')}`);
    expect(screen.queryByTestId('save-search-open')).toBeNull();
  });
});

describe('SavedSearchesPage', () => {
  it('lists each saved search with what it searches for and opens it on the search page', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => jsonResponse([savedSearch()]) });
    renderApp('/saved-searches');

    expect((await screen.findByTestId('saved-search-name-s-1')).textContent).toBe('长沙质谱');
    expect(screen.getByTestId('saved-search-query-s-1').textContent).toBe('关键词“质谱” · 科学仪器 · 长沙');
    expect(screen.getByTestId('saved-search-hits-count-s-1').textContent).toBe('已找到 2 条新结果');
    expect(screen.getByTestId('saved-search-digest-state-s-1').textContent).toBe('未开启邮件摘要');
    expect(screen.getByTestId('saved-search-open-s-1').getAttribute('href')).toBe(
      '/search?q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&city=CHANGSHA',
    );
  });

  it('renames a saved search and turns its digest on', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      [LIST]: () => jsonResponse([savedSearch()]),
      'PUT /api/v1/me/saved-searches/s-1': (request) => jsonResponse(savedSearch(request.body as Partial<SavedSearch>)),
    });
    renderApp('/saved-searches');

    fireEvent.click(await screen.findByTestId('saved-search-rename-s-1'));
    fireEvent.change(screen.getByTestId('saved-search-new-name-s-1'), { target: { value: '质谱仪（长沙）' } });
    fireEvent.click(screen.getByTestId('saved-search-rename-save-s-1'));
    await waitFor(() => expect(screen.getByTestId('saved-search-name-s-1').textContent).toBe('质谱仪（长沙）'));
    expect(screen.queryByTestId('saved-search-new-name-s-1')).toBeNull();

    fireEvent.click(screen.getByTestId('saved-search-digest-s-1'));
    await waitFor(() => expect(screen.getByTestId('saved-search-digest-state-s-1').textContent).toBe('已开启每日邮件摘要'));
    expect(backend.callsTo('PUT /api/v1/me/saved-searches/s-1').map((call) => call.body)).toEqual([
      { name: '质谱仪（长沙）', emailDigest: false },
      { name: '质谱仪（长沙）', emailDigest: true },
    ]);
  });

  it('deletes a saved search once confirmed', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      [LIST]: () => jsonResponse([savedSearch(), savedSearch({ id: 's-2', name: '融资' })]),
      'DELETE /api/v1/me/saved-searches/s-1': () => noContent(),
    });
    renderApp('/saved-searches');

    fireEvent.click(await screen.findByTestId('saved-search-delete-s-1'));
    expect(backend.callsTo('DELETE /api/v1/me/saved-searches/s-1')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('saved-search-delete-confirm-s-1'));

    expect((await screen.findByTestId('saved-search-deleted')).textContent).toBe('已删除“长沙质谱”。');
    expect(screen.queryByTestId('saved-search-s-1')).toBeNull();
    expect(screen.getByTestId('saved-search-s-2')).toBeDefined();
  });

  it('shows the newest results, and which were withdrawn since', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(me()),
      [LIST]: () => jsonResponse([savedSearch()]),
      'GET /api/v1/me/saved-searches/s-1/hits': () =>
        jsonResponse({
          items: [hit(), hit({ entryId: 'e-2', published: false, kind: null, titleZh: null, titleEn: null, city: null, district: null })],
          page: 0,
          size: 5,
          total: 2,
        }),
    });
    renderApp('/saved-searches');
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });

    fireEvent.click(await screen.findByTestId('saved-search-show-hits-s-1'));
    const first = await screen.findByTestId('saved-search-hit-e-1');
    expect(within(first).getByRole('link').getAttribute('href')).toBe('/resources/e-1');
    expect(within(first).getByRole('link').textContent).toBe('ICP mass spectrometer');
    expect(screen.getByTestId('saved-search-hit-e-2').textContent).toContain('This resource is no longer published');
    expect(backend.callsTo('GET /api/v1/me/saved-searches/s-1/hits')[0]!.query.get('size')).toBe('5');
    expect(screen.getByTestId('saved-search-show-hits-s-1').getAttribute('aria-expanded')).toBe('true');
  });

  it('says how to save a first search', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => jsonResponse([]) });
    renderApp('/saved-searches');

    expect((await screen.findByTestId('saved-searches-empty')).querySelector('a')!.getAttribute('href')).toBe('/search');
  });

  it('is in the menu of signed-in people', async () => {
    mockBackend({ [REFRESH]: signedIn(me()), [LIST]: () => jsonResponse([]) });
    renderApp('/');

    const link = await screen.findByTestId('nav-saved-searches');
    expect(link.getAttribute('href')).toBe('/saved-searches');
    expect(link.textContent).toBe('订阅的搜索');
  });
});

describe('saved queries', () => {
  it('are the search request without paging', () => {
    expect(savedQuery(new URLSearchParams('q=质谱&kind=INSTRUMENT&view=map&from=HERE&near=28.1,112.9&radiusKm=5&sort=DISTANCE'))).toBe(
      'q=%E8%B4%A8%E8%B0%B1&kind=INSTRUMENT&near=28.1%2C112.9&radiusKm=5&sort=DISTANCE',
    );
    expect(savedQuery(new URLSearchParams(''))).toBe('');
    expect(searchPath('')).toBe('/search');
  });

  it('are described in words in both languages', () => {
    const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);
    const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
    expect(describeQuery(zh, 'tag=ICP-MS&industryChain=BIOMEDICINE&near=28.1,112.9&radiusKm=5&sort=NEWEST')).toEqual([
      '标签：ICP-MS',
      '生物医药',
      '5 公里范围内',
    ]);
    expect(describeQuery(en, 'q=mass+spectrometer&city=ZHUZHOU')).toEqual(['Words “mass spectrometer”', 'Zhuzhou']);
    expect(describeQuery(en, '')).toEqual(['Every new resource']);
  });
});
