import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { importJob, publisher } from './publishingTestData';

const REFRESH = 'POST /api/v1/auth/refresh';
const START = 'POST /api/v1/catalog/imports';
const JOB = 'GET /api/v1/catalog/imports/job-1';

const csv = (name = 'instruments.csv') => new File(['titleZh\n离子色谱仪\n'], name, { type: 'text/csv', lastModified: 1 });

async function chooseFile(file: File = csv()) {
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
}

describe('ImportPage', () => {
  it('dry-runs the file, shows progress while it runs, then the rows’ errors and how many more', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [START]: () => jsonResponse(importJob(), 202),
      [JOB]: [
        () => jsonResponse(importJob({ processedRows: 20 })),
        () =>
          jsonResponse(
            importJob({
              status: 'SUCCEEDED',
              processedRows: 40,
              errorCount: 5,
              errors: [
                { row: 3, column: 'city', message: 'must be CHANGSHA, ZHUZHOU or XIANGTAN' },
                { row: 7, column: 'instrument.mainFunctions', message: 'must not be blank' },
              ],
            }),
          ),
      ],
    });
    renderApp('/publish/import');
    await chooseFile();
    fireEvent.click(screen.getByTestId('import-dry-run'));

    expect((await screen.findByTestId('import-dry-run-report-running')).textContent).toContain('40');
    const table = await screen.findByTestId('import-dry-run-report-errors', {}, { timeout: 3000 });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('3');
    expect(rows[1]!.textContent).toContain('city');
    expect(screen.getByTestId('import-dry-run-report-more').textContent).toContain('3');
    expect(screen.queryByTestId('import-run')).toBeNull();
    expect(backend.callsTo(JOB).length).toBeGreaterThanOrEqual(2);

    const form = backend.callsTo(START)[0]!.rawBody as FormData;
    expect(form.get('organisationId')).toBe('org-1');
    expect(form.get('kind')).toBe('INSTRUMENT');
    expect(form.get('dryRun')).toBe('true');
    expect((form.get('file') as File).name).toBe('instruments.csv');
    expect(backend.callsTo(START)[0]!.headers.has('Content-Type')).toBe(false);
  });

  it('imports only after a clean dry run of the same file, then links to the entries', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [START]: [
        () => jsonResponse(importJob({ status: 'SUCCEEDED', processedRows: 40 }), 202),
        () => jsonResponse(importJob({ status: 'SUCCEEDED', processedRows: 40 }), 202),
        () => jsonResponse(importJob({ id: 'job-2', dryRun: false, submitForReview: false }), 202),
      ],
      'GET /api/v1/catalog/imports/job-2': () =>
        jsonResponse(importJob({ id: 'job-2', dryRun: false, status: 'SUCCEEDED', processedRows: 40, createdCount: 40 })),
    });
    renderApp('/publish/import');
    await chooseFile();
    fireEvent.click(screen.getByTestId('import-dry-run'));
    expect((await screen.findByTestId('import-dry-run-report-success')).textContent).toContain('40');

    // Another file: the dry run no longer counts.
    await chooseFile(csv('other.csv'));
    expect(screen.queryByTestId('import-run')).toBeNull();
    expect(screen.getByTestId('import-stale')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-dry-run'));
    await screen.findByTestId('import-dry-run-report-success');

    fireEvent.click(screen.getByTestId('import-submit-for-review'));
    fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-report-success', {}, { timeout: 3000 })).textContent).toContain('40');
    expect(screen.getByTestId('import-to-entries').getAttribute('href')).toBe('/publish?organisationId=org-1');
    const form = backend.callsTo(START)[2]!.rawBody as FormData;
    expect(form.get('dryRun')).toBe('false');
    expect(form.get('submitForReview')).toBe('false');
  });

  it('shows the server’s problem for an unreadable file, and refuses other file types itself', async () => {
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher()),
      [START]: () => problemResponse(400, 'Bad Request', { detail: 'Unknown column "价格"' }),
    });
    renderApp('/publish/import');
    await chooseFile(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(screen.getByTestId('import-file-error')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-dry-run'));
    expect(backend.callsTo(START)).toHaveLength(0);

    await chooseFile();
    fireEvent.click(screen.getByTestId('import-dry-run'));
    expect((await screen.findByTestId('problem-alert')).textContent).toContain('Unknown column');
  });

  it('downloads a template with the token, as a file', async () => {
    const createObjectURL = vi.fn(() => 'blob:template');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const backend = mockBackend({
      [REFRESH]: signedIn(publisher(), 'token-7'),
      'GET /api/v1/catalog/imports/template': () => new Response('titleZh,summaryZh\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    renderApp('/publish/import');
    fireEvent.change(await screen.findByTestId('import-kind'), { target: { value: 'SERVICE' } });
    fireEvent.click(screen.getByTestId('import-template-csv'));

    await waitFor(() => expect(click).toHaveBeenCalled());
    const request = backend.callsTo('GET /api/v1/catalog/imports/template')[0]!;
    expect(request.query.get('kind')).toBe('SERVICE');
    expect(request.query.get('format')).toBe('csv');
    expect(request.headers.get('Authorization')).toBe('Bearer token-7');
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });
});
