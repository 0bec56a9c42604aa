import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { contentTitle } from '../catalog/labels';
import type { SearchHit } from '../catalog/types';

/** OpenStreetMap by default; set `VITE_MAP_TILE_URL` at build time for another tile server. */
const TILE_URL: string = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** The middle of the CZT area, shown when no result has a location. */
const CZT_CENTRE: L.LatLngTuple = [27.95, 113.0];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The results that have a location, as markers on a Leaflet map fitted to them; a popup
 * links to the resource. Loaded lazily (it brings Leaflet). Tiles that do not load (offline)
 * leave a grey map with working markers.
 */
export default function ResultsMap({ items }: { items: readonly SearchHit[] }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const located = useMemo(() => items.filter((item) => item.location), [items]);

  useEffect(() => {
    if (!container.current) {
      return;
    }
    const map = L.map(container.current, { scrollWheelZoom: false }).setView(CZT_CENTRE, 9);
    L.tileLayer(TILE_URL, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    }).addTo(map);
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    return () => {
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) {
      return;
    }
    layer.clearLayers();
    const points: L.LatLngTuple[] = [];
    for (const item of located) {
      const point: L.LatLngTuple = [item.location!.lat, item.location!.lon];
      points.push(point);
      const title = contentTitle(locale, item);
      const icon = L.divIcon({
        className: 'map-marker',
        html: `<span class="map-marker__dot" data-testid="map-marker-${escapeHtml(item.id)}"></span>`,
        iconSize: [22, 22],
        iconAnchor: [11, 11],
      });
      L.marker(point, { icon, title, alt: title, keyboard: true })
        .bindPopup(`<a href="/resources/${encodeURIComponent(item.id)}" data-resource-link="${escapeHtml(item.id)}">${escapeHtml(title)}</a>`)
        .addTo(layer);
    }
    if (points.length === 1) {
      map.setView(points[0]!, 13);
    } else if (points.length > 1) {
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
    }
  }, [located, locale]);

  return (
    <div className="search-map">
      <p className="muted" data-testid="search-map-count">
        {t('search.map.count', { shown: located.length, total: items.length })}
      </p>
      <div
        ref={container}
        className="search-map__canvas"
        role="region"
        aria-label={t('search.map.label')}
        data-testid="search-map"
        onClick={(event) => {
          // Popup links go through the router instead of reloading the page.
          const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-resource-link]');
          if (link) {
            event.preventDefault();
            navigate(`/resources/${encodeURIComponent(link.dataset.resourceLink ?? '')}`);
          }
        }}
      />
    </div>
  );
}
