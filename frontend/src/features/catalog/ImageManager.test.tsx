import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { jsonResponse, mockBackend, noContent, problemResponse } from '../../test/api';
import { ImageManager } from './ImageManager';
import type { EntryImage } from './types';

const LIST = 'GET /api/v1/catalog/entries/e-1/images';
const UPLOAD = 'POST /api/v1/catalog/entries/e-1/images';

const image = (id: string): EntryImage => ({ id, contentType: 'image/png', sizeBytes: 1000, width: 800, height: 600, url: `/api/v1/images/${id}` });
const bytes = () => new Response(new Uint8Array([137, 80, 78, 71]), { status: 200, headers: { 'Content-Type': 'image/png' } });

let order: string[] = [];

function Harness({ initial }: { initial: string[] }) {
  const [imageIds, setImageIds] = useState(initial);
  return (
    <I18nProvider>
      <ImageManager
        entryId="e-1"
        imageIds={imageIds}
        onChange={(ids) => {
          order = ids;
          setImageIds(ids);
        }}
      />
    </I18nProvider>
  );
}

const file = (name: string, type: string, size: number) => {
  const created = new File(['x'], name, { type });
  Object.defineProperty(created, 'size', { value: size });
  return created;
};

describe('ImageManager', () => {
  beforeEach(() => {
    order = [];
  });

  it('rejects files of the wrong type or over 5 MB before uploading', async () => {
    const backend = mockBackend({ [LIST]: () => jsonResponse([]), [UPLOAD]: () => jsonResponse(image('i-9'), 201) });
    render(<Harness initial={[]} />);
    const upload = await screen.findByTestId('image-upload');

    fireEvent.change(upload, { target: { files: [file('scan.pdf', 'application/pdf', 1000)] } });
    expect((await screen.findByTestId('image-error')).textContent).toContain('JPEG、PNG 或 WebP');
    fireEvent.change(upload, { target: { files: [file('big.jpg', 'image/jpeg', 6 * 1024 * 1024)] } });
    expect(screen.getByTestId('image-error').textContent).toContain('5 MB');
    expect(backend.callsTo(UPLOAD)).toHaveLength(0);
  });

  it('uploads as multipart (no hand-made Content-Type), then shows the thumbnail last', async () => {
    const backend = mockBackend({
      [LIST]: () => jsonResponse([image('i-1')]),
      [UPLOAD]: () => jsonResponse(image('i-2'), 201),
      'GET /api/v1/images/i-1': bytes,
      'GET /api/v1/images/i-2': bytes,
    });
    render(<Harness initial={['i-1']} />);
    await screen.findByTestId('image-i-1');
    fireEvent.change(screen.getByTestId('image-upload'), { target: { files: [file('lab.png', 'image/png', 2000)] } });

    await screen.findByTestId('image-i-2');
    const request = backend.callsTo(UPLOAD)[0]!;
    expect(request.rawBody).toBeInstanceOf(FormData);
    expect((request.rawBody as FormData).get('file')).toBeInstanceOf(File);
    expect(request.headers.has('Content-Type')).toBe(false);
    expect(order).toEqual(['i-1', 'i-2']);
    // Thumbnails come through the API with the token, as blobs.
    await waitFor(() => expect(backend.callsTo('GET /api/v1/images/i-2')).toHaveLength(1));
    expect(backend.callsTo('GET /api/v1/images/i-2')[0]!.headers.get('Accept')).toBe('*/*');
    await waitFor(() => expect(screen.getAllByTestId('image-thumbnail')).toHaveLength(2));
    expect(screen.getAllByTestId('image-thumbnail')[1]!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('makes an image the cover, moves and removes images', async () => {
    const backend = mockBackend({
      [LIST]: () => jsonResponse([image('i-1'), image('i-2'), image('i-3')]),
      'DELETE /api/v1/catalog/entries/e-1/images/i-1': noContent,
    });
    render(<Harness initial={['i-1', 'i-2', 'i-3']} />);
    fireEvent.click(await screen.findByTestId('image-cover-i-3'));
    expect(order).toEqual(['i-3', 'i-1', 'i-2']);
    expect(screen.getByTestId('image-list').firstElementChild?.textContent).toContain('封面');
    fireEvent.click(screen.getByTestId('image-later-i-1'));
    expect(order).toEqual(['i-3', 'i-2', 'i-1']);
    fireEvent.click(screen.getByTestId('image-remove-i-1'));
    await waitFor(() => expect(order).toEqual(['i-3', 'i-2']));
    expect(backend.callsTo('DELETE /api/v1/catalog/entries/e-1/images/i-1')).toHaveLength(1);
  });

  it('shows the server’s problem when it refuses an upload', async () => {
    mockBackend({
      [LIST]: () => jsonResponse([]),
      [UPLOAD]: () => problemResponse(400, 'Bad Request', { detail: 'An entry has at most 8 images.' }),
    });
    render(<Harness initial={[]} />);
    fireEvent.change(await screen.findByTestId('image-upload'), { target: { files: [file('a.webp', 'image/webp', 10)] } });
    expect((await screen.findByTestId('problem-alert')).textContent).toContain('at most 8 images');
  });
});
