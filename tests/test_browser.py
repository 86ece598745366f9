"""The app in a real browser: Debian's Chromium driven by Playwright visits every page of a server the test
starts, finds no Streamlit error and a rendered chart on each chart page, and saves a 1920×1080 screenshot
of each page (and a full-page one) into tests/artifacts/screenshots/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urljoin
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# URL path -> charts the page must render (0: a text page)
PAGES = {"": 2, "targets": 10, "spending": 5, "trends": 3, "projects": 1, "report": 10, "score": 1, "audit": 0, "county": 4,
         "present": 1}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def app_server(env: dict[str, str], script: Path = ROOT / "app.py") -> Iterator[str]:
    """`streamlit run app.py` (or another script) on a free loopback port with `env` added; yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(process.stdout.read().decode(errors="replace"))
            time.sleep(0.5)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with app_server({"PERFBOARD_DB": str(tmp_path_factory.mktemp("browser") / "perfboard.duckdb")}) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "make test installs Debian's chromium; run it through make test"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize(("path", "charts"), PAGES.items(), ids=[p or "overview" for p in PAGES])
def test_page_in_chromium(server, browser, path, charts):
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page.goto(f"{server}/{path}", wait_until="networkidle")
    page.wait_for_selector("h1, .st-key-key_message", timeout=30_000)
    if charts:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot').length >= {charts}", timeout=30_000)
    page.wait_for_timeout(1500)  # let the last charts finish their first draw
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert page.locator("h1, .st-key-key_message").count() >= 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path or "overview"
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    # Streamlit scrolls inside its main block: grow the window to the content for the whole page.
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1920, "height": max(1080, int(height))})
    page.wait_for_timeout(1000)
    page.screenshot(path=SCREENSHOTS / f"{name}-full.png")
    print(f"screenshots: {SCREENSHOTS / name}.png")
    page.close()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_the_presentation_can_be_turned_on_a_laptop_screen(server, browser, width, height):
    """The laptop driving the projector: the slide's key message on one line, and 下一页 on the screen without
    scrolling (below a 760-pixel chart it was out of reach)."""
    page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    visit(page, f"{server}/present")
    forward = page.locator(".st-key-slide_forward").bounding_box()
    assert forward is not None and forward["y"] + forward["height"] <= height
    message = page.locator(".st-key-key_message p").first
    line_height = float(message.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert message.bounding_box()["height"] < 1.5 * line_height  # 7项重点工作目标：5项已完成，2项报告未给出完成数
    page.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1024, 768)])
def test_the_overviews_cards_show_their_names_and_figures_whole_on_a_laptop_screen(server, browser, width, height):
    """The laptop driving the projector: no card's name or figure is cut to an ellipsis (2,200.1… at 1280 px,
    新引进项目（亿… at 1024 px were)."""
    page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    visit(page, server)
    cut = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMetricLabel"] p, [data-testid="stMetricValue"] div')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)""")
    assert page.locator('[data-testid="stMetricLabel"]').count() >= 8 and cut == []
    page.close()


def visit(page, url: str) -> None:
    """Open a page of the app and let its charts draw; no Streamlit exception box may show."""
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("h1, .st-key-key_message", timeout=30_000)
    page.wait_for_timeout(2500)
    assert page.locator("[data-testid='stException']").count() == 0


@contextmanager
def serving(paths: tuple[Path, Path]) -> Iterator[str]:
    """The app on a loaded data set (the `loaded` fixture's data directory and database)."""
    data_dir, db_path = paths
    with app_server({"PERFBOARD_DATA": str(data_dir), "PERFBOARD_DB": str(db_path)}) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_server(loaded):
    from tests.datasets import write_hostile_dataset

    with serving(loaded("hostile", write_hostile_dataset)) as url:
        yield url


