"""An axe-core scan of the page in the browser: serious and critical violations fail the test.

axe-core comes from the web app's npm packages (`make frontend` installs it). It is evaluated
through the browser's debugging protocol, which the page's Content-Security-Policy does not
govern, so the scan neither weakens the policy nor trips it.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

_SCAN = """async (blocking) => {
  const result = await window.axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => blocking.includes(v.impact))
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
      return `${v.impact} ${v.id}: ${v.help} at ${where}`;
    });
}"""


def violations(page: Page) -> list[str]:
    """The serious and critical axe-core violations on the page as it is now."""
    assert AXE.exists(), f"axe-core is missing ({AXE}): make frontend"
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return list(page.evaluate(_SCAN, list(BLOCKING)))


def assert_accessible(page: Page, name: str) -> None:
    found = violations(page)
    assert found == [], f"{name} has accessibility violations:\n" + "\n".join(found)
