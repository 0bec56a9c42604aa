import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from './rulesForm';
import { rules } from './testData';

describe('rules form', () => {
  it('round-trips rules through the draft', () => {
    expect(fromDraft(toDraft(rules({ quotaMinutesPerDay: 240 })))).toEqual({ rules: rules({ quotaMinutesPerDay: 240 }) });
  });

  it('reads empty quotas as none', () => {
    const draft = toDraft(rules({ quotaMinutesPerWeek: 600 }));
    draft.numbers.quotaMinutesPerWeek = ' ';
    const result = fromDraft(draft);
    expect('rules' in result && result.rules.quotaMinutesPerWeek).toBeNull();
  });

  it('refuses missing and non-whole numbers, min above max and a zero slot', () => {
    const draft = toDraft(rules());
    draft.numbers.bufferMinutes = '';
    draft.numbers.minNoticeMinutes = '1.5';
    draft.numbers.minMinutes = '600';
    draft.numbers.slotMinutes = '0';
    expect(fromDraft(draft)).toEqual({
      errors: { bufferMinutes: 'required', minNoticeMinutes: 'wholeNumber', maxMinutes: 'minMax', slotMinutes: 'wholeNumber' },
    });
  });

  it('refuses opening hours that end before they start, are unreadable or off the slot grid', () => {
    const draft = toDraft(rules());
    draft.weeklyHours = [
      { day: 'MONDAY', start: '12:00', end: '09:00' },
      { day: 'TUESDAY', start: '9', end: '12:00' },
      { day: 'WEDNESDAY', start: '08:15', end: '12:00' },
    ];
    expect(fromDraft(draft)).toEqual({
      errors: { 'weeklyHours[0].end': 'order', 'weeklyHours[1].start': 'time', 'weeklyHours[2].start': 'grid' },
    });
  });
});
