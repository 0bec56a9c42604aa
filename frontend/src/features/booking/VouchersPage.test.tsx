import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, jsonResponse, me, mockBackend, problemResponse, signedIn } from '../../test/api';
import { renderApp } from '../../test/render';
import { memberships, voucher } from './testData';
import { spentShare } from './VouchersPage';

const REFRESH = 'POST /api/v1/auth/refresh';
const VOUCHERS = 'GET /api/v1/vouchers';

describe('VouchersPage', () => {
  it('shows each organisation’s vouchers with budget, spent, remaining and a bar', async () => {
    const api = mockBackend({ [REFRESH]: signedIn(me({ memberships })), [VOUCHERS]: () => jsonResponse([voucher()]) });
    renderApp('/vouchers');

    expect((await screen.findByTestId('voucher-remaining-v-1')).textContent).toBe('¥7,500');
    expect(screen.getByTestId('vouchers-org-9').textContent).toContain('湘潭大学');
    expect(screen.getByTestId('voucher-v-1').textContent).toContain('2027年6月30日');
    expect(screen.getByTestId('voucher-meter-v-1').getAttribute('aria-valuenow')).toBe('25');
    expect(api.callsTo(VOUCHERS)[0]!.query.get('organisationId')).toBe('org-9');
    expect(screen.queryByTestId('issue-voucher')).toBeNull();
  });

  it('lets admins issue a voucher (yuan → fen) and shows field errors', async () => {
    const api = mockBackend({
      [REFRESH]: signedIn(admin()),
      'POST /api/v1/vouchers': [
        () => problemResponse(400, 'Bad Request', { errors: [{ field: 'organisationId', message: '机构不存在' }] }),
        (request) => jsonResponse(voucher({ ...(request.body as object) }), 201),
      ],
    });
    renderApp('/vouchers');
    fireEvent.click(await screen.findByTestId('voucher-submit'));
    expect(screen.getByTestId('field-error-budgetFen')).toBeDefined();

    fireEvent.change(screen.getByTestId('voucher-organisation'), { target: { value: 'org-x' } });
    fireEvent.change(screen.getByTestId('voucher-budget'), { target: { value: '50000.5' } });
    fireEvent.change(screen.getByTestId('voucher-valid-until'), { target: { value: '2027-12-31' } });
    fireEvent.click(screen.getByTestId('voucher-submit'));
    expect((await screen.findByTestId('field-error-organisationId')).textContent).toBe('机构不存在');

    fireEvent.change(screen.getByTestId('voucher-organisation'), { target: { value: 'org-9' } });
    fireEvent.click(screen.getByTestId('voucher-submit'));
    expect((await screen.findByTestId('voucher-issued')).textContent).toContain('¥50,000.50');
    await waitFor(() => expect(api.callsTo('POST /api/v1/vouchers')).toHaveLength(2));
    expect(api.callsTo('POST /api/v1/vouchers')[1]!.body).toEqual({
      organisationId: 'org-9',
      budgetFen: 5000050,
      validUntil: '2027-12-31',
      note: null,
    });
  });

  it('lets admins look at any organisation’s vouchers', async () => {
    const api = mockBackend({ [REFRESH]: signedIn(admin()), [VOUCHERS]: () => jsonResponse([voucher({ id: 'v-7', organisationId: 'org-7' })]) });
    renderApp('/vouchers');
    fireEvent.change(await screen.findByTestId('voucher-lookup'), { target: { value: ' org-7 ' } });
    fireEvent.click(screen.getByTestId('voucher-lookup-submit'));
    expect(await screen.findByTestId('voucher-v-7')).toBeDefined();
    expect(api.callsTo(VOUCHERS)[0]!.query.get('organisationId')).toBe('org-7');
  });

  it('computes the spent share within 0…1', () => {
    expect(spentShare(voucher())).toBe(0.25);
    expect(spentShare(voucher({ budgetFen: 0 }))).toBe(0);
    expect(spentShare(voucher({ spentFen: 2000000 }))).toBe(1);
  });
});
