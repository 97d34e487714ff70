import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { MfaEnrolment } from './MfaEnrolment';

const setup = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauth_uri: 'otpauth://totp/x',
  qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
};
const codes = Array.from({ length: 10 }, (_, index) => `code-${index}`);

afterEach(() => vi.unstubAllGlobals());

describe('MfaEnrolment', () => {
  it('shows the QR and key, puts a refused code under the field, then shows the recovery codes once', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, setup))
      .mockResolvedValueOnce(
        jsonResponse(401, {
          code: 'mfa_code_invalid',
          status: 401,
          title: 'No autorizado',
          detail: 'El código no es válido.',
        }),
      )
      .mockResolvedValueOnce(jsonResponse(200, { recovery_codes: codes }));
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    renderWithProviders(<MfaEnrolment onDone={onDone} />);

    await userEvent.click(screen.getByRole('button', { name: 'Configurar ahora' }));
    expect(
      await screen.findByRole('img', { name: 'Código QR para la aplicación de autenticación' }),
    ).toBeInTheDocument();
    expect(screen.getByText(setup.secret)).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Código de 6 dígitos/), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Activar' }));
    await vi.waitFor(() =>
      expect(screen.getByLabelText(/Código de 6 dígitos/)).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByText('El código no es válido.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Código de 6 dígitos/), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Activar' }));
    const list = await screen.findByRole('list', { name: 'Códigos de recuperación' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    const [, , third] = fetch.mock.calls.map((call) => call[0] as Request);
    expect(await third?.json()).toEqual({ code: '123456' });

    await userEvent.click(screen.getByRole('button', { name: 'Ya los he guardado' }));
    expect(onDone).toHaveBeenCalled();
  });
});