@pytest.mark.parametrize("path", list(PAGES), ids=[p or "overview" for p in PAGES])
def test_hostile_data_runs_no_script_and_fetches_nothing_outside(hostile_server, browser, path):
    """Seven payload kinds in every text field (tests/datasets.py): no dialog opens, no request leaves the
    machine, no iframe or outside image is in the page, and the payloads are there as text."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    dialogs, outside = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    visit(page, f"{hostile_server}/{path}")
    assert dialogs == [] and outside == []
    assert page.locator("iframe[srcdoc], img[src*='198.51.100'], [data-testid='stMain'] svg[onload], "
                        "a[href*='198.51.100'], a[href^='javascript']").count() == 0
    if path != "county":  # there the unit's name is drawn only in the table's canvas and the charts (screenshot)
        # Widgets (the 历年对比 indicator picker holds the payload) may draw after the fixed wait of `visit`.
        expect(page.locator("[data-testid='stMain']")).to_contain_text("<script>alert(2)</script>", use_inner_text=True,
                                                                     timeout=15_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"hostile-{path or 'overview'}.png")
    page.close()


def test_a_malformed_url_shows_no_traceback_or_server_path(server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page.goto(f"{server}/?year=%C2%B2&unit=%3Cb%3E", wait_until="networkidle")  # year=², unit=<b>
    page.wait_for_selector("h1", timeout=30_000)
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and str(ROOT) not in text and "/perfboard/" not in text
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_the_first_visitor_of_a_fresh_server_sees_the_page_they_opened_without_a_not_found_dialog(seed_db, browser):
    """With the page files in a folder named pages/, Streamlit routed the first visit of a just-started server
    its older way and showed "Page not found" over 数据核查 (streamlit/streamlit#9992); later visits did not."""
    with app_server({"PERFBOARD_DB": str(seed_db)}) as url:
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
        visit(page, f"{url}/audit")
        assert page.locator("h1").first.inner_text() == "数据核查"
        assert page.get_by_text("Page not found").count() == 0
        page.close()


@pytest.fixture(scope="module")
def other_server(loaded):
    """The 测试数据 unit shaped unlike the seed (tests/datasets.py)."""
    from tests.datasets import write_other_unit_dataset

    with serving(loaded("other_unit", write_other_unit_dataset)) as url:
        yield url


@pytest.mark.parametrize("path", list(PAGES), ids=[p or "overview" for p in PAGES])
def test_other_unit_in_chromium(other_server, browser, path):
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    visit(page, f"{other_server}/{path}")
    text = page.locator("body").inner_text()
    assert "桃江" not in text
    if path != "present":  # the presentation hides the sidebar, where the report is cited
        assert "《2022年绩效自评工作情况总结》" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1920, "height": max(1080, int(height))})
    page.wait_for_timeout(1000)
    page.screenshot(path=SCREENSHOTS / f"other-{path or 'overview'}-full.png")
    page.close()


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory):
    """A store of its own (the seed as version 1) and an editor account: the editor's whole flow."""
    from perfboard import accounts
    from perfboard.database import DEFAULT_DATA_DIR, load

    folder = tmp_path_factory.mktemp("desk")
    db, accounts_file = folder / "perfboard.duckdb", folder / "accounts.json"
    load(DEFAULT_DATA_DIR, db)
    accounts.add_user(accounts_file, "编辑甲", accounts.EDITOR, "correct horse", "测试")
    with app_server({"PERFBOARD_DB": str(db), "PERFBOARD_ACCOUNTS": str(accounts_file)}) as url:
        yield url, db, folder


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)
    page.screenshot(path=SCREENSHOTS / f"desk-{name}.png", full_page=True)


def open_desk_as_editor(page) -> None:
    """Log in from the sidebar as the editor of `desk_server` and open 数据管理."""
    page.get_by_text("登录", exact=True).first.click()
    page.get_by_label("用户名").fill("编辑甲")
    page.get_by_label("密码").fill("correct horse")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("已登录：编辑甲").wait_for(timeout=30_000)
    page.get_by_role("link", name="数据管理").click()


