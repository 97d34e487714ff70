import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { session } from '@/lib/auth/session';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { SignInPage } from './SignInPage';

function renderSignIn(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/locations" element={<p>Ubicaciones (destino)</p>} />
      <Route path="/" element={<p>Panel (destino)</p>} />
    </Routes>,
    { route },
  );
}

async function fillAndSubmit(password: string) {
  await userEvent.type(screen.getByLabelText(/Espacio de trabajo/), 'demo');
  await userEvent.type(screen.getByLabelText(/Correo electrónico/), 'ana@example.com');
  await userEvent.type(screen.getByLabelText(/Contraseña/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
}

afterEach(() => {
  session.signOut();
  vi.unstubAllGlobals();
});

describe('SignInPage', () => {
  it('shows the API’s localised reason when sign-in is refused, and clears the password', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        jsonResponse(401, {
          code: 'invalid_login',
          status: 401,
          title: 'Acceso denegado',
          detail: 'El espacio de trabajo, el correo o la contraseña no son correctos.',
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    renderSignIn('/sign-in');
    await fillAndSubmit('wrong');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Acceso denegado');
    expect(alert).toHaveTextContent('El espacio de trabajo, el correo o la contraseña no son correctos.');
    expect(screen.getByLabelText(/Contraseña/)).toHaveValue('');
    const request = fetch.mock.calls[0] as unknown as [Request];
    expect(request[0].headers.get('Accept-Language')).toBe('es');
    expect(session.getTokens()).toBeNull();
  });

  it('starts the session, remembers the workspace and returns to where the user was going', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          jsonResponse(200, { access_token: 'a1', refresh_token: 'r1', token_type: 'bearer', expires_in: 900 }),
        ),
      ),
    );
    renderSignIn('/sign-in?next=%2Flocations%3Fq%3DSede&reason=expired');
    expect(screen.getByRole('status')).toHaveTextContent('Su sesión ha caducado');
    await fillAndSubmit('right');

    expect(await screen.findByText('Ubicaciones (destino)')).toBeInTheDocument();
    expect(session.getTokens()?.accessToken).toBe('a1');
    expect(window.localStorage.getItem('ficha.workspace')).toBe('demo');
  });

  it('never follows a next= that leaves the console', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          jsonResponse(200, { access_token: 'a1', refresh_token: 'r1', token_type: 'bearer', expires_in: 900 }),
        ),
      ),
    );
    renderSignIn('/sign-in?next=%2F%2Fevil.example%2F');
    await fillAndSubmit('right');
    expect(await screen.findByText('Panel (destino)')).toBeInTheDocument();
  });

  it('prefills the remembered workspace', () => {
    window.localStorage.setItem('ficha.workspace', 'clinica-sur');
    renderSignIn('/sign-in');
    expect(screen.getByLabelText(/Espacio de trabajo/)).toHaveValue('clinica-sur');
  });
});
