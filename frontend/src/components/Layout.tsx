import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { publishingMemberships } from '../features/catalog/publishers';
import { useAuth } from '../features/identity/AuthProvider';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { LanguageSelect } from './LanguageSelect';

interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
  end?: boolean;
}

/** Pages for everyone. */
const publicItems: NavItem[] = [
  { to: '/', label: 'nav.home', testId: 'nav-home', end: true },
  { to: '/search', label: 'nav.search', testId: 'nav-search' },
  { to: '/experts', label: 'nav.experts', testId: 'nav-experts' },
  { to: '/status', label: 'nav.status', testId: 'nav-status' },
];
const anonymousItems: NavItem[] = [
  { to: '/login', label: 'nav.login', testId: 'nav-login' },
  { to: '/register', label: 'nav.register', testId: 'nav-register' },
];
const memberItems: NavItem[] = [
  { to: '/organisations/mine', label: 'nav.myOrganisations', testId: 'nav-my-organisations' },
  { to: '/bookings', label: 'nav.myBookings', testId: 'nav-my-bookings', end: true },
  { to: '/saved-searches', label: 'nav.savedSearches', testId: 'nav-saved-searches' },
  { to: '/firms', label: 'nav.myFirms', testId: 'nav-my-firms' },
  { to: '/engagements', label: 'nav.engagements', testId: 'nav-engagements' },
];
/** For members of an organisation (staff of the instruments it hosts, payers of vouchers) and admins. */
const organisationItems: NavItem[] = [
  { to: '/staff/bookings', label: 'nav.bookingQueue', testId: 'nav-booking-queue' },
  { to: '/vouchers', label: 'nav.vouchers', testId: 'nav-vouchers' },
  { to: '/statements', label: 'nav.statements', testId: 'nav-statements' },
  { to: '/reports', label: 'nav.reports', testId: 'nav-reports' },
];
const publisherItems: NavItem[] = [{ to: '/publish', label: 'nav.publish', testId: 'nav-publish' }];
const adminItems: NavItem[] = [
  { to: '/admin/users', label: 'nav.adminUsers', testId: 'nav-admin-users' },
  { to: '/admin/organisations', label: 'nav.adminOrganisations', testId: 'nav-admin-organisations' },
  { to: '/admin/catalog', label: 'nav.adminCatalog', testId: 'nav-admin-catalog' },
  { to: '/admin/search', label: 'nav.adminSearch', testId: 'nav-admin-search' },
  { to: '/admin/audit', label: 'nav.adminAudit', testId: 'nav-admin-audit' },
  { to: '/admin/experts', label: 'nav.adminExperts', testId: 'nav-admin-experts' },
];

export function Layout() {
  const { t } = useI18n();
  const { status, user, hasRole, logout } = useAuth();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);

  // The menu shows only what the current person may do (nothing session-specific until known).
  const items = [
    ...publicItems,
    ...(status === 'anonymous' ? anonymousItems : []),
    ...(user ? memberItems : []),
    ...(user && (user.memberships.length > 0 || hasRole('ADMIN')) ? organisationItems : []),
    ...(publishingMemberships(user).length > 0 ? publisherItems : []),
    ...(user && hasRole('ADMIN') ? adminItems : []),
  ];

  const signOut = async () => {
    setMenuOpen(false);
    await logout();
    navigate('/');
    document.getElementById('main')?.focus();
  };

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
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className="site-nav__link"
                      data-testid={item.testId}
                      onClick={() => setMenuOpen(false)}
                    >
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
                {user && (
                  <>
                    <li>
                      <NotificationBell onNavigate={() => setMenuOpen(false)} />
                    </li>
                    <li className="site-nav__user">
                      <NavLink
                        to="/profile"
                        className="site-nav__link"
                        data-testid="nav-profile"
                        onClick={() => setMenuOpen(false)}
                      >
                        <span className="visually-hidden">{t('nav.profile')}: </span>
                        <svg
                          aria-hidden="true"
                          viewBox="0 0 24 24"
                          width="16"
                          height="16"
                          fill="none"
                          stroke="currentColor"
                          strokeWidth="1.8"
                          className="site-nav__icon"
                        >
                          <circle cx="12" cy="8" r="4" />
                          <path d="M4 21a8 8 0 0 1 16 0" />
                        </svg>
                        <span data-testid="user-menu-name">{user.displayName}</span>
                      </NavLink>
                    </li>
                    <li>
                      <button
                        type="button"
                        className="site-nav__link site-nav__button"
                        data-testid="nav-logout"
                        onClick={() => void signOut()}
                      >
                        {t('nav.logout')}
                      </button>
                    </li>
                  </>
                )}
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
