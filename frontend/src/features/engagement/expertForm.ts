import type { FieldErrors } from '../../components/forms';
import type { AdvisoryType, Expert, ExpertSave } from './types';

/** An expert as the admin form edits it: text as typed, fields of expertise comma-separated. */
export interface ExpertFormValues {
  nameZh: string;
  nameEn: string;
  titleZh: string;
  titleEn: string;
  organisationNameZh: string;
  organisationNameEn: string;
  city: string;
  fields: string;
  industryChains: string[];
  services: AdvisoryType[];
  bioZh: string;
  bioEn: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  userEmail: string;
  active: boolean;
}

/** The form's names of the API's fields, so that its field errors land next to them. */
export const EXPERT_FORM_FIELDS: Record<string, keyof ExpertFormValues> = {
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  titleZh: 'titleZh',
  titleEn: 'titleEn',
  organisationNameZh: 'organisationNameZh',
  organisationNameEn: 'organisationNameEn',
  city: 'city',
  fields: 'fields',
  industryChains: 'industryChains',
  services: 'services',
  bioZh: 'bioZh',
  bioEn: 'bioEn',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'contact.email': 'contactEmail',
  userEmail: 'userEmail',
};

export function expertFormValues(expert?: Expert): ExpertFormValues {
  return {
    nameZh: expert?.nameZh ?? '',
    nameEn: expert?.nameEn ?? '',
    titleZh: expert?.titleZh ?? '',
    titleEn: expert?.titleEn ?? '',
    organisationNameZh: expert?.organisation?.nameZh ?? '',
    organisationNameEn: expert?.organisation?.nameEn ?? '',
    city: expert?.city ?? '',
    fields: (expert?.fields ?? []).join('、'),
    industryChains: [...(expert?.industryChains ?? [])],
    services: [...(expert?.services ?? [])],
    bioZh: expert?.bioZh ?? '',
    bioEn: expert?.bioEn ?? '',
    contactName: expert?.contact?.name ?? '',
    contactPhone: expert?.contact?.phone ?? '',
    contactEmail: expert?.contact?.email ?? '',
    userEmail: expert?.linkedUser?.email ?? '',
    active: expert?.active ?? true,
  };
}

const orNull = (value: string) => value.trim() || null;

/** The request body, or the errors of the required fields. */
export function expertSaveBody(
  values: ExpertFormValues,
  expert: Expert | undefined,
  required: string,
): { body: ExpertSave } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!values.nameZh.trim()) {
    errors.nameZh = required;
  }
  if (!values.city) {
    errors.city = required;
  }
  if (values.services.length === 0) {
    errors.services = required;
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  const contact = { name: orNull(values.contactName), phone: orNull(values.contactPhone), email: orNull(values.contactEmail), address: null };
  return {
    body: {
      nameZh: values.nameZh.trim(),
      nameEn: orNull(values.nameEn),
      titleZh: orNull(values.titleZh),
      titleEn: orNull(values.titleEn),
      organisationId: expert?.organisation?.id ?? null,
      organisationNameZh: orNull(values.organisationNameZh),
      organisationNameEn: orNull(values.organisationNameEn),
      city: values.city,
      // Tags may be separated by Chinese or Latin commas.
      fields: values.fields
        .split(/[,，、;；]/)
        .map((field) => field.trim())
        .filter(Boolean),
      industryChains: values.industryChains,
      services: values.services,
      bioZh: orNull(values.bioZh),
      bioEn: orNull(values.bioEn),
      contact: contact.name || contact.phone || contact.email ? contact : null,
      userEmail: orNull(values.userEmail),
      active: values.active,
      version: expert?.version ?? null,
    },
  };
}

/** The save body of an expert as it is, with `active` changed (deactivate / reactivate). */
export function withActive(expert: Expert, active: boolean): ExpertSave {
  const result = expertSaveBody({ ...expertFormValues(expert), active }, expert, '');
  if ('errors' in result) {
    throw new Error(`expert ${expert.id} cannot be saved as it is`);
  }
  return result.body;
}
