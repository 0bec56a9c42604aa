import { describe, expect, it } from 'vitest';
import { me } from '../../test/api';
import type { Membership, OrganisationType, Role } from '../identity/types';
import { publishableKinds, publishingMemberships } from './publishers';
import { resourceKinds } from './types';

const membership = (type: OrganisationType, role: 'MEMBER' | 'MANAGER' = 'MEMBER'): Membership => ({
  organisationId: `org-${type}`,
  nameZh: '机构',
  nameEn: 'Organisation',
  type,
  verificationStatus: 'VERIFIED',
  role,
});

const kinds = (roles: Role[], of: Membership) => publishableKinds(me({ roles, memberships: [of] }), of);

describe('publishers', () => {
  it('lets managers, publishers and admins write every kind', () => {
    expect(kinds(['RESEARCHER'], membership('UNIVERSITY', 'MANAGER'))).toEqual(resourceKinds);
    expect(kinds(['PUBLISHER'], membership('FIRM'))).toEqual(resourceKinds);
    expect(kinds(['ADMIN'], membership('INVESTOR'))).toEqual(resourceKinds);
  });

  it('lets firms’ members write their needs and investors’ members their financing entries, nothing else', () => {
    expect(kinds(['FIRM'], membership('FIRM'))).toEqual(['TECH_NEED']);
    expect(kinds(['INVESTOR'], membership('INVESTOR'))).toEqual(['FINANCING']);
    expect(kinds(['FIRM'], membership('UNIVERSITY'))).toEqual([]);
    expect(kinds(['INVESTOR'], membership('FIRM'))).toEqual([]);
    expect(kinds(['RESEARCHER'], membership('FIRM'))).toEqual([]);
  });

  it('offers only the organisations the user may write something for', () => {
    const user = me({ roles: ['FIRM'], memberships: [membership('FIRM'), membership('UNIVERSITY')] });
    expect(publishingMemberships(user).map((item) => item.type)).toEqual(['FIRM']);
    expect(publishingMemberships(null)).toEqual([]);
  });
});
