import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { kindLabel } from '../catalog/labels';
import type { Suggestion } from '../catalog/types';
import { fetchSuggestions } from './api';

/** Wait after the last keystroke before asking for suggestions, in ms. */
export const SUGGEST_DEBOUNCE_MS = 150;

const LISTBOX_ID = 'search-suggestions';

/**
 * The query box with type-ahead (an ARIA 1.2 combobox): suggestions while typing, chosen
 * with ↑/↓ and Enter or the mouse; Escape closes them. A title opens its resource, a tag
 * filters by it, anything else searches for its text. Stale requests are aborted.
 */
export function SearchBox({
  defaultValue,
  onSearchText,
  onTag,
}: {
  defaultValue: string;
  onSearchText: (text: string) => void;
  onTag: (tag: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [typed, setTyped] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = value.trim();
    if (!typed || !q) {
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchSuggestions(q, controller.signal).then(
        (answer) => {
          setSuggestions(answer.suggestions ?? []);
          setActive(-1);
          setOpen((answer.suggestions ?? []).length > 0);
        },
        () => undefined, // type-ahead is a convenience: a failure just shows nothing
      );
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, typed]);

  const shown = open && value.trim() !== '' ? suggestions : [];

  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    setTyped(false);
    if (suggestion.type === 'TITLE' && suggestion.id) {
      navigate(`/resources/${encodeURIComponent(suggestion.id)}`);
    } else if (suggestion.type === 'TAG') {
      setValue('');
      onTag(suggestion.text);
    } else {
      setValue(suggestion.text);
      onSearchText(suggestion.text);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && shown.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? shown.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      if (shown.length > 0 && active >= 0 && shown[active]) {
        event.preventDefault();
        choose(shown[active]);
      } else {
        setOpen(false);
        setTyped(false);
      }
    } else if (event.key === 'Escape' && shown.length > 0) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const optionId = (index: number) => `${LISTBOX_ID}-${index}`;

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id="search-q"
        name="q"
        type="search"
        className="field__control search__input"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setTyped(true);
          if (!event.target.value.trim()) {
            setOpen(false);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        placeholder={t('search.placeholder')}
        enterKeyHint="search"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={shown.length > 0 && active >= 0 ? optionId(active) : undefined}
        data-testid="search-input"
      />
      <ul id={LISTBOX_ID} role="listbox" aria-label={t('search.suggestions')} className="combobox__list" hidden={shown.length === 0} data-testid="search-suggestions">
        {shown.map((suggestion, index) => (
          <li
            key={`${suggestion.type}-${suggestion.id ?? suggestion.text}-${index}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(suggestion)}
            data-testid={`search-suggestion-${index}`}
          >
            <span className="combobox__text">{suggestion.text}</span>
            <span className="combobox__type">
              {suggestion.type === 'TITLE' && suggestion.kind ? kindLabel(t, suggestion.kind) : t(suggestion.type === 'TAG' ? 'search.suggestion.tag' : suggestion.type === 'ORGANISATION' ? 'search.suggestion.organisation' : 'search.suggestion.text')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
