"""The console in a real browser: Playwright drives Debian's headless chromium (never a
downloaded one) against a running `vnkg serve` over the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = Path("/usr/bin/chromium")
SIX = ["Bình Định", "Bắc Kạn", "Kon Tum", "Lào Cai", "Quảng Ngãi", "Thái Nguyên"]


@pytest.fixture(scope="module")
def page(vnkg_server):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (`make browser` installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.set_default_timeout(20_000)
        # Offline: the page may load nothing but the app's own files; anything else is
        # recorded and cut off, as with no network.
        outside = []

        def only_local(route):
            if route.request.url.startswith(vnkg_server):
                return route.continue_()
            outside.append(route.request.url)
            return route.abort()

        page.route("**/*", only_local)
        page.outside_requests = outside
        yield page
        browser.close()


def column(page, name: str) -> list[str]:
    headers = page.locator("#results-table thead th").all_inner_texts()
    index = headers.index(name) + 1
    return page.locator(f"#results-table tbody tr td:nth-child({index})").all_inner_texts()


def test_mission_query_is_one_click(page, vnkg_server):
    page.goto(vnkg_server + "/")
    page.click("#q-official_worked_with")  # the one click
    page.wait_for_selector("#results-table tbody tr")
    assert sorted(set(column(page, "hostLabel"))) == sorted(SIX)
    assert page.input_value("#param-from") == "2024-08-01"
    assert page.input_value("#param-to") == "2024-08-31"
    assert "rows" in page.inner_text("#status")
    assert page.outside_requests == []


def test_results_link_to_entity_pages_with_a_graph_view(page, vnkg_server):
    page.goto(vnkg_server + "/#official_worked_with")
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    link = page.locator("#results-table a", has_text="lao-cai").first
    assert link.get_attribute("href") == "/entity/province/lao-cai"
    link.click()
    page.wait_for_selector("#outgoing-table")
    assert page.inner_text("#entity-label") == "Lào Cai"
    assert page.locator("svg#graph a.node").count() > 0  # its neighbours, drawn


def test_errors_are_shown(page, vnkg_server):
    page.goto(vnkg_server + "/")
    page.fill("#editor", "SELEC ?x WHERE { ?x ?p ?o }")
    page.click("#run")
    page.wait_for_function("document.getElementById('error').textContent.length > 0")
    assert page.inner_text("#error").startswith("400: error at 1:")


def test_csv_download(page, vnkg_server):
    page.goto(vnkg_server + "/")
    page.fill("#editor", "SELECT ?x WHERE { VALUES ?x { 1 2 } }")
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    with page.expect_download() as download:
        page.click("#download-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines() == ["x", "1", "2"]


def test_swagger_docs_render_with_the_network_cut_off(page, vnkg_server):
    page.goto(vnkg_server + "/docs")
    page.wait_for_selector(".opblock")
    search = page.locator(".opblock", has_text="/api/search").first
    assert search.locator(".opblock-summary-method").inner_text() == "GET"
    assert "Search entities by name" in search.inner_text()
    assert page.outside_requests == []


def test_redoc_renders_with_the_network_cut_off(page, vnkg_server):
    page.goto(vnkg_server + "/redoc")
    page.wait_for_selector("h2:has-text('Search entities by name')")
    assert page.locator("h1", has_text="vnkg").count() >= 1
    # ReDoc's bundle asks for its "API docs by Redocly" logo only: cut off, nothing is missing.
    assert set(page.outside_requests) <= {"https://cdn.redoc.ly/redoc/logo-mini.svg"}
