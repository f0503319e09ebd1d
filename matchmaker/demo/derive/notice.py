"""The NOTICE written next to the demo dataset: where its text comes from, under which
licence, and how people's names were replaced."""

from __future__ import annotations

from matchmaker.demo.dataset import DemoDataset
from matchmaker.demo.derive.handwritten import CONTENT_DIR

_TEMPLATE = CONTENT_DIR / "notice.md"


def notice(data: DemoDataset) -> str:
    """The NOTICE text with the record counts of `data`."""
    rows = ["| kind | records |", "|---|---|"]
    rows += [f"| {kind} | {count:,} |" for kind, count in data.sizes().items()]
    return _TEMPLATE.read_text(encoding="utf-8").format(sizes="\n".join(rows))
