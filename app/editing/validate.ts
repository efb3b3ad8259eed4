import { comparePartialDates, formatPartialDate, isPartialDate, type Attributes, type PartialDate } from '../domain';
import type { ValidationIssue } from '../result';

/**
 * What an analyst may type, checked the same way by the inspector (inline, as they type) and by
 * main (before anything is written). Each check returns issues with a sentence for the analyst;
 * nothing here throws. Values are normalised first (trimmed, blanks to null) by `normalise*`.
 */

export const LIMITS = {
  /** Characters; the store's CHECK allows the same. */
  label: 1_000,
  alias: 1_000,
  aliases: 500,
  type: 100,
  description: 100_000,
  attributes: 500,
  attributeKey: 200,
  attributeValue: 10_000,
  linkLabel: 1_000,
  sourceTitle: 2_000,
  sourceField: 1_000,
  reference: 4_096,
  /** UTF-8 bytes of a source's document text. */
  sourceBodyBytes: 20 * 1024 * 1024,
  quote: 100_000,
  comment: 10_000,
  /** Where a quote stands ("p. 12", "para. 3, chars 1024–1130"); the citation schemas cap it alike. */
  locator: 1_000,
  author: 1_000,
  /** UTF-8 bytes of a note's Markdown: a 1 MB note is fine, 2 MB is the most one note holds. */
  noteBytes: 2 * 1024 * 1024,
  annotationText: 10_000,
} as const;

/** "1,000": numbers in messages, the same in every locale (tests and screenshots read them). */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "2.4 MB", "640 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The UTF-8 size of a string (what the case file stores), without Buffer or TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Trimmed, or null when nothing is left. */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}

const issue = (path: (string | number)[], message: string): ValidationIssue => ({ path, message });

function tooLong(what: string, limit: number, length: number): string {
  return `${what} can be at most ${formatCount(limit)} characters; this one has ${formatCount(length)}.`;
}

/** Label checks shared by entities (and by the alias a merge turns a label into). */
export function labelIssues(label: string, path: (string | number)[] = ['label']): ValidationIssue[] {
  const trimmed = label.trim();
  if (trimmed.length === 0) return [issue(path, 'An entity needs a label.')];
  if (trimmed.length > LIMITS.label) return [issue(path, tooLong('A label', LIMITS.label, trimmed.length))];
  return [];
}

/** Start and end: each a partial date, the end not before the start. */
export function periodIssues(startDate: PartialDate | null, endDate: PartialDate | null): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const shape = 'is a year, a month or a day, written 2017, 2017-03 or 2017-03-02';
  if (startDate !== null && !isPartialDate(startDate)) issues.push(issue(['startDate'], `The start date ${shape}.`));
  if (endDate !== null && !isPartialDate(endDate)) issues.push(issue(['endDate'], `The end date ${shape}.`));
  if (issues.length === 0 && startDate !== null && endDate !== null && comparePartialDates(endDate, startDate) < 0) {
    issues.push(
      issue(['endDate'], `The end date (${formatPartialDate(endDate)}) is before the start date (${formatPartialDate(startDate)}).`),
    );
  }
  return issues;
}

export function attributeIssues(attributes: Attributes): ValidationIssue[] {
  const entries = Object.entries(attributes);
  if (entries.length > LIMITS.attributes) {
    return [issue(['attributes'], `An item can have at most ${formatCount(LIMITS.attributes)} attributes; this one has ${formatCount(entries.length)}.`)];
  }
  const issues: ValidationIssue[] = [];
  for (const [key, value] of entries) {
    if (key.trim().length === 0) issues.push(issue(['attributes'], 'An attribute needs a name.'));
    else if (key.length > LIMITS.attributeKey) issues.push(issue(['attributes', key], tooLong('An attribute name', LIMITS.attributeKey, key.length)));
    if (typeof value === 'number' && !Number.isFinite(value)) issues.push(issue(['attributes', key], `The attribute “${key.slice(0, 50)}” must be a finite number.`));
    if (typeof value === 'string' && value.length > LIMITS.attributeValue) {
      issues.push(issue(['attributes', key], tooLong(`The attribute “${key.slice(0, 50)}”`, LIMITS.attributeValue, value.length)));
    }
  }
  return issues;
}

