"""Benchmark runner: how good and how fast the optimizer is, measured the same way every time.

Two kinds of instance answer two questions. Classic packing sets with published optima
(`classic`) say how far the core packing is from the best possible answer; generated
campuses and the example kick-offs (`campus`) say how the whole engine scales with the
number of tasks. Every instance runs in a fresh process (`isolate`) so its peak memory
is its own, every answer is checked by a checker that does not share code with the
optimizer (`check`), and `report` turns the rows into Markdown, JSON lines and a plot.
Nothing here asserts on time: benchmarks measure, tests decide.
"""
