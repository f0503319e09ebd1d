"""Parsed and validated documents, kept by their text.

The web app and API clients send the same few documents over and over; parsing and running
the standard validation rules cost more than most of the reads behind them (about 10 ms of a
15 ms `calls` request). A document is parsed and validated once, and later requests with the
same text reuse both. The variables are not part of the key: the cost check
(matchmaker.api.cost), which depends on them, runs again on every request that sends
variables, and once per text for those that send none.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError

from matchmaker.api.cost import Budget


@dataclass
class Known:
    document: DocumentNode
    errors: list[GraphQLError] | None = None  # None until validated once
    # The cost check's refusal (empty: none) under a budget, for requests with no variables.
    cost: tuple[Budget, list[GraphQLError]] | None = None


class DocumentCache:
    """A least-recently-used table of documents by text; texts over `max_text` are not kept
    (they are rare and would crowd out the ones that repeat)."""

    def __init__(self, size: int = 512, max_text: int = 16_384) -> None:
        self.size = size
        self.max_text = max_text
        self._known: OrderedDict[str, Known] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> Known | None:
        with self._lock:
            known = self._known.get(text)
            if known is not None:
                self._known.move_to_end(text)
            return known

    def put(self, text: str, document: DocumentNode) -> Known:
        known = Known(document)
        if len(text) > self.max_text:
            return known
        with self._lock:
            self._known[text] = known
            while len(self._known) > self.size:
                self._known.popitem(last=False)
        return known
