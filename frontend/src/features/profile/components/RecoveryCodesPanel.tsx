import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Code } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useProfileTranslation } from '../i18n';

/** Recovery codes, shown this once: copy them or save them as a text file. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useProfileTranslation();
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'ficha-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title={t('mfa.codesTitle')}>
        {t('mfa.codesHint')}
      </Alert>
      <SimpleGrid
        cols={2}
        spacing={6}
        aria-label={t('mfa.codesTitle')}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {codes.map((code) => (
          <li key={code}>
            <Code fz="sm">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            >
              {copied ? t('copied') : t('copy')}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="light" onClick={download} leftSection={<IconDownload size={14} aria-hidden />}>
          {t('mfa.download')}
        </Button>
        <Button size="xs" onClick={onDone}>
          {t('mfa.codesSaved')}
        </Button>
      </Group>
    </Stack>
  );
}
