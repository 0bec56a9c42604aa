import type { MessageKey } from '../../i18n/messages';
import { fenToYuan, yuanToFen } from '../catalog/entryForm';
import type { FirmProfile, FirmProfileRequest } from './matchingApi';

/** One qualification row as typed; `key` keeps React's rows stable when one is removed. */
export interface QualificationRow {
  key: number;
  qualification: string;
  certificateNumber: string;
  expiresOn: string;
}

/** The profile form as typed: text everywhere, amounts in yuan. */
export interface ProfileForm {
  industryChains: string[];
  products: string;
  stage: string;
  city: string;
  district: string;
  lat: string;
  lon: string;
  foundedYear: string;
  employees: string;
  revenue: string;
  qualifications: QualificationRow[];
  invention: string;
  utilityModel: string;
  design: string;
  softwareCopyright: string;
  /** One patent or registration number a line. */
  patentNumbers: string;
  amountMinYuan: string;
  amountMaxYuan: string;
  purpose: string;
  instruments: string[];
  technologyNeeds: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  discoverable: boolean;
}

export const emptyProfileForm: ProfileForm = {
  industryChains: [],
  products: '',
  stage: '',
  city: '',
  district: '',
  lat: '',
  lon: '',
  foundedYear: '',
  employees: '',
  revenue: '',
  qualifications: [],
  invention: '',
  utilityModel: '',
  design: '',
  softwareCopyright: '',
  patentNumbers: '',
  amountMinYuan: '',
  amountMaxYuan: '',
  purpose: '',
  instruments: [],
  technologyNeeds: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  discoverable: false,
};

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form filled with a saved profile. */
export function formOf(profile: FirmProfile): ProfileForm {
  return {
    industryChains: profile.industryChains ?? [],
    products: profile.products ?? '',
    stage: profile.stage ?? '',
    city: profile.city ?? '',
    district: text(profile.district),
    lat: text(profile.location?.lat),
    lon: text(profile.location?.lon),
    foundedYear: text(profile.foundedYear),
    employees: text(profile.employees),
    revenue: text(profile.revenue),
    qualifications: (profile.qualifications ?? []).map((held, index) => ({
      key: index,
      qualification: held.qualification,
      certificateNumber: text(held.certificateNumber),
      expiresOn: text(held.expiresOn),
    })),
    invention: text(profile.patents?.invention),
    utilityModel: text(profile.patents?.utilityModel),
    design: text(profile.patents?.design),
    softwareCopyright: text(profile.patents?.softwareCopyright),
    patentNumbers: (profile.patents?.numbers ?? []).join('\n'),
    amountMinYuan: profile.fundingNeed?.amountMinFen != null ? fenToYuan(profile.fundingNeed.amountMinFen) : '',
    amountMaxYuan: profile.fundingNeed?.amountMaxFen != null ? fenToYuan(profile.fundingNeed.amountMaxFen) : '',
    purpose: text(profile.fundingNeed?.purpose),
    instruments: profile.fundingNeed?.instruments ?? [],
    technologyNeeds: text(profile.technologyNeeds),
    contactName: text(profile.contact?.name),
    contactPhone: text(profile.contact?.phone),
    contactEmail: text(profile.contact?.email),
    discoverable: profile.discoverable,
  };
}

/** Field (as the API names it) → the message key of what is wrong with it. */
export type FormErrors = Record<string, MessageKey>;

const COUNT = /^\d{1,6}$/;
const YEAR = /^\d{4}$/;
const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/**
 * The request to send, or what to fix first. Checks what the browser can (required fields,
 * numbers, the amount range); the server checks the rest and names each field it refuses.
 * Amounts are typed in yuan and sent in fen.
 */
