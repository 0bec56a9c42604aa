import { describe, expect, it } from 'vitest';
import { fenToYuan, fieldForError, fromContent, shanghaiToday, toContent, validate, yuanToFen } from './entryForm';

describe('entry form', () => {
  it('turns yuan into fen without floating point, and back', () => {
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1200')).toBe(120000);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(fenToYuan(1999)).toBe('19.99');
    expect(fenToYuan(1990)).toBe('19.9');
    expect(fenToYuan(120000)).toBe('1200');
  });

  it('finds the input for nested and indexed server fields', () => {
    expect(fieldForError('INSTRUMENT', 'content.instrument.model')).toBe('content.instrument.model');
    expect(fieldForError('INSTRUMENT', 'content.instrument.internalPrice')).toBe('content.instrument.internalPrice.amountFen');
    expect(fieldForError('INSTRUMENT', 'content.industryChains[0]')).toBe('content.industryChains');
    expect(fieldForError('SERVICE', 'content.service.accreditations[1].number')).toBe('content.service.accreditations');
    expect(fieldForError('INSTRUMENT', 'content.location')).toBe('content.location.lat');
    expect(fieldForError('INSTRUMENT', 'version')).toBeNull();
  });

  it('round-trips every kind’s own fields', () => {
    const service = {
      titleZh: '材料检测',
      summaryZh: '力学性能检测',
      city: 'ZHUZHOU',
      location: { lat: 27.8, lon: 113.1 },
      service: { serviceType: 'TESTING', scope: '金属材料', accreditations: [{ scheme: 'CNAS', number: 'L1234' }], turnaroundDays: 5 },
    };
    expect(toContent('SERVICE', fromContent('SERVICE', service))).toEqual(service);
    const offering = { titleZh: '专利', summaryZh: '电机控制', city: 'XIANGTAN', techOffering: { ipType: 'INVENTION_PATENT', trl: 6, dealModes: ['LICENCE'], ipNumbers: ['ZL2020'] } };
    expect(toContent('TECH_OFFERING', fromContent('TECH_OFFERING', offering))).toEqual(offering);
  });

  it('round-trips a technology need (readiness as a number, the deadline as a date) and financing criteria', () => {
    const need = {
      titleZh: '牵引电机冷却合作研发',
      summaryZh: '温升偏高',
      city: 'ZHUZHOU',
      techNeed: { needType: 'JOINT_DEVELOPMENT', dealModes: ['JOINT_DEVELOPMENT', 'LICENCE'], budgetMinFen: 5000000, budgetMaxFen: 20000050, deadline: '2027-06-30', minTrl: 5 },
    };
    const values = fromContent('TECH_NEED', need);
    expect(values['content.techNeed.budgetMaxFen']).toBe('200000.5');
    expect(values['content.techNeed.minTrl']).toBe('5');
    expect(toContent('TECH_NEED', values)).toEqual(need);
    const openNeed = { titleZh: '技术咨询', summaryZh: '方案论证', city: 'XIANGTAN', techNeed: { needType: 'CONSULTING', dealModes: ['SERVICE'] } };
    expect(toContent('TECH_NEED', fromContent('TECH_NEED', openNeed))).toEqual(openNeed);
    const financing = {
      titleZh: '科技贷',
      summaryZh: '信用贷款',
      city: 'CHANGSHA',
      financing: { financingKind: 'BANK_LOAN', institution: '示例银行', stages: ['GROWTH'], cities: ['ZHUZHOU', 'XIANGTAN'], requiredQualifications: ['TECH_SME'] },
    };
    expect(toContent('FINANCING', fromContent('FINANCING', financing))).toEqual(financing);
  });

  it('checks a technology need: type and deals required, budget range, a real date not before today', () => {
    const base = { 'content.titleZh': '需求', 'content.summaryZh': '说明', 'content.city': 'CHANGSHA' };
    const missing = validate('TECH_NEED', base, '2026-12-04');
    expect(missing['content.techNeed.needType']?.key).toBe('publish.error.required');
    expect(missing['content.techNeed.dealModes']?.key).toBe('publish.error.required');
    expect(missing['content.techNeed.deadline']).toBeUndefined();
    expect(missing['content.techNeed.minTrl']).toBeUndefined();
    const need = { ...base, 'content.techNeed.needType': 'CONSULTING', 'content.techNeed.dealModes': ['SERVICE'] };
    const wrong = validate('TECH_NEED', { ...need, 'content.techNeed.budgetMinFen': '500', 'content.techNeed.budgetMaxFen': '100', 'content.techNeed.deadline': '2026-12-03' }, '2026-12-04');
    expect(wrong['content.techNeed.budgetMaxFen']?.key).toBe('publish.error.budgetRange');
    expect(wrong['content.techNeed.deadline']?.key).toBe('publish.error.deadlinePast');
    expect(validate('TECH_NEED', { ...need, 'content.techNeed.deadline': '2026-13-45' }, '2026-12-04')['content.techNeed.deadline']?.key).toBe('publish.error.date');
    expect(validate('TECH_NEED', { ...need, 'content.techNeed.deadline': '2026-12-04' }, '2026-12-04')).toEqual({});
    expect(fieldForError('TECH_NEED', 'content.techNeed.budgetMinFen')).toBe('content.techNeed.budgetMinFen');
    expect(fieldForError('TECH_NEED', 'content.techNeed')).toBe('content.techNeed.needType');
  });

  it('knows today in Asia/Shanghai whatever the browser’s time zone', () => {
    expect(shanghaiToday(Date.parse('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(shanghaiToday(Date.parse('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
  });

  it('checks what the server checks: pairs, ranges, patterns and the ticket range', () => {
    const base = { 'content.titleZh': '基金', 'content.summaryZh': '投早期', 'content.city': 'CHANGSHA' };
    const errors = validate('FINANCING', {
      ...base,
      'content.financing.financingKind': 'ANGEL',
      'content.financing.institution': '湘江天使',
      'content.financing.stages': ['SEED'],
      'content.financing.ticketMinFen': '500',
      'content.financing.ticketMaxFen': '100',
      'content.location.lat': '40',
      'content.contact.email': 'not-an-email',
    });
    expect(errors['content.financing.ticketMaxFen']?.key).toBe('publish.error.ticketRange');
    expect(errors['content.location.lat']?.key).toBe('publish.error.range');
    expect(errors['content.location.lon']?.key).toBe('publish.error.required');
    expect(errors['content.contact.email']?.key).toBe('publish.error.email');
    const literature = validate('LITERATURE', { ...base, 'content.literature.doi': 'doi:1', 'content.literature.year': '20x' });
    expect(literature['content.literature.authors']?.key).toBe('publish.error.required');
    expect(literature['content.literature.doi']?.key).toBe('publish.error.doi');
    expect(literature['content.literature.year']?.key).toBe('publish.error.integer');
  });
});
