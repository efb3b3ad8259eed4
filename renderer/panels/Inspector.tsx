import { Button, Callout, Classes, NonIdealState, Spinner, Tag } from '@blueprintjs/core';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { mdiAlertCircleOutline, mdiArrowDown, mdiArrowLeft, mdiArrowRight, mdiMinus, mdiCursorDefaultClickOutline } from '@mdi/js';
import type { EntityDetail, LinkDetail, LinkEnd } from '../../app/contract';
import { OffChartLinks } from '../scale/OffChartLinks';
import { formatPeriod, type Attributes, type Entity, type Link } from '../../app/domain';
import { entityTypeDefinition } from '../../app/entityTypes';
import { linkTypeDefinition } from '../../app/linkTypes';
import { useApp } from '../appContext';
import { entityBadgeUri } from '../chart/nodeIcons';
import { Icon } from '../Icon';
import { useStore, type SelectedElement } from '../store';
import { Facts } from '../ui/Facts';
import { ItemNotes } from '../editing/Notes';
import { BulkEditor, EntityEditor, LinkEditor } from '../editing/EntityEditor';
import { CitationList } from './Citations';
import { mostConnected } from './overviewModel';
import { useElementDetail } from './useElementDetail';
import { BUTTON } from '../ui/buttons';

/** The part of a row button's text that gives way (with an ellipsis) when the panel is narrow. */
const ROW_TEXT = `${Classes.FILL} ${Classes.TEXT_OVERFLOW_ELLIPSIS}`;

/** The side panel: what the selected entity or link is, and every piece of evidence for it. */
export function Inspector() {
  const { store } = useApp();
  const selection = useStore(store, (s) => s.selection);
  const caseStatus = useStore(store, (s) => s.caseStatus);
  const single = selection.length === 1 ? (selection[0] ?? null) : null;
  const { state, retry } = useElementDetail(single);

  let body: ReactNode;
  if (caseStatus !== 'open') {
    body = <NonIdealState description="Open a case to inspect its entities and links." />;
  } else if (selection.length === 0) {
    body = <CaseOverview />;
  } else if (selection.length > 1) {
    body = <MultipleSelection selection={selection} />;
  } else if (state === null || state.status === 'loading') {
    body = <NonIdealState icon={<Spinner size={20} aria-hidden="true" />} description={<span role="status">Loading details…</span>} />;
  } else if (state.status === 'error') {
    body = (
      <NonIdealState
        icon={<Icon path={mdiAlertCircleOutline} size={32} />}
        description={<span role="alert">The details could not be loaded: {state.message}</span>}
        action={<Button text="Try again" onClick={retry} />}
      />
    );
  } else if (state.value.kind === 'entity') {
    body = <EntityView detail={state.value.detail} />;
  } else {
    body = <LinkView detail={state.value.detail} />;
  }

  return (
    <div
      className="inspector"
      data-testid="inspector"
      aria-live="polite"
      aria-busy={state?.status === 'loading'}
      aria-label="Inspector"
    >
      {body}
    </div>
  );
}

