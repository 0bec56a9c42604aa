import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetSession } from '../features/identity/session';
import { defaultLocale, setActiveLocale } from '../i18n/messages';
import { anonymousBackend } from './api';

beforeEach(() => {
  // No test reaches a real server: by default the backend knows no session (refresh → 401).
  // Tests that need more stub `fetch` themselves.
  vi.stubGlobal('fetch', vi.fn(anonymousBackend));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetSession();
  window.localStorage.clear();
  setActiveLocale(defaultLocale);
  document.documentElement.lang = '';
  document.title = '';
});
