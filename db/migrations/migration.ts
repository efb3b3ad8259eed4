/** One schema step. `version` is the `user_version` the file has after it; steps are append-only. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run in one transaction together with the `user_version` bump. */
  up: string;
}
