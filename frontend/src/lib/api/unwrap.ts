import { ApiError, toProblem } from './problem';

/** What an openapi-fetch call resolves to: data on success, the parsed body as `error` otherwise. */
interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data type of the success branch of an openapi-fetch result. */
type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * Await an openapi-fetch call and return its data, or throw an `ApiError` holding the parsed
 * problem. Query and mutation functions use this, so components only ever see `ApiError`.
 *
 *     queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal }))
 */
export async function unwrap<R extends Outcome>(call: Promise<R>): Promise<SuccessData<R>> {
  let outcome: R;
  try {
    outcome = await call;
  } catch (error) {
    // Cancellation is not a failure: let TanStack Query see the AbortError as is.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.network(error);
  }
  if (outcome.response.ok) return outcome.data as SuccessData<R>;
  throw new ApiError(toProblem(outcome.response.status, outcome.error));
}
