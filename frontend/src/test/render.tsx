import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { App } from '../App';
import { I18nProvider } from '../i18n/I18nProvider';

/** Renders the whole app (layout and routes) at `path`, as the browser would. */
export function renderApp(path = '/') {
  return render(
    <I18nProvider>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </I18nProvider>,
  );
}

export { jsonResponse } from './api';
