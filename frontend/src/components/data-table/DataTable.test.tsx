import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, toProblem } from '@/lib/api/problem';
import { renderWithProviders } from '@/test/render';
import { DataTable, type DataTableColumn, type DataTableProps } from './DataTable';

interface Row {
  id: string;
  name: string;
  city: string;
}

const columns: DataTableColumn<Row>[] = [
  { key: 'name', header: 'Nombre', cell: (row) => row.name },
  { key: 'city', header: 'Ciudad', cell: (row) => row.city, visibleFrom: 'sm' },
];
const rows: Row[] = [
  { id: '1', name: 'Sede Madrid', city: 'Madrid' },
  { id: '2', name: 'Sede Lisboa', city: 'Lisboa' },
];

function renderTable(props: Partial<DataTableProps<Row>> = {}) {
  const handlers = { onRetry: vi.fn(), onLoadMore: vi.fn() };
  renderWithProviders(
    <DataTable<Row>
      caption="Ubicaciones"
      columns={columns}
      rows={[]}
      rowKey={(row) => row.id}
      loading={false}
      error={null}
      empty={<p>Nada todavía</p>}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('DataTable', () => {
  it('shows placeholder rows and announces loading', () => {
    renderTable({ loading: true });
    const table = screen.getByRole('table', { name: 'Ubicaciones' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Cargando…');
    expect(screen.queryByText('Nada todavía')).not.toBeInTheDocument();
  });

  it('shows the empty state when there is nothing', () => {
    renderTable();
    expect(screen.getByText('Nada todavía')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the API’s error with a retry', async () => {
    const error = new ApiError(
      toProblem(503, { code: 'service_unavailable', title: 'No disponible', detail: 'Vuelva luego.' }),
    );
    const { onRetry } = renderTable({ error });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('No disponible');
    expect(alert).toHaveTextContent('Vuelva luego.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('renders rows, counts them, and loads more while the API has more', async () => {
    const { onLoadMore } = renderTable({ rows, hasMore: true });
    const table = screen.getByRole('table', { name: 'Ubicaciones' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('columnheader', { name: 'Ciudad' })).toBeInTheDocument();
    expect(screen.getByText('2 registros mostrados')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cargar más' }));
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('says when everything is shown', () => {
    renderTable({ rows: rows.slice(0, 1), hasMore: false });
    expect(screen.getByText('1 registro mostrado · No hay más registros.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cargar más' })).not.toBeInTheDocument();
  });

  it('keeps the rows when loading the next page fails, and offers a retry', () => {
    renderTable({ rows, hasMore: true, error: ApiError.network(new TypeError('offline')) });
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('alert')).toHaveTextContent('No hay conexión con el servidor');
    expect(screen.queryByRole('button', { name: 'Cargar más' })).not.toBeInTheDocument();
  });
});
