import { Button, Group, Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '@/components/forms/FormAlert';
import { useFormProblem } from '@/components/forms/useFormProblem';
import { useCreateBroadcast } from '../api/createBroadcast';
import { useNotificationsTranslation } from '../i18n';

interface BroadcastValues {
  kind: 'info' | 'system';
  title: string;
  body: string;
  link: string;
  action: string;
  send_at: string;
}

const EMPTY: BroadcastValues = { kind: 'info', title: '', body: '', link: '', action: '', send_at: '' };

/** Compose a notice for everyone in the workspace, sent now or at a chosen time. */
export function BroadcastModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useNotificationsTranslation();
  const send = useCreateBroadcast();
  const form = useForm<BroadcastValues>({ mode: 'uncontrolled', initialValues: EMPTY });
  const { problem, report, reset } = useFormProblem(form);

  const close = () => {
    reset();
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    reset();
    send.mutate(
      {
        kind: values.kind,
        title: values.title,
        body: values.body,
        link: values.link.trim() || null,
        action: values.action.trim() || null,
        audience: 'everyone',
        role_ids: [],
        // datetime-local is the browser's local time; the API wants an instant.
        send_at: values.send_at ? new Date(values.send_at).toISOString() : null,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: values.send_at ? t('broadcast.scheduled') : t('broadcast.sent'),
          });
          close();
        },
        onError: report,
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={t('broadcast.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert problem={problem} />
          <SegmentedControl
            aria-label={t('broadcast.kind')}
            data={[
              { value: 'info', label: t('broadcast.kinds.info') },
              { value: 'system', label: t('broadcast.kinds.system') },
            ]}
            key={form.key('kind')}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('broadcast.titleField')}
            withAsterisk
            key={form.key('title')}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('broadcast.body')}
            autosize
            minRows={3}
            key={form.key('body')}
            {...form.getInputProps('body')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('broadcast.link')}
              description={t('broadcast.linkHint')}
              key={form.key('link')}
              {...form.getInputProps('link')}
            />
            <TextInput label={t('broadcast.action')} key={form.key('action')} {...form.getInputProps('action')} />
          </Group>
          <TextInput
            type="datetime-local"
            label={t('broadcast.sendAt')}
            description={t('broadcast.sendAtHint')}
            key={form.key('send_at')}
            {...form.getInputProps('send_at')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('broadcast.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('broadcast.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
