"""Cosines of a table of stored unit vectors to a few query vectors, on the CPU.

The matching index compares every document it holds with a request's queries (the text and
each skill): a tall (N, d) float32 table times a handful of vectors, which reads the whole
table once a request and is bound by memory speed. numpy's bundled BLAS ran that product at
less than half the speed of torch's kernel on the 2-core reference machine, one thread each
(26,622 rows of 384 by 6 queries: 11.0 ms for `q @ V.T`, 7.3 ms for `V @ q.T`, 4.7 ms in
torch; 52, 36 and 23 ms at 132,790 rows), so the product runs in torch, which the model has
loaded already, reading the table where it lies. It runs on one thread beside other encodes
and products, and on all of torch's threads when none runs: two cores read a table of
133,000 rows in about half the time of one (15 ms against 8 on that machine).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from embeddings.sentence import own_threads, torch_threads


def table_cosines(
    table: npt.NDArray[np.float32], queries: npt.ArrayLike
) -> npt.NDArray[np.float32]:
    """(q, N): the dot product of every row of `table` (N, d) with every query (q, d): their
    cosines, when both have unit rows. Equal to `queries @ table.T` in float32."""
    import torch

    rows = np.ascontiguousarray(table, dtype=np.float32)
    asked = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, rows.shape[1])
    with torch_threads(1, alone=own_threads()), torch.inference_mode():
        product = torch.mm(torch.from_numpy(rows), torch.from_numpy(asked).T)
    return np.ascontiguousarray(product.numpy().T)


def top_positions(scores: npt.NDArray[np.floating[Any]], k: int) -> npt.NDArray[np.int64]:
    """For each row of `scores` (q, n), the positions of its `k` highest values (k < n), in no
    order; a tie at the k-th value keeps any of the tied. torch's top-k, where numpy's
    argpartition took nine times as long (5 rows of 82,790: 4.0 ms against 0.44 on the
    2-core reference machine)."""
    import torch

    with torch_threads(1, alone=own_threads()), torch.inference_mode():
        found = torch.topk(torch.from_numpy(scores), k, dim=1, sorted=False).indices
    return np.asarray(found.numpy(), dtype=np.int64)


def top_rows(
    similarity: npt.NDArray[np.float32], rows: npt.NDArray[np.int64], k: int
) -> npt.NDArray[np.int64]:
    """For each query (row of `similarity`, (q, N)), the `k` of `rows` with the highest cosine,
    in no order: (q, min(k, len(rows))), as matchmaker.matching.evidence_table.top_rows gives
    them (a tie at the k-th cosine may keep another of the tied), by `top_positions`. A block
    of consecutive rows is read in place."""
    if rows.size <= k:
        return np.broadcast_to(rows, (len(similarity), rows.size))
    first = int(rows[0])
    if bool((np.diff(rows) == 1).all()):
        return top_positions(similarity[:, first : first + rows.size], k) + first
    return rows[top_positions(similarity[:, rows], k)]
