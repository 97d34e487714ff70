import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { OptionalPermissionsEditor } from './OptionalPermissionsTab';

describe('OptionalPermissionsEditor', () => {
  it('offers only what the roles offer, checked when granted, and saves exactly the checked set', async () => {
    const onSave = vi.fn();
    renderWithProviders(
      <OptionalPermissionsEditor
        offered={['contacts:export', 'contacts:delete']}
        granted={['contacts:export', 'users:write']}
        canWrite
        saving={false}
        error={null}
        onSave={onSave}
      />,
    );
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(screen.getByRole('checkbox', { name: 'contacts:export' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'contacts:delete' })).not.toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'contacts:export' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'contacts:delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Guardar los permisos' }));
    expect(onSave).toHaveBeenCalledWith(['contacts:delete']);
  });

  it('is read-only without users:write, and says so when the roles offer nothing', () => {
    const { unmount } = renderWithProviders(
      <OptionalPermissionsEditor
        offered={['contacts:export']}
        granted={[]}
        canWrite={false}
        saving={false}
        error={null}
        onSave={vi.fn()}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'contacts:export' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Guardar los permisos' })).not.toBeInTheDocument();
    unmount();

    renderWithProviders(
      <OptionalPermissionsEditor offered={[]} granted={[]} canWrite saving={false} error={null} onSave={vi.fn()} />,
    );
    expect(screen.getByText('Sus roles no ofrecen permisos opcionales')).toBeInTheDocument();
  });
});
