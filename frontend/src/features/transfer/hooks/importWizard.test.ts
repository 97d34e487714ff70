import { describe, expect, it } from 'vitest';
import {
  acceptsFile,
  INITIAL_WIZARD,
  stepIndex,
  wizardReducer,
  type WizardEvent,
  type WizardState,
} from './importWizard';

const csv = new File(['name\nSede'], 'sedes.csv', { type: 'text/csv' });
const run = (events: WizardEvent[], from: WizardState = INITIAL_WIZARD) => events.reduce(wizardReducer, from);

describe('import wizard', () => {
  it('accepts non-empty .xlsx and .csv files only', () => {
    expect(acceptsFile(csv)).toBe(true);
    expect(acceptsFile(new File(['x'], 'LIBRO.XLSX'))).toBe(true);
    expect(acceptsFile(new File(['x'], 'notes.pdf'))).toBe(false);
    expect(acceptsFile(new File([], 'empty.csv'))).toBe(false);
    expect(acceptsFile(null)).toBe(false);
  });

  it('goes on to the options only with an acceptable file', () => {
    expect(run([{ type: 'next' }]).step).toBe('file');
    expect(run([{ type: 'file', file: new File(['x'], 'a.pdf') }, { type: 'next' }]).step).toBe('file');
    expect(run([{ type: 'file', file: csv }, { type: 'next' }]).step).toBe('options');
  });

  it('starts as a dry run in upsert mode; options change only on their step', () => {
    expect(INITIAL_WIZARD).toMatchObject({ mode: 'upsert', dryRun: true });
    expect(run([{ type: 'mode', mode: 'create' }]).mode).toBe('upsert');
    const state = run([
      { type: 'file', file: csv },
      { type: 'next' },
      { type: 'mode', mode: 'create' },
      { type: 'dryRun', dryRun: false },
    ]);
    expect(state).toMatchObject({ mode: 'create', dryRun: false });
  });

  it('follows the run, then after a dry run applies the same file for real', () => {
    const started = run([{ type: 'file', file: csv }, { type: 'next' }, { type: 'started', importId: 'i1' }]);
    expect(started).toMatchObject({ step: 'running', importId: 'i1' });
    expect(stepIndex(started, false)).toBe(2);
    expect(stepIndex(started, true)).toBe(3);
    // While running, the file cannot be swapped.
    expect(wizardReducer(started, { type: 'file', file: null }).file).toBe(csv);

    const again = wizardReducer(started, { type: 'again' });
    expect(again).toMatchObject({ step: 'options', file: csv, mode: 'upsert', dryRun: false, importId: null });
    expect(wizardReducer(started, { type: 'restart' })).toEqual(INITIAL_WIZARD);
  });
});
