import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/language/LanguageSwitch';

interface AuthCardProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of the signed-out pages (sign in, invitation, password reset): one card, centred. */
export function AuthCard({ title, subtitle, children }: AuthCardProps) {
  useDocumentTitle(`${title} · Ficha`);
  return (
    <Box mih="100dvh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="md">
            <div>
              <Text fw={700} c="indigo.7" size="lg" aria-hidden>
                Ficha
              </Text>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
