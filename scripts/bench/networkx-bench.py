#!/usr/bin/env python3
"""Times networkx on the graph `npm run bench` sends on stdin (used by scripts/bench/analysis.ts).

Input JSON: {"n": N, "edges": [[u, v], ...], "sources": [s, ...] | null}. Nodes are 0..N-1, added
in order. Output JSON: {"networkx": version, "betweenness": {"ms": t, "values": [...]},
"pagerank": {"ms": t, "values": [...]}, "components": {"ms": t, "labels": [...]}} where a
node's component label is the smallest node of its component. Times cover the algorithm only, not building the graph;
PageRank's is the median of "rounds" runs (default 5), betweenness runs once.
With "sources", betweenness runs nx.betweenness_centrality(G, k=len(sources)) with those exact
sources (a Random whose sample() returns them), so every library does the same work.
"""
import json
import random
import sys
import time

import networkx as nx


class FixedSources(random.Random):
    def __init__(self, sources):
        super().__init__(0)
        self._sources = list(sources)

    def sample(self, population, k, **kwargs):
        assert k == len(self._sources)
        return list(self._sources)


def main():
    job = json.load(sys.stdin)
    # Warm up: the first pagerank call imports scipy; that is not the algorithm's time.
    warm = nx.path_graph(10)
    nx.pagerank(warm, weight=None)
    nx.betweenness_centrality(warm)
    G = nx.Graph()
    G.add_nodes_from(range(job['n']))
    G.add_edges_from(job['edges'])
    sources = job.get('sources')
    out = {'networkx': nx.__version__}
    start = time.perf_counter()
    if sources:
        bc = nx.betweenness_centrality(G, k=len(sources), seed=FixedSources(sources))
    else:
        bc = nx.betweenness_centrality(G)
    out['betweenness'] = {'ms': (time.perf_counter() - start) * 1000, 'values': [bc[v] for v in range(job['n'])]}
    times = []
    for _ in range(job.get('rounds', 5)):
        start = time.perf_counter()
        pr = nx.pagerank(G, alpha=0.85, weight=None)
        times.append((time.perf_counter() - start) * 1000)
    out['pagerank'] = {'ms': sorted(times)[len(times) // 2], 'values': [pr[v] for v in range(job['n'])]}
    times = []
    for _ in range(job.get('rounds', 5)):
        start = time.perf_counter()
        components = list(nx.connected_components(G))
        times.append((time.perf_counter() - start) * 1000)
    labels = [0] * job['n']
    for component in components:
        smallest = min(component)
        for v in component:
            labels[v] = smallest
    out['components'] = {'ms': sorted(times)[len(times) // 2], 'labels': labels}
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
