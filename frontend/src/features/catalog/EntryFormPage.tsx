import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { problemOf, statusOf, type ProblemDetail } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormAlert, SuccessMessage, useFocusOnError } from '../../components/forms';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, usePageTitle } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useAuth } from '../identity/AuthProvider';
import { organisationName } from '../identity/labels';
import { EntryField } from './EntryFields';
import { commonFields, fromContent, kindFields, mapServerErrors, toContent, validate, type FieldSpec, type FieldValue, type FormValues } from './entryForm';
import { ImageManager } from './ImageManager';
import { contentTitle, kindLabel } from './labels';
import { publishableKinds, publishingMemberships } from './publishers';
import { createEntry, entryAction, fetchEntry, updateEntry } from './publishingApi';
import { resourceKinds, type CatalogEntry, type ResourceKind } from './types';

interface SavedState {
  notice?: MessageKey;
  problem?: ProblemDetail;
}

const groups: { title: MessageKey; names: string[] }[] = [
  { title: 'publish.section.basics', names: ['content.titleZh', 'content.titleEn', 'content.summaryZh', 'content.summaryEn'] },
  {
    title: 'publish.section.place',
    names: ['content.city', 'content.district', 'content.location.lat', 'content.location.lon', 'content.industryChains', 'content.tags'],
  },
  { title: 'publish.section.contact', names: ['content.contact.name', 'content.contact.phone', 'content.contact.email'] },
];

/** `/publish/new?kind=…&organisationId=…`: a new entry of one kind for one organisation. */
export function NewEntryPage() {
  const { t } = useI18n();
  usePageTitle('publish.newTitle');
  const [searchParams] = useSearchParams();
  const { user } = useAuth();
  const kind = searchParams.get('kind') as ResourceKind | null;
  const membership = publishingMemberships(user).find((item) => item.organisationId === searchParams.get('organisationId'));
  if (!kind || !resourceKinds.includes(kind) || !membership || !publishableKinds(user, membership).includes(kind)) {
    return (
      <section className="page page--narrow" data-testid="publish-new-invalid">
        <h1>{t('publish.newTitle')}</h1>
        <p>{t('publish.newInvalid')}</p>
        <p>
          <Link to="/publish">{t('publish.backToEntries')}</Link>
        </p>
      </section>
    );
  }
  return <EntryForm kind={kind} organisationId={membership.organisationId} organisationLabel={membership} />;
}

/** `/publish/entries/:id`: edits an entry's working copy. */
export function EditEntryPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchEntry(id, signal), [id]);
  const entry = useResource(load);
  usePageTitle('publish.editTitle');
  if (entry.loading && !entry.data) {
    return (
      <p role="status" className="muted">
        {t('list.loading')}
      </p>
    );
  }
  if (!entry.data) {
    return (
      <section className="page page--narrow">
        <h1>{t('publish.editTitle')}</h1>
        {entry.problem && <ProblemAlert problem={entry.problem} />}
        <p>
          <Link to="/publish">{t('publish.backToEntries')}</Link>
        </p>
      </section>
    );
  }
  // A new key after a reload: the form starts again from what the server has now.
  return <EntryForm key={`${entry.data.id}-${entry.data.version}`} kind={entry.data.kind} organisationId={entry.data.ownerOrganisationId} entry={entry.data} onReload={entry.reload} />;
}

