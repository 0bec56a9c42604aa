import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockBackend } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from './testData';

const DETAIL = 'GET /api/v1/resources/r-1';

describe('Resource image gallery', () => {
  it('shows the cover first from the public image addresses, and the others on request', async () => {
    mockBackend({ [DETAIL]: () => jsonResponse(resource({ content: content({ imageIds: ['i-cover', 'i-2'] }) })) });
    renderApp('/resources/r-1');
    const main = (await screen.findByTestId('resource-gallery-main')) as HTMLImageElement;
    expect(main.getAttribute('src')).toBe('/api/v1/images/i-cover');
    expect(main.getAttribute('alt')).toContain('第 1 张，共 2 张');
    fireEvent.click(screen.getByTestId('resource-image-i-2'));
    expect(main.getAttribute('src')).toBe('/api/v1/images/i-2');
  });

  it('shows no gallery without images', async () => {
    mockBackend({ [DETAIL]: () => jsonResponse(resource()) });
    renderApp('/resources/r-1');
    await screen.findByTestId('resource-title');
    expect(screen.queryByTestId('resource-gallery')).toBeNull();
  });
});
