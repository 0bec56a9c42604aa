import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { content, resource } from './testData';
import type { EntryContent } from './types';

const DETAIL = 'GET /api/v1/resources/r-1';

const fact = (name: string) => screen.getByTestId(`fact-${name}`).querySelector('dd')!.textContent;

describe('ResourcePage', () => {
  it('shows an instrument with its common and instrument fields', async () => {
    mockBackend({ [DETAIL]: () => jsonResponse(resource()) });
    renderApp('/resources/r-1');

    expect((await screen.findByTestId('resource-title')).textContent).toBe('电感耦合等离子体质谱仪');
    expect(screen.getByTestId('resource-kind').textContent).toBe('科学仪器');
    expect(screen.getByTestId('resource-owner').textContent).toContain('中南大学');
    expect(screen.getByTestId('resource-owner').textContent).toContain('已认证');
    expect(fact('city')).toBe('长沙 · 岳麓区');
    expect(fact('location')).toBe('纬度 28.17，经度 112.93');
    expect(fact('contact')).toBe('王老师 · 0731-88880000 · lab@example.cn');
    expect(fact('model')).toBe('iCAP RQ');
    expect(fact('manufacturer')).toBe('Thermo Fisher');
    expect(fact('externalPrice')).toBe('¥200 / 小时');
    expect(fact('trainingRequired')).toBe('是');
    expect(fact('serviceModes')).toBe('SELF_SERVICE');
    expect(screen.queryByTestId('fact-approvalRequired')).toBeNull();
    expect(document.title).toBe('电感耦合等离子体质谱仪 · 长株潭创新资源共享平台');
    expect(screen.getByTestId('resource-book').getAttribute('href')).toBe('/instruments/r-1/book');
    expect(screen.getByTestId('resource-book').textContent).toBe('预约 / Book');
  });

  const kinds: [string, Partial<EntryContent>, [string, string][]][] = [
    [
      'SERVICE',
      {
        service: {
          serviceType: '检验检测',
          scope: '金属材料成分',
          accreditations: [{ scheme: 'CMA', number: '201812345678' }],
          turnaroundDays: 5,
          price: { amountFen: 50050, unit: 'PER_SAMPLE' },
        },
      },
      [
        ['serviceType', '检验检测'],
        ['accreditations', 'CMA 201812345678'],
        ['turnaroundDays', '5 天'],
        ['price', '¥500.50 / 样品'],
      ],
    ],
    [
      'LITERATURE',
      {
        literature: {
          authors: ['张三', '李四'],
          keywords: ['储能'],
          year: 2024,
          doi: '10.1000/xyz123',
          link: 'javascript:alert(1)',
        },
      },
      [
        ['authors', '张三, 李四'],
        ['year', '2024'],
        ['doi', '10.1000/xyz123'],
        ['link', 'javascript:alert(1)'],
      ],
    ],
    [
      'TECH_OFFERING',
      { techOffering: { ipType: 'PATENT', ipNumbers: ['ZL202310000000.1'], trl: 6, dealModes: ['LICENSE'], askingPriceFen: 100000000 } },
      [
        ['ipNumbers', 'ZL202310000000.1'],
        ['trl', 'TRL 6'],
        ['askingPrice', '¥1,000,000'],
      ],
    ],
    [
      'FINANCING',
      {
        financing: {
          financingKind: 'LOAN',
          institution: '长沙银行',
          ticketMinFen: 10000000,
          ticketMaxFen: 500000000,
          requirements: '高新技术企业',
        },
      },
      [
        ['institution', '长沙银行'],
        ['ticket', '¥100,000 – ¥5,000,000'],
        ['requirements', '高新技术企业'],
        // No cities named: it serves all three.
        ['cities', '长沙、株洲、湘潭（长株潭全域）'],
      ],
    ],
    [
      'FINANCING',
      {
        financing: {
          financingKind: 'BANK_LOAN',
          institution: '莲城科技金融服务中心',
          cities: ['ZHUZHOU', 'XIANGTAN'],
          requiredQualifications: ['HIGH_TECH_ENTERPRISE', 'LITTLE_GIANT'],
        },
      },
      [
        ['cities', '株洲、湘潭'],
        ['requiredQualifications', '高新技术企业、专精特新“小巨人”企业'],
      ],
    ],
    [
      'TECH_NEED',
      {
        techNeed: {
          needType: 'COMMISSIONED_DEVELOPMENT',
          budgetMinFen: 50000000,
          budgetMaxFen: 200000000,
          deadline: '2999-06-30',
          dealModes: ['SERVICE', 'TRANSFER'],
          minTrl: 5,
        },
      },
      [
        ['needType', '委托开发'],
        ['budget', '¥500,000 – ¥2,000,000'],
        ['deadline', '2999年6月30日'],
        ['dealModes', '技术服务、转让'],
        ['minTrl', 'TRL 5 及以上'],
      ],
    ],
    [
      'TECH_NEED',
      { techNeed: { needType: 'CONSULTING', deadline: '2020-01-31', dealModes: ['SERVICE'] } },
      [
        ['needType', '技术咨询'],
        ['budget', '面议'],
        ['deadline', '2020年1月31日（已截止）'],
      ],
    ],
    [
      'TECH_NEED',
      { techNeed: { needType: 'PROBLEM_SOLVING', dealModes: ['JOINT_DEVELOPMENT'] } },
      [['deadline', '长期有效']],
    ],
  ];

  it.each(kinds)('shows the fields of a %s', async (kind, specific, expected) => {
    mockBackend({ [DETAIL]: () => jsonResponse(resource({ kind, content: content({ titleZh: '示例资源', ...specific }) })) });
    renderApp('/resources/r-1');

    expect((await screen.findByTestId('resource-title')).textContent).toBe('示例资源');
    for (const [name, text] of expected) {
      expect(fact(name), name).toBe(text);
    }
    expect(screen.queryByTestId('fact-model')).toBeNull();
    expect(screen.queryByTestId('resource-book')).toBeNull();
    // Only http(s) links become links.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('shows a technology need in English', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    mockBackend({
      [DETAIL]: () =>
        jsonResponse(
          resource({
            kind: 'TECH_NEED',
            content: content({ techNeed: { needType: 'LICENCE_IN', budgetMaxFen: 100000000, dealModes: ['LICENCE'], minTrl: 7 } }),
          }),
        ),
    });
    renderApp('/resources/r-1');

    expect((await screen.findByTestId('resource-kind')).textContent).toBe('Technology need');
    expect(fact('needType')).toBe('Licensing in');
    expect(fact('budget')).toBe('— – ¥1,000,000');
    expect(fact('minTrl')).toBe('TRL 7 or higher');
    expect(fact('deadline')).toBe('Open-ended');
  });

  it('uses English labels and titles in English', async () => {
    window.localStorage.setItem('czt.locale', 'en');
    mockBackend({ [DETAIL]: () => jsonResponse(resource()) });
    renderApp('/resources/r-1');

    expect((await screen.findByTestId('resource-title')).textContent).toBe('ICP mass spectrometer');
    expect(screen.getByTestId('resource-kind').textContent).toBe('Instrument');
    expect(screen.getByTestId('fact-externalPrice').textContent).toBe('External price¥200 / hour');
  });

  it('shows a not-found page for an unpublished resource', async () => {
    mockBackend({ [DETAIL]: () => problemResponse(404, 'Not Found') });
    renderApp('/resources/r-1');

    expect((await screen.findByTestId('resource-not-found')).textContent).toContain('找不到该资源');
  });

  it('offers the booking settings to members of the owning organisation', async () => {
    mockBackend({
      'POST /api/v1/auth/refresh': signedIn(
        me({
          memberships: [
            { organisationId: 'org-1', nameZh: '中南大学', nameEn: 'Central South University', type: 'UNIVERSITY', verificationStatus: 'VERIFIED', role: 'MEMBER' },
          ],
        }),
      ),
      [DETAIL]: () => jsonResponse(resource()),
    });
    renderApp('/resources/r-1');
    expect((await screen.findByTestId('resource-booking-settings')).getAttribute('href')).toBe('/staff/instruments/r-1');
  });

  it('does not offer the booking settings to others', async () => {
    mockBackend({ 'POST /api/v1/auth/refresh': signedIn(me()), [DETAIL]: () => jsonResponse(resource()) });
    renderApp('/resources/r-1');
    await screen.findByTestId('resource-book');
    expect(screen.queryByTestId('resource-booking-settings')).toBeNull();
  });
});
