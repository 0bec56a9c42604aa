import type { Locale, MessageKey, MessageParams } from '../../i18n/messages';
import { enumLabel } from '../identity/labels';
import type { Engagement, Party, SubjectRef } from './types';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const engagementStatusLabel = (t: Translate, status: string) => enumLabel(t, 'engagementStatus', status);
export const engagementKindLabel = (t: Translate, kind: string) => enumLabel(t, 'engagementKind', kind);
export const advisoryTypeLabel = (t: Translate, type: string) => enumLabel(t, 'advisoryType', type);
export const dealTypeLabel = (t: Translate, type: string) => enumLabel(t, 'dealType', type);
export const meetingModeLabel = (t: Translate, mode: string) => enumLabel(t, 'meetingMode', mode);
export const sideLabel = (t: Translate, side: string) => enumLabel(t, 'engagementSide', side);
export const stepLabel = (t: Translate, step: string) => enumLabel(t, 'engagementAction', step);

/** A name in the UI language, falling back to the Chinese one. */
export function bilingual(locale: Locale, zh: string | null | undefined, en: string | null | undefined): string {
  return locale === 'en' && en?.trim() ? en : (zh ?? en ?? '');
}

export const partyName = (locale: Locale, party: Party) => bilingual(locale, party.nameZh, party.nameEn);
export const subjectTitle = (locale: Locale, subject: SubjectRef) => bilingual(locale, subject.titleZh, subject.titleEn);

/** The side the caller deals with: the counterpart for the firm, the firm for the counterpart. */
export function otherParty(engagement: Engagement): Party {
  return engagement.side === 'COUNTERPART' ? engagement.firm : engagement.counterpart;
}

/** Green when it goes ahead or closed, red when it ended without a deal. */
export function engagementBadgeClass(status: string): string {
  switch (status) {
    case 'ACCEPTED':
    case 'MEETING_PROPOSED':
    case 'MEETING_HELD':
    case 'NEGOTIATING':
    case 'CLOSED':
      return 'badge badge--text badge--up';
    case 'DECLINED':
    case 'WITHDRAWN':
    case 'DROPPED':
      return 'badge badge--text badge--down';
    default:
      return 'badge badge--text badge--neutral';
  }
}
