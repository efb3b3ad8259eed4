import { Button, Callout, Classes, InputGroup, Menu } from '@blueprintjs/core';
import { SearchIcon } from '@blueprintjs/icons';
import { Classes as SelectClasses } from '@blueprintjs/select';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../app/editing/types';
import { useApp } from '../appContext';
import { caseQuery, useSearch } from '../data/caseHooks';
import { useStore } from '../store';

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  entity: 'Entity',
  link: 'Link',
  note: 'Note',
  citation: 'Citation',
  annotation: 'Callout',
};

/**
 * Ctrl+F: full-text search over the case; snippets are text with highlighted runs, never HTML.
 * Drawn as Blueprint's omnibar (as the command palette), but not modal: the chart stays usable.
 */
export function SearchBox() {
  const { api, caseData, editing, selectAndFocus, store, scale } = useApp();
  const open = useStore(editing.store, (s) => s.searchOpen);
  const chart = useStore(store, (s) => s.chart);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ text: string; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  // The query runs once typing pauses, through the case cache (an edit refreshes the hits).
  const [query, setQuery] = useState<string | null>(null);
  useEffect(() => {
    if (!open || text.trim() === '') return;
    const timer = setTimeout(() => setQuery(text), 150);
    return () => clearTimeout(timer);
  }, [open, text]);
  const answer = useSearch(open ? query : null, 30).state;
  const [seen, setSeen] = useState<unknown>(null);
  if (answer !== seen) {
    setSeen(answer);
    if (answer?.status === 'ready' && query !== null) {
      if (found?.hits !== answer.value) {
        setFound({ text: query, hits: answer.value });
        if (found?.text !== query) setActive(0);
      }
      setError(null);
    } else if (answer?.status === 'error') setError(answer.message);
  }

  if (!open) return null;
  const hits = found !== null && text.trim() !== '' ? found.hits : null;
  const close = () => editing.store.setState({ searchOpen: false });
  // The chart is a view onto the case: an entity found may not be on it yet.
  const onChart = new Set(chart?.entities.map((e) => e.id) ?? []);
  const offChart = (hit: SearchHit) => hit.focus?.kind === 'entity' && !onChart.has(hit.focus.id);
  const pick = (hit: SearchHit | undefined) => {
    if (!hit?.focus) return;
    const focus = hit.focus;
    if (offChart(hit)) void scale.add([focus.id], hit.title).then(() => editing.selectWhenShown(focus));
    else selectAndFocus(focus);
    close();
  };
  /**
   * Enter picks the highlighted result of what is typed now. Typed or pasted text whose results
   * have not come yet (the query waits 150 ms for the typing to pause) is searched at once, so
   * Enter never picks a result of the text that was there before.
   */
  const pickOnEnter = async () => {
    if (found !== null && found.text === text) {
      pick(found.hits[active]);
      return;
    }
    if (text.trim() === '') return;
    const result = await caseData.queries.answer(caseQuery.search(api, text, 30));
    if (result.status === 'ready') pick(result.value[0]);
    else if (result.status === 'error') setError(result.message);
  };
  const addAll = async () => {
    if (found === null) return;
    const result = await api['search.query']({ text: found.text, limit: 500, kinds: ['entity'] });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    await scale.add(
      result.value.map((hit) => hit.id),
      `Results for “${found.text}”`,
    );
  };
  const offChartHits = hits?.filter(offChart).length ?? 0;
  const activeId = hits !== null && hits[active] ? `search-hit-${active}` : undefined;
  return (
    <div className={`${SelectClasses.OMNIBAR} ${Classes.OVERLAY_CONTENT}`} role="search" data-testid="search-box">
      <InputGroup
        dir="auto"
        autoFocus
        type="search"
        size="large"
        leftIcon={<SearchIcon />}
        aria-label="Search the case"
        aria-controls={hits !== null ? 'search-results' : undefined}
        aria-activedescendant={activeId}
        placeholder="Search labels, aliases, notes, quotes…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, (hits?.length ?? 1) - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') void pickOnEnter();
          else return;
          e.preventDefault();
        }}
      />
      {error !== null && (
        <Callout compact intent="danger">
          {error}
        </Callout>
      )}
      {hits !== null && (
        <Menu id="search-results" role="listbox" aria-label="Search results">
          {hits.length === 0 && (
            <li className={`${Classes.MENU_ITEM} ${Classes.DISABLED}`} role="option" aria-disabled aria-selected={false}>
              Nothing found.
            </li>
          )}
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!hit.focus}
              className={[Classes.MENU_ITEM, i === active ? Classes.ACTIVE : '', hit.focus ? '' : Classes.DISABLED].join(' ')}
              // The focus stays in the field; a click picks the hit as Enter would.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
            >
              {/* Its title, its snippet under the title, then its kind at the end as a shortcut is. */}
              <div className={Classes.FILL}>
                <strong dir="auto">{hit.title}</strong>
                <div className={`${Classes.TEXT_MUTED} search-snippet`} dir="auto">
                  {hit.snippet.map((part, j) => (part.match ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>))}
                </div>
              </div>
              <span className={`${Classes.MENU_ITEM_LABEL} ${Classes.TEXT_SMALL}`}>
                {KIND_LABEL[hit.kind]}
                {offChart(hit) ? ' · not on the chart' : ''}
              </span>
            </li>
          ))}
        </Menu>
      )}
      {offChartHits > 0 && (
        <Button fill variant="minimal" alignText="start" intent="primary" data-testid="search-add-all" onClick={() => void addAll()}>
          Add the entities found to the chart
        </Button>
      )}
    </div>
  );
}
