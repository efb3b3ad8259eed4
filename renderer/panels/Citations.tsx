import { useApp } from '../appContext';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, admiraltyGrade, formatPartialDate, type CitationWithSource } from '../../app/domain';

/** "Fairly reliable · Probably true": what an Admiralty grade means. */
export function gradeMeaning(citation: Pick<CitationWithSource, 'credibility' | 'source'>): string {
  return `${RELIABILITY_LABELS[citation.source.reliability]} · ${CREDIBILITY_LABELS[citation.credibility]}`;
}

function sourceByline(source: CitationWithSource['source']): string {
  return [source.author, source.publisher, source.publishedDate ? formatPartialDate(source.publishedDate) : null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
}

/** One piece of evidence: the passage verbatim, where it comes from, and how far it can be trusted. */
export function CitationItem({ citation }: { citation: CitationWithSource }) {
  const grade = admiraltyGrade(citation.source.reliability, citation.credibility);
  const meaning = gradeMeaning(citation);
  const byline = sourceByline(citation.source);
  const { editing } = useApp();
  return (
    <li className="citation">
      <div className="citation-head">
        <span className={`grade grade-${citation.source.reliability}`} title={`Admiralty grade ${grade}: ${meaning}`}>
          {grade}
        </span>
        <span className="grade-meaning">{meaning}</span>
      </div>
      <blockquote className="citation-quote">{citation.quote}</blockquote>
      <div className="citation-source">
        <cite className="source-title">{citation.source.title}</cite>
        {byline !== '' && <span className="source-byline">{byline}</span>}
        <button
          type="button"
          className="button small show-in-source"
          onClick={() => editing.store.setState({ sources: { sourceId: citation.sourceId, citation: { quote: citation.quote, locator: citation.locator } } })}
        >
          Show in source
        </button>
      </div>
      {citation.locator !== null && citation.locator !== '' && (
        <div className="citation-locator">
          <span className="field-label">Locator</span> {citation.locator}
        </div>
      )}
      {citation.comment !== null && citation.comment !== '' && (
        <p className="citation-comment">
          <span className="field-label">Comment</span> {citation.comment}
        </p>
      )}
    </li>
  );
}

export function CitationList({ citations }: { citations: readonly CitationWithSource[] }) {
  return (
    <section className="inspector-section" aria-labelledby="evidence-title">
      <h3 id="evidence-title">
        Evidence <span className="section-count">{citations.length}</span>
      </h3>
      {citations.length === 0 ? (
        <p className="muted">No citation supports this yet.</p>
      ) : (
        <ol className="citation-list">
          {citations.map((citation) => (
            <CitationItem key={citation.id} citation={citation} />
          ))}
        </ol>
      )}
    </section>
  );
}
