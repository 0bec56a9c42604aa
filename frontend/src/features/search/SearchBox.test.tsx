import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockBackend } from '../../test/api';
import { renderApp } from '../../test/render';
import { hit, searchAnswer } from '../catalog/testData';

const SUGGEST = 'GET /api/v1/suggest';
const SEARCH = 'GET /api/v1/search';

const suggestions = () =>
  jsonResponse({
    suggestions: [
      { text: '电感耦合等离子体质谱仪', type: 'TITLE', id: 'r-1', kind: 'INSTRUMENT' },
      { text: '质谱', type: 'TAG' },
      { text: '中南大学', type: 'ORGANISATION' },
    ],
  });

const input = () => screen.getByTestId('search-input') as HTMLInputElement;
const options = () => within(screen.getByTestId('search-suggestions')).getAllByRole('option');

async function typeAndWait(text: string) {
  fireEvent.change(input(), { target: { value: text } });
  await waitFor(() => expect(input().getAttribute('aria-expanded')).toBe('true'));
}

describe('Search type-ahead', () => {
  it('asks once after typing stops, and shows the suggestions as a listbox', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([])), [SUGGEST]: suggestions });
    renderApp('/search');
    await screen.findByTestId('search-empty');
    fireEvent.change(input(), { target: { value: '质' } });
    fireEvent.change(input(), { target: { value: '质谱' } });
    await waitFor(() => expect(input().getAttribute('aria-expanded')).toBe('true'));

    expect(backend.callsTo(SUGGEST)).toHaveLength(1);
    expect(backend.callsTo(SUGGEST)[0]!.query.get('q')).toBe('质谱');
    expect(backend.callsTo(SUGGEST)[0]!.query.get('size')).toBe('8');
    expect(input().getAttribute('role')).toBe('combobox');
    const shown = options();
    expect(shown).toHaveLength(3);
    expect(shown[0]!.textContent).toContain('科学仪器');
    expect(shown[1]!.textContent).toContain('标签');
  });

  it('moves with ↓/↑, and Enter on a title opens the resource', async () => {
    mockBackend({
      [SEARCH]: () => jsonResponse(searchAnswer([])),
      [SUGGEST]: suggestions,
      'GET /api/v1/resources/r-1': () => jsonResponse({ id: 'r-1', kind: 'INSTRUMENT', owner: { id: 'o', nameZh: '中南大学', nameEn: 'CSU' }, content: { titleZh: '电感耦合等离子体质谱仪' } }),
    });
    renderApp('/search');
    await screen.findByTestId('search-empty');
    await typeAndWait('质谱');

    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(input().getAttribute('aria-activedescendant')).toBe('search-suggestions-0');
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input(), { key: 'Enter' });

    expect((await screen.findByTestId('resource-title')).textContent).toBe('电感耦合等离子体质谱仪');
  });

  it('filters by a chosen tag, and the tag can be removed', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])), [SUGGEST]: suggestions });
    renderApp('/search?q=质');
    await screen.findByTestId('search-result-r-1');
    await typeAndWait('质谱');
    fireEvent.click(options()[1]!);

    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.getAll('tag')).toEqual(['质谱']));
    expect(backend.callsTo(SEARCH).at(-1)!.query.has('q')).toBe(false);
    fireEvent.click(screen.getByTestId('search-tag-质谱'));
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.has('tag')).toBe(false));
  });

  it('closes with Escape; Enter then searches the typed text; an organisation searches its name', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([])), [SUGGEST]: suggestions });
    renderApp('/search');
    await screen.findByTestId('search-empty');
    await typeAndWait('质谱');
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(input().getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input(), { key: 'Enter' });
    fireEvent.submit(input().form!);
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('q')).toBe('质谱'));

    await typeAndWait('中南');
    fireEvent.click(options()[2]!);
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('q')).toBe('中南大学'));
  });

  it('aborts a stale suggestion request when typing goes on', async () => {
    let first: AbortSignal | undefined;
    const backend = mockBackend({
      [SEARCH]: () => jsonResponse(searchAnswer([])),
      [SUGGEST]: [
        () => new Promise<Response>(() => undefined),
        suggestions,
      ],
    });
    const originalFetch = globalThis.fetch;
    globalThis.fetch = ((url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).startsWith('/api/v1/suggest') && !first) {
        first = init?.signal ?? undefined;
      }
      return originalFetch(url, init);
    }) as typeof fetch;
    renderApp('/search');
    await screen.findByTestId('search-empty');
    fireEvent.change(input(), { target: { value: '质' } });
    await waitFor(() => expect(backend.callsTo(SUGGEST)).toHaveLength(1));
    fireEvent.change(input(), { target: { value: '质谱' } });
    await waitFor(() => expect(input().getAttribute('aria-expanded')).toBe('true'));
    expect(first?.aborted).toBe(true);
  });
});