def test_an_editor_uploads_fixes_previews_publishes_and_restores_in_chromium(desk_server, browser, tmp_path):
    """Log in; the 数据管理 page; a workbook with one mistake is named by sheet, row and column; the fixed
    workbook previews 4.28 → 4.82; publish with a comment; the overview shows 4.82; restore version 1."""
    from perfboard import desk, workbook
    from tests.test_desk import edited, row_of

    url, db, folder = desk_server
    book = workbook.write_workbook(desk.current_files(db))
    row = row_of(book, "指标值", 指标代码="tax_revenue")
    (tmp_path / "有错.xlsx").write_bytes(edited(book, "指标值", {(row, "实际完成值"): "4。82"}))
    (tmp_path / "改正.xlsx").write_bytes(edited(book, "指标值", {(row, "实际完成值"): 4.82}))
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="zh-CN")
    visit(page, f"{url}/desk")  # not registered for a visitor: Streamlit says so and shows the overview
    assert page.get_by_role("link", name="数据管理").count() == 0 and page.get_by_label("发布说明（必填，记入版本历史）").count() == 0
    shot(page, "0-anonymous")
    page.keyboard.press("Escape")
    open_desk_as_editor(page)
    page.get_by_role("tab", name="上传与发布").wait_for(timeout=30_000)
    shot(page, "1-page")

    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(tmp_path / "有错.xlsx"))
    page.get_by_text("发现 1 个问题").wait_for(timeout=60_000)
    assert "有错.xlsx 工作表「指标值」" in page.locator("[data-testid='stDataFrame']").first.inner_text() or \
        page.locator("[data-testid='stDataFrame']").count() >= 1
    shot(page, "2-problem")

    page.get_by_role("button", name="Remove 有错.xlsx").click()
    page.get_by_text("发现 1 个问题").wait_for(state="detached", timeout=30_000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(tmp_path / "改正.xlsx"))
    page.get_by_text("变更预览").wait_for(timeout=60_000)
    page.get_by_text("4.28亿元 → 4.82亿元").wait_for(timeout=30_000)
    page.get_by_label("发布说明（必填，记入版本历史）").fill("更正税收入库数")
    page.get_by_label("发布说明（必填，记入版本历史）").press("Enter")
    page.get_by_text("我已核对以上变更，确认发布").click()
    shot(page, "3-preview")
    page.get_by_role("button", name="发布为新版本").click()
    page.get_by_text("已发布第 2 版").wait_for(timeout=60_000)
    shot(page, "4-published")
    page.get_by_role("link", name="总览").click()  # the running app shows the new version, no restart
    page.get_by_text("4.82亿元").first.wait_for(timeout=30_000)
    page.get_by_role("link", name="数据管理").click()

    page.get_by_role("tab", name="历史版本").click()
    page.get_by_text("选择版本").wait_for(timeout=30_000)
    shot(page, "5-history")
    page.locator("[data-testid='stSelectbox']").filter(has_text="选择版本").click()
    page.get_by_role("option").filter(has_text="第 1 版").click()
    page.get_by_text("恢复该版本的数据（作为新版本发布）").click()
    page.get_by_text("4.82亿元 → 4.28亿元").wait_for(timeout=60_000)
    page.get_by_text("我已核对以上变更，确认发布").last.click()
    shot(page, "5-restore")
    page.get_by_role("button", name="发布为新版本").last.click()
    page.get_by_text("已发布第 3 版").wait_for(timeout=60_000)
    shot(page, "6-restored")
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_an_editor_imports_a_word_report_corrects_a_figure_and_publishes_in_chromium(desk_server, browser,
                                                                                      tmp_path):
    """导入报告: upload the 2024 report as .docx, see every figure beside its sentence, correct the tax actual
    (row 40 of the review) to 4.29 with the keyboard, preview 4.28亿元 → 4.29亿元, publish, see it on 总览."""
    from perfboard import report_import
    from perfboard.database import DEFAULT_DATA_DIR, data_files
    from tests.test_report_import import seed_docx

    url, db, folder = desk_server
    (tmp_path / "2024年自评报告.docx").write_bytes(seed_docx())
    draft = report_import.import_report("r.docx", seed_docx(), "taojiang_hitech", 2024,
                                        report_import.catalogue_of(data_files(DEFAULT_DATA_DIR)))
    tax_row = next(i for i, f in enumerate(draft.figures) if (f.kind, f.indicator_code) == ("actual", "tax_revenue"))
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="zh-CN")
    visit(page, url)
    open_desk_as_editor(page)
    page.get_by_role("tab", name="导入报告").click()
    page.get_by_text("上传自评报告").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(tmp_path / "2024年自评报告.docx"))
    page.get_by_text(f"读出 {draft.figure_count} 个数字").wait_for(timeout=60_000)  # 75 (test_report_import)
    page.wait_for_timeout(1500)
    shot(page, "7-import-review")
    assert page.get_by_text("报告标题写的是").count() == 0  # 2024年度, imported as 2024

    grid = page.locator("[data-testid='stDataFrame']").first.bounding_box()
    for _ in range(3):  # the grid takes the focus only once it has drawn: try again until its editor opens
        # The first row's 原文 cell, which cannot be edited (a click on 已采用 would tick it), then to 数值
        page.mouse.click(grid["x"] + grid["width"] * 0.5, grid["y"] + 35 + 17)
        page.wait_for_timeout(800)
        for key in ["ArrowLeft"] * 3 + ["ArrowDown"] * tax_row:  # 原文 → 限定词 → 单位 → 数值, then down
            page.keyboard.press(key)
        page.wait_for_timeout(500)
        page.keyboard.press("Enter")
        page.wait_for_timeout(800)
        if page.evaluate("['TEXTAREA', 'INPUT'].includes(document.activeElement.tagName)"):
            break
    page.keyboard.press("Control+A")
    page.keyboard.type("4.29", delay=60)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)
    shot(page, "7-import-corrected")
    page.get_by_text("检查并预览", exact=True).click()
    page.get_by_text("4.28亿元 → 4.29亿元").wait_for(timeout=60_000)
    page.get_by_text("我已核对以上变更，确认发布").click()
    shot(page, "8-import-preview")
    page.get_by_role("button", name="发布为新版本").click()
    page.get_by_text("看板已显示新数据").wait_for(timeout=60_000)
    page.get_by_role("link", name="总览").click()
    page.get_by_text("4.29亿元").first.wait_for(timeout=30_000)
    shot(page, "9-import-published")
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_an_editor_registers_a_new_department_with_its_first_report_in_chromium(desk_server, browser, tmp_path):
    """导入报告 for a unit the data does not hold: its name and code given beside the report (测试数据), the year
    its title names taken with one click, the draft checked, previewed and published; the new unit then has its
    own overview."""
    from tests.test_report_import import EDUCATION_REPORT

    url, db, folder = desk_server
    report = tmp_path / "教育局2023年度自评报告.txt"
    report.write_text(EDUCATION_REPORT, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="zh-CN")
    visit(page, url)
    open_desk_as_editor(page)
    page.get_by_role("tab", name="导入报告").click()
    page.get_by_text("新单位（随报告登记）").click()
    page.get_by_role("textbox", name="单位名称").fill("桃江县教育局（测试数据）")
    page.get_by_role("textbox", name="单位代码").fill("taojiang_edu")
    page.get_by_role("textbox", name="单位代码").press("Enter")
    page.get_by_text("上传自评报告").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(report))
    page.get_by_text("报告标题写的是2023年度").wait_for(timeout=60_000)  # the year chosen was the sidebar's 2024
    page.get_by_role("button", name="改为2023年重新读取").click()
    expect(page.get_by_role("spinbutton", name="报告所属年度")).to_have_value("2023", timeout=60_000)
    expect(page.get_by_text("报告标题写的是2023年度")).to_have_count(0, timeout=60_000)
    page.get_by_text("处文字表述的目标或完成情况，其中").wait_for(timeout=60_000)  # texts.DESK_IMPORT_SUMMARY
    shot(page, "10-import-new-unit")
    page.get_by_text("检查并预览", exact=True).click()
    page.get_by_text("我已核对以上变更，确认发布").click()
    page.get_by_role("button", name="发布为新版本").click()
    page.get_by_text("看板已显示新数据").wait_for(timeout=60_000)
    visit(page, url + "/?unit=taojiang_edu&year=2023")
    page.get_by_text("12,418.76万元").first.wait_for(timeout=30_000)
    shot(page, "11-new-unit-overview")
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


