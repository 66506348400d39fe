"""The report's lowest pay: a location shown below the living wage without a full working is
lower than a computed one above it, on the overview and in the working shown."""

from __future__ import annotations

from sourcing_check.assess import assess
from sourcing_check.load.subject import subject_from_data
from sourcing_check.render.html import render_html
from sourcing_check.resources import default_framework_dir
from sourcing_check.rules.framework import load_framework
from tests.helpers import TEST_DATE, mixed_vendor, reference


def test_the_lowest_pay_is_the_location_shown_below_the_living_wage() -> None:
    framework = load_framework(default_framework_dir())
    assessments = [
        assess(subject_from_data(mixed_vendor(name), None), framework, reference(), TEST_DATE)
        for name in ("Mixed Ltd", "Mixed Two Ltd")
    ]
    html = " ".join(render_html(assessments).split())
    overview = html[html.index("Overview of 2 assessments") : html.index("</table>")]
    assert overview.count("<td>at most 65.0% in KE (Mombasa)</td>") == 2
    assert "The working for the lowest, KE (Mombasa)" in html
    assert "The working for the lowest, KE (Nairobi)" not in html
    assert "Lowest effective pay:" not in html  # the cover's reasons name Mombasa's shortfall
