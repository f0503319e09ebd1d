"""An axe-core scan of the page in the browser: serious and critical violations fail the test.

axe-core comes from the web app's npm packages (`make frontend` installs it). It is evaluated
through the browser's debugging protocol, which the page's Content-Security-Policy does not
govern, so the scan neither weakens the policy nor trips it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

_SCAN = """async ([blocking, waived]) => {
  const result = await window.axe.run(document, { resultTypes: ["violations"], elementRef: true });
  const kept = (v, n) => !(waived[v.id] && n.element && n.element.matches(waived[v.id]));
  return result.violations
    .filter((v) => blocking.includes(v.impact))
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => kept(v, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
      return `${v.impact} ${v.id}: ${v.help} at ${where}`;
    });
}"""


def violations(page: Page, waived: Mapping[str, str] | None = None) -> list[str]:
    """The serious and critical axe-core violations on the page as it is now.

    `waived` maps a rule's id to a CSS selector: that rule's violations on elements matching it
    are left out (for a third party's markup the project cannot change; say why where used).
    """
    assert AXE.exists(), f"axe-core is missing ({AXE}): make frontend"
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return list(page.evaluate(_SCAN, [list(BLOCKING), dict(waived or {})]))


def assert_accessible(page: Page, name: str, waived: Mapping[str, str] | None = None) -> None:
    found = violations(page, waived)
    assert found == [], f"{name} has accessibility violations:\n" + "\n".join(found)
