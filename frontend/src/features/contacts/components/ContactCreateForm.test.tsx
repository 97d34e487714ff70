import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, toProblem } from '@/lib/api/problem';
import { renderWithProviders } from '@/test/render';
import type { CustomField } from '../api/customFields';
import { ContactCreateForm } from './ContactCreateForm';

const base = { entity: 'contact' as const, order: 0, created_at: '', updated_at: '' };
const fields: CustomField[] = [
  {
    ...base,
    id: '1',
    key: 'membership',
    type: 'select',
    required: true,
    options: ['básico', 'plus'],
    labels: { es: 'Plan de socio', en: 'Membership plan', pt: 'Plano' },
  },
  { ...base, id: '2', key: 'newsletter', type: 'boolean', required: false, options: [], labels: { es: 'Boletín' } },
  { ...base, id: '3', key: 'shoe_size', type: 'number', required: false, options: [], labels: { es: 'Talla' } },
  {
    ...base,
    id: '4',
    key: 'first_visit',
    type: 'date',
    required: false,
    options: [],
    labels: { es: 'Primera visita' },
  },
  {
    ...base,
    id: '5',
    key: 'channels',
    type: 'multiselect',
    required: false,
    options: ['email', 'sms'],
    labels: { es: 'Canales' },
  },
];

function renderForm(onSubmit: (body: unknown) => Promise<unknown>) {
  renderWithProviders(
    <ContactCreateForm kind="lead" fields={fields} submitting={false} onSubmit={onSubmit} onCancel={vi.fn()} />,
  );
}

describe('ContactCreateForm', () => {
  it('renders each additional field by its type, marking required ones', () => {
    renderForm(vi.fn());
    expect(screen.getByLabelText(/Plan de socio/).closest('.mantine-InputWrapper-root')).toHaveTextContent('*');
    expect(screen.getByRole('checkbox', { name: 'Boletín' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Talla' })).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByLabelText('Primera visita')).toHaveAttribute('type', 'date');
    expect(screen.getByRole('group', { name: 'Canales' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'sms' })).toBeInTheDocument();
  });

  it('sends the typed values of the additional fields with the contact', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm(onSubmit);
    await userEvent.type(screen.getByRole('textbox', { name: /Nombre/ }), 'Lía');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Plan de socio/ }), 'plus');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Boletín' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'sms' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Talla' }), '38');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'lead',
        first_name: 'Lía',
        email: null,
        custom_fields: { membership: 'plus', newsletter: true, shoe_size: 38, channels: ['sms'] },
      }),
    );
  });

  it('puts the API’s message about an additional field under that field', async () => {
    const error = new ApiError(
      toProblem(422, {
        code: 'validation_failed',
        title: 'Datos no válidos',
        errors: [{ loc: ['body', 'custom_fields', 'membership'], msg: 'Este campo es obligatorio', type: 'missing' }],
      }),
    );
    renderForm(() => Promise.reject(error));
    await userEvent.type(screen.getByRole('textbox', { name: /Nombre/ }), 'Lía');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    const select = await screen.findByRole('combobox', { name: /Plan de socio/ });
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription('Este campo es obligatorio');
  });

  it('a duplicate email links to the existing record', async () => {
    const error = new ApiError(
      toProblem(409, {
        code: 'contact_email_taken',
        title: 'Correo en uso',
        detail: 'Ya existe un contacto con ese correo.',
        existing_id: '0a4d3c1e-0000-4000-8000-000000000001',
      }),
    );
    renderForm(() => Promise.reject(error));
    await userEvent.type(screen.getByRole('textbox', { name: /Nombre/ }), 'Lía');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByRole('link', { name: 'Abrir el registro existente' })).toHaveAttribute(
      'href',
      '/contacts/0a4d3c1e-0000-4000-8000-000000000001',
    );
    expect(screen.getByRole('textbox', { name: 'Correo electrónico' })).toHaveAccessibleDescription(
      'Ya existe un contacto con ese correo.',
    );
  });
});
