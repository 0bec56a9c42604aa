import type { FieldError } from '../../api/client';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import { needTypes, qualifications, searchCities, type EntryContent, type ResourceKind } from './types';

/**
 * The publishing form as data: every input is named by the API's path of its field
 * (`content.instrument.model`), so the server's field errors land next to the right input.
 * Limits and required fields mirror the Java records (EntryContent, InstrumentDetails, …).
 */
export type FieldType = 'text' | 'textarea' | 'select' | 'checks' | 'list' | 'int' | 'decimal' | 'yuan' | 'bool' | 'date' | 'accreditations';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  /** Characters (texts, list items) … */
  max?: number;
  /** … items (lists, checks). */
  maxItems?: number;
  min?: number;
  maxValue?: number;
  options?: readonly string[];
  /** The options stand for numbers (a readiness level), sent as such. */
  numeric?: boolean;
  /** Message prefix of the options' labels (`city` → `city.CHANGSHA`). */
  optionPrefix?: string;
  pattern?: RegExp;
  patternMessage?: MessageKey;
  hint?: MessageKey;
  /** The other half of a pair that is given together (a price's amount and unit). */
  pairedWith?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
}

export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue>;

export const industryChains = [
  'ENGINEERING_MACHINERY',
  'ENERGY_STORAGE_MATERIALS',
  'BIOMEDICINE',
  'AUTOMOTIVE',
  'RAIL_TRANSIT',
  'AEROSPACE',
  'NEW_MATERIALS',
  'ELECTRIC_DRIVE_AND_WIND_POWER',
  'MINING_EQUIPMENT',
  'FOOD_AND_AGRICULTURE',
  'ELECTRONIC_INFORMATION',
  'NEW_ENERGY',
  'ENVIRONMENTAL_PROTECTION',
  'CULTURAL_CREATIVE',
] as const;

const priceUnits = ['PER_HOUR', 'PER_SAMPLE', 'PER_PROJECT'] as const;
const dealModes = ['TRANSFER', 'LICENCE', 'EQUITY_CONTRIBUTION', 'JOINT_DEVELOPMENT', 'SERVICE'] as const;
const readinessLevels = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

function price(prefix: string, label: MessageKey): FieldSpec[] {
  return [
    { name: `${prefix}.amountFen`, label, type: 'yuan', pairedWith: `${prefix}.unit`, inputMode: 'decimal' },
    { name: `${prefix}.unit`, label: 'publish.field.priceUnit', type: 'select', options: priceUnits, optionPrefix: 'priceUnit', pairedWith: `${prefix}.amountFen` },
  ];
}

export const commonFields: FieldSpec[] = [
  { name: 'content.titleZh', label: 'publish.field.titleZh', type: 'text', required: true, max: 200 },
  { name: 'content.titleEn', label: 'publish.field.titleEn', type: 'text', max: 200 },
  { name: 'content.summaryZh', label: 'publish.field.summaryZh', type: 'textarea', required: true, max: 4000 },
  { name: 'content.summaryEn', label: 'publish.field.summaryEn', type: 'textarea', max: 4000 },
  { name: 'content.city', label: 'publish.field.city', type: 'select', required: true, options: searchCities, optionPrefix: 'city' },
  { name: 'content.district', label: 'publish.field.district', type: 'text', max: 100 },
  { name: 'content.industryChains', label: 'publish.field.industryChains', type: 'checks', options: industryChains, optionPrefix: 'industryChain', maxItems: 8 },
  { name: 'content.tags', label: 'publish.field.tags', type: 'list', maxItems: 20, max: 30, hint: 'publish.hint.list' },
  { name: 'content.location.lat', label: 'publish.field.lat', type: 'decimal', min: 26, maxValue: 29.5, pairedWith: 'content.location.lon', inputMode: 'decimal', hint: 'publish.hint.lat' },
  { name: 'content.location.lon', label: 'publish.field.lon', type: 'decimal', min: 111.5, maxValue: 114.5, pairedWith: 'content.location.lat', inputMode: 'decimal', hint: 'publish.hint.lon' },
  { name: 'content.contact.name', label: 'publish.field.contactName', type: 'text', max: 100 },
  { name: 'content.contact.phone', label: 'publish.field.contactPhone', type: 'text', max: 40, pattern: /^[0-9+()\- ]{5,40}$/, patternMessage: 'publish.error.phone', inputMode: 'tel' },
  { name: 'content.contact.email', label: 'publish.field.contactEmail', type: 'text', max: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, patternMessage: 'publish.error.email', inputMode: 'email' },
];

