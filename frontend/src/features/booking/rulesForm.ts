import { parseTimeOfDay } from './localTime';
import { weekDays, type BookingRules, type WeeklyHours } from './types';

/** The rules editor's text values (inputs hold text) ↔ `BookingRules`. */

export const numberRuleFields = [
  'slotMinutes',
  'minMinutes',
  'maxMinutes',
  'minNoticeMinutes',
  'maxAdvanceDays',
  'bufferMinutes',
  'cancellationDeadlineHours',
  'noShowGraceMinutes',
] as const;
export const quotaRuleFields = ['quotaMinutesPerDay', 'quotaMinutesPerWeek', 'quotaMinutesPerMonth'] as const;

type NumberField = (typeof numberRuleFields)[number] | (typeof quotaRuleFields)[number];

export interface RulesDraft {
  weeklyHours: WeeklyHours[];
  numbers: Record<NumberField, string>;
  approvalRequired: boolean;
  trainingRequired: boolean;
  version: number;
}

export function toDraft(rules: BookingRules): RulesDraft {
  const numbers = {} as Record<NumberField, string>;
  for (const name of [...numberRuleFields, ...quotaRuleFields]) {
    const value = rules[name];
    numbers[name] = value === null || value === undefined ? '' : String(value);
  }
  return {
    weeklyHours: rules.weeklyHours.map((hours) => ({ ...hours })),
    numbers,
    approvalRequired: rules.approvalRequired,
    trainingRequired: rules.trainingRequired,
    version: rules.version,
  };
}

export type RulesErrorCode = 'required' | 'wholeNumber' | 'time' | 'order' | 'grid' | 'minMax';

/**
 * The rules of a draft, or the errors by API field name (`weeklyHours[0].end`, `minMinutes`).
 * Numbers are whole and not negative, quotas may be empty (none), opening hours end after
 * they start and lie on the slot grid, and min ≤ max.
 */
export function fromDraft(draft: RulesDraft): { rules: BookingRules } | { errors: Record<string, RulesErrorCode> } {
  const errors: Record<string, RulesErrorCode> = {};
  const whole = (name: NumberField, optional: boolean): number | null => {
    const text = draft.numbers[name].trim();
    if (!text) {
      if (!optional) {
        errors[name] = 'required';
      }
      return null;
    }
    if (!/^\d+$/.test(text)) {
      errors[name] = 'wholeNumber';
      return null;
    }
    return Number(text);
  };
  const values = {} as Record<NumberField, number | null>;
  for (const name of numberRuleFields) {
    values[name] = whole(name, false);
  }
  for (const name of quotaRuleFields) {
    values[name] = whole(name, true);
  }
  if (values.slotMinutes === 0) {
    errors.slotMinutes = 'wholeNumber';
  }
  const slot = values.slotMinutes || 0;
  if (values.minMinutes !== null && values.maxMinutes !== null && values.minMinutes > values.maxMinutes) {
    errors.maxMinutes = 'minMax';
  }
  draft.weeklyHours.forEach((hours, index) => {
    const start = parseTimeOfDay(hours.start);
    const end = parseTimeOfDay(hours.end);
    if (start === null) {
      errors[`weeklyHours[${index}].start`] = 'time';
    }
    if (end === null) {
      errors[`weeklyHours[${index}].end`] = 'time';
    }
    if (start !== null && end !== null) {
      if (end <= start) {
        errors[`weeklyHours[${index}].end`] = 'order';
      } else if (slot > 0 && (start % slot !== 0 || end % slot !== 0)) {
        errors[`weeklyHours[${index}].start`] = 'grid';
      }
    }
    if (!weekDays.includes(hours.day)) {
      errors[`weeklyHours[${index}].day`] = 'required';
    }
  });
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    rules: {
      weeklyHours: draft.weeklyHours,
      slotMinutes: values.slotMinutes!,
      minMinutes: values.minMinutes!,
      maxMinutes: values.maxMinutes!,
      minNoticeMinutes: values.minNoticeMinutes!,
      maxAdvanceDays: values.maxAdvanceDays!,
      bufferMinutes: values.bufferMinutes!,
      quotaMinutesPerDay: values.quotaMinutesPerDay,
      quotaMinutesPerWeek: values.quotaMinutesPerWeek,
      quotaMinutesPerMonth: values.quotaMinutesPerMonth,
      approvalRequired: draft.approvalRequired,
      trainingRequired: draft.trainingRequired,
      cancellationDeadlineHours: values.cancellationDeadlineHours!,
      noShowGraceMinutes: values.noShowGraceMinutes!,
      version: draft.version,
    },
  };
}
