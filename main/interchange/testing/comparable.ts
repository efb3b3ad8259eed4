import type { CaseDocument } from '../../../app/domain';

/**
 * What a round trip must keep of a case: entities, links, citations and notes, with their
 * evidence's sources, without timestamps or the citations an import adds for the file itself.
 */
export function comparableCase(doc: CaseDocument, options: { ignoreSourceIds?: readonly string[]; withoutLocations?: boolean } = {}) {
  const ignored = new Set(options.ignoreSourceIds ?? []);
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    // Only our own JSON carries locations; the other formats are compared without them.
    entities: byId(doc.entities).map(({ createdAt: _c, updatedAt: _u, location, ...rest }) => (options.withoutLocations ? rest : { ...rest, location })),
    links: byId(doc.links).map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest),
    sources: byId(doc.sources.filter((s) => !ignored.has(s.id))).map(({ createdAt: _c, ...rest }) => rest),
    citations: byId(doc.citations.filter((c) => !ignored.has(c.sourceId))).map(({ createdAt: _c, ...rest }) => rest),
    notes: byId(doc.notes).map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest),
  };
}
