import { describe, expect, it } from 'vitest';
import { notificationTarget, notificationTone } from './notificationTone';

const job = (
  status: 'pending' | 'running' | 'completed' | 'failed',
  result: Record<string, unknown> | null = null,
) => ({
  id: 'j1',
  status,
  result,
  error: null,
});

describe('notificationTone / notificationTarget', () => {
  it('colours a job by its state and offers the download only once completed', () => {
    expect(notificationTone({ job: job('pending') })).toBe('pending');
    expect(notificationTone({ job: job('running') })).toBe('pending');
    expect(notificationTone({ job: job('failed') })).toBe('failed');
    expect(notificationTone({ job: null })).toBe('plain');

    const done = { job: job('completed', { download_url: '/api/v1/exports/j1/download?sig=x' }), link: null };
    expect(notificationTone(done)).toBe('completed');
    expect(notificationTarget(done)).toBe('/api/v1/exports/j1/download?sig=x');
    expect(notificationTarget({ job: job('running'), link: '/transfer/imports/1' })).toBeNull();
    expect(notificationTarget({ job: job('completed'), link: '/transfer/imports/1' })).toBe('/transfer/imports/1');
    expect(notificationTarget({ job: null, link: null })).toBeNull();
  });
});
