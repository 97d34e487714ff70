import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { EmptyState } from '@/components/states/EmptyState';
import { ErrorState } from '@/components/states/ErrorState';
import { LoadingState } from '@/components/states/LoadingState';
import {
  useAddShift,
  useCalendars,
  useDeleteShift,
  useSetSpecialties,
  useSpecialties,
  useUserShifts,
} from '../api/specialist';
import type { StaffUser } from '../api/users';
import { useStaffTranslation } from '../i18n';

function SpecialtiesEditor({ user }: { user: StaffUser }) {
  const { t } = useStaffTranslation();
  const specialties = useSpecialties();
  const save = useSetSpecialties(user.id);
  const [value, setValue] = useState(() => user.specialties.map((specialty) => specialty.id));
  return (
    <Stack gap="xs">
      {save.error ? <FormAlert problem={{ error: save.error, onFields: false, unmatched: [] }} /> : null}
      <Group align="flex-end" gap="xs">
        <MultiSelect
          label={t('specialistTab.specialties')}
          data={(specialties.data ?? []).map((specialty) => ({ value: specialty.id, label: specialty.name }))}
          value={value}
          onChange={setValue}
          searchable
          style={{ flex: '1 1 280px' }}
        />
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(value, { onSuccess: () => notifications.show({ color: 'teal', message: t('saved') }) })
          }
        >
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}

function AddShiftForm({ userId }: { userId: string }) {
  const { t } = useStaffTranslation();
  const calendars = useCalendars();
  const add = useAddShift(userId);
  const form = useForm({ mode: 'uncontrolled', initialValues: { from: '', to: '', calendar_id: '' } });
  const { problem, report, reset } = useFormProblem(form, { codeFields: { shift_overlap: 'from' } });
  const submit = form.onSubmit((values) => {
    reset();
    add.mutate(values, { onSuccess: () => form.reset(), onError: report });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormAlert problem={problem} />
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            type="date"
            label={t('specialistTab.from')}
            withAsterisk
            key={form.key('from')}
            {...form.getInputProps('from')}
          />
          <TextInput
            type="date"
            label={t('specialistTab.to')}
            withAsterisk
            key={form.key('to')}
            {...form.getInputProps('to')}
          />
          <Select
            label={t('specialistTab.calendar')}
            data={(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name }))}
            withAsterisk
            key={form.key('calendar_id')}
            {...form.getInputProps('calendar_id')}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            {t('specialistTab.addShift')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShiftsList({ userId }: { userId: string }) {
  const { t, i18n } = useStaffTranslation();
  const shifts = useUserShifts(userId);
  const remove = useDeleteShift(userId);
  const day = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  if (shifts.isPending) return <LoadingState />;
  if (shifts.isError) return <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />;
  if (shifts.data.length === 0) return <EmptyState title={t('specialistTab.noShifts')} />;
  return (
    <Table aria-label={t('specialistTab.shifts')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('specialistTab.from')}</Table.Th>
          <Table.Th>{t('specialistTab.to')}</Table.Th>
          <Table.Th>{t('specialistTab.calendar')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('specialistTab.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shifts.data.map((shift) => (
          <Table.Tr key={shift.id}>
            <Table.Td>{day(shift.from)}</Table.Td>
            <Table.Td>{day(shift.to)}</Table.Td>
            <Table.Td>{shift.calendar.name}</Table.Td>
            <Table.Td ta="right">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('specialistTab.deleteShift')}
                loading={remove.isPending && remove.variables === shift.id}
                onClick={() => remove.mutate(shift.id)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A specialist's specialties and shifts (date ranges on a weekly calendar). */
export function SpecialistTab({ user }: { user: StaffUser }) {
  const { t } = useStaffTranslation();
  return (
    <Stack gap="lg" maw={760}>
      <Card withBorder>
        <SpecialtiesEditor user={user} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('specialistTab.shifts')}
        </Title>
        <Stack gap="md">
          <AddShiftForm userId={user.id} />
          <ShiftsList userId={user.id} />
        </Stack>
      </Card>
    </Stack>
  );
}
