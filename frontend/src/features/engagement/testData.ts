import type { Membership } from '../identity/types';
import type { Engagement, EngagementEvent, EngagementMessage, Expert } from './types';

export const FIRM_ID = '11111111-1111-1111-1111-111111111111';
export const ENGAGEMENT_ID = 'e0000000-0000-0000-0000-000000000001';

/** A member of a firm (the side that asks) and of an investor (the side that answers). */
export const firmMembership: Membership = {
  organisationId: FIRM_ID,
  nameZh: '湘江智造科技有限公司',
  nameEn: 'Xiangjiang Smart Manufacturing',
  type: 'FIRM',
  verificationStatus: 'VERIFIED',
  role: 'MANAGER',
};

export function engagement(overrides: Partial<Engagement> = {}): Engagement {
  return {
    id: ENGAGEMENT_ID,
    kind: 'FINANCING',
    service: null,
    status: 'INTERESTED',
    firm: { type: 'ORGANISATION', id: FIRM_ID, nameZh: '湘江智造科技有限公司', nameEn: 'Xiangjiang Smart Manufacturing' },
    counterpart: { type: 'ORGANISATION', id: 'org-inv', nameZh: '麓谷创投', nameEn: 'Lugu Ventures' },
    subject: { type: 'ENTRY', id: 'r-fin', kind: 'FINANCING', titleZh: '科技型中小企业成长基金', titleEn: 'Tech SME growth fund' },
    initiator: 'FIRM',
    initiatedBy: { id: 'u-2', displayName: '张敏' },
    side: 'COUNTERPART',
    reason: null,
    meeting: null,
    deal: null,
    contactsRevealed: false,
    contacts: null,
    acceptedAt: null,
    endedAt: null,
    createdAt: '2026-12-01T02:00:00Z',
    updatedAt: '2026-12-01T02:00:00Z',
    lastActivityAt: '2026-12-01T02:00:00Z',
    version: 0,
    actions: ['ACCEPT', 'DECLINE', 'SEND_MESSAGE'],
    ...overrides,
  };
}

/** The engagement once accepted, as the accept step answers it. */
export function accepted(overrides: Partial<Engagement> = {}): Engagement {
  return engagement({
    status: 'ACCEPTED',
    version: 1,
    contactsRevealed: true,
    acceptedAt: '2026-12-01T03:00:00Z',
    contacts: {
      firm: { name: '张敏', phone: '0731-85550000', email: 'zhang.min@xjzz.example.cn', address: null },
      counterpart: { name: '刘洋', phone: '0731-84440000', email: 'liu.yang@lugu.example.cn', address: '长沙市岳麓区麓谷大道 1 号' },
      subject: null,
    },
    actions: ['PROPOSE_MEETING', 'DROP', 'SEND_MESSAGE'],
    ...overrides,
  });
}

export function event(overrides: Partial<EngagementEvent> = {}): EngagementEvent {
  return {
    id: 'ev-1',
    at: '2026-12-01T02:00:00Z',
    actor: { id: 'u-2', displayName: '张敏' },
    side: 'FIRM',
    from: null,
    to: 'INTERESTED',
    note: '希望了解基金的申请条件。',
    details: null,
    ...overrides,
  };
}

export function message(overrides: Partial<EngagementMessage> = {}): EngagementMessage {
  return {
    id: 'm-1',
    author: { id: 'u-2', displayName: '张敏' },
    side: 'FIRM',
    text: '您好，我们正在筹备 A 轮融资。',
    createdAt: '2026-12-01T02:05:00Z',
    ...overrides,
  };
}

export const page = <T,>(items: T[], total = items.length, size = 20) => ({ items, page: 0, size, total });

export function expert(overrides: Partial<Expert> = {}): Expert {
  return {
    id: 'x-1',
    nameZh: '周建国',
    nameEn: 'Zhou Jianguo',
    titleZh: '教授',
    titleEn: 'Professor',
    organisation: { id: null, nameZh: '湖南大学', nameEn: 'Hunan University' },
    city: 'CHANGSHA',
    fields: ['储能材料'],
    industryChains: ['NEW_MATERIALS'],
    services: ['RESULT_EVALUATION', 'MARKET_RESEARCH'],
    bioZh: '长期从事储能材料研究与成果转化评估。',
    bioEn: 'Works on energy storage materials and the evaluation of research results.',
    takesRequests: true,
    demo: true,
    active: null,
    contact: null,
    linkedUser: null,
    version: null,
    createdAt: null,
    updatedAt: null,
    ...overrides,
  };
}
