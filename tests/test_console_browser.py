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
    link = page.locator("#results-table a", has_text="Lào Cai").first
    assert link.get_attribute("href") == "/entity/province/lao-cai"
    assert link.get_attribute("title") == "https://vnkg.org/id/province/lao-cai"
    link.click()
    page.wait_for_selector("body[data-ready]", state="attached")
    assert page.get_attribute("body", "data-ready") == "true", page.inner_text("#error")
    assert page.inner_text("#entity-label") == "Lào Cai"
    assert page.evaluate("profileGraph.nodes().length") > 1  # its neighbours, drawn


INTERNAL = {"article_titles", "body_posts", "count_index", "count_key", "entity_months",
            "event_evidence", "event_members", "evidence", "label", "labels",
            "membership_evidence", "memberships_in_month", "names_exact", "official_posts",
            "projection_edges", "projection_nodes", "province", "province_points",
            "sources_in_month", "timeline", "worked_with_in_month"}


def test_the_menu_leaves_out_the_internal_queries(page, vnkg_server):
    page.goto(vnkg_server + "/")
    page.wait_for_selector("#q-official_worked_with")
    names = set(page.locator("#query-list button").evaluate_all(
        "buttons => buttons.map(b => b.dataset.name)"))
    assert names & INTERNAL == set()
    assert {"official_worked_with", "events", "search", "province_leaders"} <= names
    assert page.locator("#query-list button", has_text="Projection edges").count() == 0


def pick(page, param: str, text: str, choice: str) -> list[str]:
    """Type `text` into a parameter, choose `choice` among the picker's names; the names it
    offered."""
    field = page.locator(f"#param-{param}")
    field.fill("")
    field.press_sequentially(text, delay=30)
    options = page.locator(f"#picker-{param} li[role=option]")
    options.first.wait_for()
    offered = options.all_inner_texts()
    options.filter(has_text=choice).first.click()
    return offered


def test_the_entity_picker_finds_an_official_as_one_types(page, vnkg_server):
    page.goto(vnkg_server + "/#official_worked_with")
    page.wait_for_selector("#param-official")
    offered = pick(page, "official", "nguyen hong", "Nguyễn Hồng Diên")
    assert offered == ["Nguyễn Hồng Diên PERSON · nguyen-hong-dien"]
    assert page.input_value("#param-official") == "https://vnkg.org/id/person/nguyen-hong-dien"
    assert page.inner_text("#picked-official") == "Nguyễn Hồng Diên"
    assert page.locator("#picker-official").is_hidden()
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert sorted(set(column(page, "hostLabel"))) == sorted(SIX)
    assert page.outside_requests == []


def test_the_picker_offers_only_the_type_a_parameter_takes(page, vnkg_server):
    page.goto(vnkg_server + "/#events_in_province")
    page.wait_for_selector("#param-province")
    offered = pick(page, "province", "lao ca", "· lao-cai")
    assert offered == ["Lào Cai PROVINCE · 2025/lao-cai", "Lào Cai PROVINCE · lao-cai"]
    assert page.input_value("#param-province") == "https://vnkg.org/id/province/lao-cai"
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert set(column(page, "dateText")) == {"2024-08-30"}


def test_the_picker_works_from_the_keyboard(page, vnkg_server):
    page.goto(vnkg_server + "/#official_positions")
    field = page.locator("#param-official")
    field.fill("")
    field.press_sequentially("nguyen hong d", delay=30)
    page.locator("#picker-official li[role=option]").first.wait_for()
    field.press("ArrowDown")
    field.press("Enter")
    assert page.input_value("#param-official") == "https://vnkg.org/id/person/nguyen-hong-dien"
    assert page.locator("#picker-official").is_hidden()


def test_a_slug_or_a_name_typed_in_a_parameter_runs_too(page, vnkg_server):
    page.goto(vnkg_server + "/#official_worked_with")
    page.wait_for_selector("#param-official")
    page.fill("#param-official", "Nguyễn Hồng Diên")
    page.fill("#param-from", "2024-08")
    page.fill("#param-to", "2024-08")
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert sorted(set(column(page, "hostLabel"))) == sorted(SIX)


