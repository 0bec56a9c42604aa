import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalogues, en, locales, translate, zhCN, type MessageKey } from './messages';

describe('message catalogues', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have the same keys at the type level', () => {
    expectTypeOf<keyof typeof en>().toEqualTypeOf<MessageKey>();
    expectTypeOf<keyof typeof zhCN>().toEqualTypeOf<MessageKey>();
  });

  it('have no empty text and the same placeholders in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      for (const locale of locales) {
        expect(catalogues[locale][key].trim(), `${locale} ${key}`).not.toBe('');
      }
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'status.lastChecked', { time: '10:00:00' })).toBe('Last checked: 10:00:00');
    expect(translate('zh-CN', 'problem.status', { status: 503 })).toBe('HTTP 状态码：503');
  });
});
