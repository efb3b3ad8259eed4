#!/usr/bin/env python3
"""Known answers for app/analysis: every measure of Les Miserables computed by networkx.

Run from the repository root:

    python3 scripts/networkx-reference.py

It reads ../shared/fixtures/graphml/miserables.graphml and writes
app/analysis/fixtures/miserables-networkx.json (and, for analysis weighed by a link attribute,
app/analysis/fixtures/miserables-weight-attribute-networkx.json): the graph (nodes with ids and labels, edges with
their weights, in file order) and networkx's values for each measure, with the exact call that
produced them. The app's tests compare against that file; the app itself never needs Python.

Conventions, matching app/analysis:
- "weighted" uses the graphml edge weight as the edge's strength: eigenvector, PageRank and
  weighted degree take it as a weight; betweenness and closeness take distance = 1/weight, so a
  stronger tie is a shorter one (the edge attribute "distance" below).
- "directed" reads every edge from its graphml source to its target (the file declares
  edgedefault="undirected"; for the directed variant the same text is parsed as directed).
"""
import json
import os
import platform
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHML = os.path.join(ROOT, '..', 'shared', 'fixtures', 'graphml', 'miserables.graphml')
OUT = os.path.join(ROOT, 'app', 'analysis', 'fixtures', 'miserables-networkx.json')
OUT_ATTRIBUTE = os.path.join(ROOT, 'app', 'analysis', 'fixtures', 'miserables-weight-attribute-networkx.json')


def load():
    with open(GRAPHML, encoding='utf-8') as f:
        text = f.read()
    G = nx.read_graphml(GRAPHML)
    # Parse the same text as directed so every edge keeps its source -> target orientation.
    D = nx.parse_graphml(text.replace('edgedefault="undirected"', 'edgedefault="directed"'))
    assert not G.is_directed() and D.is_directed()
    assert G.number_of_edges() == D.number_of_edges(), 'parallel edges would merge differently'
    for H in (G, D):
        for _, _, d in H.edges(data=True):
            d['weight'] = float(d.get('weight', 1.0))
            d['distance'] = 1.0 / d['weight']
    return G, D


def values(mapping):
    return {str(k): float(v) for k, v in mapping.items()}


