import { useI18n } from '../i18n/I18nProvider';
import { isLocale, locales } from '../i18n/messages';

/** The language switch: 简体中文 / English, remembered by the I18nProvider. */
export function LanguageSelect() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-select">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="18"
        height="18"
        className="language-select__icon"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <circle cx="12" cy="12" r="9" />
        <ellipse cx="12" cy="12" rx="4" ry="9" />
        <path d="M3 12h18M5 7h14M5 17h14" />
      </svg>
      <select
        data-testid="language-select"
        aria-label={t('layout.languageLabel')}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) {
            setLocale(event.target.value);
          }
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