# ---- 全部单位 on a generated county (模拟数据), and two servers on one store -------------------------------

@pytest.fixture(scope="module")
def county_server(county):
    with serving(county) as url:
        yield url


def county_rows(page) -> int:
    """How many units the 全部单位 page says it shows (its caption: 显示 N 个单位)."""
    caption = page.get_by_text("显示 ", exact=False).first.inner_text()
    return int(caption.split("显示 ")[1].split(" ")[0])


def test_county_page_filters_sorts_and_opens_a_unit_in_chromium(county_server, browser):
    from tests.conftest import SMALL_COUNTY

    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    visit(page, f"{county_server}/")  # the first visit of a server registers the pages
    visit(page, f"{county_server}/county?unit=u000&year=2024")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 4", timeout=30_000)
    assert county_rows(page) == SMALL_COUNTY.units
    shot(page, "county")

    assert page.locator(".st-key-county_parent input").get_attribute("placeholder") == "全部"  # not "Choose an option"
    page.get_by_label("搜索单位名称或代码").fill("下属单位005")
    page.get_by_label("搜索单位名称或代码").press("Enter")
    page.get_by_text("显示 1 个单位").wait_for(timeout=30_000)
    shot(page, "county-search")
    page.get_by_label("搜索单位名称或代码").fill("")
    page.get_by_label("搜索单位名称或代码").press("Enter")
    page.get_by_text(f"显示 {SMALL_COUNTY.units} 个单位").wait_for(timeout=30_000)

    page.locator(".st-key-county_sort").click()
    page.get_by_role("option", name="单位代码").click()
    page.wait_for_timeout(1500)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    shot(page, "county-sorted")

    # Each row's 打开 link (county.overview_links; the AppTest tests read them from the table) opens that
    # unit's overview for the year, in a session of its own.
    from perfboard.county import overview_links

    import pandas as pd
    link = overview_links(pd.Series(["u002"]), 2024).iloc[0]
    page.goto(urljoin(page.url, link), wait_until="networkidle")  # resolved as the browser resolves the link
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_timeout(2500)
    shot(page, "county-opened-unit")
    assert "模拟县卫生健康局（模拟数据） · 2024年度绩效总览" in page.locator("h1").first.inner_text()
    assert page.get_by_text("Page not found").count() == 0  # the overview is served at the root alone
    page.close()


