import { migration0010 } from './0010-core';
import { migration0020 } from './0020-evidence';
import { migration0030 } from './0030-charts';
import { migration0040 } from './0040-editing';
import { migration0050 } from './0050-analysis-views';
import { migration0060 } from './0060-search-folding';
import { migration0070 } from './0070-chart-membership';
import { migration0080 } from './0080-locations';
import { migration0090 } from './0090-search-folded-once';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order. Append only: a released step is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080, migration0090];

/** The schema version this build writes; a case file with a higher one is refused. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
