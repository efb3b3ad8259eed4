import type { SourceDeletePreview } from '../../app/contract';
import type { CitationWithSource, Source } from '../../app/domain';
import type {
  CitationCreateInput,
  CitationUpdateInput,
  IdInput,
  SourceCreateInput,
  SourceDeleteInput,
  SourceUpdateInput,
} from '../../app/editing/schemas';
import { blankToNull, formatCount, locatorIssues, quoteIssues, sourceIssues, type SourceFields } from '../../app/editing/validate';
import { WorkbenchFailure } from '../../app/result';
import { formatLocator, locateQuote, type QuoteLocation } from '../../app/samples/sampleCase';
import {
  citationReachOfSource,
  citationsOfSource,
  deleteCitation,
  deleteCitationsOfSource,
  getCitation,
  getCitationWithSource,
  insertCitation,
  updateCitation,
} from '../citations';
import { getEntity } from '../entities';
import { getLink } from '../links';
import { runCommand, type CommandOutcome } from '../history';
import { linkTitle } from '../search';
import { deleteSource, getSource, insertSource, updateSource, type SourceUpdate } from '../sources';
import type { Db } from '../types';
import { failIfInvalid, invalid, plural, quoted, sameValues } from './common';

function requireSource(db: Db, id: string): Source {
  const source = getSource(db, id);
  if (!source) throw new WorkbenchFailure('not_found', 'That source is no longer in the case.');
  return source;
}

function normaliseSource(fields: SourceFields): SourceFields {
  return {
    title: fields.title.trim(),
    author: blankToNull(fields.author),
    publisher: blankToNull(fields.publisher),
    publishedDate: blankToNull(fields.publishedDate),
    reference: blankToNull(fields.reference),
    // The document text is evidence: kept exactly as pasted (only an empty one is no text).
    body: fields.body !== null && fields.body.trim().length === 0 ? null : fields.body,
  };
}

/** Adds a source (graded A-F), with its document text when the analyst has it, as one step. */
export function createSourceCommand(db: Db, input: SourceCreateInput): CommandOutcome<Source> {
  const fields = normaliseSource({
    title: input.title,
    author: input.author ?? null,
    publisher: input.publisher ?? null,
    publishedDate: input.publishedDate ?? null,
    reference: input.reference ?? null,
    body: input.body ?? null,
  });
  failIfInvalid(sourceIssues(fields));
  return runCommand(db, `Add source ${quoted(fields.title)}`, () => insertSource(db, { ...fields, reliability: input.reliability }));
}

/**
 * A locator as `formatLocator` writes it: offsets into the text, recomputed when the text changes.
 * Any other is the analyst's own wording ("p. 12 of the print edition") and is kept as they wrote it.
 */
const COMPUTED_LOCATOR = /^para\. \d+, chars \d+–\d+$/;

/**
 * Changes a source as one step. A new document text must still hold every passage its citations
 * quote (their computed locators are recomputed); otherwise nothing changes and the analyst is told which.
 */
export function updateSourceCommand(db: Db, { id, changes }: SourceUpdateInput): CommandOutcome<Source> {
  const source = requireSource(db, id);
  const { id: _id, createdAt: _createdAt, ...before } = source;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<SourceUpdate>;
  const merged = { ...before, ...defined };
  const fields: SourceUpdate = { ...normaliseSource(merged), reliability: merged.reliability };
  failIfInvalid(sourceIssues(fields));

  const relocated: { id: string; locator: string }[] = [];
  if (fields.body !== source.body && fields.body !== null) {
    const lost: string[] = [];
    for (const citation of citationsOfSource(db, id)) {
      const location = locateQuote(fields.body, citation.quote);
      if (location === null) lost.push(citation.quote);
      else if (citation.locator === null || COMPUTED_LOCATOR.test(citation.locator)) {
        relocated.push({ id: citation.id, locator: formatLocator(location) });
      }
    }
    const firstLost = lost[0];
    if (firstLost !== undefined) {
      throw new WorkbenchFailure(
        'conflict',
        `The new text no longer holds ${plural(lost.length, 'passage')} that citations quote (first: ${quoted(firstLost, 60)}). ` +
          'Keep those passages, or delete the citations first.',
      );
    }
  }
  const label = `Edit source ${quoted(fields.title)}`;
  if (sameValues(fields, before)) return runCommand(db, label, () => source);
  return runCommand(db, label, () => {
    updateSource(db, id, fields);
    for (const { id: citationId, locator } of relocated) {
      const citation = getCitation(db, citationId);
      if (citation) updateCitation(db, citationId, { credibility: citation.credibility, comment: citation.comment, locator });
    }
    return getSource(db, id) as Source;
  });
}

/** What deleting a source would take with it: the citations quoting it and what they are on. Writes nothing. */
export function previewSourceDeletion(db: Db, id: string): SourceDeletePreview {
  const source = requireSource(db, id);
  return { source: { id, title: source.title }, ...citationReachOfSource(db, id) };
}

/**
 * Deletes a source as one step. One that citations quote is refused (`conflict`, nothing deleted)
 * unless `withCitations`: an analyst retiring a discredited source retires its evidence with it,
 * and one undo brings the source and every citation back as they were.
 */
