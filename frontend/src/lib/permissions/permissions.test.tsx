import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Can } from './Can';
import { filterByPermission, hasPermission } from './permissions';
import { PermissionsProvider } from './PermissionsProvider';

const granted = new Set(['locations:read', 'contacts:read']);

describe('hasPermission', () => {
  it('needs every permission named', () => {
    expect(hasPermission(granted, 'locations:read')).toBe(true);
    expect(hasPermission(granted, 'locations:write')).toBe(false);
    expect(hasPermission(granted, ['locations:read', 'contacts:read'])).toBe(true);
    expect(hasPermission(granted, ['locations:read', 'contacts:write'])).toBe(false);
  });

  it('lets through what requires nothing', () => {
    expect(hasPermission(new Set(), undefined)).toBe(true);
  });
});

describe('filterByPermission', () => {
  it('keeps the entries the user may use, in order', () => {
    const items = [
      { to: '/' },
      { to: '/locations', permission: 'locations:read' },
      { to: '/users', permission: 'users:read' },
      { to: '/imports', permission: ['contacts:read', 'transfer:import'] },
    ];
    expect(filterByPermission(items, granted).map((item) => item.to)).toEqual(['/', '/locations']);
  });
});

describe('<Can>', () => {
  it('shows its children only to holders of the permission', () => {
    render(
      <PermissionsProvider permissions={['locations:read']}>
        <Can permission="locations:read">can read</Can>
        <Can permission="locations:write" fallback={<span>read only</span>}>
          can write
        </Can>
      </PermissionsProvider>,
    );
    expect(screen.getByText('can read')).toBeInTheDocument();
    expect(screen.queryByText('can write')).not.toBeInTheDocument();
    expect(screen.getByText('read only')).toBeInTheDocument();
  });

  it('hides everything outside a provider (deny by default)', () => {
    render(<Can permission="locations:read">secret</Can>);
    expect(screen.queryByText('secret')).not.toBeInTheDocument();
  });
});
