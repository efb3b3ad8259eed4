/**
 * What every IPC call returns: nothing is thrown across the process boundary.
 * `storage`: the case file could not be written (disk full, read-only, I/O error, busy); nothing
 * from the call was saved and earlier data is intact, so the caller keeps its input and may retry.
 */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unsupported', 'cancelled', 'no_case', 'storage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface WorkbenchError {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WorkbenchError };

/** An error a handler throws on purpose; the IPC wrapper turns it into `{ok: false, error}`. */
export class WorkbenchFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: ValidationIssue[]) {
    super(message);
    this.name = 'WorkbenchFailure';
    this.code = code;
    this.issues = issues;
  }
}