function EntryForm({
  kind,
  organisationId,
  organisationLabel,
  entry: initialEntry,
  onReload,
}: {
  kind: ResourceKind;
  organisationId: string;
  organisationLabel?: { nameZh: string; nameEn: string };
  entry?: CatalogEntry;
  onReload?: () => void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const saved = (location.state as SavedState | null) ?? {};
  const [entry, setEntry] = useState(initialEntry);
  const [values, setValues] = useState<FormValues>(() => fromContent(kind, initialEntry?.draft));
  const [imageIds, setImageIds] = useState<string[]>(initialEntry?.draft.imageIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ProblemDetail | null>(saved.problem ?? null);
  const [conflict, setConflict] = useState<ProblemDetail | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(saved.notice ?? null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Which button sent the form (Enter in a field sends the first one: save).
  const intentRef = useRef<'save' | 'submit'>('save');
  const focusOnError = useFocusOnError(formRef);

  const readOnly = entry?.review === 'PENDING' || entry?.status === 'ARCHIVED';
  const change = (name: string, value: FieldValue) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setNotice(null);
  };

  const save = async (intent: 'save' | 'submit') => {
    setNotice(null);
    setProblem(null);
    setConflict(null);
    const clientErrors = validate(kind, values);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(Object.fromEntries(Object.entries(clientErrors).map(([name, error]) => [name, t(error.key, error.params)])));
      focusOnError();
      return;
    }
    setErrors({});
    setBusy(true);
    const content = toContent(kind, values, imageIds);
    let current = entry;
    let stage: 'save' | 'submit' = 'save';
    try {
      current = entry ? await updateEntry(entry.id, content, entry.version) : await createEntry(kind, organisationId, content);
      if (intent === 'submit') {
        stage = 'submit';
        current = await entryAction(current.id, 'submit');
      }
      const message: MessageKey = intent === 'submit' ? 'publish.form.submitted' : 'publish.form.saved';
      if (!entry) {
        navigate(`/publish/entries/${encodeURIComponent(current.id)}`, { replace: true, state: { notice: message } satisfies SavedState });
        return;
      }
      setEntry(current);
      setNotice(message);
    } catch (error) {
      const found = problemOf(error);
      if (stage === 'submit' && !entry && current) {
        // Saved, but not submitted: continue on the entry's own page, saying why.
        navigate(`/publish/entries/${encodeURIComponent(current.id)}`, { replace: true, state: { problem: found } satisfies SavedState });
        return;
      }
      if (stage === 'submit') {
        setEntry(current);
      }
      if (stage === 'save' && entry && statusOf(error) === 409) {
        setConflict(found);
      } else if (found.errors && found.errors.length > 0) {
        const { byField, rest } = mapServerErrors(kind, found.errors);
        setErrors(byField);
        setProblem(rest.length > 0 || Object.keys(byField).length === 0 ? { ...found, errors: rest } : null);
      } else {
        setProblem(found);
      }
      focusOnError();
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!entry) {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setEntry(await entryAction(entry.id, 'withdraw'));
      setNotice('publish.form.withdrawn');
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(intentRef.current);
    intentRef.current = 'save';
  };

  const field = (spec: FieldSpec) => (
    <EntryField key={spec.name} spec={spec} value={values[spec.name]} error={errors[spec.name]} onChange={(value) => change(spec.name, value)} />
  );
  const byName = new Map(commonFields.map((spec) => [spec.name, spec]));
  const title = entry ? contentTitle(locale, entry.draft) : t('publish.newTitle');

  return (
    <section className="page publish-form" aria-labelledby="publish-form-title">
      <header className="page-header">
        <div>
          <p className="resource__kind">
            <span className="badge badge--neutral" data-testid="publish-form-kind">
              {kindLabel(t, kind)}
            </span>
          </p>
          <h1 id="publish-form-title">{entry ? t('publish.editTitle') : t('publish.newTitle')}</h1>
          {entry && <p className="page-header__intro">{title}</p>}
          {organisationLabel && <p className="page-header__intro">{t('publish.forOrganisation', { name: organisationName(locale, organisationLabel) })}</p>}
        </div>
      </header>
      <p>
        <Link to={`/publish?organisationId=${encodeURIComponent(organisationId)}`} data-testid="publish-back">
          {t('publish.backToEntries')}
        </Link>
      </p>

      {entry?.review === 'REJECTED' && entry.rejectionReason && (
        <div className="notice notice--error" data-testid="publish-form-rejection">
          <p className="notice__title">{t('publish.rejectionReason')}</p>
          <p>{entry.rejectionReason}</p>
        </div>
      )}
      {entry?.status === 'PUBLISHED' && !readOnly && (
        <p className="notice" data-testid="publish-form-published-note">
          {t('publish.form.publishedNote')}
        </p>
      )}
      {entry?.review === 'PENDING' && (
        <div className="notice" data-testid="publish-form-pending">
          <p>{t('publish.form.pending')}</p>
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void withdraw()} data-testid="publish-form-withdraw">
            {t('publish.withdraw')}
          </button>
        </div>
      )}
      {entry?.status === 'ARCHIVED' && <p className="notice">{t('publish.form.archived')}</p>}
      {notice && <SuccessMessage testId="publish-form-notice">{t(notice)}</SuccessMessage>}

      <form ref={formRef} className="form publish-form__form" noValidate onSubmit={submit} data-testid="publish-form">
        {conflict && (
          <div tabIndex={-1} data-form-alert="" className="notice notice--error" role="alert" data-testid="publish-conflict">
            <p className="notice__title">{t('publish.conflict.title')}</p>
            <p>{t('publish.conflict.body')}</p>
            {conflict.detail && <p className="muted">{conflict.detail}</p>}
            <button type="button" className="button button--secondary button--small" onClick={onReload} data-testid="publish-conflict-reload">
              {t('publish.conflict.reload')}
            </button>
          </div>
        )}
        <FormAlert problem={problem} />
        <fieldset className="fieldset publish-form__fields" disabled={readOnly || busy}>
          <legend className="visually-hidden">{title}</legend>
          {groups.map((group) => (
            <fieldset key={group.title} className="fieldset">
              <legend>{t(group.title)}</legend>
              {group.names.map((name) => field(byName.get(name)!))}
            </fieldset>
          ))}
          <fieldset className="fieldset" data-testid={`publish-kind-fields-${kind}`}>
            <legend>{t('publish.section.kind', { kind: kindLabel(t, kind) })}</legend>
            {kindFields[kind].map(field)}
          </fieldset>
        </fieldset>
        {!readOnly && (
          <div className="form__actions">
            <button type="submit" className="button button--secondary" disabled={busy} onClick={() => (intentRef.current = 'save')} data-testid="publish-save">
              {t(busy ? 'publish.form.saving' : 'publish.form.save')}
            </button>
            <button type="submit" className="button" disabled={busy} onClick={() => (intentRef.current = 'submit')} data-testid="publish-save-submit">
              {t('publish.form.saveAndSubmit')}
            </button>
          </div>
        )}
      </form>

      {entry ? (
        <ImageManager entryId={entry.id} imageIds={imageIds} onChange={setImageIds} disabled={readOnly} />
      ) : (
        <p className="muted" data-testid="publish-images-later">
          {t('images.afterSave')}
        </p>
      )}
    </section>
  );
}
