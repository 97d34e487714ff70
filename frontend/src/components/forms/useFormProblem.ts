import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { isApiError } from '@/lib/api/problem';
import { fieldErrorsFromProblem, formPaths, type FieldErrorOptions } from './fieldErrors';

export interface FormProblem {
  /** The failure itself (for its title/detail). */
  error: unknown;
  /** True when at least one message was placed on a field. */
  onFields: boolean;
  /** Messages that belong to no field. */
  unmatched: string[];
}

/**
 * Report a failed submit on a Mantine form: field errors go under their inputs (and focus
 * moves to the first one), everything else into `problem` for a `<FormAlert>`.
 *
 *     const { problem, report, reset } = useFormProblem(form, { codeFields: { location_name_taken: 'name' } });
 *     mutation.mutate(values, { onError: report });
 */
export function useFormProblem<Values>(form: UseFormReturnType<Values>, options: FieldErrorOptions = {}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const { codeFields } = options;

  const report = useCallback(
    (error: unknown) => {
      if (!isApiError(error)) {
        setProblem({ error, onFields: false, unmatched: [] });
        return;
      }
      const { fieldErrors, unmatched } = fieldErrorsFromProblem(
        error.problem,
        formPaths(form.getValues()),
        codeFields ? { codeFields } : {},
      );
      form.setErrors(fieldErrors);
      const first = Object.keys(fieldErrors)[0];
      if (first) form.getInputNode(first)?.focus();
      setProblem({ error, onFields: first !== undefined, unmatched });
    },
    [form, codeFields],
  );

  const reset = useCallback(() => setProblem(null), []);
  return { problem, report, reset };
}
