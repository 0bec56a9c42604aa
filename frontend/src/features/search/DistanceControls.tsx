import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { cityLabel } from '../identity/labels';

/** The city centres offered when the browser's position is not known. */
export const cityCentres = {
  CHANGSHA: '28.228,112.939',
  ZHUZHOU: '27.827,113.134',
  XIANGTAN: '27.829,112.944',
} as const;

export const radiusOptions = ['5', '10', '25', '50', '100'] as const;

export type Origin = 'HERE' | keyof typeof cityCentres;

/**
 * "Near": measure distances from the browser's position (geolocation) or from a city centre,
 * optionally only within a radius. `onChange(origin, near)` with near `lat,lon`, or nulls to
 * stop measuring.
 */
export function DistanceControls({
  origin,
  radiusKm,
  onChange,
  onRadius,
}: {
  origin: string | null;
  radiusKm: string | null;
  onChange: (origin: Origin | null, near: string | null) => void;
  onRadius: (radiusKm: string | null) => void;
}) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);

  const choose = (value: string) => {
    setFailed(false);
    if (value === 'HERE') {
      if (!('geolocation' in navigator)) {
        setFailed(true);
        return;
      }
      setLocating(true);
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setLocating(false);
          onChange('HERE', `${position.coords.latitude.toFixed(4)},${position.coords.longitude.toFixed(4)}`);
        },
        () => {
          setLocating(false);
          setFailed(true);
        },
        { timeout: 10000, maximumAge: 300000 },
      );
    } else if (value in cityCentres) {
      onChange(value as Origin, cityCentres[value as keyof typeof cityCentres]);
    } else {
      onChange(null, null);
    }
  };

  return (
    <div className="search__near" data-testid="search-near">
      <div className="search__sort">
        <label htmlFor="search-origin" className="field__label">
          {t('search.near.label')}
        </label>
        <select
          id="search-origin"
          className="field__control"
          value={locating ? 'HERE' : (origin ?? '')}
          onChange={(event) => choose(event.target.value)}
          data-testid="search-origin"
        >
          <option value="">{t('search.near.none')}</option>
          <option value="HERE">{t('search.near.here')}</option>
          {Object.keys(cityCentres).map((city) => (
            <option key={city} value={city}>
              {t('search.near.city', { city: cityLabel(t, city) })}
            </option>
          ))}
        </select>
      </div>
      {origin && (
        <div className="search__sort">
          <label htmlFor="search-radius" className="field__label">
            {t('search.near.radius')}
          </label>
          <select
            id="search-radius"
            className="field__control"
            value={radiusKm ?? ''}
            onChange={(event) => onRadius(event.target.value || null)}
            data-testid="search-radius"
          >
            <option value="">{t('search.near.anyDistance')}</option>
            {radiusOptions.map((km) => (
              <option key={km} value={km}>
                {t('search.near.km', { km })}
              </option>
            ))}
          </select>
        </div>
      )}
      {locating && (
        <p role="status" className="muted">
          {t('search.near.locating')}
        </p>
      )}
      {failed && (
        <p role="alert" className="field__error" data-testid="search-near-failed">
          {t('search.near.failed')}
        </p>
      )}
    </div>
  );
}