export function deleteSourceCommand(db: Db, { id, withCitations = false }: SourceDeleteInput): CommandOutcome<null> {
  const source = requireSource(db, id);
  const { citations } = citationReachOfSource(db, id);
  if (citations > 0 && !withCitations) {
    throw new WorkbenchFailure(
      'conflict',
      `${quoted(source.title)} is quoted by ${plural(citations, 'citation')}; delete it with its citations, or remove those first.`,
    );
  }
  const label =
    citations === 0
      ? `Delete source ${quoted(source.title)}`
      : `Delete the source ${quoted(source.title)} and its ${citations === 1 ? 'citation' : `${formatCount(citations)} citations`}`;
  return runCommand(db, label, () => {
    // Citations first: the store refuses to delete a source that one still quotes.
    deleteCitationsOfSource(db, id);
    deleteSource(db, id);
    return null;
  });
}

function targetLabel(db: Db, target: CitationCreateInput['target']): string {
  if (target.kind === 'entity') {
    const entity = getEntity(db, target.id);
    if (!entity) throw new WorkbenchFailure('not_found', 'The entity to cite is no longer in the case.');
    return quoted(entity.label);
  }
  if (!getLink(db, target.id)) throw new WorkbenchFailure('not_found', 'The link to cite is no longer in the case.');
  return `the link ${linkTitle(db, target.id)}`;
}

const squash = (text: string) => text.trim().split(/\s+/).join(' ');

/** Where a selection stands, counted as `locateQuote` counts (paragraphs split by blank lines). */
function locationOfRange(body: string, start: number, end: number): QuoteLocation {
  return { start, end, paragraph: body.slice(0, start).split(/\n\s*\n/).length };
}

/** The passage, verbatim from the source text, and its locator; refuses a quote the text does not hold. */
function passageInSource(source: Source & { body: string }, input: CitationCreateInput): { quote: string; locator: string } {
  const { body } = source;
  if (input.range) {
    let { start, end } = input.range;
    if (start >= end || end > body.length) {
      throw invalid(`The selection must lie inside the source text (${formatCount(body.length)} characters).`, ['range']);
    }
    // Leading and trailing blanks of a selection are not part of the passage.
    while (start < end && /\s/.test(body.charAt(start))) start++;
    while (end > start && /\s/.test(body.charAt(end - 1))) end--;
    const passage = body.slice(start, end);
    if (passage.length === 0) throw invalid('The selection holds no text.', ['range']);
    if (input.quote !== undefined && squash(input.quote) !== squash(passage)) {
      throw invalid('The quote differs from the selected passage; select the passage again.', ['quote']);
    }
    return { quote: passage, locator: formatLocator(locationOfRange(body, start, end)) };
  }
  const quote = input.quote ?? '';
  if (quote.trim().length === 0) throw invalid('A citation needs the passage it quotes.', ['quote']);
  const location = locateQuote(body, quote);
  if (location === null) {
    throw invalid(
      `That passage does not stand in ${quoted(source.title)}: a citation quotes its source word for word. Select the passage in the source text.`,
      ['quote'],
    );
  }
  return { quote: body.slice(location.start, location.end), locator: formatLocator(location) };
}

/**
 * Cites a source on an entity or link as one step. When the source holds its document text, the
 * quote must stand there (whitespace aside); the passage is stored as the text has it, with its
 * locator. Without a text, the quote is stored as typed with the analyst's locator.
 */
export function createCitationCommand(db: Db, input: CitationCreateInput): CommandOutcome<CitationWithSource> {
  const source = requireSource(db, input.sourceId);
  const onWhat = targetLabel(db, input.target);
  const comment = blankToNull(input.comment);
  let quote: string;
  let locator: string | null;
  if (source.body !== null) {
    ({ quote, locator } = passageInSource({ ...source, body: source.body }, input));
  } else {
    if (input.range) throw invalid(`${quoted(source.title)} has no document text to select from; type the quote instead.`, ['range']);
    quote = (input.quote ?? '').trim();
    locator = blankToNull(input.locator);
  }
  failIfInvalid([...quoteIssues(quote, comment), ...locatorIssues(locator)]);
  return runCommand(db, `Cite ${quoted(source.title, 30)} on ${onWhat}`, () => {
    const citation = insertCitation(db, { sourceId: source.id, target: input.target, quote, locator, credibility: input.credibility, comment });
    return getCitationWithSource(db, citation.id) as CitationWithSource;
  });
}

/**
 * Regrades a citation (credibility 1-6), changes its comment or its locator, as one step; one that
 * ends as it was records no step. The quote itself stays: it is the source's words.
 */
export function updateCitationCommand(db: Db, { id, changes }: CitationUpdateInput): CommandOutcome<CitationWithSource> {
  const citation = getCitation(db, id);
  if (!citation) throw new WorkbenchFailure('not_found', 'That citation is no longer in the case.');
  const fields = {
    credibility: changes.credibility ?? citation.credibility,
    comment: changes.comment === undefined ? citation.comment : blankToNull(changes.comment),
    locator: changes.locator === undefined ? citation.locator : blankToNull(changes.locator),
  };
  failIfInvalid([...quoteIssues(citation.quote, fields.comment), ...locatorIssues(fields.locator)]);
  return runCommand(db, `Edit citation ${quoted(citation.quote, 30)}`, () => {
    updateCitation(db, id, fields);
    return getCitationWithSource(db, id) as CitationWithSource;
  });
}

export function deleteCitationCommand(db: Db, { id }: IdInput): CommandOutcome<null> {
  const citation = getCitation(db, id);
  if (!citation) throw new WorkbenchFailure('not_found', 'That citation is no longer in the case.');
  return runCommand(db, `Delete citation ${quoted(citation.quote, 30)}`, () => {
    deleteCitation(db, id);
    return null;
  });
}