def main():
    G, D = load()
    n = G.number_of_nodes()
    graphs = {'undirected': G, 'directed': D}
    entries = []

    def add(graph, weighted, measure, spec, call, fn):
        entry = {'graph': graph, 'weighted': weighted, 'measure': measure, 'spec': spec, 'call': call}
        try:
            entry['values'] = values(fn())
        except nx.PowerIterationFailedConvergence as error:
            entry['error'] = {'type': 'PowerIterationFailedConvergence', 'message': str(error)}
        entries.append(entry)

    for name, H in graphs.items():
        g = 'G' if name == 'undirected' else 'D'
        directed = H.is_directed()
        # Unweighted.
        add(name, False, 'degree', {'measure': 'degree'}, f'nx.degree_centrality({g})', lambda H=H: nx.degree_centrality(H))
        add(name, False, 'degree', {'measure': 'degree', 'normalized': False}, f'dict({g}.degree())', lambda H=H: dict(H.degree()))
        if directed:
            add(name, False, 'degree', {'measure': 'degree', 'degreeMode': 'in'}, f'nx.in_degree_centrality({g})', lambda H=H: nx.in_degree_centrality(H))
            add(name, False, 'degree', {'measure': 'degree', 'degreeMode': 'out'}, f'nx.out_degree_centrality({g})', lambda H=H: nx.out_degree_centrality(H))
            add(name, False, 'degree', {'measure': 'degree', 'degreeMode': 'in', 'normalized': False}, f'dict({g}.in_degree())', lambda H=H: dict(H.in_degree()))
        add(name, False, 'betweenness', {'measure': 'betweenness'}, f'nx.betweenness_centrality({g})', lambda H=H: nx.betweenness_centrality(H))
        add(name, False, 'betweenness', {'measure': 'betweenness', 'normalized': False}, f'nx.betweenness_centrality({g}, normalized=False)',
            lambda H=H: nx.betweenness_centrality(H, normalized=False))
        add(name, False, 'closeness', {'measure': 'closeness'}, f'nx.closeness_centrality({g})', lambda H=H: nx.closeness_centrality(H))
        add(name, False, 'closeness', {'measure': 'closeness', 'wfImproved': False}, f'nx.closeness_centrality({g}, wf_improved=False)',
            lambda H=H: nx.closeness_centrality(H, wf_improved=False))
        add(name, False, 'eigenvector', {'measure': 'eigenvector'}, f'nx.eigenvector_centrality({g})', lambda H=H: nx.eigenvector_centrality(H))
        if directed:
            add(name, False, 'eigenvector', {'measure': 'eigenvector', 'maxIter': 1000}, f'nx.eigenvector_centrality({g}, max_iter=1000)',
                lambda H=H: nx.eigenvector_centrality(H, max_iter=1000))
        add(name, False, 'pagerank', {'measure': 'pagerank'}, f'nx.pagerank({g}, alpha=0.85, weight=None)', lambda H=H: nx.pagerank(H, alpha=0.85, weight=None))
        # Weighted: strength = weight, distance = 1/weight.
        add(name, True, 'degree', {'measure': 'degree', 'normalized': False}, f'dict({g}.degree(weight="weight"))', lambda H=H: dict(H.degree(weight='weight')))
        add(name, True, 'degree', {'measure': 'degree'}, f'{{v: d / (n - 1) for v, d in {g}.degree(weight="weight")}}',
            lambda H=H: {v: d / (n - 1) for v, d in H.degree(weight='weight')})
        add(name, True, 'betweenness', {'measure': 'betweenness'}, f'nx.betweenness_centrality({g}, weight="distance")',
            lambda H=H: nx.betweenness_centrality(H, weight='distance'))
        add(name, True, 'closeness', {'measure': 'closeness'}, f'nx.closeness_centrality({g}, distance="distance")',
            lambda H=H: nx.closeness_centrality(H, distance='distance'))
        add(name, True, 'eigenvector', {'measure': 'eigenvector'}, f'nx.eigenvector_centrality({g}, weight="weight")',
            lambda H=H: nx.eigenvector_centrality(H, weight='weight'))
        if directed:
            add(name, True, 'eigenvector', {'measure': 'eigenvector', 'maxIter': 1000}, f'nx.eigenvector_centrality({g}, max_iter=1000, weight="weight")',
                lambda H=H: nx.eigenvector_centrality(H, max_iter=1000, weight='weight'))
        add(name, True, 'pagerank', {'measure': 'pagerank'}, f'nx.pagerank({g}, alpha=0.85, weight="weight")', lambda H=H: nx.pagerank(H, alpha=0.85, weight='weight'))

    # Modularity of the partition the graphml carries (Gephi's "Modularity Class"), and the
    # modularity networkx's own Louvain reaches, as a yardstick for ours.
    classes = {}
    for v, d in G.nodes(data=True):
        classes.setdefault(d['Modularity Class'], set()).add(v)
    partition = [sorted(c) for _, c in sorted(classes.items())]
    louvain = nx.community.louvain_communities(G, seed=1)
    modularity = {
        'partition': {v: int(d['Modularity Class']) for v, d in G.nodes(data=True)},
        'unweighted': nx.community.modularity(G, partition, weight=None),
        'weighted': nx.community.modularity(G, partition, weight='weight'),
        'directedUnweighted': nx.community.modularity(D, partition, weight=None),
        'louvainUnweighted': {
            'call': 'nx.community.louvain_communities(G, seed=1, weight=None) then modularity with weight=None',
            'modularity': nx.community.modularity(G, nx.community.louvain_communities(G, seed=1, weight=None), weight=None),
        },
        'louvainWeighted': {
            'call': 'nx.community.louvain_communities(G, seed=1) then modularity with weight="weight"',
            'modularity': nx.community.modularity(G, louvain, weight='weight'),
        },
    }

    doc = {
        'description': 'Les Miserables co-appearance network with networkx reference values for app/analysis tests.',
        'command': 'python3 scripts/networkx-reference.py',
        'networkx': nx.__version__,
        'python': platform.python_version(),
        # Which interpreter ran it: Debian's /usr/bin/python3 (networkx 2.8.8 on bookworm) and a
        # pip networkx 3.6.1 give the same values for every measure here (to 1e-12).
        'interpreter': sys.executable,
        'source': '../shared/fixtures/graphml/miserables.graphml',
        'conventions': {
            'weighted': 'strength = graphml weight; eigenvector, pagerank, degree use it as weight; betweenness, closeness use distance = 1/weight',
            'directed': 'each edge from its graphml source to its target',
        },
        'graph': {
            'nodes': [{'id': v, 'label': d.get('label', v)} for v, d in G.nodes(data=True)],
            # Edge order and orientation as in the file (the directed parse keeps both).
            'edges': [{'source': u, 'target': v, 'weight': d['weight']} for u, v, d in D.edges(data=True)],
        },
        'measures': entries,
        'modularity': modularity,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {os.path.relpath(OUT, ROOT)}: {len(entries)} measures, networkx {nx.__version__}', file=sys.stderr)
    weight_attribute(G, D)


def weight_attribute(G, D):
    """Analysis weighed by a numeric link attribute ("weight" here), exactly as networkx takes
    `weight="weight"`: a weight for PageRank and degree, a distance (not 1/weight) for shortest
    paths, betweenness and closeness. This is the app's `--weight weight` / Analysis tab choice."""
    entries = []
    paths = []
    for name, H in (('undirected', G), ('directed', D)):
        g = 'G' if name == 'undirected' else 'D'

        def add(measure, spec, call, fn):
            entries.append({'graph': name, 'measure': measure, 'spec': spec, 'call': call, 'values': values(fn())})

        add('pagerank', {'measure': 'pagerank'}, f'nx.pagerank({g}, alpha=0.85, weight="weight")', lambda H=H: nx.pagerank(H, alpha=0.85, weight='weight'))
        add('betweenness', {'measure': 'betweenness'}, f'nx.betweenness_centrality({g}, weight="weight")', lambda H=H: nx.betweenness_centrality(H, weight='weight'))
        add('betweenness', {'measure': 'betweenness', 'normalized': False}, f'nx.betweenness_centrality({g}, normalized=False, weight="weight")',
            lambda H=H: nx.betweenness_centrality(H, normalized=False, weight='weight'))
        add('closeness', {'measure': 'closeness'}, f'nx.closeness_centrality({g}, distance="weight")', lambda H=H: nx.closeness_centrality(H, distance='weight'))
        add('degree', {'measure': 'degree', 'normalized': False}, f'dict({g}.degree(weight="weight"))', lambda H=H: dict(H.degree(weight='weight')))
        # Shortest path lengths (sum of weights) from the first three nodes in file order to every node they reach.
        for source in list(H.nodes())[:3]:
            lengths = nx.single_source_dijkstra_path_length(H, source, weight='weight')
            paths.append({'graph': name, 'source': source, 'call': f'nx.single_source_dijkstra_path_length({g}, {source!r}, weight="weight")',
                          'lengths': {str(k): float(v) for k, v in lengths.items()}})
    doc = {
        'description': 'Les Miserables with networkx values for analysis weighed by the link attribute "weight".',
        'command': 'python3 scripts/networkx-reference.py',
        'networkx': nx.__version__,
        'python': platform.python_version(),
        'source': '../shared/fixtures/graphml/miserables.graphml',
        'attribute': 'weight',
        'conventions': {'weight': 'pagerank and degree take the attribute as a weight; betweenness, closeness and shortest paths take it as the distance'},
        'measures': entries,
        'paths': paths,
    }
    with open(OUT_ATTRIBUTE, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {os.path.relpath(OUT_ATTRIBUTE, ROOT)}: {len(entries)} measures, {len(paths)} path sets', file=sys.stderr)


if __name__ == '__main__':
    main()
