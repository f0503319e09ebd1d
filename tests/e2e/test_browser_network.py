"""The network view two and three steps out: all of it in view, a legend, labels one can read.

A hundred or more nodes must still fit the box after the first fit (nothing clipped at its edges),
labels are either hidden until the reader zooms in (the drawing's minimum font size) or drawn
without covering one another, and the legend's filter takes a kind off the drawing.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import PHONE, browser_fixture, open_my_network, page_fixture, screenshot

browser = browser_fixture()
page = page_fixture()

# What cytoscape draws, in pixels of its box: each shown node's box and kind, and the box of each
# label the renderer draws at this zoom (its own rule: font size times zoom against the minimum).
DRAWING = """canvas => {
  const cy = canvas._cyreg.cy;
  const box = b => [b.x1, b.y1, b.x2, b.y2];
  const shown = cy.nodes().filter(n => n.visible());
  const labelled = shown.filter(n => n.data('label') && cy.renderer().eleTextBiggerThanMin(n));
  const only = {includeNodes: false, includeEdges: false, includeOverlays: false};
  const body = {includeLabels: false, includeOverlays: false};
  return {
    width: cy.width(), height: cy.height(), zoom: cy.zoom(), count: cy.nodes().length,
    nodes: shown.map(n => ({
      id: n.id(), kind: n.data('kind'), centre: n.data('centre') === 1,
      box: box(n.renderedBoundingBox(body)),
    })),
    labels: labelled.map(n => box(n.renderedBoundingBox(only))),
  };
}"""
MOST_OVERLAP = 0.2  # of the smaller of two drawn labels


def drawing(canvas: Locator) -> dict[str, Any]:
    """The drawing once cytoscape holds every node the page counted."""
    expect(canvas.locator("canvas").first).to_be_attached()
    canvas.page.wait_for_function(
        "c => c._cyreg && c._cyreg.cy && c._cyreg.cy.nodes().length === Number(c.dataset.nodes)",
        arg=canvas.element_handle(),
    )
    canvas.page.wait_for_timeout(200)  # the fit after the box is observed
    return canvas.evaluate(DRAWING)


def show_depth(page: Page, steps: int) -> Locator:
    """Choose the depth and wait for the new drawing (two and three steps may both be 200 nodes)."""
    canvas = page.get_by_test_id("graph-canvas")
    canvas.evaluate("c => { window.earlierDrawing = c._cyreg && c._cyreg.cy; }")
    with page.expect_response(lambda r: "Neighbourhood" in (r.request.post_data or "")):
        page.get_by_label("Depth").select_option(str(steps))
    page.wait_for_function(
        "c => c._cyreg && c._cyreg.cy && c._cyreg.cy !== window.earlierDrawing",
        arg=canvas.element_handle(),
    )
    return canvas


def clipped(d: dict[str, Any]) -> list[str]:
    """The nodes drawn partly or wholly outside the box."""
    w, h = d["width"], d["height"]
    return [
        n["id"]
        for n in d["nodes"]
        if n["box"][0] < -0.5
        or n["box"][1] < -0.5
        or n["box"][2] > w + 0.5
        or n["box"][3] > h + 0.5
    ]


def worst_overlap(labels: list[list[float]]) -> float:
    """The largest share of the smaller label that another drawn label covers."""
    worst = 0.0
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > 0 and dy > 0:
                smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
                worst = max(worst, dx * dy / max(smaller, 1e-9))
    return worst


def assert_apart(d: dict[str, Any], where: str) -> None:
    overlap = worst_overlap(d["labels"])
    assert overlap <= MOST_OVERLAP, (
        f"{where}: two of {len(d['labels'])} labels overlap by {overlap:.0%}"
        f" at zoom {d['zoom']:.2f}"
    )


def assert_readable(d: dict[str, Any], where: str) -> None:
    """All of the drawing in the box, and whatever labels are drawn clear of each other."""
    out = clipped(d)
    assert not out, (
        f"{where}: {len(out)} of {len(d['nodes'])} nodes cut off at zoom {d['zoom']:.2f}"
    )
    assert_apart(d, where)


def zoom_until_labelled(page: Page, canvas: Locator) -> dict[str, Any]:
    d = drawing(canvas)
    for _ in range(12):
        if d["labels"]:
            break
        zoom = canvas.get_attribute("data-zoom") or ""
        page.get_by_role("button", name="Zoom in").click()
        expect(canvas).not_to_have_attribute("data-zoom", zoom)
        d = canvas.evaluate(DRAWING)
    return d


def test_the_network_view_stays_readable_two_and_three_steps_out(page: Page) -> None:
    canvas = open_my_network(page)
    legend = page.get_by_test_id("graph-legend")
    expect(legend).to_be_visible()

    for steps, least in ((2, 60), (3, 100)):
        canvas = show_depth(page, steps)
        d = drawing(canvas)
        assert d["count"] >= least, f"{steps} steps: only {d['count']} nodes"
        assert_readable(d, f"{steps} steps, first fit")
        kinds = {n["kind"] for n in d["nodes"]}
        expect(legend.get_by_role("checkbox")).to_have_count(len(kinds))
        zoomed = zoom_until_labelled(page, canvas)
        assert zoomed["labels"], f"{steps} steps: no label drawn even at zoom {zoomed['zoom']:.2f}"
        assert d["labels"] or zoomed["zoom"] > d["zoom"]
        assert_apart(zoomed, f"{steps} steps, zoomed in")
        page.get_by_role("button", name="Fit the drawing to the box").click()

    # Unticking a kind, three steps out, takes exactly its nodes off the drawing.
    d = drawing(canvas)
    counts: dict[str, int] = {}
    for n in d["nodes"]:
        if not n["centre"]:
            counts[n["kind"]] = counts.get(n["kind"], 0) + 1
    kind = max((k for k in counts if k != "Member"), key=lambda k: counts[k])
    shown = int(canvas.get_attribute("data-shown-nodes") or 0)
    tick = legend.get_by_role("checkbox").nth(sorted({n["kind"] for n in d["nodes"]}).index(kind))
    tick.uncheck()
    expect(canvas).to_have_attribute("data-shown-nodes", str(shown - counts[kind]))
    after = canvas.evaluate(DRAWING)
    assert [n for n in after["nodes"] if n["kind"] == kind and not n["centre"]] == []
    assert len(after["nodes"]) == len(d["nodes"]) - counts[kind]
    tick.check()
    expect(canvas).to_have_attribute("data-shown-nodes", str(shown))

    screenshot(page, "graph-member-3-steps")
    # On a phone the first fit is too small to read a label: they wait until zoomed in.
    page.set_viewport_size(PHONE)
    page.wait_for_function(  # the drawing resized (and so fitted again) to the phone's box
        "c => c.clientWidth < 400 && c._cyreg.cy.width() === c.clientWidth",
        arg=canvas.element_handle(),
    )
    d = drawing(canvas)
    assert_readable(d, "3 steps on a phone")
    assert d["labels"] == [], f"labels drawn at zoom {d['zoom']:.2f} on a phone"
    zoomed = zoom_until_labelled(page, canvas)
    assert zoomed["labels"], f"on a phone: no label drawn even at zoom {zoomed['zoom']:.2f}"
    assert_apart(zoomed, "3 steps on a phone, zoomed in")
