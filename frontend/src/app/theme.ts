import { createTheme } from '@mantine/core';

/** System fonts only: nothing is fetched from a font CDN. Indigo 7 keeps white text ≥ 4.5:1. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  // People who ask their system for less motion get no transitions (drawers, menus, toasts).
  respectReducedMotion: true,
});
