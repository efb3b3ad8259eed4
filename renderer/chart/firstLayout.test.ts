import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { byId } from '../analysis/layoutRunner';
import type { ChartElement } from '../../app/chartElements';
import { JobCancelledError, type WorkerLike } from '../analysis/workerClient';
import { createFirstLayoutRunner, elementsLayoutInput, firstLayoutRequest, forceLayoutInput } from './firstLayout';
import { computeFirstLayout, type FirstLayoutWorkerReply, type FirstLayoutWorkerRequest } from './firstLayoutTasks';

/** A small chart: 30 entities in a ring with chords, each at a fixed point. */
function elements(): ElementDefinition[] {
  const nodes: ElementDefinition[] = Array.from({ length: 30 }, (_, i) => ({
    group: 'nodes',
    data: { id: `n${String(i).padStart(2, '0')}`, label: `Entity ${i}`, typeKey: i % 3 === 0 ? 'person' : 'place' },
    position: { x: Math.cos(i) * 200, y: Math.sin(i) * 200 },
  }));
  const edges: ElementDefinition[] = Array.from({ length: 45 }, (_, i) => ({
    group: 'edges',
    data: { id: `e${String(i).padStart(2, '0')}`, source: `n${String(i % 30).padStart(2, '0')}`, target: `n${String((i * 7 + 3) % 30).padStart(2, '0')}` },
  }));
  return [...nodes, ...edges];
}

/** The same chart with its nodes and links added in another order (as links created in one millisecond load). */
function shuffled(list: ElementDefinition[]): ElementDefinition[] {
  const nodes = list.filter((e) => e.group === 'nodes').reverse();
  const edges = list.filter((e) => e.group === 'edges');
  return [...nodes, ...edges.slice(20), ...edges.slice(0, 20).reverse()];
}

const chart = (defs: ElementDefinition[]) => cytoscape({ headless: true, styleEnabled: true, elements: defs, layout: { name: 'preset' } });

describe('the first layout does not depend on the order the chart was loaded in', () => {
  it('asks the same of fCoSE and gets the same positions back', async () => {
    const a = chart(elements());
    const b = chart(shuffled(elements()));
    // The order differs as drawn…
    expect(a.edges().map((e) => e.id())).not.toEqual(b.edges().map((e) => e.id()));
    // …not as asked.
    const requestA = firstLayoutRequest(a);
    const requestB = firstLayoutRequest(b);
    expect(requestB).toEqual(requestA);
    expect(await computeFirstLayout(requestB, () => 0)).toEqual(await computeFirstLayout(requestA, () => 0));
  });

  it('gives the large-chart force layout its nodes and links in one order too', () => {
    expect(forceLayoutInput(chart(shuffled(elements())))).toEqual(forceLayoutInput(chart(elements())));
  });

  it('orders nodes and links as byId orders the elements (the order layoutRequest gives fCoSE)', () => {
    const cy = chart(shuffled(elements()));
    const ids = cy.nodes().sort(byId).map((node) => node.id());
    const at = new Map(ids.map((id, i) => [id, i]));
    const edges = cy
      .edges()
      .sort(byId)
      .map((edge) => [at.get(edge.data('source') as string)!, at.get(edge.data('target') as string)!]);
    expect(forceLayoutInput(cy)).toEqual({ ids, edges });
  });
});

/** The chart's elements as the controller has them before Cytoscape holds them. */
function chartElementsOf(defs: ElementDefinition[]): ChartElement[] {
  return defs.map((d): ChartElement =>
    d.group === 'nodes'
      ? { group: 'nodes', data: { id: d.data.id!, label: String(d.data.label), typeKey: String(d.data.typeKey), citations: 0, degree: 0 }, classes: '' }
      : { group: 'edges', data: { id: d.data.id!, source: String(d.data.source), target: String(d.data.target), label: '', tone: 'neutral', citations: 0 }, classes: '' },
  );
}

describe('the layout input made before Cytoscape is built', () => {
  it('is the input made from the chart once drawn, whatever the order', () => {
    const drawn = forceLayoutInput(chart(elements()));
    expect(elementsLayoutInput(chartElementsOf(elements()))).toEqual(drawn);
    expect(elementsLayoutInput(chartElementsOf(shuffled(elements())))).toEqual(drawn);
  });
});

