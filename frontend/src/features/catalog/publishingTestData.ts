import { me } from '../../test/api';
import type { Me } from '../identity/types';
import type { CatalogEntry, EntryContent, ImportJob } from './types';

export function publisher(overrides: Partial<Me> = {}): Me {
  return me({
    id: 'u-pub',
    email: 'publisher@demo.cztexchange.cn',
    displayName: '发布员',
    roles: ['RESEARCHER', 'PUBLISHER'],
    memberships: [
      {
        organisationId: 'org-1',
        nameZh: '湘潭大学分析测试中心（演示数据）',
        nameEn: 'Xiangtan University Analysis Centre (demo data)',
        type: 'UNIVERSITY',
        verificationStatus: 'VERIFIED',
        role: 'MEMBER',
      },
    ],
    ...overrides,
  });
}

/** A member (not a manager) with the FIRM role of a firm: writes the firm's technology needs only. */
export function firmMember(overrides: Partial<Me> = {}): Me {
  return me({
    id: 'u-firm',
    email: 'engineer@firm.example.cn',
    displayName: '企业工程师',
    roles: ['FIRM'],
    memberships: [
      {
        organisationId: 'firm-1',
        nameZh: '田心牵引电气有限公司（演示）',
        nameEn: 'Tianxin Traction Electric Co., Ltd. (demo)',
        type: 'FIRM',
        verificationStatus: 'VERIFIED',
        role: 'MEMBER',
      },
    ],
    ...overrides,
  });
}

export function instrumentContent(overrides: Partial<EntryContent> = {}): EntryContent {
  return {
    titleZh: '离子色谱仪',
    summaryZh: '阴离子与阳离子分析',
    city: 'XIANGTAN',
    instrument: { category: 'ANALYTICAL', mainFunctions: '离子分析', serviceModes: ['SAMPLE_SUBMISSION'], operatingStatus: 'IN_SERVICE' },
    ...overrides,
  };
}

export function catalogEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'e-1',
    kind: 'INSTRUMENT',
    ownerOrganisationId: 'org-1',
    status: 'DRAFT',
    review: 'EDITING',
    rejectionReason: null,
    draft: instrumentContent(),
    published: null,
    version: 3,
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-01-06T09:30:00Z',
    submittedAt: null,
    publishedAt: null,
    ...overrides,
  };
}

export function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    organisationId: 'org-1',
    kind: 'INSTRUMENT',
    fileName: 'instruments.csv',
    dryRun: true,
    submitForReview: false,
    status: 'RUNNING',
    totalRows: 40,
    processedRows: 0,
    createdCount: 0,
    errorCount: 0,
    errors: [],
    createdAt: '2026-01-06T09:30:00Z',
    finishedAt: null,
    ...overrides,
  };
}
