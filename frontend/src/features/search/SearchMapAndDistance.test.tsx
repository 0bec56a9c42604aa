import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockBackend } from '../../test/api';
import { renderApp } from '../../test/render';
import { hit, searchAnswer } from '../catalog/testData';

const SEARCH = 'GET /api/v1/search';

const located = [
  hit({ id: 'r-1', location: { lat: 28.19, lon: 112.94 } }),
  hit({ id: 'r-2', titleZh: '扫描电镜', location: { lat: 27.83, lon: 113.13 } }),
  hit({ id: 'r-3', titleZh: '没有坐标的服务', location: null }),
];

describe('Search map view', () => {
  it('shows the results with a location as markers, with popups linking to the resource', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer(located)) });
    renderApp('/search?q=仪器');
    await screen.findByTestId('search-result-r-1');
    fireEvent.click(screen.getByTestId('search-view-map'));

    const map = await screen.findByTestId('search-map');
    await waitFor(() => expect(map.querySelectorAll('[data-testid^="map-marker-"]')).toHaveLength(2));
    expect(screen.getByTestId('search-map-count').textContent).toContain('2');
    expect(screen.queryByTestId('search-results')).toBeNull();
    expect(screen.getByTestId('search-view-map').getAttribute('aria-pressed')).toBe('true');
    // The view is not part of the search: no new request.
    expect(backend.callsTo(SEARCH)).toHaveLength(1);

    fireEvent.click(map.querySelector('[data-testid="map-marker-r-2"]')!.parentElement!);
    const link = await waitFor(() => {
      const found = map.querySelector<HTMLAnchorElement>('a[data-resource-link="r-2"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(link.getAttribute('href')).toBe('/resources/r-2');
    expect(link.textContent).toBe('扫描电镜');

    fireEvent.click(screen.getByTestId('search-view-list'));
    expect(await screen.findByTestId('search-results')).toBeTruthy();
  });
});

describe('Search by distance', () => {
  it('measures from a city centre: near, DISTANCE sort, radius, and shows the distance', async () => {
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit({ distanceKm: 3.24 })])) });
    renderApp('/search');
    await screen.findByTestId('search-result-r-1');
    fireEvent.change(screen.getByTestId('search-origin'), { target: { value: 'ZHUZHOU' } });

    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('near')).toBe('27.827,113.134'));
    expect(backend.callsTo(SEARCH).at(-1)!.query.get('sort')).toBe('DISTANCE');
    expect((screen.getByTestId('search-sort') as HTMLSelectElement).value).toBe('DISTANCE');
    expect((await screen.findByTestId('search-result-r-1')).textContent).toContain('距离 3.2 公里');

    fireEvent.change(screen.getByTestId('search-radius'), { target: { value: '25' } });
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('radiusKm')).toBe('25'));

    fireEvent.change(screen.getByTestId('search-origin'), { target: { value: '' } });
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.has('near')).toBe(false));
    const last = backend.callsTo(SEARCH).at(-1)!.query;
    expect(last.has('radiusKm')).toBe(false);
    expect(last.has('sort')).toBe(false);
  });

  it('uses the browser’s position for “my location”', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      geolocation: {
        getCurrentPosition: (success: PositionCallback) => success({ coords: { latitude: 28.123456, longitude: 112.98765 } } as GeolocationPosition),
      },
    });
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderApp('/search');
    await screen.findByTestId('search-result-r-1');
    fireEvent.change(screen.getByTestId('search-origin'), { target: { value: 'HERE' } });
    await waitFor(() => expect(backend.callsTo(SEARCH).at(-1)!.query.get('near')).toBe('28.1235,112.9877'));
    expect((screen.getByTestId('search-origin') as HTMLSelectElement).value).toBe('HERE');
  });

  it('asks for a city centre when the position is not available', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      geolocation: {
        getCurrentPosition: (_success: PositionCallback, failure: PositionErrorCallback) => failure({ code: 1 } as GeolocationPositionError),
      },
    });
    const backend = mockBackend({ [SEARCH]: () => jsonResponse(searchAnswer([hit()])) });
    renderApp('/search');
    await screen.findByTestId('search-result-r-1');
    fireEvent.change(screen.getByTestId('search-origin'), { target: { value: 'HERE' } });
    expect((await screen.findByTestId('search-near-failed')).textContent).toContain('城市中心');
    expect(backend.callsTo(SEARCH).every((call) => !call.query.has('near'))).toBe(true);
  });
});
