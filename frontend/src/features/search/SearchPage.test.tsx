import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { jsonResponse, mockBackend, problemResponse } from '../../test/api';
import { renderApp } from '../../test/render';
import { hit, searchAnswer } from '../catalog/testData';
import { AuthProvider } from '../identity/AuthProvider';
import { SearchPage } from './SearchPage';

const SEARCH = 'GET /api/v1/search';

/** Shows the current address and offers the browser's back button. */
function Probe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">{location.pathname + location.search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        back
      </button>
    </>
  );
}

function renderSearch(path: string) {
  return render(
    <I18nProvider>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider>
          <Routes>
            <Route path="search" element={<SearchPage />} />
          </Routes>
          <Probe />
        </AuthProvider>
      </MemoryRouter>
    </I18nProvider>,
  );
}

const location = () => decodeURIComponent(screen.getByTestId('location').textContent ?? '');

describe('SearchPage', () => {
  it('sends the query, the repeated filters and the sort from the address', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderApp('/search?q=质谱&kind=INSTRUMENT&kind=SERVICE&city=CHANGSHA&sort=NEWEST');

    await screen.findByTestId('search-result-r-1');
    const query = backend.callsTo(SEARCH)[0]!.query;
    expect(query.get('q')).toBe('质谱');
    expect(query.getAll('kind')).toEqual(['INSTRUMENT', 'SERVICE']);
    expect(query.getAll('city')).toEqual(['CHANGSHA']);
    expect(query.get('sort')).toBe('NEWEST');
    expect(query.get('size')).toBe('20');
    expect(query.has('after')).toBe(false);

    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('质谱');
    expect((screen.getByTestId('search-sort') as HTMLSelectElement).value).toBe('NEWEST');
    expect((screen.getByTestId('facet-kind-INSTRUMENT') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('facet-city-XIANGTAN') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('search-total').textContent).toBe('共找到 1 条资源');
  });

  it('shows a result with kind, organisation, place and price, linking to the detail page', async () => {
    mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderApp('/search');

    const result = await screen.findByTestId('search-result-r-1');
    expect(screen.getByTestId('search-result-kind-r-1').textContent).toBe('科学仪器');
    expect(result.textContent).toContain('中南大学');
    expect(result.textContent).toContain('长沙 · 岳麓区');
    expect(screen.getByTestId('search-result-price-r-1').textContent).toBe('参考价格：¥800');
    expect(screen.getByTestId('search-result-title-r-1').getAttribute('href')).toBe('/resources/r-1');
    expect(screen.getByTestId('nav-search').getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('search-result-cover-r-1')).toBeNull();
  });

  it('shows the cover image of a result that has one', async () => {
    mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit({ coverImageUrl: '/api/v1/images/i-1' })])) });
    renderApp('/search');

    expect((await screen.findByTestId('search-result-cover-r-1')).getAttribute('src')).toBe('/api/v1/images/i-1');
  });

  it('keeps the submitted query in the address, and the back button returns to the previous search', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderSearch('/search?q=质谱');
    await screen.findByTestId('search-result-r-1');

    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '  检测服务 ' } });
    fireEvent.submit(screen.getByTestId('search-input').closest('form')!);

    await waitFor(() => expect(location()).toBe('/search?q=检测服务'));
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('q')).toBe('检测服务'));

    fireEvent.click(screen.getByText('back'));
    await waitFor(() => expect(location()).toBe('/search?q=质谱'));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('质谱');
  });

  it('adds and removes a filter when a facet is toggled', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderSearch('/search?q=质谱');
    const kind = (await screen.findByTestId('facet-kind-SERVICE')) as HTMLInputElement;
    expect(kind.labels?.[0]?.textContent).toBe('技术服务 (1)');

    fireEvent.click(kind);
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.getAll('kind')).toEqual(['SERVICE']));
    expect(location()).toBe('/search?q=质谱&kind=SERVICE');
    fireEvent.click(screen.getByTestId('facet-city-CHANGSHA'));
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.getAll('city')).toEqual(['CHANGSHA']));

    fireEvent.click(screen.getByTestId('facet-kind-SERVICE'));
    await waitFor(() => expect(location()).toBe('/search?q=质谱&city=CHANGSHA'));
    const last = backend.callsTo(SEARCH).at(-1)!.query;
    expect(last.getAll('kind')).toEqual([]);
    expect(last.getAll('city')).toEqual(['CHANGSHA']);
    expect(last.get('q')).toBe('质谱');
  });

  it('filters technology needs by type, a facet shown only when needs are among the matches', async () => {
    const need = hit({ id: 'n-1', kind: 'TECH_NEED', titleZh: '牵引电机冷却合作研发', priceFen: null });
    const backend = mockBackend({
      [SEARCH]: (request) =>
        request.query.getAll('kind').includes('TECH_NEED')
          ? jsonResponse(
              searchAnswer([need], {
                facets: {
                  kind: [{ value: 'TECH_NEED', count: 1 }],
                  needType: [
                    { value: 'JOINT_DEVELOPMENT', count: 1 },
                    { value: 'CONSULTING', count: 2 },
                  ],
                },
              }),
            )
          : jsonResponse(searchAnswer([hit()])),
    });
    renderSearch('/search');
    await screen.findByTestId('facet-kind-INSTRUMENT');
    expect(screen.queryByTestId('facet-needType')).toBeNull();
    cleanup();

    renderSearch('/search?kind=TECH_NEED');
    const consulting = (await screen.findByTestId('facet-needType-CONSULTING')) as HTMLInputElement;
    expect(consulting.labels?.[0]?.textContent).toBe('技术咨询 (2)');
    expect(screen.getByTestId('search-result-kind-n-1').textContent).toBe('技术需求');
    fireEvent.click(consulting);
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.getAll('needType')).toEqual(['CONSULTING']));
  });

  it('shows unknown facet values raw and changes the sort order', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderSearch('/search');
    const chain = (await screen.findByTestId('facet-industryChain-ADVANCED_MATERIALS')) as HTMLInputElement;
    expect(chain.labels?.[0]?.textContent).toBe('ADVANCED_MATERIALS (1)');

    fireEvent.change(screen.getByTestId('search-sort'), { target: { value: 'PRICE' } });
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('sort')).toBe('PRICE'));
    expect(location()).toBe('/search?sort=PRICE');
  });

  it('loads more results with the next cursor and appends them', async () => {
    const backend = mockBackend({
      [SEARCH]: (request) =>
        request.query.get('after') === 'cursor-1'
          ? jsonResponse(searchAnswer([hit({ id: 'r-2', titleZh: '扫描电子显微镜' })], { total: 2, next: null }))
          : jsonResponse(searchAnswer([hit()], { total: 2, next: 'cursor-1' })),
    });
    renderSearch('/search?q=仪器&kind=INSTRUMENT');
    await screen.findByTestId('search-result-r-1');

    fireEvent.click(screen.getByTestId('search-load-more'));
    await screen.findByTestId('search-result-r-2');
    expect(screen.getByTestId('search-result-r-1')).toBeDefined();
    const more = backend.callsTo(SEARCH).at(-1)!.query;
    expect(more.get('after')).toBe('cursor-1');
    expect(more.get('q')).toBe('仪器');
    expect(more.getAll('kind')).toEqual(['INSTRUMENT']);
    expect(screen.queryByTestId('search-load-more')).toBeNull();
    expect(location()).toBe('/search?q=仪器&kind=INSTRUMENT');
  });

  it('renders highlights safely: only <em> becomes <mark>, other markup stays text', async () => {
    mockBackend({
      [SEARCH]: () =>
        jsonResponse(
          searchAnswer([
            hit({
              titleZh: '<script>alert(1)</script>质谱仪',
              highlights: {
                titleZh: ['<script>alert(1)</script><em>质</em><em>谱</em>仪'],
                summaryZh: ['<img src=x onerror="alert(2)">痕量<em>元素</em>'],
              },
            }),
          ]),
        ),
    });
    renderApp('/search?q=质谱');

    const result = await screen.findByTestId('search-result-r-1');
    const title = screen.getByTestId('search-result-title-r-1');
    expect(title.textContent).toBe('<script>alert(1)</script>质谱仪');
    expect([...title.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['质谱']);
    expect(result.querySelector('script')).toBeNull();
    expect(result.querySelector('img')).toBeNull();
    expect(result.querySelector('em')).toBeNull();
    expect(result.textContent).toContain('<img src=x onerror="alert(2)">痕量元素');
  });

  it('says when nothing matches', async () => {
    mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([], { facets: {} })) });
    renderApp('/search?q=不存在&city=ZHUZHOU');

    expect((await screen.findByTestId('search-empty')).textContent).toContain('没有找到匹配的资源');
    // The chosen filter is still offered, so that it can be removed.
    expect((screen.getByTestId('facet-city-ZHUZHOU') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('search-load-more')).toBeNull();
  });

  it('shows the problem of a rejected search', async () => {
    mockBackend({
      [SEARCH]: () => problemResponse(400, '参数无效', { errors: [{ field: 'sort', message: '不支持的排序方式' }] }),
    });
    renderApp('/search?sort=BOGUS');

    expect((await screen.findByTestId('problem-title')).textContent).toBe('参数无效');
    expect(screen.getByTestId('problem-field-error-sort').textContent).toContain('不支持的排序方式');
    expect(screen.queryByTestId('search-empty')).toBeNull();
  });

  it('collapses the filters behind a button', async () => {
    mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderApp('/search');
    const toggle = await screen.findByTestId('search-filters-toggle');
    expect(toggle.textContent).toBe('筛选');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('search-facets');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('search-facets').className).toContain('search__facets--open');
  });
});