export function toRequest(form: ProfileForm, version: number | undefined): { request: FirmProfileRequest } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.industryChains.length === 0) {
    errors.industryChains = 'firmProfile.error.chains';
  } else if (form.industryChains.length > 5) {
    errors.industryChains = 'firmProfile.error.tooManyChains';
  }
  if (!form.products.trim()) {
    errors.products = 'form.required';
  }
  if (!form.stage) {
    errors.stage = 'form.required';
  }
  if (!form.city) {
    errors.city = 'form.required';
  }
  if (form.foundedYear.trim() && !YEAR.test(form.foundedYear.trim())) {
    errors.foundedYear = 'firmProfile.error.year';
  }
  const hasLat = form.lat.trim() !== '';
  const hasLon = form.lon.trim() !== '';
  if (hasLat !== hasLon) {
    errors[hasLat ? 'location.lon' : 'location.lat'] = 'firmProfile.error.bothCoordinates';
  }
  if (hasLat && !DECIMAL.test(form.lat.trim())) {
    errors['location.lat'] = 'firmProfile.error.coordinate';
  }
  if (hasLon && !DECIMAL.test(form.lon.trim())) {
    errors['location.lon'] = 'firmProfile.error.coordinate';
  }
  form.qualifications.forEach((row, index) => {
    if (!row.qualification) {
      errors[`qualifications[${index}].qualification`] = 'form.required';
    } else if (form.qualifications.findIndex((other) => other.qualification === row.qualification) < index) {
      errors[`qualifications[${index}].qualification`] = 'firmProfile.error.qualificationTwice';
    }
  });
  const counts = { invention: form.invention, utilityModel: form.utilityModel, design: form.design, softwareCopyright: form.softwareCopyright };
  for (const [name, value] of Object.entries(counts)) {
    if (value.trim() && !COUNT.test(value.trim())) {
      errors[`patents.${name}`] = 'firmProfile.error.count';
    }
  }
  const minFen = form.amountMinYuan.trim() ? yuanToFen(form.amountMinYuan) : null;
  const maxFen = form.amountMaxYuan.trim() ? yuanToFen(form.amountMaxYuan) : null;
  if (form.amountMinYuan.trim() && minFen === null) {
    errors['fundingNeed.amountMinFen'] = 'publish.error.yuan';
  }
  if (form.amountMaxYuan.trim() && maxFen === null) {
    errors['fundingNeed.amountMaxFen'] = 'publish.error.yuan';
  }
  if (minFen !== null && maxFen !== null && minFen > maxFen) {
    errors['fundingNeed.amountMaxFen'] = 'firmProfile.error.amountRange';
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }

  const numbers = form.patentNumbers
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const anyPatents = Object.values(counts).some((value) => value.trim()) || numbers.length > 0;
  const purpose = blankToNull(form.purpose);
  const anyNeed = minFen !== null || maxFen !== null || purpose !== null || form.instruments.length > 0;
  const contact = { name: blankToNull(form.contactName), phone: blankToNull(form.contactPhone), email: blankToNull(form.contactEmail) };
  const request: FirmProfileRequest = {
    industryChains: form.industryChains,
    products: form.products.trim(),
    stage: form.stage,
    city: form.city,
    district: blankToNull(form.district),
    location: hasLat ? { lat: Number(form.lat.trim()), lon: Number(form.lon.trim()) } : null,
    foundedYear: form.foundedYear.trim() ? Number(form.foundedYear.trim()) : null,
    employees: form.employees || null,
    revenue: form.revenue || null,
    qualifications: form.qualifications.map((row) => ({
      qualification: row.qualification,
      certificateNumber: blankToNull(row.certificateNumber),
      expiresOn: row.expiresOn || null,
    })),
    patents: anyPatents
      ? {
          invention: Number(form.invention.trim() || 0),
          utilityModel: Number(form.utilityModel.trim() || 0),
          design: Number(form.design.trim() || 0),
          softwareCopyright: Number(form.softwareCopyright.trim() || 0),
          numbers,
        }
      : null,
    fundingNeed: anyNeed ? { amountMinFen: minFen, amountMaxFen: maxFen, purpose, instruments: form.instruments } : null,
    technologyNeeds: blankToNull(form.technologyNeeds),
    contact: contact.name || contact.phone || contact.email ? contact : null,
    discoverable: form.discoverable,
  };
  if (version !== undefined) {
    request.version = version;
  }
  return { request };
}

/**
 * The field of the form a server's error is about: list members are shown at their list
 * (`patents.numbers[3]` → `patents.numbers`, `industryChains[0]` → `industryChains`).
 */
export function formField(apiField: string): string {
  return apiField.replace(/^(industryChains|patents\.numbers|fundingNeed\.instruments)\[\d+\].*$/, '$1');
}
