import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { deleteImage, fetchImageBlob, fetchImages, imageUrl, uploadImage } from './publishingApi';
import type { EntryImage } from './types';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 8;

/** Why a file cannot be uploaded, before sending it; null when it may be. */
export function imageFileProblem(file: File, count: number): MessageKey | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return 'images.error.type';
  }
  if (file.size > MAX_IMAGE_BYTES) {
    return 'images.error.size';
  }
  if (count >= MAX_IMAGES) {
    return 'images.error.count';
  }
  return null;
}

/** The order to show: `imageIds` first (the saved order), then uploaded images not in it yet. */
function ordered(imageIds: readonly string[], images: readonly EntryImage[] | undefined): string[] {
  const known = images?.map((image) => image.id) ?? [];
  return [...imageIds.filter((id) => !images || known.includes(id)), ...known.filter((id) => !imageIds.includes(id))];
}

/**
 * The images of an entry that exists: upload (checked here first), remove, choose the cover
 * and the order. The order is the content's `imageIds`, saved with the entry.
 */
export function ImageManager({
  entryId,
  imageIds,
  onChange,
  disabled,
}: {
  entryId: string;
  imageIds: readonly string[];
  onChange: (imageIds: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const inputId = useId();
  const load = useCallback((signal: AbortSignal) => fetchImages(entryId, signal), [entryId]);
  const images = useResource(load);
  const [error, setError] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = ordered(imageIds, images.data);
  const byId = new Map(images.data?.map((image) => [image.id, image]));

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setProblem(null);
    if (!file) {
      return;
    }
    const rejected = imageFileProblem(file, ids.length);
    setError(rejected);
    if (rejected) {
      return;
    }
    setBusy(true);
    try {
      const image = await uploadImage(entryId, file);
      images.update((list) => [...list, image]);
      onChange([...ids, image.id]);
    } catch (failure) {
      setProblem(problemOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await deleteImage(entryId, id);
      images.update((list) => list.filter((image) => image.id !== id));
      onChange(ids.filter((item) => item !== id));
    } catch (failure) {
      setProblem(problemOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const move = (id: string, to: number) => {
    const rest = ids.filter((item) => item !== id);
    rest.splice(to, 0, id);
    onChange(rest);
  };

  return (
    <section className="panel images" aria-labelledby="images-title" data-testid="image-manager">
      <div className="panel__head">
        <h2 id="images-title">{t('images.title')}</h2>
      </div>
      <p className="field__hint">{t('images.hint', { count: MAX_IMAGES })}</p>
      {images.problem && <ProblemAlert problem={images.problem} />}
      {ids.length === 0 && images.data && <p className="muted">{t('images.none')}</p>}
      {ids.length > 0 && (
        <ol className="images__list" data-testid="image-list">
          {ids.map((id, index) => (
            <li key={id} className="images__item" data-testid={`image-${id}`}>
              <Thumbnail url={byId.get(id)?.url ?? imageUrl(id)} alt={t('images.alt', { number: index + 1 })} />
              {index === 0 && <span className="badge badge--up">{t('images.cover')}</span>}
              <div className="images__actions">
                {index > 0 && (
                  <button type="button" className="button button--secondary button--small" disabled={disabled || busy} onClick={() => move(id, 0)} data-testid={`image-cover-${id}`}>
                    <ActionLabel text={t('images.makeCover')} name={t('images.alt', { number: index + 1 })} />
                  </button>
                )}
                {index > 0 && (
                  <button type="button" className="button button--secondary button--small" disabled={disabled || busy} onClick={() => move(id, index - 1)} data-testid={`image-earlier-${id}`}>
                    <ActionLabel text={t('images.earlier')} name={t('images.alt', { number: index + 1 })} />
                  </button>
                )}
                {index < ids.length - 1 && (
                  <button type="button" className="button button--secondary button--small" disabled={disabled || busy} onClick={() => move(id, index + 1)} data-testid={`image-later-${id}`}>
                    <ActionLabel text={t('images.later')} name={t('images.alt', { number: index + 1 })} />
                  </button>
                )}
                <button type="button" className="button button--danger button--small" disabled={disabled || busy} onClick={() => void remove(id)} data-testid={`image-remove-${id}`}>
                  <ActionLabel text={t('images.remove')} name={t('images.alt', { number: index + 1 })} />
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={inputId} className="field__label">
          {t('images.upload')}
        </label>
        <input
          id={inputId}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          disabled={disabled || busy || ids.length >= MAX_IMAGES}
          onChange={(event) => void upload(event)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid="image-upload"
        />
        {error && (
          <p id={`${inputId}-error`} className="field__error" role="alert" data-testid="image-error">
            {t(error, { count: MAX_IMAGES })}
          </p>
        )}
      </div>
      {busy && (
        <p role="status" className="muted">
          {t('images.working')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {ids.join() !== imageIds.join() && <p className="notice">{t('images.unsaved')}</p>}
    </section>
  );
}

/** A Blob as a `data:` URL (the Content-Security-Policy allows `data:` images, not `blob:`). */
async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${blob.type || 'image/*'};base64,${btoa(binary)}`;
}

/** A thumbnail loaded with the session's token (drafts' images are not public). */
function Thumbnail({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchImageBlob(url, controller.signal)
      .then(dataUrl)
      .then(
        (loaded) => {
          if (!controller.signal.aborted) {
            setSrc(loaded);
          }
        },
        () => undefined, // the placeholder stays
      );
    return () => controller.abort();
  }, [url]);
  return src ? (
    <img className="images__thumb" src={src} alt={alt} data-testid="image-thumbnail" />
  ) : (
    <span className="images__thumb images__thumb--loading" role="img" aria-label={alt} />
  );
}
