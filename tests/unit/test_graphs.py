"""Unit tests for generator/graphs.py: strongly connected groups of a directed graph."""

from generator.graphs import strongly_connected


def test_a_cycle_is_one_group_and_the_rest_are_singletons():
    groups = strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert sorted(groups) == [["a", "b", "c"], ["d"]]


def test_a_graph_without_cycles_has_only_singletons():
    assert all(len(g) == 1 for g in strongly_connected({"a": {"b"}, "b": {"c"}, "c": set()}))


def test_a_chain_longer_than_the_recursion_limit_is_fine():
    edges = {str(i): {str(i + 1)} for i in range(5000)} | {"5000": {"0"}}
    assert [len(g) for g in strongly_connected(edges)] == [5001]
