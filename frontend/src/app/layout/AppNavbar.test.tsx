import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { AppNavbar } from './AppNavbar';

describe('AppNavbar', () => {
  it('lists only the screens the user’s permissions open, marking the current one', () => {
    renderWithProviders(<AppNavbar onNavigate={vi.fn()} />, { route: '/locations', permissions: ['locations:read'] });
    const nav = screen.getByRole('navigation', { name: 'Navegación principal' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Panel', 'Ubicaciones']);
    expect(within(nav).getByRole('link', { name: 'Ubicaciones' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Panel' })).not.toHaveAttribute('aria-current');
  });

  it('hides locations from a user without locations:read, and shows what contacts:read opens', () => {
    renderWithProviders(<AppNavbar onNavigate={vi.fn()} />, { permissions: ['contacts:read'] });
    const nav = screen.getByRole('navigation', { name: 'Navegación principal' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Panel', 'Clientes', 'Leads']);
  });
});
