import type { ReactNode } from 'react';
import { formatPlainDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { cityLabel, enumLabel } from '../identity/labels';
import { shanghaiToday } from './entryForm';
import { formatFen, formatPrice } from './labels';
import type { EntryContent } from './types';

function Fact({ name, label, children }: { name: string; label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  if (children === null || children === undefined || children === '' || children === false) {
    return null;
  }
  return (
    <div data-testid={`fact-${name}`}>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const list = (values: readonly string[] | null | undefined, separator = '、') =>
  values && values.length > 0 ? values.join(separator) : null;

/**
 * The facts of an entry's content: location, chains and tags, contact, and the fields of its
 * kind (instrument, service, literature, technology offering, financing or technology need).
 * Empty fields are left out; a financing entry without cities serves all three, and says so.
 */
export function ContentFacts({ content, testId }: { content: EntryContent; testId?: string }) {
  const { t, locale } = useI18n();
  const yesNo = (value: boolean | null | undefined) => (value == null ? null : t(value ? 'common.yes' : 'common.no'));
  const fen = (value: number | null | undefined) => (value == null ? null : formatFen(locale, value));
  const enums = (prefix: string, values: readonly string[] | null | undefined) =>
    list(values?.map((value) => enumLabel(t, prefix, value)));
  const { instrument, service, literature, techOffering, financing, techNeed, contact, location } = content;
  const range = (min: number | null | undefined, max: number | null | undefined) =>
    min == null && max == null ? null : t('financing.ticketRange', { min: fen(min) ?? '—', max: fen(max) ?? '—' });

  return (
    <dl className="facts" data-testid={testId}>
      <Fact name="city" label="resource.city">
        {content.city ? cityLabel(t, content.city) + (content.district ? ` · ${content.district}` : '') : content.district}
      </Fact>
      <Fact name="industryChains" label="resource.industryChains">
        {enums('industryChain', content.industryChains)}
      </Fact>
      <Fact name="tags" label="resource.tags">
        {list(content.tags)}
      </Fact>
      <Fact name="location" label="resource.location">
        {location ? t('resource.coordinates', { lat: location.lat, lon: location.lon }) : null}
      </Fact>
      <Fact name="contact" label="resource.contact">
        {contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ') : null}
      </Fact>

      {instrument && (
        <>
          <Fact name="model" label="instrument.model">
            {instrument.model}
          </Fact>
          <Fact name="manufacturer" label="instrument.manufacturer">
            {instrument.manufacturer}
          </Fact>
          <Fact name="countryOfManufacture" label="instrument.countryOfManufacture">
            {instrument.countryOfManufacture}
          </Fact>
          <Fact name="category" label="instrument.category">
            {instrument.category ? enumLabel(t, 'instrumentCategory', instrument.category) : null}
          </Fact>
          <Fact name="mainFunctions" label="instrument.mainFunctions">
            {instrument.mainFunctions}
          </Fact>
          <Fact name="specifications" label="instrument.specifications">
            {instrument.specifications}
          </Fact>
          <Fact name="lab" label="instrument.lab">
            {instrument.lab}
          </Fact>
          <Fact name="address" label="instrument.address">
            {instrument.address}
          </Fact>
          <Fact name="purchaseValue" label="instrument.purchaseValue">
            {fen(instrument.purchaseValueFen)}
          </Fact>
          <Fact name="serviceModes" label="instrument.serviceModes">
            {enums('serviceMode', instrument.serviceModes)}
          </Fact>
          <Fact name="internalPrice" label="instrument.internalPrice">
            {instrument.internalPrice ? formatPrice(t, locale, instrument.internalPrice) : null}
          </Fact>
          <Fact name="externalPrice" label="instrument.externalPrice">
            {instrument.externalPrice ? formatPrice(t, locale, instrument.externalPrice) : null}
          </Fact>
          <Fact name="trainingRequired" label="instrument.trainingRequired">
            {yesNo(instrument.trainingRequired)}
          </Fact>
          <Fact name="approvalRequired" label="instrument.approvalRequired">
            {yesNo(instrument.approvalRequired)}
          </Fact>
          <Fact name="operatingStatus" label="instrument.operatingStatus">
            {instrument.operatingStatus ? enumLabel(t, 'operatingStatus', instrument.operatingStatus) : null}
          </Fact>
        </>
      )}

      {service && (
        <>
          <Fact name="serviceType" label="service.serviceType">
            {service.serviceType ? enumLabel(t, 'serviceType', service.serviceType) : null}
          </Fact>
          <Fact name="scope" label="service.scope">
            {service.scope}
          </Fact>
          <Fact name="accreditations" label="service.accreditations">
            {list(service.accreditations?.map((item) => `${item.scheme} ${item.number}`))}
          </Fact>
          <Fact name="turnaroundDays" label="service.turnaroundDays">
            {service.turnaroundDays == null ? null : t('service.days', { days: service.turnaroundDays })}
          </Fact>
          <Fact name="price" label="service.price">
            {service.price ? formatPrice(t, locale, service.price) : null}
          </Fact>
        </>
      )}

      {literature && (
        <>
          <Fact name="authors" label="literature.authors">
            {list(literature.authors, ', ')}
          </Fact>
          <Fact name="keywords" label="literature.keywords">
            {list(literature.keywords, ', ')}
          </Fact>
          <Fact name="year" label="literature.year">
            {literature.year == null ? null : String(literature.year)}
          </Fact>
          <Fact name="source" label="literature.source">
            {literature.source ? enumLabel(t, 'literatureSource', literature.source) : null}
          </Fact>
          <Fact name="doi" label="literature.doi">
            {literature.doi ? <span className="mono break">{literature.doi}</span> : null}
          </Fact>
          <Fact name="language" label="literature.language">
            {literature.language}
          </Fact>
          <Fact name="access" label="literature.access">
            {literature.access ? enumLabel(t, 'literatureAccess', literature.access) : null}
          </Fact>
          <Fact name="link" label="literature.link">
            {literature.link ? <SafeLink href={literature.link} /> : null}
          </Fact>
        </>
      )}

      {techOffering && (
        <>
          <Fact name="ipType" label="techOffering.ipType">
            {techOffering.ipType ? enumLabel(t, 'ipType', techOffering.ipType) : null}
          </Fact>
          <Fact name="ipNumbers" label="techOffering.ipNumbers">
            {list(techOffering.ipNumbers, ', ')}
          </Fact>
          <Fact name="trl" label="techOffering.trl">
            {techOffering.trl == null ? null : `TRL ${techOffering.trl}`}
          </Fact>
          <Fact name="dealModes" label="techOffering.dealModes">
            {enums('dealMode', techOffering.dealModes)}
          </Fact>
          <Fact name="askingPrice" label="techOffering.askingPrice">
            {fen(techOffering.askingPriceFen)}
          </Fact>
        </>
      )}

      {financing && (
        <>
          <Fact name="financingKind" label="financing.financingKind">
            {financing.financingKind ? enumLabel(t, 'financingKind', financing.financingKind) : null}
          </Fact>
          <Fact name="institution" label="financing.institution">
            {financing.institution}
          </Fact>
          <Fact name="stages" label="financing.stages">
            {enums('stage', financing.stages)}
          </Fact>
          <Fact name="ticket" label="financing.ticket">
            {range(financing.ticketMinFen, financing.ticketMaxFen)}
          </Fact>
          <Fact name="region" label="financing.region">
            {financing.region}
          </Fact>
          <Fact name="terms" label="financing.terms">
            {financing.terms}
          </Fact>
          <Fact name="requirements" label="financing.requirements">
            {financing.requirements}
          </Fact>
          <Fact name="cities" label="financing.cities">
            {financing.cities && financing.cities.length > 0 ? enums('city', financing.cities) : t('financing.allCities')}
          </Fact>
          <Fact name="requiredQualifications" label="financing.requiredQualifications">
            {enums('qualification', financing.requiredQualifications)}
          </Fact>
        </>
      )}

      {techNeed && (
        <>
          <Fact name="needType" label="techNeed.needType">
            {techNeed.needType ? enumLabel(t, 'needType', techNeed.needType) : null}
          </Fact>
          <Fact name="dealModes" label="techNeed.dealModes">
            {enums('dealMode', techNeed.dealModes)}
          </Fact>
          <Fact name="budget" label="techNeed.budget">
            {range(techNeed.budgetMinFen, techNeed.budgetMaxFen) ?? t('techNeed.budgetOpen')}
          </Fact>
          <Fact name="deadline" label="techNeed.deadline">
            {techNeed.deadline
              ? t(techNeed.deadline < shanghaiToday() ? 'techNeed.deadlinePassed' : 'techNeed.deadlineOpen', {
                  date: formatPlainDate(locale, techNeed.deadline),
                })
              : t('techNeed.noDeadline')}
          </Fact>
          <Fact name="minTrl" label="techNeed.minTrl">
            {techNeed.minTrl == null ? null : t('techNeed.minTrlValue', { trl: techNeed.minTrl })}
          </Fact>
        </>
      )}
    </dl>
  );
}

/** A link only for http(s) addresses; anything else (e.g. `javascript:`) is shown as text. */
function SafeLink({ href }: { href: string }) {
  if (!/^https?:\/\//i.test(href)) {
    return <span className="break">{href}</span>;
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break">
      {href}
    </a>
  );
}
