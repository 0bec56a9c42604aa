import { useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { LanguageSelect } from './LanguageSelect';

/** Pages reachable from the main navigation. Add a feature here once its page exists. */
const navItems: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/status', label: 'nav.status' },
];

export function Layout() {
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" title={t('layout.homeLink')}>
            <span className="brand__mark" aria-hidden="true">
              <svg viewBox="0 0 32 32" width="36" height="36">
                <rect width="32" height="32" rx="8" fill="currentColor" />
                <circle cx="10" cy="20" r="4" fill="#f2b705" />
                <circle cx="16" cy="11" r="4" fill="#ffffff" />
                <circle cx="22" cy="20" r="4" fill="#7fd1c7" />
              </svg>
            </span>
            <span className="brand__text">
              <span className="brand__name" data-testid="brand-name">
                {t('app.name')}
              </span>
              <span className="brand__subtitle" data-testid="brand-subtitle">
                {t('app.nameAlt')}
              </span>
            </span>
          </Link>

          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            data-testid="menu-button"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-button__bars" aria-hidden="true" />
            <span className="menu-button__label">{t('layout.menu')}</span>
          </button>

          <div
            id="site-menu"
            className={menuOpen ? 'site-menu site-menu--open' : 'site-menu'}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setMenuOpen(false);
              }
            }}
          >
            <nav aria-label={t('layout.primaryNav')} className="site-nav">
              <ul>
                {navItems.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className="site-nav__link"
                      data-testid={`nav-${item.label.replace('nav.', '')}`}
                      onClick={() => setMenuOpen(false)}
                    >
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <LanguageSelect />
          </div>
        </div>
      </header>

      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>

      <footer className="site-footer">
        <div className="site-footer__inner">
          <p data-testid="demo-data-note">{t('layout.footerDemoNote')}</p>
          <p className="site-footer__region">{t('layout.footerRegion')}</p>
        </div>
      </footer>
    </div>
  );
}
