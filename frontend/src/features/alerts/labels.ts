import type { MessageKey, MessageParams } from '../../i18n/messages';
import { kindLabel } from '../catalog/labels';
import { cityLabel, enumLabel } from '../identity/labels';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * What a saved query searches for, in words, one part per filter: 关键词“质谱” · 科学仪器 ·
 * 长沙. The order it comes back in (`sort`) is not part of what it finds.
 */
export function describeQuery(t: Translate, query: string): string[] {
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(query)) {
    switch (name) {
      case 'q':
        parts.push(t('savedSearches.words', { q: value }));
        break;
      case 'kind':
        parts.push(kindLabel(t, value));
        break;
      case 'city':
        parts.push(cityLabel(t, value));
        break;
      case 'tag':
        parts.push(t('search.tagChip', { tag: value }));
        break;
      case 'radiusKm':
        parts.push(t('savedSearches.nearby', { km: value }));
        break;
      case 'near':
      case 'sort':
        break;
      default:
        // industryChain, serviceMode, stage, …: labelled where the catalogue has labels.
        parts.push(enumLabel(t, name, value));
    }
  }
  return parts.length > 0 ? parts : [t('savedSearches.everything')];
}
