"""Helpers the tests (and the benchmarks) share; test modules never import each other."""
