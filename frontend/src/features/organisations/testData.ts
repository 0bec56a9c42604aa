import type { Member, Organisation } from './types';

export function organisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'org-1',
    type: 'RESEARCH_INSTITUTE',
    nameZh: '湘潭先进电驱动研究院（演示数据）',
    nameEn: 'Xiangtan Advanced Electric Drive Institute (demo data)',
    cities: ['XIANGTAN'],
    district: '雨湖区',
    creditCode: '91430100MA4L16JQ9D',
    website: 'https://drive.example.cn',
    verificationStatus: 'VERIFIED',
    rejectionReason: null,
    createdAt: '2025-02-01T02:00:00Z',
    contact: { name: '赵工', phone: '0731-5555 0101', email: 'office@drive.example.cn', address: '湘潭市雨湖区' },
    ...overrides,
  };
}

export function member(overrides: Partial<Member> = {}): Member {
  return {
    userId: 'u-2',
    email: 'zhao@drive.example.cn',
    displayName: '赵工',
    role: 'MEMBER',
    joinedAt: '2025-02-02T02:00:00Z',
    ...overrides,
  };
}
