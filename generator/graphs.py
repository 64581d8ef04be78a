"""Graphs: strongly connected groups in a directed graph, for the rules and checks that look for
cycles (a pattern superseding itself through others; a module importing itself back)."""

from __future__ import annotations


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components, each sorted, singletons included (Tarjan's algorithm,
    iterative: chains can be long)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    out.append(sorted(component))
            elif step not in index:
                index[step] = low[step] = len(index)
                stack.append(step)
                on_stack.add(step)
                work.append((step, iter(sorted(edges.get(step, ())))))
            elif step in on_stack:
                low[node] = min(low[node], index[step])
    return out
