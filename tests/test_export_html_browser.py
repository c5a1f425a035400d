"""The HTML export in a real browser: headless Debian chromium driven by Playwright (never
`playwright install`). The page draws every node and edge, makes no network request, and a click
shows an entity's facts with their sources. The graph is drawn by cytoscape.js, inlined in the file;
screenshots go to var/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.export import TYPE_COLOURS, write
from graph.projection import projection

CHROMIUM = Path("/usr/bin/chromium")
ID = "https://vnkg.org/id/"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="no /usr/bin/chromium (install Debian's chromium: `make browser`)"),
]


@pytest.fixture(scope="module")
def browser():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


class OpenedView:
    """A page showing one exported HTML file, with what it asked of the network and any error."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready=true]", timeout=20_000)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_view(browser):
    views: list[OpenedView] = []

    def opener(path: Path) -> OpenedView:
        views.append(OpenedView(browser, path))
        return views[-1]

    yield opener
    for view in views:
        view.close()


def has_colour(png: Path, hex_colour: str) -> bool:
    """Whether any pixel of the screenshot is (nearly) this colour."""
    import matplotlib.image
    import numpy as np

    pixels = matplotlib.image.imread(png)[..., :3]
    wanted = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return bool((np.abs(pixels - wanted).max(axis=-1) < 0.02).any())


def drawn(view: OpenedView, selector: str) -> list[str]:
    """The ids of the graph's visible elements matching a cytoscape selector."""
    return view.page.evaluate(
        f"cy.elements({selector!r}).filter((e) => e.visible()).map((e) => e.id())")


def click_node(view: OpenedView, node_id: str) -> None:
    """A real mouse click on the node where cytoscape drew it."""
    box = view.page.locator("#canvas").bounding_box()
    x, y = view.page.evaluate(
        "(id) => { const p = cy.getElementById(id).renderedPosition(); return [p.x, p.y]; }",
        node_id)
    view.page.mouse.click(box["x"] + x, box["y"] + y)


def test_the_view_draws_every_node_and_edge_offline(fixture_kg, open_view, tmp_path):
    path = write(fixture_kg, "html", tmp_path / "graph.html")
    text = path.read_text(encoding="utf-8")
    assert "cytoscape" in text and "<script src" not in text  # the library is inlined
    view = open_view(path)
    assert len(drawn(view, "node")) == 10
    assert len(drawn(view, "edge")) == 12
    assert sorted(view.page.evaluate("cy.edges().map((e) => e.style('label'))")) == sorted(
        d["relation"] for _, _, d in projection(fixture_kg).edges(data=True))
    assert len(drawn(view, "node[type = 'PROVINCE']")) == 2
    shot = SCREENSHOTS / "export_fixture.png"
    view.page.screenshot(path=str(shot))
    assert has_colour(shot, TYPE_COLOURS["PERSON"]) and has_colour(shot, TYPE_COLOURS["PROVINCE"])
    assert [url for url in view.requests if not url.startswith("file:")] == []
    assert view.errors == []


def test_a_click_shows_the_facts_and_their_sources(fixture_kg, open_view, tmp_path):
    view = open_view(write(fixture_kg, "html", tmp_path / "graph.html"))
    click_node(view, f"{ID}province/ha-giang")
    details = view.page.locator("#details")
    text = details.inner_text()
    assert "Hà Giang" in text and "22.8233, 104.9836" in text
    assert text.count("worked_with") == 2  # the two trips, each with its article
    assert "Bộ trưởng Bộ Xây dựng làm việc tại Hà Giang" in text
    assert "Ngày 14/8, Bộ trưởng Trần Văn Minh làm việc với tỉnh Hà Giang." in text
    assert details.locator("a[href='https://example.vn/tin/a-ha-giang']").count() == 2
    view.page.screenshot(path=str(SCREENSHOTS / "export_details.png"))
    # Following a fact's other end moves the panel to that entity.
    details.locator("a[data-node]", has_text="Thanh Thủy").click()
    assert "BORDER_GATE" in details.inner_text()
    assert view.errors == []


def test_search_is_accent_insensitive_and_legend_toggles_a_type(fixture_kg, open_view,
                                                               tmp_path):
    view = open_view(write(fixture_kg, "html", tmp_path / "graph.html"))
    view.page.fill("#search", "tran van minh")
    view.page.press("#search", "Enter")
    assert view.page.locator("#details h2").inner_text() == "Trần Văn Minh"
    people = drawn(view, "node[type = 'PERSON']")
    assert people != []
    view.page.locator("#legend button[data-type=PERSON]").click()
    assert drawn(view, "node[type = 'PERSON']") == []
    assert len(drawn(view, "node")) == 10 - len(people)


def test_a_filtered_view_draws_only_what_the_filter_keeps(fixture_kg, open_view, tmp_path):
    path = write(fixture_kg, "html", tmp_path / "around.html", around="Cao Bằng", hops=1)
    view = open_view(path)
    assert (len(drawn(view, "node")), len(drawn(view, "edge"))) == (3, 2)


def test_the_sample_graph_view_draws_its_nodes(sample_kg, open_view, tmp_path):
    graph = projection(sample_kg)
    view = open_view(write(sample_kg, "html", tmp_path / "sample.html"))
    assert sorted(drawn(view, "node")) == sorted(graph.nodes)
    assert sorted(drawn(view, "edge")) == sorted(k for _, _, k in graph.edges(keys=True))
    view.page.screenshot(path=str(SCREENSHOTS / "export_sample.png"))
    assert view.errors == []