const I = 'content.instrument';
const S = 'content.service';
const L = 'content.literature';
const T = 'content.techOffering';
const F = 'content.financing';
const N = 'content.techNeed';

export const kindFields: Record<ResourceKind, FieldSpec[]> = {
  INSTRUMENT: [
    { name: `${I}.category`, label: 'instrument.category', type: 'select', required: true, options: ['ANALYTICAL', 'MATERIALS_TESTING', 'IMAGING', 'ELECTRONIC_MEASUREMENT', 'MANUFACTURING_PROCESS', 'OTHER'], optionPrefix: 'instrumentCategory' },
    { name: `${I}.model`, label: 'instrument.model', type: 'text', max: 100 },
    { name: `${I}.manufacturer`, label: 'instrument.manufacturer', type: 'text', max: 200 },
    { name: `${I}.countryOfManufacture`, label: 'instrument.countryOfManufacture', type: 'text', max: 100 },
    { name: `${I}.mainFunctions`, label: 'instrument.mainFunctions', type: 'textarea', required: true, max: 4000 },
    { name: `${I}.specifications`, label: 'instrument.specifications', type: 'textarea', max: 4000 },
    { name: `${I}.lab`, label: 'instrument.lab', type: 'text', max: 200 },
    { name: `${I}.address`, label: 'instrument.address', type: 'text', max: 300 },
    { name: `${I}.purchaseValueFen`, label: 'instrument.purchaseValue', type: 'yuan', inputMode: 'decimal' },
    { name: `${I}.serviceModes`, label: 'instrument.serviceModes', type: 'checks', required: true, options: ['MACHINE_TIME', 'SAMPLE_SUBMISSION'], optionPrefix: 'serviceMode' },
    ...price(`${I}.internalPrice`, 'instrument.internalPrice'),
    ...price(`${I}.externalPrice`, 'instrument.externalPrice'),
    { name: `${I}.trainingRequired`, label: 'instrument.trainingRequired', type: 'bool' },
    { name: `${I}.approvalRequired`, label: 'instrument.approvalRequired', type: 'bool' },
    { name: `${I}.operatingStatus`, label: 'instrument.operatingStatus', type: 'select', required: true, options: ['IN_SERVICE', 'UNDER_MAINTENANCE', 'RETIRED'], optionPrefix: 'operatingStatus' },
  ],
  SERVICE: [
    { name: `${S}.serviceType`, label: 'service.serviceType', type: 'select', required: true, options: ['TESTING', 'CERTIFICATION', 'DESIGN', 'PROTOTYPING', 'ANALYSIS'], optionPrefix: 'serviceType' },
    { name: `${S}.scope`, label: 'service.scope', type: 'textarea', required: true, max: 4000 },
    { name: `${S}.accreditations`, label: 'service.accreditations', type: 'accreditations', maxItems: 10, max: 60, hint: 'publish.hint.accreditations' },
    { name: `${S}.turnaroundDays`, label: 'service.turnaroundDays', type: 'int', min: 1, maxValue: 365, inputMode: 'numeric' },
    ...price(`${S}.price`, 'service.price'),
  ],
  LITERATURE: [
    { name: `${L}.authors`, label: 'literature.authors', type: 'list', required: true, maxItems: 50, max: 100, hint: 'publish.hint.list' },
    { name: `${L}.keywords`, label: 'literature.keywords', type: 'list', maxItems: 20, max: 50, hint: 'publish.hint.list' },
    { name: `${L}.year`, label: 'literature.year', type: 'int', required: true, min: 1900, maxValue: 2100, inputMode: 'numeric' },
    { name: `${L}.source`, label: 'literature.source', type: 'select', required: true, options: ['JOURNAL', 'CONFERENCE', 'STANDARD', 'REPORT', 'THESIS'], optionPrefix: 'literatureSource' },
    { name: `${L}.access`, label: 'literature.access', type: 'select', required: true, options: ['OPEN', 'ON_REQUEST', 'LICENSED'], optionPrefix: 'literatureAccess' },
    { name: `${L}.doi`, label: 'literature.doi', type: 'text', pattern: /^10\.\d{4,9}\/\S+$/, patternMessage: 'publish.error.doi' },
    { name: `${L}.language`, label: 'literature.language', type: 'text', pattern: /^[a-z]{2}$/, patternMessage: 'publish.error.language', hint: 'publish.hint.language' },
    { name: `${L}.link`, label: 'literature.link', type: 'text', max: 500, pattern: /^https?:\/\/\S+$/, patternMessage: 'publish.error.link', inputMode: 'url' },
  ],
  TECH_OFFERING: [
    { name: `${T}.ipType`, label: 'techOffering.ipType', type: 'select', required: true, options: ['INVENTION_PATENT', 'UTILITY_MODEL', 'DESIGN_PATENT', 'SOFTWARE_COPYRIGHT', 'KNOW_HOW', 'OTHER'], optionPrefix: 'ipType' },
    { name: `${T}.ipNumbers`, label: 'techOffering.ipNumbers', type: 'list', maxItems: 20, max: 40, hint: 'publish.hint.list' },
    { name: `${T}.trl`, label: 'techOffering.trl', type: 'select', required: true, options: readinessLevels, numeric: true },
    { name: `${T}.dealModes`, label: 'techOffering.dealModes', type: 'checks', required: true, options: dealModes, optionPrefix: 'dealMode' },
    { name: `${T}.askingPriceFen`, label: 'techOffering.askingPrice', type: 'yuan', inputMode: 'decimal', hint: 'publish.hint.negotiable' },
  ],
  FINANCING: [
    { name: `${F}.financingKind`, label: 'financing.financingKind', type: 'select', required: true, options: ['VC_PE_FUND', 'ANGEL', 'BANK_LOAN', 'GUARANTEE', 'GOVERNMENT_PROGRAMME', 'LISTING_SERVICE'], optionPrefix: 'financingKind' },
    { name: `${F}.institution`, label: 'financing.institution', type: 'text', required: true, max: 200 },
    { name: `${F}.stages`, label: 'financing.stages', type: 'checks', required: true, options: ['SEED', 'START_UP', 'GROWTH', 'MATURE', 'PRE_IPO'], optionPrefix: 'stage' },
    { name: `${F}.ticketMinFen`, label: 'publish.field.ticketMin', type: 'yuan', inputMode: 'decimal' },
    { name: `${F}.ticketMaxFen`, label: 'publish.field.ticketMax', type: 'yuan', inputMode: 'decimal' },
    { name: `${F}.region`, label: 'financing.region', type: 'text', max: 200 },
    { name: `${F}.terms`, label: 'financing.terms', type: 'textarea', max: 2000 },
    { name: `${F}.requirements`, label: 'financing.requirements', type: 'textarea', max: 4000 },
    { name: `${F}.cities`, label: 'financing.cities', type: 'checks', options: searchCities, optionPrefix: 'city', hint: 'publish.hint.financingCities' },
    { name: `${F}.requiredQualifications`, label: 'financing.requiredQualifications', type: 'checks', options: qualifications, optionPrefix: 'qualification', hint: 'publish.hint.requiredQualifications' },
  ],
  TECH_NEED: [
    { name: `${N}.needType`, label: 'techNeed.needType', type: 'select', required: true, options: needTypes, optionPrefix: 'needType' },
    { name: `${N}.dealModes`, label: 'techNeed.dealModes', type: 'checks', required: true, options: dealModes, optionPrefix: 'dealMode' },
    { name: `${N}.budgetMinFen`, label: 'publish.field.budgetMin', type: 'yuan', inputMode: 'decimal' },
    { name: `${N}.budgetMaxFen`, label: 'publish.field.budgetMax', type: 'yuan', inputMode: 'decimal', hint: 'publish.hint.negotiable' },
    { name: `${N}.deadline`, label: 'techNeed.deadline', type: 'date', hint: 'publish.hint.deadline' },
    { name: `${N}.minTrl`, label: 'techNeed.minTrl', type: 'select', options: readinessLevels, numeric: true, hint: 'publish.hint.minTrl' },
  ],
};

