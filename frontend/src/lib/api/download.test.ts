import { describe, expect, it, vi } from 'vitest';
import { downloadFile, filenameFromDisposition } from './download';
import { ApiError } from './problem';

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 name, then the plain one', () => {
    expect(filenameFromDisposition(`attachment; filename="a.xlsx"; filename*=UTF-8''Ubicaci%C3%B3n.xlsx`)).toBe(
      'Ubicación.xlsx',
    );
    expect(filenameFromDisposition('attachment; filename="plantilla.xlsx"')).toBe('plantilla.xlsx');
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('downloadFile', () => {
  it('saves the bytes under the API’s name', async () => {
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const response = new Response('PK', { headers: { 'Content-Disposition': 'attachment; filename="t.xlsx"' } });
    const name = await downloadFile(Promise.resolve({ data: new Blob(['PK']), response }), 'fallback.xlsx');
    expect(name).toBe('t.xlsx');
    expect(click).toHaveBeenCalledOnce();
  });

  it('turns an error answer into an ApiError with the problem', async () => {
    const response = new Response(null, { status: 404 });
    const error = await downloadFile(
      Promise.resolve({ error: { code: 'not_found', title: 'No encontrado' }, response }),
      'x.xlsx',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
  });
});
