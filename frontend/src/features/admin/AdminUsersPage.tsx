import { useCallback, useState, type FormEvent } from 'react';
import { problemOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ActionLabel } from '../../components/ActionLabel';
import { SuccessMessage } from '../../components/forms';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { useAuth } from '../identity/AuthProvider';
import { roleLabel } from '../identity/labels';
import { allRoles, type Role } from '../identity/types';
import { ADMIN_PAGE_SIZE, fetchUsers, setUserEnabled, setUserRoles } from './api';
import type { AdminUser } from './types';
import { useListParams } from './useListParams';

const KEYS = ['query'] as const;

export function AdminUsersPage() {
  const { t, locale } = useI18n();
  usePageTitle('adminUsers.title');
  const { user: me } = useAuth();
  const { page, values, setFilters, setPage } = useListParams(KEYS);
  const [query, setQuery] = useState(values.query);
  const load = useCallback(
    (signal: AbortSignal) => fetchUsers({ query: values.query, page }, signal),
    [values.query, page],
  );
  const users = useResource(load);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; roles: Role[] } | null>(null);

  const replace = (updated: AdminUser) =>
    users.update((data) => ({ ...data, items: data.items.map((row) => (row.id === updated.id ? updated : row)) }));

  const act = async (key: string, action: () => Promise<AdminUser>, message: (user: AdminUser) => string) => {
    setBusy(key);
    setProblem(null);
    setNotice(null);
    try {
      const updated = await action();
      replace(updated);
      setNotice(message(updated));
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ query: query.trim() });
  };

  const data = users.data;

  return (
    <section className="page admin" aria-labelledby="admin-users-title" aria-busy={users.loading}>
      <header className="page-header">
        <div>
          <h1 id="admin-users-title">{t('adminUsers.title')}</h1>
          <p className="page-header__intro">{t('adminUsers.intro')}</p>
        </div>
      </header>

      <form className="filters" role="search" onSubmit={search} aria-label={t('adminUsers.searchLabel')}>
        <div className="field">
          <label htmlFor="admin-users-query" className="field__label">
            {t('adminUsers.query')}
          </label>
          <input
            id="admin-users-query"
            type="search"
            className="field__control"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="admin-users-query"
          />
        </div>
        <button type="submit" className="button" data-testid="admin-users-search">
          {t('form.search')}
        </button>
      </form>

      {problem && (
        <div data-testid="admin-users-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {notice && <SuccessMessage testId="admin-users-notice">{notice}</SuccessMessage>}
      {users.problem && <ProblemAlert problem={users.problem} />}
      {users.loading && !data && (
        <p role="status" className="muted">
          {t('list.loading')}
        </p>
      )}

      {data && data.items.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {data && data.items.length > 0 && (
        <table className="data-table" data-testid="admin-users-table">
          <caption className="visually-hidden">{t('adminUsers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminUsers.user')}</th>
              <th scope="col">{t('profile.roles')}</th>
              <th scope="col">{t('adminUsers.state')}</th>
              <th scope="col">{t('adminUsers.createdAt')}</th>
              <th scope="col">{t('adminUsers.lastLoginAt')}</th>
              <th scope="col">{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => {
              const isEditing = editing?.id === row.id;
              return (
                <tr key={row.id} data-testid={`admin-user-${row.id}`}>
                  <td data-label={t('adminUsers.user')}>
                    <span className="cell__strong">{row.displayName}</span>
                    <span className="cell__sub">{row.email}</span>
                  </td>
                  <td data-label={t('profile.roles')} data-testid={`admin-user-roles-${row.id}`}>
                    {isEditing ? (
                      <fieldset className="fieldset role-editor">
                        <legend className="visually-hidden">{t('adminUsers.rolesFor', { name: row.displayName })}</legend>
                        {allRoles.map((role) => (
                          <div key={role} className="choice">
                            <input
                              type="checkbox"
                              id={`admin-user-role-${row.id}-${role}`}
                              checked={editing.roles.includes(role)}
                              onChange={(event) =>
                                setEditing({
                                  id: row.id,
                                  roles: allRoles.filter((option) =>
                                    option === role ? event.target.checked : editing.roles.includes(option),
                                  ),
                                })
                              }
                              data-testid={`admin-user-role-${row.id}-${role}`}
                            />
                            <label htmlFor={`admin-user-role-${row.id}-${role}`}>{roleLabel(t, role)}</label>
                          </div>
                        ))}
                      </fieldset>
                    ) : row.roles.length > 0 ? (
                      row.roles.map((role) => roleLabel(t, role)).join('、')
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('adminUsers.state')}>
                    <span
                      className={`badge badge--text ${row.enabled ? 'badge--up' : 'badge--down'}`}
                      data-testid={`admin-user-state-${row.id}`}
                    >
                      {t(row.enabled ? 'adminUsers.enabled' : 'adminUsers.disabled')}
                    </span>
                  </td>
                  <td data-label={t('adminUsers.createdAt')}>{formatDateTime(locale, row.createdAt)}</td>
                  <td data-label={t('adminUsers.lastLoginAt')}>
                    {row.lastLoginAt ? formatDateTime(locale, row.lastLoginAt) : t('adminUsers.never')}
                  </td>
                  <td data-label={t('list.actions')}>
                    <div className="cell__actions">
                      {isEditing ? (
                        <>
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy !== null}
                            onClick={() =>
                              void act(`roles-${row.id}`, () => setUserRoles(row.id, editing.roles), (updated) =>
                                t('adminUsers.rolesSaved', { name: updated.displayName }),
                              ).then((ok) => ok && setEditing(null))
                            }
                            data-testid={`admin-user-save-roles-${row.id}`}
                          >
                            {t('form.save')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setEditing(null)}
                            data-testid={`admin-user-cancel-roles-${row.id}`}
                          >
                            {t('form.cancel')}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy !== null}
                          onClick={() => setEditing({ id: row.id, roles: row.roles })}
                          data-testid={`admin-user-edit-roles-${row.id}`}
                        >
                          <ActionLabel text={t('adminUsers.editRoles')} name={row.displayName} />
                        </button>
                      )}
                      {row.id !== me?.id &&
                        (row.enabled ? (
                          <button
                            type="button"
                            className="button button--danger button--small"
                            disabled={busy !== null}
                            onClick={() =>
                              void act(`state-${row.id}`, () => setUserEnabled(row.id, false), (updated) =>
                                t('adminUsers.disabledNotice', { name: updated.displayName }),
                              )
                            }
                            data-testid={`admin-user-disable-${row.id}`}
                          >
                            <ActionLabel text={t('adminUsers.disable')} name={row.displayName} />
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={busy !== null}
                            onClick={() =>
                              void act(`state-${row.id}`, () => setUserEnabled(row.id, true), (updated) =>
                                t('adminUsers.enabledNotice', { name: updated.displayName }),
                              )
                            }
                            data-testid={`admin-user-enable-${row.id}`}
                          >
                            <ActionLabel text={t('adminUsers.enable')} name={row.displayName} />
                          </button>
                        ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data && (
        <Pagination
          page={data.page}
          size={data.size || ADMIN_PAGE_SIZE}
          total={data.total}
          onPage={setPage}
          label={t('pagination.label')}
        />
      )}
    </section>
  );
}
