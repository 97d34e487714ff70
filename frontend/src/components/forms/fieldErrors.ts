/**
 * Map a problem's `errors[].loc` onto form fields.
 *
 * The API reports field errors with pydantic paths: `["body", "name"]`,
 * `["body", "address", "city"]`, `["body", "tags", 2]`. Forms use dotted paths
 * (`address.city`, `tags.2`), so a body error lands on the deepest path the form knows; what
 * lands on no field (a whole-body rule, a query parameter) is returned as `unmatched` for an
 * alert above the form.
 */
import type { Problem } from '@/lib/api/problem';

export interface FieldErrorMapping {
  /** Form path → message (first message per field wins). */
  fieldErrors: Record<string, string>;
  /** Messages that belong to no field of this form. */
  unmatched: string[];
}

export interface FieldErrorOptions {
  /**
   * Problems without `errors[]` that still concern one field, by code: e.g.
   * `{ location_name_taken: 'name' }` puts "A location named … exists" under Name.
   */
  codeFields?: Record<string, string>;
}

function fieldFor(loc: readonly (string | number)[], fields: ReadonlySet<string>): string | null {
  if (loc[0] !== 'body') return null;
  const path = loc.slice(1).map(String);
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length).join('.');
    if (fields.has(candidate)) return candidate;
  }
  return null;
}

export function fieldErrorsFromProblem(
  problem: Problem,
  fields: Iterable<string>,
  options: FieldErrorOptions = {},
): FieldErrorMapping {
  const known = new Set(fields);
  const fieldErrors: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const error of problem.errors) {
    const field = fieldFor(error.loc, known);
    if (field === null) unmatched.push(error.msg);
    else fieldErrors[field] ??= error.msg;
  }
  const codeField = options.codeFields?.[problem.code];
  if (codeField && known.has(codeField) && problem.errors.length === 0) {
    fieldErrors[codeField] = problem.detail || problem.title;
  }
  return { fieldErrors, unmatched };
}

/** Every dotted path of a form's values (`{a: {b: 1}}` → `a`, `a.b`), to match locs against. */
export function formPaths(values: unknown, prefix = ''): string[] {
  if (typeof values !== 'object' || values === null) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...formPaths(value, path)];
  });
}
