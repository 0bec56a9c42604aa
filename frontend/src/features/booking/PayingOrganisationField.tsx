import { SelectField } from '../../components/forms';
import { useI18n } from '../../i18n/I18nProvider';
import { organisationName } from '../identity/labels';
import type { Membership } from '../identity/types';

/** The organisation that pays, from the user's own; '' = the user themself. */
export function PayingOrganisationField({
  id,
  memberships,
  value,
  onChange,
  error,
}: {
  id: string;
  memberships: readonly Membership[];
  value: string;
  onChange: (organisationId: string) => void;
  error?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <SelectField
      id={id}
      field="organisationId"
      label={t('booking.form.organisation')}
      hint={t('booking.form.organisationHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      testId="booking-organisation"
    >
      {memberships.map((membership) => (
        <option key={membership.organisationId} value={membership.organisationId}>
          {organisationName(locale, membership)}
        </option>
      ))}
      <option value="">{t('booking.form.noOrganisation')}</option>
    </SelectField>
  );
}
