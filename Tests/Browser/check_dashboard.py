#!/usr/bin/env python3
"""Renders reporting's dashboard in headless Chromium and checks it against GetMonthlyBulletin.

At 375 px (a phone) and 1920 px (a wall screen): the page renders, its screenshot is not blank,
nothing overflows sideways, every headline figure, district tile and department row on the page
equals the bulletin's, and the wall screen uses at least three columns. Then the month picker and
the district filter are used like a person would, and the page they lead to is checked again.

Run by ReportingServiceTests/DashboardBrowserTests (scripts/test installs Chromium, its driver
and this script's Python packages). By hand:
    python3 Tests/Browser/check_dashboard.py --base http://127.0.0.1:8085 --month 2026-11 --ingest 3000 --screenshots /tmp/shots
"""

import argparse
import io
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "lib"))
import reporting_events  # noqa: E402

from PIL import Image, ImageStat  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
    return condition


def rate_text(rate):
    numerator, denominator = int(rate.get("numerator", 0)), int(rate.get("denominator", 0))
    return "—" if denominator == 0 else f"{numerator / denominator * 100:.1f}%"


def figures_by_key(figures):
    """The headline cards' keys and what each must show."""
    counts = {"calls": "calls", "handed_to_110": "handedTo110", "tickets": "tickets", "overdue": "overdue", "extensions": "extensions",
              "diversion_objections": "diversionObjections"}
    rates = {"diversion_rate": "diversionRate", "timely_sign_for_rate": "timelySignForRate",
             "on_time_resolution_rate": "onTimeResolutionRate", "return_rate": "returnRate", "reopen_rate": "reopenRate",
             "satisfaction_rate": "satisfactionRate"}
    expected = {}
    for key, field in counts.items():
        expected[key] = ("count", int(figures.get(field, 0)))
    for key, field in rates.items():
        expected[key] = ("rate", figures.get(field, {}))
    return expected


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("FENLIU_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--lang=zh-CN", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("FENLIU_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def page_attribute(driver, name):
    """The body's data-<name> of whatever page is loaded now (no element kept across a navigation)."""
    return driver.execute_script(f"return document.body ? (document.body.dataset['{name}'] || '') : null")


def ready(driver):
    return driver.execute_script("return document.readyState") == "complete"


def set_width(driver, width, height=1000):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def screenshot(driver):
    """The whole page as a PIL image (beyond the viewport)."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    import base64
    return Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")


def check_page(driver, bulletin, label, width, shots):
    body = driver.find_element(By.TAG_NAME, "body")
    check(body.get_attribute("data-month") == bulletin["month"], f"{label}: page month {body.get_attribute('data-month')}")
    check((body.get_attribute("data-district") or "") == bulletin.get("district", ""), f"{label}: page district")

    # Nothing sideways: the page is as wide as the screen.
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    inner_width = driver.execute_script("return window.innerWidth")
    check(scroll_width <= inner_width, f"{label}: the page is {scroll_width}px wide in a {inner_width}px window")

    # Every section is shown and within the screen.
    for section in driver.find_elements(By.CSS_SELECTOR, "section"):
        rect = section.rect
        title = section.find_element(By.TAG_NAME, "h2").text
        check(section.is_displayed() and rect["height"] > 40, f"{label}: section {title} is not shown")
        check(rect["x"] >= 0 and rect["x"] + rect["width"] <= inner_width + 1, f"{label}: section {title} sticks out: {rect}")
    charts = driver.find_elements(By.CSS_SELECTOR, "svg")
    check(len(charts) >= 3, f"{label}: {len(charts)} charts")
    for chart in charts:
        # A chart may be wider than a phone inside a box that scrolls sideways; the box must fit.
        box = driver.execute_script("const s = arguments[0].closest('.scroll'); return (s || arguments[0]).getBoundingClientRect().width", chart)
        check(0 < chart.rect["width"] and box <= inner_width, f"{label}: a chart's box is {box}px wide")
    font = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.card .label')).fontSize)")
    check(font >= 11, f"{label}: card labels are {font}px")

    # The headline figures: attributes and the text a person reads.
    expected = figures_by_key(bulletin.get("total", {}))
    cards = driver.find_elements(By.CSS_SELECTOR, "[data-figure]")
    check(len(cards) == len(expected), f"{label}: {len(cards)} headline cards")
    for card in cards:
        key = card.get_attribute("data-figure")
        kind, value = expected.get(key, (None, None))
        shown = card.find_element(By.TAG_NAME, "strong").text
        if kind == "count":
            check(card.get_attribute("data-value") == str(value), f"{label}: {key} is {card.get_attribute('data-value')}, bulletin {value}")
            check(shown == str(value), f"{label}: {key} reads {shown!r}, bulletin {value}")
        elif kind == "rate":
            pair = (card.get_attribute("data-numerator"), card.get_attribute("data-denominator"))
            check(pair == (str(value.get("numerator", 0)), str(value.get("denominator", 0))), f"{label}: {key} is {pair}, bulletin {value}")
            check(shown == rate_text(value), f"{label}: {key} reads {shown!r}, bulletin {rate_text(value)}")
        else:
            check(False, f"{label}: unknown card {key}")

    # The districts (when the page is the whole city) and the ranking.
    if not bulletin.get("district"):
        tiles = {tile.get_attribute("data-district"): tile for tile in driver.find_elements(By.CSS_SELECTOR, "[data-district].tile")}
        check(len(tiles) == 22, f"{label}: {len(tiles)} district tiles")
        for line in bulletin.get("districts", []):
            if not line.get("district"):
                continue
            tile = tiles.get(line["district"])
            calls = int(line.get("figures", {}).get("calls", 0))
            if check(tile is not None, f"{label}: no tile for {line['district']}"):
                check(tile.get_attribute("data-calls") == str(calls), f"{label}: tile {line['district']} {tile.get_attribute('data-calls')} vs {calls}")
                check(str(calls) in tile.text, f"{label}: tile {line['district']} does not read {calls}")
    rows = {row.get_attribute("data-department"): row for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-department]")}
    departments = bulletin.get("departments", [])
    check(len(rows) == len(departments), f"{label}: {len(rows)} ranking rows for {len(departments)} departments")
    for line in departments:
        row = rows.get(line.get("departmentId", ""))
        if check(row is not None, f"{label}: no row for {line.get('departmentId')}"):
            check(row.get_attribute("data-rank") == str(line.get("rank", 0)), f"{label}: rank of {line.get('departmentId')}")
            check(row.get_attribute("data-tickets") == str(int(line.get("figures", {}).get("tickets", 0))),
                  f"{label}: tickets of {line.get('departmentId')}")

    # Not blank: many colours, real contrast.
    image = screenshot(driver)
    stat = ImageStat.Stat(image.convert("L"))
    colours = len(image.getcolors(maxcolors=1 << 20) or [])
    check(image.width == width, f"{label}: screenshot is {image.width}px wide")
    check(stat.stddev[0] > 15 and colours > 50, f"{label}: the screenshot looks blank (stddev {stat.stddev[0]:.1f}, {colours} colours)")
    if shots:
        os.makedirs(shots, exist_ok=True)
        image.save(os.path.join(shots, f"dashboard-{label}.png"), optimize=True)
    return image


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="reporting's base URL")
    parser.add_argument("--month", required=True, help="YYYY-MM")
    parser.add_argument("--ingest", type=int, default=0, help="first send this many generated calls for the month (and fewer for 5 months before)")
    parser.add_argument("--screenshots", help="save the screenshots here")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")

    if arguments.ingest:
        months = reporting_events.months_before(arguments.month, 6)
        for offset, month in enumerate(months):
            calls = int(arguments.ingest * (0.75 + 0.05 * offset)) if month != arguments.month else arguments.ingest
            accepted, _ = reporting_events.post(base, reporting_events.generate(month, calls))
            print(f"ingested {accepted} events for {month}")

    city = reporting_events.call(base, "GetMonthlyBulletin", {"month": arguments.month})["bulletin"]
    driver = browser()
    try:
        for width in (375, 1920):
            set_width(driver, width)
            driver.get(f"{base}/?month={arguments.month}")
            check_page(driver, city, str(width), width, arguments.screenshots)
            if width == 1920:
                columns = driver.execute_script("return getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').length")
                check(columns >= 3, f"1920: the wall screen uses {columns} columns")
            else:
                columns = driver.execute_script("return getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').length")
                check(columns == 1, f"375: the phone uses {columns} columns")

        # The district filter, as a person uses it.
        set_width(driver, 1920)
        driver.get(f"{base}/?month={arguments.month}")
        Select(driver.find_element(By.NAME, "district")).select_by_value("510107")
        driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
        WebDriverWait(driver, 20).until(lambda d: page_attribute(d, "district") == "510107" and ready(d))
        wuhou = reporting_events.call(base, "GetMonthlyBulletin", {"month": arguments.month, "district": "510107"})["bulletin"]
        check("district=510107" in driver.current_url, f"filter: {driver.current_url}")
        check_page(driver, wuhou, "1920-510107", 1920, None)

        # The month picker.
        previous = reporting_events.months_before(arguments.month, 2)[0]
        picker = driver.find_element(By.NAME, "month")
        driver.execute_script("arguments[0].value = arguments[1]", picker, previous)
        Select(driver.find_element(By.NAME, "district")).select_by_value("")
        driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
        WebDriverWait(driver, 20).until(lambda d: page_attribute(d, "month") == previous and ready(d))
        before = reporting_events.call(base, "GetMonthlyBulletin", {"month": previous})["bulletin"]
        check_page(driver, before, f"1920-{previous}", 1920, None)
    finally:
        driver.quit()

    if FAILURES:
        print("dashboard check FAILED:")
        for failure in FAILURES:
            print("  - " + failure)
        return 1
    print(f"dashboard check passed: {arguments.month}, {int(city['total'].get('calls', 0))} calls, "
          f"{len(city.get('departments', []))} departments, widths 375 and 1920, filter and month picker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
