import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSelection } from '@/components/selection/useSelection';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { BulkActions } from './BulkActions';

function Harness() {
  const selection = useSelection('city=Lisboa');
  return (
    <>
      <button type="button" onClick={() => selection.toggleRow('a', ['a', 'b'])}>
        pick a
      </button>
      <button type="button" onClick={selection.selectAllMatching}>
        pick all
      </button>
      <BulkActions
        selection={selection}
        shownIds={['a', 'b']}
        total={1500}
        criteria={{ kind: 'customer', city: 'Lisboa' }}
        trashed={false}
      />
    </>
  );
}

const PERMISSIONS = ['contacts:read', 'contacts:write', 'contacts:bulk', 'contacts:trash'];

function stubApi(routes: Record<string, (request: Request) => Response>) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((request: Request) => {
      requests.push(request.clone());
      const key = `${request.method} ${new URL(request.url).pathname}`;
      const route = routes[key];
      if (!route) throw new Error(`unexpected ${key}`);
      return Promise.resolve(route(request));
    }),
  );
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('BulkActions', () => {
  it('acts on the ticked rows by id and reports the counts', async () => {
    const requests = stubApi({
      'POST /api/v1/contacts/bulk': () => jsonResponse(200, { action: 'deactivate', matched: 1, changed: 1 }),
    });
    renderWithProviders(<Harness />, { permissions: PERMISSIONS });
    await userEvent.click(screen.getByRole('button', { name: 'pick a' }));
    expect(screen.getByRole('toolbar')).toHaveTextContent('1 seleccionado');
    await userEvent.click(screen.getByRole('button', { name: 'Desactivar' }));
    expect(await requests[0]?.json()).toEqual({ action: 'deactivate', ids: ['a'] });
    // The selection is done with once the action went through.
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
  });

  it('actions that need a choice ask for it: assign an advisor', async () => {
    const requests = stubApi({
      'GET /api/v1/users': () =>
        jsonResponse(200, {
          items: [{ id: 'u1', first_name: 'Ana', last_name: 'Asesora', email: 'ana@x.test' }],
          next_cursor: null,
        }),
      'POST /api/v1/contacts/bulk': () => jsonResponse(200, { action: 'assign_owner', matched: 1, changed: 1 }),
    });
    renderWithProviders(<Harness />, { permissions: PERMISSIONS });
    await userEvent.click(screen.getByRole('button', { name: 'pick a' }));
    await userEvent.click(screen.getByRole('button', { name: 'Más acciones' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Asignar responsable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Asignar responsable' });
    expect(within(dialog).getByRole('button', { name: 'Aplicar' })).toBeDisabled();
    await userEvent.selectOptions(await within(dialog).findByRole('combobox', { name: 'Responsable' }), 'u1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Aplicar' }));
    const bulk = requests.find((request) => request.method === 'POST');
    expect(await bulk?.json()).toEqual({ action: 'assign_owner', ids: ['a'], owner_id: 'u1' });
  });

  it('“all matching” sends the filter, and a background run shows its progress until done', async () => {
    let polls = 0;
    const requests = stubApi({
      'POST /api/v1/contacts/bulk': () => jsonResponse(202, { job_id: 'j1', status: 'pending' }),
      'GET /api/v1/jobs/j1': () => {
        polls += 1;
        const done = polls > 1;
        return jsonResponse(200, {
          id: 'j1',
          kind: 'contacts_bulk',
          status: done ? 'completed' : 'running',
          progress: done ? 100 : 40,
          result: done ? { action: 'deactivate', matched: 1500, changed: 1490 } : null,
          error: null,
          created_at: '2026-01-01T00:00:00Z',
          started_at: '2026-01-01T00:00:00Z',
          finished_at: null,
        });
      },
    });
    renderWithProviders(<Harness />, { permissions: PERMISSIONS });
    await userEvent.click(screen.getByRole('button', { name: 'pick all' }));
    expect(screen.getByRole('toolbar')).toHaveTextContent('Todos los 1500 que coinciden con el filtro');
    await userEvent.click(screen.getByRole('button', { name: 'Desactivar' }));

    expect(await requests[0]?.json()).toEqual({
      action: 'deactivate',
      filter: { kind: 'customer', city: 'Lisboa', trashed: false },
    });
    const dialog = await screen.findByRole('dialog', { name: 'Acción masiva en curso' });
    expect(await screen.findByRole('progressbar', { name: /Progreso de la tarea/ })).toBeInTheDocument();
    expect(await screen.findByText('1490 de 1500 registros cambiados.', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Terminado');
  });
});
