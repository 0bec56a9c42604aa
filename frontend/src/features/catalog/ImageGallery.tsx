import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { imageUrl } from './publishingApi';

/** A published entry's images: the chosen one large (the cover first), the others as thumbnails. */
export function ImageGallery({ imageIds, title }: { imageIds: readonly string[]; title: string }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(0);
  if (imageIds.length === 0) {
    return null;
  }
  const index = Math.min(chosen, imageIds.length - 1);
  const alt = (number: number) => t('gallery.alt', { title, number, count: imageIds.length });
  return (
    <section className="gallery" aria-label={t('gallery.label')} data-testid="resource-gallery">
      <img className="gallery__main" src={imageUrl(imageIds[index]!)} alt={alt(index + 1)} data-testid="resource-gallery-main" />
      {imageIds.length > 1 && (
        <ul className="gallery__thumbs">
          {imageIds.map((id, position) => (
            <li key={id}>
              <button
                type="button"
                className="gallery__thumb"
                aria-pressed={position === index}
                onClick={() => setChosen(position)}
                data-testid={`resource-image-${id}`}
              >
                <img src={imageUrl(id)} alt={alt(position + 1)} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
