import type { SourceDeletePreview } from '../../app/contract';
import type { Citation, Credibility, Source } from '../../app/domain';
import type { CitationUpdateInput } from '../../app/editing/schemas';
import { blankToNull, formatCount, locatorIssues, quoteIssues } from '../../app/editing/validate';

/**
 * The sentences and checks behind editing evidence: regrading a citation, removing it, deleting a
 * source. Pure, so the inspector, the sources window and their tests read the same words.
 */

export type CitationChanges = CitationUpdateInput['changes'];

/** What the analyst has typed in a citation's edit form. */
export interface CitationDraft {
  credibility: Credibility;
  comment: string;
  locator: string;
}

/** “Iyad ag Ghali was named emir…”: a quote shortened to fit a sentence, on one line. */
export function shortQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/**
 * What saving a citation's edit form changes (only what differs, so an unchanged form records no
 * step), or the sentence that refuses it and the field at fault. Comment and locator are checked
 * as main checks them.
 */
export function citationChanges(
  citation: Pick<Citation, 'quote' | 'credibility' | 'comment' | 'locator'>,
  draft: CitationDraft,
): { ok: true; changes: CitationChanges } | { ok: false; message: string; field: 'comment' | 'locator' } {
  const comment = blankToNull(draft.comment);
  const locator = blankToNull(draft.locator);
  const commentIssue = quoteIssues(citation.quote, comment).find((i) => i.path[0] === 'comment');
  if (commentIssue) return { ok: false, message: commentIssue.message, field: 'comment' };
  const locatorIssue = locatorIssues(locator)[0];
  if (locatorIssue) return { ok: false, message: locatorIssue.message, field: 'locator' };
  const changes: CitationChanges = {};
  if (draft.credibility !== citation.credibility) changes.credibility = draft.credibility;
  if (comment !== citation.comment) changes.comment = comment;
  if (locator !== citation.locator) changes.locator = locator;
  return { ok: true, changes };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Where a quote stands in its source's text: the locator's "chars 1024–1130" when the passage is
 * there, else its first occurrence. A locator the analyst edited by hand may name other
 * characters; the highlight never shows a passage that is not the quote.
 */
export function passageOf(body: string, quote: string, locator: string | null): { start: number; end: number } | null {
  const match = locator ? /chars?\s+(\d+)\s*[-–]\s*(\d+)/.exec(locator) : null;
  if (match) {
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (end > start && end <= body.length && squash(body.slice(start, end)) === squash(quote)) return { start, end };
  }
  const at = body.indexOf(quote);
  return at >= 0 ? { start: at, end: at + quote.length } : null;
}

/** What removing a citation takes away (this quote on this item) and what stays (the source). */
export function citationRemovalSummary(citation: Pick<Citation, 'quote'> & { source: Pick<Source, 'title'> }, itemLabel: string): string {
  return (
    `This removes the quote ${shortQuote(citation.quote)} from ${itemLabel}. ` +
    `The source ${shortQuote(citation.source.title)} stays in the case, with its other citations.`
  );
}

const count = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What deleting a source takes with it, said before anything goes, and the words of its button. */
export interface SourceDeletionPlan {
  /** Whether the citations quoting it go too (the `withCitations` of `source.delete`). */
  withCitations: boolean;
  /** Exactly what goes and what stays. */
  message: string;
  /** The destructive button: names what it deletes. */
  action: string;
  /** The notice once it has gone. */
  done: string;
}

/**
 * What deleting a source means, from main's count of the citations quoting it. Those citations go
 * with it (an analyst retiring a discredited source retires its evidence); the entities and links
 * they support stay, and their derived strengths follow what evidence remains.
 */
export function sourceDeletion(preview: Pick<SourceDeletePreview, 'citations' | 'entities' | 'links'> & { source: { title: string } }): SourceDeletionPlan {
  const title = shortQuote(preview.source.title);
  const { citations, entities, links } = preview;
  if (citations === 0) {
    return { withCitations: false, message: `Delete the source ${title}? No citation quotes it.`, action: 'Delete source', done: `Deleted the source ${title}.` };
  }
  const kinds = [entities > 0 ? count(entities, 'entity', 'entities') : null, links > 0 ? count(links, 'link') : null].filter((k) => k !== null);
  const on = kinds.length === 2 ? `${count(entities + links, 'item')} (${kinds.join(' and ')})` : (kinds[0] ?? '');
  const what = citations === 1 ? 'the citation that quotes it' : `the ${formatCount(citations)} citations that quote it`;
  const its = citations === 1 ? 'its citation' : `its ${count(citations, 'citation')}`;
  return {
    withCitations: true,
    message:
      `Deleting the source ${title} also deletes ${what}, on ${on}. ` +
      'Those entities and links stay; the strength of a link drawn from its evidence follows the citations that remain.',
    action: `Delete source and ${citations === 1 ? 'its citation' : count(citations, 'citation')}`,
    done: `Deleted the source ${title} and ${its}.`,
  };
}
