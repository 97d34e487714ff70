export const transferKeys = {
  imports: () => ['imports'] as const,
  import: (id: string) => [...transferKeys.imports(), id] as const,
};
