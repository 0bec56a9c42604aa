import { apiBlob, apiDelete, apiGet, apiPost, apiPut, apiRequest, queryString, type Page } from '../../api/client';
import type { CatalogEntry, EntryContent, EntryImage, ImportJob, ResourceKind } from './types';

export const ENTRIES_PAGE_SIZE = 20;
const ENTRIES = '/api/v1/catalog/entries';
const IMPORTS = '/api/v1/catalog/imports';

const entryPath = (id: string) => `${ENTRIES}/${encodeURIComponent(id)}`;

export function fetchEntries(organisationId: string, page: number, signal?: AbortSignal) {
  return apiGet<Page<CatalogEntry>>(`${ENTRIES}${queryString({ organisationId, page, size: ENTRIES_PAGE_SIZE })}`, { signal });
}

export function fetchEntry(id: string, signal?: AbortSignal) {
  return apiGet<CatalogEntry>(entryPath(id), { signal });
}

export function createEntry(kind: ResourceKind, ownerOrganisationId: string, content: EntryContent) {
  return apiPost<CatalogEntry>(ENTRIES, { kind, ownerOrganisationId, content });
}

/** Replaces the working copy; 409 when `version` is no longer the entry's. */
export function updateEntry(id: string, content: EntryContent, version: number) {
  return apiPut<CatalogEntry>(entryPath(id), { content, version });
}

export type EntryAction = 'submit' | 'withdraw' | 'archive';

export function entryAction(id: string, action: EntryAction) {
  return apiPost<CatalogEntry>(`${entryPath(id)}/${action}`, undefined);
}

export function fetchImages(entryId: string, signal?: AbortSignal) {
  return apiGet<EntryImage[]>(`${entryPath(entryId)}/images`, { signal });
}

export function uploadImage(entryId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiRequest<EntryImage>('POST', `${entryPath(entryId)}/images`, form);
}

export function deleteImage(entryId: string, imageId: string) {
  return apiDelete(`${entryPath(entryId)}/images/${encodeURIComponent(imageId)}`);
}

/** The public address of an image's bytes (drafts' images need the token: see `fetchImageBlob`). */
export const imageUrl = (imageId: string) => `/api/v1/images/${encodeURIComponent(imageId)}`;

export function fetchImageBlob(url: string, signal?: AbortSignal) {
  return apiBlob(url, { signal });
}

export type TemplateFormat = 'csv' | 'xlsx';

export function fetchImportTemplate(kind: ResourceKind, format: TemplateFormat) {
  return apiBlob(`${IMPORTS}/template${queryString({ kind, format })}`);
}

export interface ImportRequest {
  file: File;
  organisationId: string;
  kind: ResourceKind;
  dryRun: boolean;
  submitForReview: boolean;
}

export function startImport(request: ImportRequest) {
  const form = new FormData();
  form.append('file', request.file);
  form.append('organisationId', request.organisationId);
  form.append('kind', request.kind);
  form.append('dryRun', String(request.dryRun));
  form.append('submitForReview', String(request.submitForReview));
  return apiRequest<ImportJob>('POST', IMPORTS, form);
}

export function fetchImportJob(id: string, signal?: AbortSignal) {
  return apiGet<ImportJob>(`${IMPORTS}/${encodeURIComponent(id)}`, { signal });
}

/** Saves a Blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