def test_two_app_servers_on_one_store_both_show_a_publish(browser, tmp_path):
    """Two app processes read the same published versions (docs/scaling.md); a publish by neither of them
    (here the command line's load) reaches both without a restart."""
    import shutil

    from perfboard.database import DEFAULT_DATA_DIR, load

    db = tmp_path / "store" / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    changed = tmp_path / "changed"
    shutil.copytree(DEFAULT_DATA_DIR, changed)
    values = changed / "indicator_values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(
        "taojiang_hitech,2024,tax_revenue,4.28,4.28,", "taojiang_hitech,2024,tax_revenue,4.28,4.82,"), encoding="utf-8")
    with app_server({"PERFBOARD_DB": str(db)}) as first, app_server({"PERFBOARD_DB": str(db)}) as second:
        pages = [browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN") for _ in range(2)]
        for page, url in zip(pages, (first, second)):
            visit(page, url)
            page.get_by_text("4.28亿元").first.wait_for(timeout=30_000)
        load(changed, db)  # version 2, published while both servers run
        for number, (page, url) in enumerate(zip(pages, (first, second)), start=1):
            visit(page, url)
            page.get_by_text("4.82亿元").first.wait_for(timeout=30_000)
            shot(page, f"two-servers-{number}")
            page.close()
