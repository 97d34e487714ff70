import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_PROBLEM_CODES, isApiError } from './problem';

export interface ErrorDescription {
  title: string;
  detail: string;
  requestId?: string;
}

/**
 * What to tell a person about an error: the API's own localised title/detail when it sent a
 * problem, else a message of ours for what the client detected (no network, odd response).
 */
export function describeError(error: unknown, t: TFunction<'common'>): ErrorDescription {
  if (!isApiError(error)) return { title: t('states.errorTitle'), detail: t('errors.generic') };
  const { problem } = error;
  if (problem.code === CLIENT_PROBLEM_CODES.network) {
    return { title: t('states.errorTitle'), detail: t('errors.network_error') };
  }
  if (problem.code === CLIENT_PROBLEM_CODES.unexpected) {
    return { title: t('states.errorTitle'), detail: t('errors.unexpected_response', { status: problem.status }) };
  }
  return {
    title: problem.title || t('states.errorTitle'),
    detail: problem.detail || t('errors.generic'),
    ...(problem.requestId ? { requestId: problem.requestId } : {}),
  };
}

export function useDescribeError(): (error: unknown) => ErrorDescription {
  const { t } = useTranslation('common');
  return useCallback((error: unknown) => describeError(error, t), [t]);
}
