import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { defaultLocale, setActiveLocale } from '../i18n/messages';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  setActiveLocale(defaultLocale);
  document.documentElement.lang = '';
  document.title = '';
});
