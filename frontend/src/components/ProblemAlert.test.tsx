import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLIENT_PROBLEM_TYPES } from '../api/client';
import { I18nProvider } from '../i18n/I18nProvider';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it('shows title, detail, status and field errors as an alert', () => {
    render(
      <I18nProvider initialLocale="en">
        <ProblemAlert
          problem={{
            type: 'https://czt-exchange.cn/problems/validation',
            title: 'Invalid booking request',
            status: 422,
            detail: 'Two fields were rejected.',
            instance: '/api/bookings',
            errors: [
              { field: 'start', message: 'must be in the future' },
              { field: 'instrumentId', message: 'must not be null' },
            ],
          }}
        />
      </I18nProvider>,
    );

    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Invalid booking request')).toBeDefined();
    expect(within(alert).getByText('Two fields were rejected.')).toBeDefined();
    expect(within(alert).getByText('HTTP status: 422')).toBeDefined();
    expect(within(alert).getByText('Reference: /api/bookings')).toBeDefined();
    const fields = within(alert).getAllByRole('listitem');
    expect(fields.map((item) => item.textContent)).toEqual([
      'startmust be in the future',
      'instrumentIdmust not be null',
    ]);
    expect(screen.getByTestId('problem-field-error-start').textContent).toContain('must be in the future');
  });

  it('shows no field list when there are no field errors', () => {
    render(
      <I18nProvider>
        <ProblemAlert problem={{ type: 'about:blank', title: 'Not Found', status: 404 }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('problem-status').textContent).toBe('HTTP 状态码：404');
    expect(screen.queryByTestId('problem-field-errors')).toBeNull();
  });

  it('shows problems made up by the client in the current language', () => {
    render(
      <I18nProvider initialLocale="zh-CN">
        <ProblemAlert problem={{ type: CLIENT_PROBLEM_TYPES.network, title: 'Cannot reach the server', status: 0 }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('problem-title').textContent).toBe('无法连接服务器');
    expect(screen.getByTestId('problem-status').textContent).toBe('未收到服务器响应');
  });
});