function typeIssues(type: string, what: 'entity' | 'link'): ValidationIssue[] {
  const trimmed = type.trim();
  if (trimmed.length === 0) return [issue(['type'], `Choose a type for the ${what}.`)];
  if (trimmed.length > LIMITS.type) return [issue(['type'], tooLong('A type id', LIMITS.type, trimmed.length))];
  return [];
}

function optionalTextIssues(value: string | null, path: string, what: string, limit: number): ValidationIssue[] {
  return value !== null && value.length > limit ? [issue([path], tooLong(what, limit, value.length))] : [];
}

const COLOR = /^#[0-9a-f]{6}$/;

/** `#RRGGBB` in lower case, or null (blank = the type's own colour). Invalid input is returned as typed for the check to report. */
export function normaliseColor(color: string | null | undefined): string | null {
  const value = blankToNull(color);
  return value === null ? null : value.toLowerCase();
}

export function colorIssues(color: string | null): ValidationIssue[] {
  return color !== null && !COLOR.test(color) ? [issue(['color'], 'A colour is written #rrggbb, for example #d62728.')] : [];
}

/** An entity's editable fields, as the inspector and `entity.create` give them. */
export interface EntityFields {
  type: string;
  label: string;
  aliases: string[];
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
  color: string | null;
}

/** Aliases trimmed, without blanks, duplicates (ignoring case) or a copy of the label. */
export function normaliseAliases(label: string, aliases: readonly string[]): string[] {
  const seen = new Set([label.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = alias.toLowerCase();
    if (alias.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

export function normaliseEntityFields(fields: EntityFields): EntityFields {
  const label = fields.label.trim();
  return {
    type: fields.type.trim(),
    label,
    aliases: normaliseAliases(label, fields.aliases),
    description: blankToNull(fields.description),
    startDate: blankToNull(fields.startDate),
    endDate: blankToNull(fields.endDate),
    attributes: fields.attributes,
    color: normaliseColor(fields.color),
  };
}

/** Every problem with an entity's (normalised) fields; empty when it can be saved. */
export function entityIssues(fields: EntityFields): ValidationIssue[] {
  const issues = [...typeIssues(fields.type, 'entity'), ...labelIssues(fields.label)];
  if (fields.aliases.length > LIMITS.aliases) {
    issues.push(issue(['aliases'], `An entity can have at most ${formatCount(LIMITS.aliases)} aliases; this one has ${formatCount(fields.aliases.length)}.`));
  }
  fields.aliases.forEach((alias, i) => {
    if (alias.length > LIMITS.alias) issues.push(issue(['aliases', i], tooLong('An alias', LIMITS.alias, alias.length)));
  });
  issues.push(
    ...optionalTextIssues(fields.description, 'description', 'A description', LIMITS.description),
    ...periodIssues(fields.startDate, fields.endDate),
    ...attributeIssues(fields.attributes),
    ...colorIssues(fields.color),
  );
  return issues;
}

/** A link's editable fields (its ends are checked against the case by main). */
export interface LinkFields {
  type: string;
  directed: boolean;
  label: string | null;
  description: string | null;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  attributes: Attributes;
}

export function normaliseLinkFields<T extends LinkFields>(fields: T): T {
  return {
    ...fields,
    type: fields.type.trim(),
    label: blankToNull(fields.label),
    description: blankToNull(fields.description),
    startDate: blankToNull(fields.startDate),
    endDate: blankToNull(fields.endDate),
  };
}

export function linkIssues(fields: LinkFields): ValidationIssue[] {
  return [
    ...typeIssues(fields.type, 'link'),
    ...optionalTextIssues(fields.label, 'label', 'A link label', LIMITS.linkLabel),
    ...optionalTextIssues(fields.description, 'description', 'A description', LIMITS.description),
    ...periodIssues(fields.startDate, fields.endDate),
    ...attributeIssues(fields.attributes),
  ];
}

/** A source's fields, as `source.create` takes them. */
export interface SourceFields {
  title: string;
  author: string | null;
  publisher: string | null;
  publishedDate: PartialDate | null;
  reference: string | null;
  body: string | null;
}

export function sourceIssues(fields: SourceFields): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const title = fields.title.trim();
  if (title.length === 0) issues.push(issue(['title'], 'A source needs a title.'));
  else if (title.length > LIMITS.sourceTitle) issues.push(issue(['title'], tooLong('A title', LIMITS.sourceTitle, title.length)));
  issues.push(
    ...optionalTextIssues(fields.author, 'author', 'An author', LIMITS.sourceField),
    ...optionalTextIssues(fields.publisher, 'publisher', 'A publisher', LIMITS.sourceField),
    ...optionalTextIssues(fields.reference, 'reference', 'A reference', LIMITS.reference),
  );
  if (fields.publishedDate !== null && !isPartialDate(fields.publishedDate)) {
    issues.push(issue(['publishedDate'], 'The publication date is a year, a month or a day, written 2017, 2017-03 or 2017-03-02.'));
  }
  if (fields.body !== null) {
    const bytes = utf8Length(fields.body);
    if (bytes > LIMITS.sourceBodyBytes) {
      issues.push(issue(['body'], `A source document can hold up to ${formatBytes(LIMITS.sourceBodyBytes)} of text; this one is ${formatBytes(bytes)}.`));
    }
  }
  return issues;
}

/** A note's Markdown: some text, at most 2 MB. */
export function noteBodyIssues(body: string): ValidationIssue[] {
  if (body.trim().length === 0) return [issue(['body'], 'A note needs some text.')];
  const bytes = utf8Length(body);
  if (bytes > LIMITS.noteBytes) {
    return [
      issue(
        ['body'],
        `A note can hold up to ${formatBytes(LIMITS.noteBytes)} of text; this one is ${formatBytes(bytes)}. Split it into several notes.`,
      ),
    ];
  }
  return [];
}

export function noteAuthorIssues(author: string | null): ValidationIssue[] {
  return optionalTextIssues(author, 'author', 'An author', LIMITS.author);
}

export function quoteIssues(quote: string, comment: string | null): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const trimmed = quote.trim();
  if (trimmed.length === 0) issues.push(issue(['quote'], 'A citation needs the passage it quotes.'));
  else if (trimmed.length > LIMITS.quote) issues.push(issue(['quote'], tooLong('A quote', LIMITS.quote, trimmed.length)));
  issues.push(...optionalTextIssues(comment, 'comment', 'A comment', LIMITS.comment));
  return issues;
}

/** A citation's locator, trimmed (null: none). */
export function locatorIssues(locator: string | null): ValidationIssue[] {
  return optionalTextIssues(locator, 'locator', 'A locator', LIMITS.locator);
}

export function annotationTextIssues(text: string): ValidationIssue[] {
  if (text.trim().length === 0) return [issue(['text'], 'A callout needs some text.')];
  if (text.length > LIMITS.annotationText) return [issue(['text'], tooLong('A callout', LIMITS.annotationText, text.length))];
  return [];
}

/** A latitude and longitude in WGS 84 degrees: what the inspector and main both check. */
export function coordinateIssues(latitude: number, longitude: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    issues.push({ path: ['latitude'], message: 'A latitude is a number of degrees from -90 (south) to 90 (north).' });
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    issues.push({ path: ['longitude'], message: 'A longitude is a number of degrees from -180 (west) to 180 (east).' });
  }
  return issues;
}
