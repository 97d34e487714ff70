/** Query keys of the profile screen (the user itself is `ME_QUERY_KEY`). */
export const profileKeys = {
  all: ['profile'] as const,
  photo: () => [...profileKeys.all, 'photo'] as const,
  sessions: () => [...profileKeys.all, 'sessions'] as const,
};
