import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '@/lib/i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '@/lib/i18n/language';

const LABEL: Record<Language, string> = {
  es: 'Idioma',
  pt: 'Idioma',
  en: 'Language',
};

/**
 * Pick the console's language. Each option is written in its own language (and marked with
 * `lang`), so people find theirs whatever the current one is.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'es';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="sm"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={`${LABEL[current]}: ${LANGUAGE_NAMES[current]}`}
        >
          {compact ? current.toUpperCase() : LANGUAGE_NAMES[current]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{LABEL[current]}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void changeLanguage(language)}
            rightSection={language === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={language === current ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
