import type { Source } from '../domain';
import { oneLine } from './text';

/** A source cited by the items of an image, as the footnote needs it (`image.sources`). */
export type CitedSource = Pick<Source, 'id' | 'title' | 'author' | 'publisher' | 'publishedDate' | 'reference'> & {
  /** How many of the image's entities and links cite it. */
  citedBy: number;
};

/**
 * A source's reference is printed only when it is a web address: a reference can also be a file
 * name or a path on the analyst's machine, which an image handed out must never carry.
 */
export function printableReference(reference: string | null): string | null {
  if (reference === null) return null;
  const text = oneLine(reference);
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text)) return null;
  return text.length > 300 ? null : text;
}

/** One footnote line per source: "Title. Author. Publisher, date. https://…". */
export function footnoteEntries(sources: readonly CitedSource[]): string[] {
  // Most-cited first, then by title, so the sources a briefing leans on lead the list.
  const ordered = [...sources].sort((a, b) => b.citedBy - a.citedBy || a.title.localeCompare(b.title));
  return ordered.map((source, index) => {
    const parts = [oneLine(source.title)];
    const author = source.author ? oneLine(source.author) : '';
    if (author) parts.push(author);
    const published = [source.publisher ? oneLine(source.publisher) : '', source.publishedDate ? oneLine(source.publishedDate) : '']
      .filter((p) => p !== '')
      .join(', ');
    if (published) parts.push(published);
    const reference = printableReference(source.reference);
    if (reference) parts.push(reference);
    return `${index + 1}. ${parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ')}.`;
  });
}