def test_iris_without_a_label_column_are_named_by_their_label(page, vnkg_server):
    page.goto(vnkg_server + "/")
    page.wait_for_selector("#q-official_worked_with")
    page.fill("#editor", "SELECT ?who WHERE { VALUES ?who { "
              "<https://vnkg.org/id/person/nguyen-hong-dien> } }")
    page.click("#run")
    page.wait_for_function("(document.querySelector('#results-table td a') || {})"
                           ".textContent === 'Nguyễn Hồng Diên'")
    link = page.locator("#results-table td a").first
    assert link.get_attribute("href") == "/entity/person/nguyen-hong-dien"
    assert link.get_attribute("title") == "https://vnkg.org/id/person/nguyen-hong-dien"


@pytest.mark.parametrize("width", [1000, 1280])
def test_result_tables_wrap_inside_their_panel(page, vnkg_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    try:
        page.goto(vnkg_server + "/#official_worked_with")
        page.wait_for_selector("#param-official")
        page.click("#run")
        page.wait_for_selector("#results-table tbody tr")
        table, panel = page.evaluate("[document.getElementById('results-table').scrollWidth, "
                                     "document.getElementById('results').clientWidth]")
        assert table <= panel
        url = page.locator("#results-table tbody td.long", has_text="congthuong.vn").first
        assert url.bounding_box()["height"] > 40  # the address wraps over several lines
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


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


SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
MISSION = "Bộ trưởng Nguyễn Hồng Diên làm việc với những tỉnh nào trong tháng 8/2024?"


def ask(page, question: str) -> None:
    page.fill("#ask-q", question)
    page.click("#ask-run")
    page.wait_for_selector("#ask-summary")


def test_the_question_box_answers_the_mission_question(page, vnkg_server):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.outside_requests.clear()  # what the earlier pages asked for (ReDoc's logo)
    try:
        page.goto(vnkg_server + "/")
        page.wait_for_selector("#q-official_worked_with")
        ask(page, MISSION)
        page.wait_for_selector("#ask-table tbody tr")
        answers = page.locator("#ask-table tbody td.answer").all_inner_texts()
        assert sorted(set(answers)) == sorted(SIX)
        assert page.inner_text("#ask-summary") == (
            "Hiểu là / understood: Làm việc với / Worked with — quan chức: Nguyễn Hồng Diên · "
            "chức danh: Bộ trưởng · thời gian: 2024-08")
        evidence = page.locator("#ask-table tbody td.evidence").all_inner_texts()
        assert any(e.startswith("Sáng 30/8, Bộ trưởng Nguyễn Hồng Diên làm việc với lãnh đạo "
                                "tỉnh Lào Cai") for e in evidence)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "ask_mission.png"), full_page=True)
        # the query it ran opens in the console with the same parameters, and runs there
        page.click("#ask-query a")
        page.wait_for_selector("#results-table tbody tr")
        assert page.input_value("#param-official") == \
            "https://vnkg.org/id/person/nguyen-hong-dien"
        assert (page.input_value("#param-from"), page.input_value("#param-to")) == \
            ("2024-08-01", "2024-08-31")
        assert sorted(set(column(page, "hostLabel"))) == sorted(SIX)
        assert page.outside_requests == []
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def test_the_question_box_answers_without_tone_marks_and_says_what_it_missed(page, vnkg_server):
    page.goto(vnkg_server + "/")
    ask(page, "ai la bi thu tinh uy lao cai")
    page.wait_for_selector("#ask-table tbody tr")
    assert page.locator("#ask-table tbody td.answer").all_inner_texts() == ["Đặng Xuân Phong"]
    ask(page, "cua khau nao lon nhat")
    page.wait_for_selector("#ask-message")
    assert page.inner_text("#ask-message") == (
        "Thiếu tên tỉnh: câu hỏi không nêu tỉnh, thành phố nào (ví dụ: tỉnh Lào Cai).\n"
        "Missing: the question names no province (e.g. Lào Cai).")
    assert page.locator("#ask-table").count() == 0
