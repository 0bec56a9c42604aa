import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY } from '../i18n/I18nProvider';
import { renderApp } from '../test/render';

describe('Layout and language switch', () => {
  it('shows Chinese by default with the English name as subtitle', () => {
    renderApp('/');

    expect(screen.getByTestId('brand-name')).toHaveProperty('textContent', '长株潭创新资源共享平台');
    expect(screen.getByTestId('brand-subtitle')).toHaveProperty('textContent', 'CZT Innovation Exchange');
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeDefined();
    expect(screen.getByRole('link', { name: '系统状态' })).toBeDefined();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('长株潭创新资源共享平台');
    const select = screen.getByTestId('language-select') as HTMLSelectElement;
    expect(select.value).toBe('zh-CN');
    expect(Array.from(select.options).map((option) => [option.value, option.text])).toEqual([
      ['zh-CN', '简体中文'],
      ['en', 'English'],
    ]);
  });

  it('switches to English, and remembers the choice', () => {
    const { unmount } = renderApp('/');

    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'en' } });

    expect(screen.getByTestId('brand-name')).toHaveProperty('textContent', 'CZT Innovation Exchange');
    expect(screen.getByTestId('brand-subtitle')).toHaveProperty('textContent', '长株潭创新资源共享平台');
    expect(screen.getByRole('link', { name: 'Status' })).toBeDefined();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('One platform');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('CZT Innovation Exchange');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    unmount();
    renderApp('/');

    expect(screen.getByTestId('brand-name')).toHaveProperty('textContent', 'CZT Innovation Exchange');
    expect((screen.getByTestId('language-select') as HTMLSelectElement).value).toBe('en');
  });

  it('ignores an unknown stored language', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    renderApp('/');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('opens and closes the menu with an accessible button', () => {
    renderApp('/');
    const button = screen.getByRole('button', { name: '菜单' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('site-menu');

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(screen.getByRole('link', { name: '系统状态' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the demo-data note in the footer', () => {
    renderApp('/');
    expect(screen.getByRole('contentinfo').textContent).toContain('演示数据');
  });

  it('shows a localized 404 page for unknown paths', () => {
    renderApp('/no-such-page');
    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeDefined();
    expect(screen.getByTestId('not-found').textContent).toContain('/no-such-page');
    expect(document.title).toBe('页面不存在 · 长株潭创新资源共享平台');
  });
});
