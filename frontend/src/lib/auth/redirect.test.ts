import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './redirect';

describe('safeNextPath', () => {
  it.each(['/locations', '/locations?q=Pe%C3%B1a&sort=-name', '/locations/123#top'])('keeps %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'locations',
    '/sign-in',
    '/sign-in?next=/x',
  ])('refuses %j (open redirects, loops)', (path) => {
    expect(safeNextPath(path)).toBeNull();
  });
});

describe('signInPath', () => {
  it('carries where the user was and why they left', () => {
    expect(signInPath({ pathname: '/locations', search: '?q=Sede', hash: '' }, 'expired')).toBe(
      '/sign-in?next=%2Flocations%3Fq%3DSede&reason=expired',
    );
  });

  it('is plain for the home page and for a sign-out', () => {
    expect(signInPath({ pathname: '/', search: '', hash: '' })).toBe('/sign-in');
    expect(signInPath({ pathname: '/locations', search: '', hash: '' }, 'signed-out')).toBe(
      '/sign-in?next=%2Flocations',
    );
  });
});
