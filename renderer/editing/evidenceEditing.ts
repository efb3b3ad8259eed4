import type { Citation, Credibility, Source } from '../../app/domain';
import type { CitationUpdateInput } from '../../app/editing/schemas';
import { blankToNull, quoteIssues } from '../../app/editing/validate';

/**
 * The sentences and checks behind editing evidence: regrading a citation, removing it, deleting a
 * source. Pure, so the inspector, the sources window and their tests read the same words.
 */

export type CitationChanges = CitationUpdateInput['changes'];

/** What the analyst has typed in a citation's edit form. */
export interface CitationDraft {
  credibility: Credibility;
  comment: string;
}

/** “Iyad ag Ghali was named emir…”: a quote shortened to fit a sentence, on one line. */
export function shortQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/**
 * What saving a citation's edit form changes (only what differs, so an unchanged form records no
 * step), or the sentence that refuses it. The comment is checked as main checks it.
 */
export function citationChanges(
  citation: Pick<Citation, 'quote' | 'credibility' | 'comment'>,
  draft: CitationDraft,
): { ok: true; changes: CitationChanges } | { ok: false; message: string } {
  const comment = blankToNull(draft.comment);
  const issue = quoteIssues(citation.quote, comment).find((i) => i.path[0] === 'comment');
  if (issue) return { ok: false, message: issue.message };
  const changes: CitationChanges = {};
  if (draft.credibility !== citation.credibility) changes.credibility = draft.credibility;
  if (comment !== citation.comment) changes.comment = comment;
  return { ok: true, changes };
}

/** What removing a citation takes away (this quote on this item) and what stays (the source). */
export function citationRemovalSummary(citation: Pick<Citation, 'quote'> & { source: Pick<Source, 'title'> }, itemLabel: string): string {
  return (
    `This removes the quote ${shortQuote(citation.quote)} from ${itemLabel}. ` +
    `The source ${shortQuote(citation.source.title)} stays in the case, with its other citations.`
  );
}

/**
 * Whether a source may be deleted, in a sentence. A source that citations quote is refused with
 * their number: deleting it would take evidence with it, which no single step here offers.
 */
export function sourceDeletion(source: { title: string; citations: number }): { allowed: boolean; message: string } {
  const title = shortQuote(source.title);
  if (source.citations > 0) {
    const count = source.citations === 1 ? '1 citation quotes it' : `${source.citations} citations quote it`;
    return {
      allowed: false,
      message:
        `${title} cannot be deleted: ${count}. Nothing has been deleted. ` +
        'Remove those citations first (select each item they support, then Remove in the inspector’s Evidence list).',
    };
  }
  return { allowed: true, message: `Delete the source ${title}? No citation quotes it.` };
}