/** A worker that answers when told to, and counts how many were started and stopped. */
function fakeWorkers() {
  const started: { requests: FirstLayoutWorkerRequest[]; terminated: boolean; reply: (message: FirstLayoutWorkerReply) => void }[] = [];
  const start = (): WorkerLike => {
    const listeners: ((event: MessageEvent) => void)[] = [];
    const record = {
      requests: [] as FirstLayoutWorkerRequest[],
      terminated: false,
      reply: (message: FirstLayoutWorkerReply) => {
        for (const listener of listeners) listener({ data: message } as MessageEvent);
      },
    };
    started.push(record);
    return {
      postMessage: (message) => record.requests.push(message as FirstLayoutWorkerRequest),
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'message') listeners.push(listener as (event: MessageEvent) => void);
      },
      terminate: () => {
        record.terminated = true;
      },
    };
  };
  return { started, start };
}

describe('the first-layout runner', () => {
  const input = { ids: ['a', 'b', 'c'], edges: [[0, 1] as const, [1, 2] as const] };

  it('starts its worker when warmed, before any layout is asked', () => {
    const workers = fakeWorkers();
    const runner = createFirstLayoutRunner(workers.start);
    expect(workers.started).toHaveLength(0);
    runner.warm();
    expect(workers.started).toHaveLength(1);
    runner.start({ kind: 'force', input });
    expect(workers.started).toHaveLength(1);
    expect(workers.started[0]!.requests).toEqual([{ type: 'run', id: 1, layout: { kind: 'force', input } }]);
  });

  it('maps the force layout\'s array of x, y pairs to the input\'s ids', async () => {
    const workers = fakeWorkers();
    const runner = createFirstLayoutRunner(workers.start);
    const job = runner.start({ kind: 'force', input });
    workers.started[0]!.reply({ type: 'done', id: 1, answer: { xy: Float64Array.of(1, 2, 3, 4, 5, 6), ms: 1 } });
    expect((await job.promise).positions).toEqual(
      new Map([
        ['a', { x: 1, y: 2 }],
        ['b', { x: 3, y: 4 }],
        ['c', { x: 5, y: 6 }],
      ]),
    );
  });

  it('refuses an answer of the wrong length', async () => {
    const workers = fakeWorkers();
    const job = createFirstLayoutRunner(workers.start).start({ kind: 'force', input });
    workers.started[0]!.reply({ type: 'done', id: 1, answer: { xy: Float64Array.of(1, 2), ms: 1 } });
    await expect(job.promise).rejects.toThrow('The layout answered 1 positions for 3 entities.');
  });

  it('stops a worker still computing a cancelled layout, and the next layout gets a fresh one', async () => {
    const workers = fakeWorkers();
    const runner = createFirstLayoutRunner(workers.start);
    const first = runner.start({ kind: 'force', input });
    first.cancel();
    await expect(first.promise).rejects.toBeInstanceOf(JobCancelledError);
    expect(workers.started[0]!.terminated).toBe(true);
    // Started again at once, ready for the next chart.
    expect(workers.started).toHaveLength(2);
    const second = runner.start({ kind: 'force', input });
    expect(workers.started[1]!.requests).toHaveLength(1);
    const id = workers.started[1]!.requests[0]!.id;
    workers.started[1]!.reply({ type: 'done', id, answer: { xy: Float64Array.of(0, 0, 1, 1, 2, 2), ms: 1 } });
    expect((await second.promise).positions.get('c')).toEqual({ x: 2, y: 2 });
  });

  it('leaves the worker running when the cancelled layout was already answered', async () => {
    const workers = fakeWorkers();
    const runner = createFirstLayoutRunner(workers.start);
    const job = runner.start({ kind: 'force', input });
    workers.started[0]!.reply({ type: 'done', id: 1, answer: { xy: Float64Array.of(0, 0, 1, 1, 2, 2), ms: 1 } });
    await job.promise;
    job.cancel();
    expect(workers.started[0]!.terminated).toBe(false);
    expect(workers.started).toHaveLength(1);
  });
});

describe('the force layout\'s answer', () => {
  it('is one x, y pair a node, in the order of the input', async () => {
    const cy = chart(elements());
    const request = { kind: 'force' as const, input: forceLayoutInput(cy) };
    const answer = await computeFirstLayout(request, () => 0);
    if (!('xy' in answer)) throw new Error('the force layout answers an array');
    expect(answer.xy).toHaveLength(cy.nodes().length * 2);
    expect(Array.from(answer.xy).every(Number.isFinite)).toBe(true);
  });
});
