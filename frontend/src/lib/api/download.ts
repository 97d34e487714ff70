/**
 * Files the API sends (templates, error workbooks, attachments) need the bearer token, so a
 * plain `<a href>` cannot fetch them: the client fetches the bytes and the browser saves them
 * from an object URL, under the name the API gave (`Content-Disposition`).
 */
import { ApiError, toProblem } from './problem';

interface BlobOutcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` wins), if any. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/** Hand bytes to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Await an openapi-fetch call made with `parseAs: 'blob'` and save what it returns; a failure
 * throws an `ApiError` like `unwrap` does.
 *
 *     await downloadFile(api.GET('/api/v1/exports/template', { params, parseAs: 'blob' }), 'template.xlsx');
 */
export async function downloadFile(call: Promise<BlobOutcome>, fallbackName: string): Promise<string> {
  let outcome: BlobOutcome;
  try {
    outcome = await call;
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!outcome.response.ok) {
    // With parseAs 'blob' the problem body arrives unparsed.
    let body: unknown = outcome.error;
    if (body instanceof Blob) {
      try {
        body = JSON.parse(await body.text()) as unknown;
      } catch {
        body = null;
      }
    }
    throw new ApiError(toProblem(outcome.response.status, body));
  }
  const name = filenameFromDisposition(outcome.response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(outcome.data as Blob, name);
  return name;
}
