import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { MfaChallengeForm } from './MfaChallengeForm';

const pair = { access_token: 'a1', refresh_token: 'r1', token_type: 'bearer', expires_in: 900 };

async function bodyOf(fetch: ReturnType<typeof vi.fn>, call = 0): Promise<unknown> {
  const [request] = fetch.mock.calls[call] as unknown as [Request];
  return request.json() as Promise<unknown>;
}

afterEach(() => vi.unstubAllGlobals());

describe('MfaChallengeForm', () => {
  it('sends the TOTP code with the challenge token and hands over the pair', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(200, pair)));
    vi.stubGlobal('fetch', fetch);
    const onVerified = vi.fn();
    renderWithProviders(<MfaChallengeForm mfaToken="challenge" onVerified={onVerified} onCancel={vi.fn()} />);

    await userEvent.type(screen.getByLabelText(/Código de verificación/), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Verificar' }));

    await vi.waitFor(() => expect(onVerified).toHaveBeenCalledWith(pair));
    expect(await bodyOf(fetch)).toEqual({ mfa_token: 'challenge', code: '123456' });
  });

  it('puts a refused code under the input in use and clears it; a recovery code can be used instead', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        jsonResponse(401, {
          code: 'mfa_code_invalid',
          status: 401,
          title: 'No autorizado',
          detail: 'El código no es válido.',
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<MfaChallengeForm mfaToken="challenge" onVerified={vi.fn()} onCancel={vi.fn()} />);

    await userEvent.click(screen.getByRole('button', { name: /usar un código de recuperación/ }));
    await userEvent.type(screen.getByLabelText(/Código de recuperación/), 'abcde-12345');
    await userEvent.click(screen.getByRole('button', { name: 'Verificar' }));

    expect(await screen.findByText('El código no es válido.')).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(screen.getByLabelText(/Código de recuperación/)).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getByLabelText(/Código de recuperación/)).toHaveValue('');
    expect(await bodyOf(fetch)).toEqual({ mfa_token: 'challenge', recovery_code: 'abcde-12345' });
  });
});
