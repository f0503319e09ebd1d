"""Reads and writes the benchmarks use on a graph of their own: count and clear it.

The schema's migration markers are kept, so a cleared graph needs no migration again.
"""

from __future__ import annotations

# How many nodes the graph holds besides the migration markers: -> count
NODE_COUNT = "MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS count"

# Every node but the migration markers, deleted in batches (run outside a transaction).
WIPE = "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS"
