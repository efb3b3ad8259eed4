import type { CaseDocument } from '../app/domain';
import { listAnnotations } from './annotations';
import { caseName } from './caseMeta';
import { chartPositions, listCharts } from './charts';
import { listCitations } from './citations';
import { listEntities } from './entities';
import { listLinks } from './links';
import { listMergeRecords } from './mergeRecords';
import { listNotes } from './notes';
import { listSources } from './sources';
import type { Db } from './types';

/** The whole case as one JSON document (read in one transaction, so it is a consistent snapshot). */
export function exportCaseDocument(db: Db): CaseDocument {
  return db.transaction(
    (): CaseDocument => ({
      format: 'analyst-workbench-case',
      formatVersion: 1,
      name: caseName(db),
      exportedAt: new Date().toISOString(),
      entities: listEntities(db),
      links: listLinks(db),
      sources: listSources(db),
      citations: listCitations(db).map(({ target, ...rest }) => ({
        ...rest,
        entityId: target.kind === 'entity' ? target.id : null,
        linkId: target.kind === 'link' ? target.id : null,
      })),
      notes: listNotes(db),
      charts: listCharts(db).map((chart) => ({ ...chart, positions: chartPositions(db, chart.id) })),
      annotations: listAnnotations(db),
      mergeRecords: listMergeRecords(db),
    }),
  )();
}
