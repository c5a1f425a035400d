"""Entity profiles in a real browser: Playwright drives Debian's headless chromium (never a
downloaded one) against `vnkg serve` over the samples, with the network cut off but for the app.
Screenshots go to var/screenshots/ (looked at when the page changes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
SIX = ["Bình Định", "Bắc Kạn", "Kon Tum", "Lào Cai", "Quảng Ngãi", "Thái Nguyên"]
HASH = re.compile(r"\b[0-9a-f]{16}\b")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (`make browser` installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, vnkg_server):
    """A page that may load nothing but the app's own files; errors are recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    page.outside, page.errors = [], []

    def only_local(route):
        if route.request.url.startswith(vnkg_server):
            return route.continue_()
        page.outside.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    page.failures = []  # the app's answers of 500 and more, with their bodies (for the report)

    def record(response) -> None:
        if response.status >= 500:
            page.failures.append(f"{response.status} {response.url}: {response.text()[:300]}")

    page.on("response", record)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    page.close()


def open_profile(page, server: str, entity: str, shot: str) -> None:
    page.goto(f"{server}/entity/{entity}")
    wait_for_profile(page)
    page.screenshot(path=str(SCREENSHOTS / shot), full_page=True)


def wait_for_profile(page) -> None:
    """Until the page is drawn or has said why not; the why, and the app's failures, fail it."""
    page.wait_for_selector("body[data-ready]", state="attached")
    if page.get_attribute("body", "data-ready") != "true":
        raise AssertionError(f"no profile: {page.inner_text('#error')!r} {page.failures}")


def cells(page, table: str, column: int) -> list[str]:
    return page.locator(f"#{table} tbody tr td:nth-child({column})").all_inner_texts()


def graph_nodes(page) -> list[str]:
    return sorted(page.evaluate("profileGraph.nodes().map((n) => n.data('label'))"))


def test_the_officials_profile_shows_the_minister_and_the_six_provinces_of_august(page,
                                                                                  vnkg_server):
    open_profile(page, vnkg_server, "person/nguyen-hong-dien", "profile_official.png")
    assert page.inner_text("#entity-label") == "Nguyễn Hồng Diên"
    assert cells(page, "positions-table", 1) == ["Bộ trưởng", "Ủy viên"]
    assert cells(page, "positions-table", 2) == ["Bộ Công Thương",
                                                 "Ban Chấp hành Trung ương Đảng"]
    assert cells(page, "positions-table", 3)[0] == "25/6/2021"
    assert cells(page, "positions-table", 4)[0] == "30/8/2024"
    items = page.locator("#timeline-list > li")
    whens = items.locator(".when").all_inner_texts()
    assert whens == ["30/8/2024", "30/8/2024", "15/8/2024", "15/8/2024",
                     "7/8/2024 – 9/8/2024", "25/6/2021", "không rõ ngày (undated)"]
    august = set()
    for i in range(items.count()):
        item = items.nth(i)
        if not item.locator(".when").inner_text().endswith("8/2024"):
            continue
        evidence = item.locator("blockquote").inner_text()
        title = item.locator(".source a").inner_text()  # the article, by its title
        article = next(p for p in SAMPLES.glob("*.txt")
                       if p.read_text("utf-8").splitlines()[0] == title)
        assert evidence in article.read_text("utf-8")  # the sentence, as the article has it
        august |= set(item.locator(".where a").all_inner_texts())
    assert sorted(august - {"Kim Thành"}) == SIX
    first = items.first
    assert first.locator(".source a").get_attribute("href").startswith("https://congthuong.vn/")
    assert sorted(page.locator("svg#map a.marked text").all_text_contents()) == sorted(
        [*SIX, "Quảng Ninh"])
    assert page.locator("svg#map circle.backdrop").count() == 63
    assert graph_nodes(page) == sorted(["Nguyễn Hồng Diên", "Bộ Công Thương",
                                        "Ban Chấp hành Trung ương Đảng", "Kim Thành",
                                        "Khu kinh tế cửa khẩu Móng Cái", "Quảng Ninh", *SIX])
    assert page.outside == [] and page.errors == []


def test_the_province_profile_shows_leaders_gates_and_merger(page, vnkg_server):
    open_profile(page, vnkg_server, "province/lao-cai", "profile_province.png")
    assert page.inner_text("#entity-label") == "Lào Cai"
    leaders = list(zip(cells(page, "leaders-table", 1), cells(page, "leaders-table", 2),
                       cells(page, "leaders-table", 3), strict=True))
    assert leaders[0] == ("Đặng Xuân Phong", "Bí thư", "Tỉnh ủy Lào Cai")
    assert ("Trịnh Xuân Trường", "Chủ tịch", "UBND tỉnh Lào Cai") in leaders
    assert len(leaders) == 10
    assert page.locator("#border-gates-list li").all_inner_texts() == [
        "Bản Vược", "Ga đường sắt quốc tế Lào Cai", "Kim Thành", "Lào Cai", "Mường Khương"]
    assert cells(page, "visitors-table", 2) == ["Nguyễn Hồng Diên"]
    assert cells(page, "visitors-table", 1) == ["30/8/2024"]
    assert ("Sáp nhập vào (merged into) Lào Cai (2025), cùng (with) Yên Bái (1/7/2025)"
            in page.inner_text("#entity-summary"))
    assert page.locator("svg#map a.marked text").all_text_contents() == ["Lào Cai"]
    assert page.outside == [] and page.errors == []


def test_the_body_profile_shows_its_people_and_units(page, vnkg_server):
    open_profile(page, vnkg_server, "org/bo-cong-thuong", "profile_body.png")
    assert list(zip(cells(page, "people-table", 1), cells(page, "people-table", 2),
                    strict=True)) == [("Nguyễn Hồng Diên", "Bộ trưởng"),
                                      ("Phan Thị Thắng", "Thứ trưởng")]
    assert page.locator("#units-list li").count() == 17
    assert page.locator("#map-section").is_hidden()
    assert page.errors == []


def test_the_data_tab_groups_statements_without_hashes(page, vnkg_server):
    open_profile(page, vnkg_server, "person/nguyen-hong-dien", "profile_official.png")
    assert page.locator("#data").is_hidden()
    page.click("#tab-data")
    page.wait_for_selector("#incoming-table")
    page.screenshot(path=str(SCREENSHOTS / "profile_data.png"), full_page=True)
    assert page.locator("#profile").is_hidden()
    rows = dict(zip(cells(page, "incoming-table", 1), cells(page, "incoming-table", 2),
                    strict=True))
    assert rows == {"subject": "14 fact statements", "member": "4 memberships",
                    "mentionOf": "3 mentions", "participant": "5 working sessions, 2 visits"}
    properties = cells(page, "outgoing-table", 1)
    assert len(properties) == len(set(properties))  # one row per property
    worked = cells(page, "outgoing-table", 2)[properties.index("workedWith")]
    assert sorted(worked.split(", ")) == sorted([*SIX, "Quảng Ninh"])
    assert HASH.findall(page.inner_text("#data")) == []