/** Labels of the entities on the chart, to name the other end of a link. */
function useEntityLabels(): Map<string, Entity> {
  const { store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  return useMemo(() => new Map((chart?.entities ?? []).map((e) => [e.id, e])), [chart]);
}

/**
 * Whether the inspector shows editors: as for the editing commands, once the case's chart is on
 * screen. Until then the same fields are shown read-only, so nothing is ever shown twice.
 */
function useEditable(): boolean {
  const { store } = useApp();
  return useStore(store, (s) => s.caseStatus === 'open' && s.chartStatus === 'ready');
}

function EntityView({ detail }: { detail: EntityDetail }) {
  const { entity, citations, notes, links } = detail;
  const type = entityTypeDefinition(entity.type);
  const period = formatPeriod(entity.startDate, entity.endDate);
  const editable = useEditable();
  return (
    <article className="inspector-body" aria-labelledby="inspector-title">
      <header className="inspector-head">
        <img src={entityBadgeUri(entity.type)} alt="" width={32} height={32} />
        <div>
          <div className="inspector-kind">{type.id === entity.type ? type.label : `${type.label} (${entity.type})`}</div>
          <h2 id="inspector-title" dir="auto">{entity.label}</h2>
        </div>
      </header>
      {editable ? (
        <EntityEditor key={entity.id} entity={entity} />
      ) : (
        <>
          <Facts
            className="attributes"
            rows={[
              entity.aliases.length > 0 && [
                'Also known as',
                <ul key="aliases">
                  {entity.aliases.map((alias) => (
                    <Fragment key={alias}>
                      <li className={`${Classes.TAG} ${Classes.MINIMAL}`} dir="auto">
                        {alias}
                      </li>{' '}
                    </Fragment>
                  ))}
                </ul>,
              ],
              period !== null && ['Period', period],
            ]}
          />
          {entity.description !== null && entity.description !== '' && <p className="description">{entity.description}</p>}
          <AttributeTable attributes={entity.attributes} />
        </>
      )}
      <OffChartLinks entityId={entity.id} />
      <EntityLinks key={entity.id} entity={entity} links={links} ends={detail.linkEnds} />
      <CitationList citations={citations} itemLabel={entity.label} editable={editable} />
      <ItemNotes target={{ kind: 'entity', id: entity.id }} notes={notes} />
    </article>
  );
}

/** Links listed at first, and added by each "Show more": an entity linked to thousands stays quick to inspect. */
export const LINKS_SHOWN = 100;

function EntityLinks({ entity, links, ends }: { entity: Entity; links: readonly Link[]; ends: readonly LinkEnd[] }) {
  const { selectAndFocus } = useApp();
  const onChart = useEntityLabels();
  // The other ends are named from the case, not the chart: most of a hub's neighbours may be off it.
  const entities = useMemo(() => new Map<string, { label: string; type: string }>([...onChart, ...ends.map((e) => [e.id, e] as const)]), [onChart, ends]);
  const [shown, setShown] = useState(LINKS_SHOWN);
  const listed = links.length > shown ? links.slice(0, shown) : links;
  return (
    <section className="inspector-section" aria-labelledby="links-title">
      <h3 id="links-title">
        Links <Tag minimal round>{links.length}</Tag>
      </h3>
      {links.length === 0 ? (
        <p className={Classes.TEXT_MUTED}>Not linked to anything yet.</p>
      ) : (
        <ul className="link-list">
          {listed.map((link) => {
            const outgoing = link.sourceId === entity.id;
            const otherId = outgoing ? link.targetId : link.sourceId;
            const other = entities.get(otherId);
            const definition = linkTypeDefinition(link.type);
            const verb = link.label ?? definition.label;
            const direction = !link.directed ? mdiMinus : outgoing ? mdiArrowRight : mdiArrowLeft;
            const directionText = !link.directed ? 'with' : outgoing ? 'to' : 'from';
            const hostile = definition.tone === 'hostile';
            return (
              <li key={link.id} className={`${Classes.BUTTON_GROUP} ${Classes.MINIMAL} ${Classes.FILL} link-row`}>
                <button
                  type="button"
                  className={`${BUTTON.row} ${Classes.FIXED} ${hostile ? Classes.INTENT_DANGER : ''} link-verb`}
                  onClick={() => selectAndFocus({ kind: 'link', id: link.id })}
                  title={`Select the link: ${outgoing ? entity.label : (other?.label ?? otherId)} ${verb} ${outgoing ? (other?.label ?? otherId) : entity.label}`}
                >
                  <Icon path={direction} size={13} title={directionText} />
                  <span className={hostile ? undefined : Classes.TEXT_MUTED}>{verb}</span>
                </button>
                <button
                  type="button"
                  className={`${BUTTON.row} link-other`}
                  onClick={() => selectAndFocus({ kind: 'entity', id: otherId })}
                  title="Select this entity"
                >
                  <img src={entityBadgeUri(other?.type ?? 'other')} alt="" width={14} height={14} />
                  <span className={ROW_TEXT}>{other?.label ?? 'Unknown entity'}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {links.length > listed.length && (
        <Button
          variant="minimal"
          size="small"
          className="links-more"
          text={`Show ${Math.min(LINKS_SHOWN, links.length - listed.length).toLocaleString('en')} more (${(links.length - listed.length).toLocaleString('en')} not listed)`}
          onClick={() => setShown((n) => n + LINKS_SHOWN)}
        />
      )}
    </section>
  );
}

function LinkView({ detail }: { detail: LinkDetail }) {
  const { selectAndFocus } = useApp();
  const { link, source, target, citations, notes, strength } = detail;
  const definition = linkTypeDefinition(link.type);
  const verb = link.label ?? definition.label;
  const period = formatPeriod(link.startDate, link.endDate);
  const editable = useEditable();
  const end = (entity: Entity) => (
    <button type="button" className={`${BUTTON.row} ${Classes.FILL}`} onClick={() => selectAndFocus({ kind: 'entity', id: entity.id })} title="Select this entity">
      <img src={entityBadgeUri(entity.type)} alt="" width={18} height={18} />
      <span className={ROW_TEXT} dir="auto">{entity.label}</span>
    </button>
  );
  return (
    <article className="inspector-body" aria-labelledby="inspector-title">
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">
            Link · {definition.tone === 'hostile' ? 'hostile' : definition.tone === 'neutral' ? 'neutral' : 'affiliation'}
            {link.directed ? '' : ' · symmetric'}
          </div>
          <h2 id="inspector-title" className={definition.tone === 'hostile' ? 'link-hostile' : undefined}>
            {verb}
          </h2>
        </div>
      </header>
      <div>
        {end(source)}
        <Tag minimal icon={<Icon path={link.directed ? mdiArrowDown : mdiMinus} size={14} />}>{verb}</Tag>
        {end(target)}
      </div>
      {editable ? (
        <LinkEditor key={link.id} link={link} strength={strength} />
      ) : (
        <>
          <Facts
            className="attributes"
            rows={[
              period !== null && ['Period', period],
              link.label !== null && link.label !== definition.label && ['Type', definition.label],
              ['Strength', `${strength.effective}${strength.override === null ? ' (from the evidence)' : ' (set by hand)'}`],
            ]}
          />
          {link.description !== null && link.description !== '' && <p className="description">{link.description}</p>}
          <AttributeTable attributes={link.attributes} />
        </>
      )}
      <CitationList citations={citations} itemLabel={`${source.label} ${verb} ${target.label}`} editable={editable} />
      <ItemNotes target={{ kind: 'link', id: link.id }} notes={notes} />
    </article>
  );
}

function AttributeTable({ attributes }: { attributes: Attributes }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return (
    <section className="inspector-section" aria-labelledby="attributes-title">
      <h3 id="attributes-title">Attributes</h3>
      <Facts className="attributes" rows={entries.map(([key, value]) => [humanise(key), typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value)] as const)} />
    </section>
  );
}

/** "estimated_fighters" reads "Estimated fighters". */
function humanise(key: string): string {
  const spaced = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function MultipleSelection({ selection }: { selection: readonly SelectedElement[] }) {
  const { selectAndFocus, store } = useApp();
  const chart = useStore(store, (s) => s.chart);
  const { entities, links } = useMemo(() => {
    const entityById = new Map((chart?.entities ?? []).map((e) => [e.id, e]));
    const linkById = new Map((chart?.links ?? []).map((l) => [l.id, l]));
    return {
      entities: selection.flatMap((s) => (s.kind === 'entity' ? (entityById.get(s.id) ?? []) : [])),
      links: selection.flatMap((s) => {
        const link = s.kind === 'link' ? linkById.get(s.id) : undefined;
        if (!link) return [];
        return [{ link, source: entityById.get(link.sourceId)?.label ?? '?', target: entityById.get(link.targetId)?.label ?? '?' }];
      }),
    };
  }, [chart, selection]);
  const parts = [
    entities.length > 0 ? `${entities.length} ${entities.length === 1 ? 'entity' : 'entities'}` : null,
    links.length > 0 ? `${links.length} ${links.length === 1 ? 'link' : 'links'}` : null,
  ].filter(Boolean);
  return (
    <div className="inspector-body">
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">Selection</div>
          <h2 id="inspector-title">{parts.join(' and ')}</h2>
        </div>
      </header>
      <BulkEditor selection={selection} />
      <>
        {entities.length > 0 && (
          <section className="inspector-section" aria-label="Selected entities">
            <h3>Entities</h3>
            <ul>
              {entities.map((entity) => (
                <li key={entity.id}>
                  <button type="button" className={`${BUTTON.row} ${Classes.FILL}`} onClick={() => selectAndFocus({ kind: 'entity', id: entity.id })}>
                    <img src={entityBadgeUri(entity.type)} alt="" width={14} height={14} />
                    <span className={ROW_TEXT} dir="auto">{entity.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {links.length > 0 && (
          <section className="inspector-section" aria-label="Selected links">
            <h3>Links</h3>
            <ul>
              {links.map(({ link, source, target }) => {
                const definition = linkTypeDefinition(link.type);
                return (
                  <li key={link.id}>
                    <button type="button" className={`${BUTTON.row} ${Classes.FILL} selection-link`} onClick={() => selectAndFocus({ kind: 'link', id: link.id })}>
                      <span className={Classes.FILL}>
                        {source} <span className={definition.tone === 'hostile' ? 'link-hostile' : Classes.TEXT_MUTED} dir="auto">{link.label ?? definition.label}</span> {target}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </>
    </div>
  );
}

/** With nothing selected: what the case holds, and where to start. */
function CaseOverview() {
  const { store, selectAndFocus } = useApp();
  const info = useStore(store, (s) => s.caseInfo);
  const chart = useStore(store, (s) => s.chart);
  const hubs = useMemo(() => (chart ? mostConnected(chart, 8) : []), [chart]);
  if (!info) return null;
  const counts: [string, number][] = [
    ['Entities', info.counts.entities],
    ['Links', info.counts.links],
    ['Sources', info.counts.sources],
    ['Citations', info.counts.citations],
  ];
  return (
    <div className="inspector-body">
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">Case</div>
          <h2 id="inspector-title" dir="auto">{info.name}</h2>
        </div>
      </header>
      <dl className={`${Classes.CARD} ${Classes.COMPACT} overview-counts`}>
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL}`}>{label}</dt>
            <dd className={Classes.TEXT_LARGE}>
              <strong>{value.toLocaleString('en-GB')}</strong>
            </dd>
          </div>
        ))}
      </dl>
      {hubs.length > 0 && (
        <section className="inspector-section" aria-labelledby="hubs-title">
          <h3 id="hubs-title">Most connected</h3>
          <ul className="hub-list">
            {hubs.map(({ entity, links }) => (
              <li key={entity.id}>
                <button type="button" className={`${BUTTON.row} ${Classes.FILL}`} onClick={() => selectAndFocus({ kind: 'entity', id: entity.id })}>
                  <img src={entityBadgeUri(entity.type)} alt="" width={16} height={16} />
                  <span className={ROW_TEXT} dir="auto">{entity.label}</span>
                  <span className={Classes.TEXT_MUTED} title={`${links} links`}>
                    {links}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Callout intent="primary" compact icon={
          <span className={Classes.ICON}>
            <Icon path={mdiCursorDefaultClickOutline} size={18} />
          </span>
        } className={Classes.TEXT_SMALL}>
        <p>
          Select an entity or a link on the chart to see what is known about it and the evidence for it. Shift-click or
          Shift-drag to select several.
        </p>
      </Callout>
    </div>
  );
}
