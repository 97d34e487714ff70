/**
 * The import wizard's state: choose a file, then the options, then follow the run. Pure, so
 * the rules (what can go next, what a reset keeps) are tested without a browser.
 */
import type { ImportMode } from '../api/entities';

export type WizardStep = 'file' | 'options' | 'running';

export interface WizardState {
  step: WizardStep;
  file: File | null;
  mode: ImportMode;
  dryRun: boolean;
  importId: string | null;
}

export type WizardEvent =
  | { type: 'file'; file: File | null }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'mode'; mode: ImportMode }
  | { type: 'dryRun'; dryRun: boolean }
  | { type: 'started'; importId: string }
  | { type: 'again' }
  | { type: 'restart' };

export const INITIAL_WIZARD: WizardState = { step: 'file', file: null, mode: 'upsert', dryRun: true, importId: null };

const ACCEPTED = /\.(xlsx|csv)$/i;

/** The API reads .xlsx and .csv; anything else is refused before uploading. */
export function acceptsFile(file: File | null): boolean {
  return file !== null && file.size > 0 && ACCEPTED.test(file.name);
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'file':
      return state.step === 'file' ? { ...state, file: event.file } : state;
    case 'next':
      return state.step === 'file' && acceptsFile(state.file) ? { ...state, step: 'options' } : state;
    case 'back':
      return state.step === 'options' ? { ...state, step: 'file' } : state;
    case 'mode':
      return state.step === 'options' ? { ...state, mode: event.mode } : state;
    case 'dryRun':
      return state.step === 'options' ? { ...state, dryRun: event.dryRun } : state;
    case 'started':
      return state.step === 'options' ? { ...state, step: 'running', importId: event.importId } : state;
    case 'again':
      // After a dry run the same file and mode usually go in for real: keep them, and start from the options.
      return state.file ? { ...state, step: 'options', dryRun: false, importId: null } : INITIAL_WIZARD;
    case 'restart':
      return INITIAL_WIZARD;
  }
}

/** The stepper's position: the run's result is the last step once it finished. */
export function stepIndex(state: WizardState, finished: boolean): number {
  if (state.step === 'file') return 0;
  if (state.step === 'options') return 1;
  return finished ? 3 : 2;
}
