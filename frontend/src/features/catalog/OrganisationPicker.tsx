import { useI18n } from '../../i18n/I18nProvider';
import { organisationName } from '../identity/labels';
import type { Membership } from '../identity/types';

/** Chooses the organisation to publish for; just names it when there is only one. */
export function OrganisationPicker({
  memberships,
  value,
  onChange,
}: {
  memberships: readonly Membership[];
  value: string;
  onChange: (organisationId: string) => void;
}) {
  const { t, locale } = useI18n();
  if (memberships.length === 1) {
    return (
      <p className="publish__organisation" data-testid="publish-organisation">
        <span className="muted">{t('publish.organisation')}：</span>
        {organisationName(locale, memberships[0]!)}
      </p>
    );
  }
  return (
    <div className="field publish__organisation">
      <label htmlFor="publish-organisation" className="field__label">
        {t('publish.organisation')}
      </label>
      <select
        id="publish-organisation"
        className="field__control"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="publish-organisation-select"
      >
        {memberships.map((membership) => (
          <option key={membership.organisationId} value={membership.organisationId}>
            {organisationName(locale, membership)}
          </option>
        ))}
      </select>
    </div>
  );
}
