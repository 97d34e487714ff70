import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, toProblem } from '@/lib/api/problem';
import { renderWithProviders } from '@/test/render';
import { LocationForm } from './LocationForm';
import { EMPTY_LOCATION } from './locationFormValues';

function renderForm(onSubmit: () => Promise<unknown>) {
  renderWithProviders(
    <LocationForm initialValues={EMPTY_LOCATION} submitting={false} onSubmit={onSubmit} onCancel={vi.fn()} />,
  );
}

describe('LocationForm', () => {
  it('shows the API’s field errors under their inputs and focuses the first', async () => {
    const error = new ApiError(
      toProblem(422, {
        code: 'validation_failed',
        title: 'Datos no válidos',
        detail: 'La solicitud contiene datos no válidos.',
        errors: [
          { loc: ['body', 'name'], msg: 'Debe tener al menos 1 caracteres', type: 'string_too_short' },
          { loc: ['body', 'latitude'], msg: 'Debe ser menor o igual que 90', type: 'less_than_equal' },
        ],
      }),
    );
    renderForm(() => Promise.reject(error));
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    const name = await screen.findByRole('textbox', { name: /^Nombre/ });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Debe tener al menos 1 caracteres');
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Latitud')).toHaveAccessibleDescription('Debe ser menor o igual que 90');
    expect(screen.getByRole('alert')).toHaveTextContent('Revise los campos marcados.');
  });

  it('puts a duplicate name under Name', async () => {
    const error = new ApiError(
      toProblem(409, {
        code: 'location_name_taken',
        title: 'Nombre en uso',
        detail: 'Ya existe una ubicación llamada «Sede».',
      }),
    );
    renderForm(() => Promise.reject(error));
    await userEvent.type(screen.getByRole('textbox', { name: /^Nombre/ }), 'Sede');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByRole('textbox', { name: /^Nombre/ })).toHaveAccessibleDescription(
      'Ya existe una ubicación llamada «Sede».',
    );
  });

  it('shows errors that concern no field above the form', async () => {
    const error = new ApiError(
      toProblem(422, {
        code: 'validation_failed',
        title: 'Datos no válidos',
        errors: [{ loc: ['body'], msg: 'La latitud y la longitud van juntas', type: 'value_error' }],
      }),
    );
    renderForm(() => Promise.reject(error));
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('La latitud y la longitud van juntas');
  });

  it('sends what was typed', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm(onSubmit);
    await userEvent.type(screen.getByRole('textbox', { name: /^Nombre/ }), 'Sede Peñalolén');
    await userEvent.type(screen.getByLabelText('Ciudad'), 'Santiago');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Sede Peñalolén', city: 'Santiago' }));
  });
});