/** The part of EntryContent that holds a kind's own fields. */
export const kindSection: Record<ResourceKind, 'instrument' | 'service' | 'literature' | 'techOffering' | 'financing' | 'techNeed'> = {
  INSTRUMENT: 'instrument',
  SERVICE: 'service',
  LITERATURE: 'literature',
  TECH_OFFERING: 'techOffering',
  FINANCING: 'financing',
  TECH_NEED: 'techNeed',
};

export function fieldsOf(kind: ResourceKind): FieldSpec[] {
  return [...commonFields, ...kindFields[kind]];
}

const ACCREDITATION = /^(CMA|CNAS|OTHER)[\s:：]+(.+)$/i;

function splitList(text: string): string[] {
  return text
    .split(/[,，;；\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined || value === false) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === 'string' && value.trim() === '';
}

const YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** 12.5 (yuan, as typed) → 1250 (fen); never through floating point. */
export function yuanToFen(text: string): number | null {
  const trimmed = text.trim();
  if (!YUAN.test(trimmed)) {
    return null;
  }
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const rest = Math.abs(fen % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

function toApiValue(spec: FieldSpec, value: FieldValue): unknown {
  switch (spec.type) {
    case 'checks':
      return value;
    case 'list':
      return splitList(String(value));
    case 'accreditations':
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const match = ACCREDITATION.exec(line);
          return match ? { scheme: match[1]!.toUpperCase(), number: match[2]!.trim() } : { scheme: 'OTHER', number: line };
        });
    case 'int':
    case 'decimal':
      return Number(String(value).trim());
    case 'yuan':
      return yuanToFen(String(value));
    case 'bool':
      return value === true;
    default:
      return spec.numeric ? Number(value) : String(value).trim();
  }
}


function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: string[]): unknown {
  let node = source;
  for (const key of path) {
    if (node === null || node === undefined || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const contentPath = (spec: FieldSpec) => spec.name.split('.').slice(1);

/** The EntryContent the form's values stand for (empty inputs are left out). */
export function toContent(kind: ResourceKind, values: FormValues, imageIds: readonly string[] = []): EntryContent {
  const content: Record<string, unknown> = { [kindSection[kind]]: {} };
  for (const spec of fieldsOf(kind)) {
    const value = values[spec.name];
    if (value === undefined || (isEmpty(value) && spec.type !== 'bool')) {
      continue;
    }
    if (spec.type === 'bool' && value !== true) {
      setPath(content, contentPath(spec), false);
      continue;
    }
    setPath(content, contentPath(spec), toApiValue(spec, value));
  }
  if (imageIds.length > 0) {
    content.imageIds = [...imageIds];
  }
  return content as unknown as EntryContent;
}

/** The form's values for an entry's content. */
export function fromContent(kind: ResourceKind, content: EntryContent | null | undefined): FormValues {
  const values: FormValues = {};
  for (const spec of fieldsOf(kind)) {
    const value = getPath(content, contentPath(spec));
    if (value === undefined || value === null) {
      continue;
    }
    switch (spec.type) {
      case 'checks':
        values[spec.name] = Array.isArray(value) ? value.map(String) : [];
        break;
      case 'list':
        values[spec.name] = Array.isArray(value) ? value.join(', ') : String(value);
        break;
      case 'accreditations':
        values[spec.name] = Array.isArray(value)
          ? value.map((item: { scheme?: string; number?: string }) => `${item.scheme ?? 'OTHER'} ${item.number ?? ''}`.trim()).join('\n')
          : '';
        break;
      case 'yuan':
        values[spec.name] = typeof value === 'number' ? fenToYuan(value) : '';
        break;
      case 'bool':
        values[spec.name] = value === true;
        break;
      default:
        values[spec.name] = String(value);
    }
  }
  return values;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Asia/Shanghai (UTC+8 all year), where deadlines are dates: `YYYY-MM-DD`. */
export function shanghaiToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface ClientError {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * The client's own checks, mirroring the server's constraints; field name → error. `today`
 * (Asia/Shanghai) is what a deadline must not be before.
 */
export function validate(kind: ResourceKind, values: FormValues, today: string = shanghaiToday()): Record<string, ClientError> {
  const errors: Record<string, ClientError> = {};
  for (const spec of fieldsOf(kind)) {
    const value = values[spec.name];
    const empty = isEmpty(value);
    if (empty) {
      const pairGiven = spec.pairedWith && !isEmpty(values[spec.pairedWith]);
      if ((spec.required && spec.type !== 'bool') || pairGiven) {
        errors[spec.name] = { key: 'publish.error.required' };
      }
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    switch (spec.type) {
      case 'text':
      case 'textarea':
        if (spec.max && text.length > spec.max) {
          errors[spec.name] = { key: 'publish.error.tooLong', params: { max: spec.max } };
        } else if (spec.pattern && !spec.pattern.test(text)) {
          errors[spec.name] = { key: spec.patternMessage ?? 'publish.error.invalid' };
        }
        break;
      case 'checks':
        if (spec.maxItems && Array.isArray(value) && value.length > spec.maxItems) {
          errors[spec.name] = { key: 'publish.error.tooMany', params: { max: spec.maxItems } };
        }
        break;
      case 'list':
      case 'accreditations': {
        const items = spec.type === 'list' ? splitList(text) : text.split('\n').filter((line) => line.trim());
        if (spec.maxItems && items.length > spec.maxItems) {
          errors[spec.name] = { key: 'publish.error.tooMany', params: { max: spec.maxItems } };
        } else if (spec.max && items.some((item) => item.length > spec.max! + (spec.type === 'accreditations' ? 6 : 0))) {
          errors[spec.name] = { key: 'publish.error.itemTooLong', params: { max: spec.max } };
        } else if (spec.type === 'accreditations' && items.some((item) => !ACCREDITATION.test(item.trim()))) {
          errors[spec.name] = { key: 'publish.error.accreditation' };
        }
        break;
      }
      case 'int':
      case 'decimal': {
        const number = Number(text);
        const valid = spec.type === 'int' ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text);
        if (!valid || Number.isNaN(number)) {
          errors[spec.name] = { key: spec.type === 'int' ? 'publish.error.integer' : 'publish.error.number' };
        } else if ((spec.min !== undefined && number < spec.min) || (spec.maxValue !== undefined && number > spec.maxValue)) {
          errors[spec.name] = { key: 'publish.error.range', params: { min: spec.min ?? '', max: spec.maxValue ?? '' } };
        }
        break;
      }
      case 'yuan':
        if (yuanToFen(text) === null) {
          errors[spec.name] = { key: 'publish.error.yuan' };
        }
        break;
      case 'date':
        if (!DATE.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
          errors[spec.name] = { key: 'publish.error.date' };
        } else if (text < today) {
          errors[spec.name] = { key: 'publish.error.deadlinePast' };
        }
        break;
      default:
        break;
    }
  }
  const checkRange = (minName: string, maxName: string, message: MessageKey) => {
    const min = values[minName];
    const max = values[maxName];
    if (typeof min === 'string' && typeof max === 'string' && !errors[maxName]) {
      const minFen = yuanToFen(min);
      const maxFen = yuanToFen(max);
      if (minFen !== null && maxFen !== null && minFen > maxFen) {
        errors[maxName] = { key: message };
      }
    }
  };
  if (kind === 'FINANCING') {
    checkRange(`${F}.ticketMinFen`, `${F}.ticketMaxFen`, 'publish.error.ticketRange');
  }
  if (kind === 'TECH_NEED') {
    checkRange(`${N}.budgetMinFen`, `${N}.budgetMaxFen`, 'publish.error.budgetRange');
  }
  return errors;
}

/**
 * The form field a server error belongs to: its own name; without list indices
 * (`content.tags[2]` → `content.tags`); the field that contains it
 * (`content.service.accreditations[0].number`); or the first field inside it
 * (`content.instrument.internalPrice` → its amount; `content.instrument` → its first field).
 */
export function fieldForError(kind: ResourceKind, field: string): string | null {
  const names = fieldsOf(kind).map((spec) => spec.name);
  const plain = field.replace(/\[\d*\]/g, '');
  if (names.includes(plain)) {
    return plain;
  }
  const containing = names.filter((candidate) => plain.startsWith(`${candidate}.`)).sort((a, b) => b.length - a.length)[0];
  if (containing) {
    return containing;
  }
  return names.find((candidate) => candidate.startsWith(`${plain}.`)) ?? null;
}

/** Splits server field errors into those for the form's inputs and the rest. */
export function mapServerErrors(kind: ResourceKind, errors: readonly FieldError[]) {
  const byField: Record<string, string> = {};
  const rest: FieldError[] = [];
  for (const error of errors) {
    const target = fieldForError(kind, error.field);
    if (target) {
      byField[target] = byField[target] ? `${byField[target]} ${error.message}` : error.message;
    } else {
      rest.push(error);
    }
  }
  return { byField, rest };
}
