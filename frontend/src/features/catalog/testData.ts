import type { EntryContent, Resource, ReviewEntry, SearchHit, SearchResponse } from './types';

export function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 'r-1',
    kind: 'INSTRUMENT',
    titleZh: '电感耦合等离子体质谱仪',
    titleEn: 'ICP mass spectrometer',
    summaryZh: '用于痕量元素分析。',
    city: 'CHANGSHA',
    district: '岳麓区',
    organisation: { id: 'org-1', nameZh: '中南大学', nameEn: 'Central South University' },
    priceFen: 80000,
    highlights: null,
    distanceKm: null,
    ...overrides,
  };
}

export function searchAnswer(items: SearchHit[], overrides: Partial<SearchResponse> = {}): SearchResponse {
  return {
    total: items.length,
    items,
    facets: {
      kind: [
        { value: 'INSTRUMENT', count: 2 },
        { value: 'SERVICE', count: 1 },
      ],
      city: [
        { value: 'CHANGSHA', count: 2 },
        { value: 'XIANGTAN', count: 1 },
      ],
      industryChain: [{ value: 'ADVANCED_MATERIALS', count: 1 }],
    },
    next: null,
    ...overrides,
  };
}

export function content(overrides: Partial<EntryContent> = {}): EntryContent {
  return {
    titleZh: '电感耦合等离子体质谱仪',
    titleEn: 'ICP mass spectrometer',
    summaryZh: '用于痕量元素分析。',
    summaryEn: 'Trace element analysis.',
    city: 'CHANGSHA',
    district: '岳麓区',
    industryChains: ['新材料'],
    tags: ['质谱'],
    location: { lat: 28.17, lon: 112.93 },
    contact: { name: '王老师', phone: '0731-88880000', email: 'lab@example.cn' },
    ...overrides,
  };
}

export function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: 'r-1',
    kind: 'INSTRUMENT',
    owner: { id: 'org-1', nameZh: '中南大学', nameEn: 'Central South University', verified: true },
    content: content({
      instrument: {
        model: 'iCAP RQ',
        manufacturer: 'Thermo Fisher',
        serviceModes: ['SELF_SERVICE'],
        externalPrice: { amountFen: 20000, unit: 'PER_HOUR' },
        trainingRequired: true,
      },
    }),
    publishedAt: '2026-03-01T08:00:00Z',
    ...overrides,
  };
}

export function reviewEntry(overrides: Partial<ReviewEntry> = {}): ReviewEntry {
  return {
    id: 'e-1',
    kind: 'SERVICE',
    ownerOrganisationId: 'org-1',
    status: 'DRAFT',
    review: 'PENDING',
    rejectionReason: null,
    draft: content({ titleZh: '材料成分检测', titleEn: 'Material composition testing', service: { serviceType: '检验检测', turnaroundDays: 5 } }),
    published: null,
    version: 1,
    submittedAt: '2026-03-02T09:30:00Z',
    ...overrides,
  };
}
