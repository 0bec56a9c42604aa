import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { problemOf, type ProblemDetail } from '../../api/client';
import { ActionLabel } from '../../components/ActionLabel';
import {
  FormAlert,
  SelectField,
  SuccessMessage,
  TextField,
  useFocusById,
  useFocusOnError,
  useFormRef,
  type FieldErrors,
} from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { useAuth } from '../identity/AuthProvider';
import { membershipRoleLabel } from '../identity/labels';
import { membershipRoles, type Me, type MembershipRole } from '../identity/types';
import { looksLikeEmail } from '../identity/validation';
import { addMember, changeMemberRole, fetchMembers, removeMember } from './api';
import type { Member } from './types';

type Load = { state: 'loading' } | { state: 'loaded'; members: Member[] } | { state: 'failed'; problem: ProblemDetail };

/**
 * The members of an organisation. Managers (and admins) add people by email, change roles
 * and remove members; every member can leave. The server refuses (409) to leave an
 * organisation without a manager.
 */
export function MembersPanel({
  organisationId,
  me,
  canManage,
  isMember,
}: {
  organisationId: string;
  me: Me;
  canManage: boolean;
  isMember: boolean;
}) {
  const { t, locale } = useI18n();
  const { reloadUser } = useAuth();
  const navigate = useNavigate();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const focusById = useFocusById();

  useEffect(() => {
    const controller = new AbortController();
    fetchMembers(organisationId, controller.signal).then(
      (members) => setLoad({ state: 'loaded', members }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoad({ state: 'failed', problem: problemOf(error) });
        }
      },
    );
    return () => controller.abort();
  }, [organisationId]);

  const members = load.state === 'loaded' ? load.members : [];
  const replaceMembers = (update: (members: Member[]) => Member[]) =>
    setLoad((previous) => (previous.state === 'loaded' ? { state: 'loaded', members: update(previous.members) } : previous));

  /** Runs one action on a member; a problem (e.g. 409 last manager) is shown above the list. */
  const act = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setProblem(null);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(null);
    }
  };

  const toggleRole = (member: Member) =>
    act(`role-${member.userId}`, async () => {
      const role: MembershipRole = member.role === 'MANAGER' ? 'MEMBER' : 'MANAGER';
      const updated = await changeMemberRole(organisationId, member.userId, role);
      replaceMembers((list) => list.map((entry) => (entry.userId === member.userId ? { ...entry, ...updated } : entry)));
      setNotice(t('members.roleChanged', { name: member.displayName, role: membershipRoleLabel(t, role) }));
      if (member.userId === me.id) {
        await reloadUser().catch(() => undefined);
      }
    });

  const remove = (member: Member) =>
    act(`remove-${member.userId}`, async () => {
      await removeMember(organisationId, member.userId);
      setConfirmRemove(null);
      if (member.userId === me.id) {
        await leftOrganisation();
        return;
      }
      replaceMembers((list) => list.filter((entry) => entry.userId !== member.userId));
      setNotice(t('members.removed', { name: member.displayName }));
    });

  const leftOrganisation = async () => {
    await reloadUser().catch(() => undefined);
    navigate('/organisations/mine', { replace: true });
  };

  return (
    <section className="panel" aria-labelledby="members-title" data-testid="members-panel">
      <h2 id="members-title">{t('members.title')}</h2>
      {problem && (
        <div data-testid="members-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {notice && <SuccessMessage testId="members-notice">{notice}</SuccessMessage>}

      {load.state === 'loading' && (
        <p role="status" className="muted" data-testid="members-loading">
          {t('members.loading')}
        </p>
      )}
      {load.state === 'failed' && <ProblemAlert problem={load.problem} />}
      {load.state === 'loaded' && (
        <ul className="member-list" data-testid="members-list">
          {members.map((member) => {
            const self = member.userId === me.id;
            return (
              <li key={member.userId} className="member" data-testid={`member-row-${member.userId}`}>
                <div className="member__who">
                  <span className="member__name">
                    {member.displayName}
                    {self && <span className="member__self"> ({t('members.you')})</span>}
                  </span>
                  <span className="member__email">{member.email}</span>
                  <span className="member__meta">
                    <span className="badge badge--text badge--neutral" data-testid={`member-role-${member.userId}`}>
                      {membershipRoleLabel(t, member.role)}
                    </span>{' '}
                    {t('members.joined', { date: formatDate(locale, member.joinedAt) })}
                  </span>
                </div>
                {canManage && (
                  <div className="member__actions">
                    {confirmRemove === member.userId ? (
                      <>
                        <span className="member__confirm" id={`member-remove-question-${member.userId}`}>
                          {t(self ? 'members.leaveQuestion' : 'members.removeQuestion', { name: member.displayName })}
                        </span>
                        <button
                          type="button"
                          className="button button--danger button--small"
                          disabled={busy !== null}
                          aria-describedby={`member-remove-question-${member.userId}`}
                          id={`member-remove-confirm-${member.userId}`}
                          onClick={() => void remove(member)}
                          data-testid={`member-remove-confirm-${member.userId}`}
                        >
                          {t(self ? 'members.leaveConfirm' : 'members.removeConfirm')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            setConfirmRemove(null);
                            focusById(`member-remove-${member.userId}`);
                          }}
                          data-testid={`member-remove-cancel-${member.userId}`}
                        >
                          {t('form.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy !== null}
                          onClick={() => void toggleRole(member)}
                          data-testid={`member-toggle-role-${member.userId}`}
                        >
                          <ActionLabel
                            text={t(member.role === 'MANAGER' ? 'members.makeMember' : 'members.makeManager')}
                            name={member.displayName}
                          />
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy !== null}
                          id={`member-remove-${member.userId}`}
                          onClick={() => {
                            setConfirmRemove(member.userId);
                            focusById(`member-remove-confirm-${member.userId}`);
                          }}
                          data-testid={`member-remove-${member.userId}`}
                        >
                          <ActionLabel text={t('members.remove')} name={member.displayName} />
                        </button>
                      </>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {canManage && load.state === 'loaded' && (
        <AddMemberForm
          organisationId={organisationId}
          onAdded={(member) => {
            replaceMembers((list) => [...list.filter((entry) => entry.userId !== member.userId), member]);
            setProblem(null);
            setNotice(t('members.added', { name: member.displayName }));
          }}
        />
      )}

      {isMember && <LeaveOrganisation organisationId={organisationId} me={me} onLeft={leftOrganisation} />}
    </section>
  );
}

function AddMemberForm({ organisationId, onAdded }: { organisationId: string; onAdded: (member: Member) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useFormRef();
  const focusOnError = useFocusOnError(formRef);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!looksLikeEmail(email)) {
      setErrors({ email: t(email.trim() ? 'form.invalidEmail' : 'form.required') });
      focusOnError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const member = await addMember(organisationId, email.trim(), role);
      setEmail('');
      setRole('MEMBER');
      onAdded(member);
    } catch (error) {
      // 404/400 when no account has that address: the server's problem says so.
      setProblem(problemOf(error));
      focusOnError();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form form--inline" noValidate onSubmit={submit} aria-labelledby="member-add-title">
      <h3 id="member-add-title">{t('members.addTitle')}</h3>
      <p className="field__hint">{t('members.addHint')}</p>
      <FormAlert problem={problem} />
      <div className="form__row">
        <TextField
          id="member-add-email"
          field="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          label={t('auth.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
          testId="member-add-email"
        />
        <SelectField
          id="member-add-role"
          field="role"
          label={t('members.role')}
          value={role}
          onChange={(event) => setRole(event.target.value as MembershipRole)}
          testId="member-add-role"
        >
          {membershipRoles.map((option) => (
            <option key={option} value={option}>
              {membershipRoleLabel(t, option)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={saving} data-testid="member-add-submit">
          {t('members.add')}
        </button>
      </div>
    </form>
  );
}

function LeaveOrganisation({ organisationId, me, onLeft }: { organisationId: string; me: Me; onLeft: () => Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [leaving, setLeaving] = useState(false);
  const focusById = useFocusById();

  const leave = async () => {
    setLeaving(true);
    setProblem(null);
    try {
      await removeMember(organisationId, me.id);
      await onLeft();
    } catch (error) {
      setProblem(problemOf(error));
      setLeaving(false);
      setConfirming(false);
    }
  };

  return (
    <div className="leave" data-testid="organisation-leave-section">
      <h3>{t('members.leaveTitle')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      {confirming ? (
        <div className="leave__confirm">
          <p id="organisation-leave-question">{t('members.leaveQuestionSelf')}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={leaving}
              aria-describedby="organisation-leave-question"
              id="organisation-leave-confirm"
              onClick={() => void leave()}
              data-testid="organisation-leave-confirm"
            >
              {t('members.leaveConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                focusById('organisation-leave');
              }}
              data-testid="organisation-leave-cancel"
            >
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          id="organisation-leave"
          onClick={() => {
            setConfirming(true);
            focusById('organisation-leave-confirm');
          }}
          data-testid="organisation-leave"
        >
          {t('members.leave')}
        </button>
      )}
    </div>
  );
}
