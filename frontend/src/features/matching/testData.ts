import type { Membership } from '../identity/types';
import type { FirmCard, FirmProfile, Match, MatchCriterion, MatchEntry, MyFirm } from './matchingApi';

export const FIRM = { id: 'firm-1', nameZh: '湘江储能科技', nameEn: 'Xiangjiang Energy Storage' };

export function firmMembership(overrides: Partial<Membership> = {}): Membership {
  return {
    organisationId: FIRM.id,
    nameZh: FIRM.nameZh,
    nameEn: FIRM.nameEn,
    type: 'FIRM',
    verificationStatus: 'VERIFIED',
    role: 'MANAGER',
    ...overrides,
  };
}

export function myFirm(overrides: Partial<MyFirm> = {}): MyFirm {
  return { organisation: FIRM, hasProfile: true, discoverable: true, version: 3, updatedAt: '2026-11-30T02:00:00Z', ...overrides };
}

export function firmProfile(overrides: Partial<FirmProfile> = {}): FirmProfile {
  return {
    view: 'WHOLE',
    organisation: FIRM,
    industryChains: ['ENERGY_STORAGE_MATERIALS', 'NEW_ENERGY'],
    products: '磷酸铁锂正极材料',
    stage: 'GROWTH',
    city: 'CHANGSHA',
    district: '岳麓区',
    location: null,
    foundedYear: 2016,
    employees: 'FROM_51_TO_100',
    revenue: 'FROM_20M_TO_50M',
    qualifications: [{ qualification: 'HIGH_TECH_ENTERPRISE', certificateNumber: 'GR202343001234', expiresOn: '2027-12-31', valid: true }],
    patents: { invention: 4, utilityModel: 12, design: 0, softwareCopyright: 1, numbers: ['ZL202310001234.5'] },
    fundingNeed: { amountMinFen: 500_000_000, amountMaxFen: 2_000_000_000, purpose: '扩建产线', instruments: ['EQUITY'] },
    technologyNeeds: '固态电解质',
    contact: { name: '周经理', phone: '0731-88886666', email: 'zhou@example.cn' },
    discoverable: true,
    version: 3,
    updatedAt: '2026-11-30T02:00:00Z',
    ...overrides,
  };
}

export function criterion(overrides: Partial<MatchCriterion> = {}): MatchCriterion {
  return { criterion: 'STAGE', hard: true, met: true, weight: null, points: null, explanation: '成长期企业在其投资阶段内', ...overrides };
}

export function matchEntry(overrides: Partial<MatchEntry> = {}): MatchEntry {
  return {
    id: 'e-1',
    kind: 'FINANCING',
    titleZh: '长沙新材料产业基金',
    titleEn: 'Changsha New Materials Fund',
    summaryZh: '投资新材料成长期企业。',
    summaryEn: 'Invests in growing new-materials firms.',
    city: 'CHANGSHA',
    district: '岳麓区',
    industryChains: ['NEW_MATERIALS'],
    organisation: { id: 'inv-1', nameZh: '湘江资本', nameEn: 'Xiangjiang Capital' },
    publishedAt: '2026-11-01T02:00:00Z',
    coverImageUrl: null,
    details: {},
    ...overrides,
  };
}

export function firmCard(overrides: Partial<FirmCard> = {}): FirmCard {
  return {
    view: 'CARD',
    organisation: FIRM,
    industryChains: ['ENERGY_STORAGE_MATERIALS'],
    products: '磷酸铁锂正极材料',
    stage: 'GROWTH',
    city: 'CHANGSHA',
    district: '岳麓区',
    foundedYear: 2016,
    employees: 'FROM_51_TO_100',
    qualifications: ['HIGH_TECH_ENTERPRISE'],
    patents: { invention: 4, utilityModel: 12, design: 0, softwareCopyright: 1, numbers: null },
    fundingNeed: { amountMinFen: 500_000_000, amountMaxFen: 2_000_000_000, purpose: null, instruments: ['EQUITY'] },
    technologyNeeds: '固态电解质',
    updatedAt: '2026-11-30T02:00:00Z',
    ...overrides,
  };
}

const explained: MatchCriterion[] = [
  criterion(),
  criterion({ criterion: 'AMOUNT', explanation: '融资金额与投资额度重叠' }),
  criterion({ criterion: 'INDUSTRY_CHAIN', hard: false, met: true, weight: 40, points: 40, explanation: '同属新材料产业链' }),
  criterion({ criterion: 'DISTANCE', hard: false, met: false, weight: 10, points: 0, explanation: '相距 45 公里，超出 30 公里' }),
];

export function entryMatch(overrides: Partial<Match> = {}): Match {
  return { candidateType: 'ENTRY', entry: matchEntry(), firm: null, score: 72.5, new: true, firstSeenAt: '2026-12-01T01:00:00Z', criteria: explained, ...overrides };
}

export function firmMatch(overrides: Partial<Match> = {}): Match {
  return { candidateType: 'FIRM', entry: null, firm: firmCard(), score: 64, new: false, firstSeenAt: '2026-11-20T01:00:00Z', criteria: explained, ...overrides };
}

export const page = <T>(items: T[]) => ({ items, page: 0, size: 20, total: items.length });
