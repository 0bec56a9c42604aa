import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../i18n/messages';
import { buildWeekGrid, validateSelection } from './calendar';
import { formatDuration, formatEstimate, formatQuantity, selectionProblemText, statusBadgeClass } from './labels';
import { availability, estimate, NOW, WEEK } from './testData';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('booking labels', () => {
  it('formats an estimate as rate × quantity = amount with the kind of rate', () => {
    expect(formatEstimate(zh, 'zh-CN', estimate())).toBe('¥200 / 小时 × 2.5 = ¥500（校外价）');
    expect(formatEstimate(en, 'en', estimate({ unit: 'PER_SAMPLE', rateFen: 5050, quantity: 3, amountFen: 15150, rate: 'INTERNAL' }))).toBe(
      '¥50.50 / sample × 3 = ¥151.50 (internal rate)',
    );
  });

  it('shows unknown quantities and units as sent', () => {
    expect(formatQuantity('en', 'about 2')).toBe('about 2');
    expect(formatQuantity('en', '1.25')).toBe('1.25');
    expect(formatEstimate(en, 'en', estimate({ unit: 'PER_DAY', rate: 'SPECIAL' }))).toBe('¥200 / PER_DAY × 2.5 = ¥500 (SPECIAL)');
  });

  it('formats durations', () => {
    expect(formatDuration(zh, 30)).toBe('30 分钟');
    expect(formatDuration(zh, 120)).toBe('2 小时');
    expect(formatDuration(en, 150)).toBe('2 h 30 min');
  });

  it('says why a selection is refused', () => {
    const week = buildWeekGrid({ weekStart: WEEK, availability: availability(), nowMs: NOW });
    const taken = validateSelection(week, { day: 1, row: 2 }, { day: 1, row: 6 }, { minMinutes: 30, maxMinutes: 480 });
    const closed = validateSelection(week, { day: 2, row: 8 }, { day: 2, row: 9 }, { minMinutes: 30, maxMinutes: 480 });
    const short = validateSelection(week, { day: 1, row: 7 }, { day: 1, row: 7 }, { minMinutes: 90, maxMinutes: 480 });
    if (taken.ok || closed.ok || short.ok) {
      throw new Error('expected refusals');
    }
    expect(selectionProblemText(en, 'en', taken.problem)).toContain('10:00');
    expect(selectionProblemText(zh, 'zh-CN', closed.problem)).toContain('更换离子源');
    expect(selectionProblemText(zh, 'zh-CN', closed.problem)).toContain('维护');
    expect(selectionProblemText(en, 'en', short.problem)).toBe('The selection is 30 min; at least 1 h 30 min is needed.');
  });

  it('colours statuses', () => {
    expect(statusBadgeClass('COMPLETED')).toContain('badge--up');
    expect(statusBadgeClass('REJECTED')).toContain('badge--down');
    expect(statusBadgeClass('PENDING')).toContain('badge--neutral');
  });
});
