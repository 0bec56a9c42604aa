/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The map's tile URL template (`…/{z}/{x}/{y}.png`); OpenStreetMap when not set. */
  readonly VITE_MAP_TILE_URL?: string;
}
