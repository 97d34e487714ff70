/**
 * RFC 9457 problem details, as every Ficha API error is answered.
 *
 * The contract declares the wire shape (`Problem`, `FieldProblem` in `openapi.json`), but an
 * error body can also come from elsewhere (a proxy's HTML 502, a dropped connection), so it is
 * *parsed* at run time rather than trusted. Anything that is not a problem still becomes one,
 * with a client-side `code` (`network_error`, `unexpected_response`) the UI translates.
 */
import type { components } from '@/api/generated/schema';

/** One field error: `loc` is pydantic's path, e.g. `["body", "name"]` or `["query", "cursor"]`. */
export type FieldProblem = components['schemas']['FieldProblem'];

/** The problem as the console uses it: `errors` always a list, `request_id` camel-cased. */
export interface Problem {
  status: number;
  /** Stable machine code (`validation_failed`, `location_name_taken`, …). */
  code: string;
  /** Localised by the API from `Accept-Language`; empty for client-made problems. */
  title: string;
  detail: string;
  errors: FieldProblem[];
  requestId?: string;
  /** Members a problem adds beyond the standard ones, e.g. a conflict's `existing_id`. */
  extensions?: Record<string, unknown>;
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'request_id']);

/** Codes the client makes up when the API could not answer with a problem. */
export const CLIENT_PROBLEM_CODES = {
  network: 'network_error',
  unexpected: 'unexpected_response',
} as const;

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({
      status: 0,
      code: CLIENT_PROBLEM_CODES.network,
      title: '',
      detail: '',
      errors: [],
    });
    error.cause = cause;
    return error;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function parseFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldProblem[] => {
    if (!isRecord(item) || !Array.isArray(item.loc)) return [];
    const loc = item.loc.filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    );
    return [{ loc, msg: text(item.msg), type: text(item.type) }];
  });
}

/** Turn an error response (status + parsed body, if any) into a `Problem`. */
export function toProblem(status: number, body: unknown): Problem {
  if (!isRecord(body) || (typeof body.code !== 'string' && typeof body.title !== 'string')) {
    return { status, code: CLIENT_PROBLEM_CODES.unexpected, title: '', detail: '', errors: [] };
  }
  const requestId = text(body.request_id);
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
  return {
    status: typeof body.status === 'number' ? body.status : status,
    code: text(body.code) || CLIENT_PROBLEM_CODES.unexpected,
    title: text(body.title),
    detail: text(body.detail),
    errors: parseFieldProblems(body.errors),
    ...(requestId ? { requestId } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

/** The best sentence to show a person: the API's localised detail, else its title, else none. */
export function problemText(problem: Problem): string {
  return problem.detail || problem.title;
}
