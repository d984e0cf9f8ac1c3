"""Unit tests of tools/devenv.py's log parsing and summary (no Odoo needed)."""

import textwrap

import devenv
import pytest

LOG = textwrap.dedent(
    """\
    2025-05-06 10:00:00,001 42 INFO t odoo.modules.loading: loading 1 modules...
    2025-05-06 10:00:01,000 42 INFO t odoo.addons.x.tests.test_a: Starting TestA.test_ok ...
    2025-05-06 10:00:01,100 42 INFO t odoo.addons.x.tests.test_a: Starting TestA.test_bad ...
    2025-05-06 10:00:01,200 42 ERROR t odoo.addons.x.tests.test_a: FAIL: TestA.test_bad
    Traceback (most recent call last):
      File "x.py", line 1, in test_bad
    AssertionError: 1 != 2
    2025-05-06 10:00:01,300 42 INFO t odoo.addons.x.tests.test_tour: Starting TestTour.test_tour ...
    2025-05-06 10:00:01,400 42 INFO t odoo.addons.x.tests.test_tour: skipped TestTour.test_tour : Chrome executable not found
    2025-05-06 10:00:01,500 42 WARNING t odoo.addons.x.models.y: something odd
    2025-05-06 10:00:01,600 42 ERROR t odoo.addons.x.models.y: a real error
    2025-05-06 10:00:02,000 42 ERROR t odoo.modules.loading: Module x: 1 failures, 0 errors of 3 tests
    2025-05-06 10:00:03,000 42 ERROR t odoo.tests.result: 1 failed, 0 error(s) of 3 tests when loading database 't'
    """  # noqa: E501
)


def test_parse_odoo_test_log():
    report = devenv.parse_odoo_test_log(LOG)
    assert report.found
    assert (report.tests, report.failed, report.errors) == (3, 1, 0)
    assert report.skipped == [
        (
            "odoo.addons.x.tests.test_tour.TestTour.test_tour",
            "Chrome executable not found",
        )
    ]
    assert len(report.started) == 3
    assert len(report.failures) == 1 and "TestA.test_bad" in report.failures[0]
    # test-result lines are not counted twice as "ERROR log lines"
    assert [r.msg for r in report.error_records] == ["a real error"]
    assert [r.msg for r in report.warning_records] == ["something odd"]
    assert len(devenv.parse_log_records(LOG)[3].lines) == 4  # traceback attached


def test_missing_report_line():
    report = devenv.parse_odoo_test_log(LOG.rsplit("\n", 2)[0])
    assert not report.found


def test_zero_tests_line():
    line = (
        "2025-05-06 10:00:03,000 42 WARNING t odoo.tests.result: 0 failed, "
        "0 error(s) of 0 tests when loading database 't'"
    )
    report = devenv.parse_odoo_test_log(line)
    assert report.found and report.tests == 0


@pytest.mark.parametrize(
    "patterns, expected",
    [
        ([], False),
        (["*.TestTour.test_tour"], True),
        (["*.TestOther.*"], False),
    ],
)
def test_expected_skips(patterns, expected):
    test_id = "odoo.addons.x.tests.test_tour.TestTour.test_tour"
    assert devenv.skip_is_expected(test_id, patterns) is expected


def test_expected_skips_file(tmp_path):
    path = tmp_path / "skips.txt"
    path.write_text("# comment\n\n*.TestTour.test_tour  # no chrome in CI\n")
    assert devenv.load_expected_skips(path) == ["*.TestTour.test_tour"]
    assert devenv.load_expected_skips(tmp_path / "absent.txt") == []


def test_tier_failure_without_failed_test_counts_as_failed():
    tier = devenv.TierResult("x", passed=3)
    tier.problem("ERROR line in the log")
    tier.finish()
    assert (tier.status, tier.failed, tier.tests) == ("failed", 1, 4)
    ok = devenv.TierResult("y", passed=2).finish()
    assert (ok.status, ok.failed) == ("passed", 0)


def test_summary_last_line_format():
    tiers = [
        devenv.TierResult("a", passed=5, skipped=1).finish(),
        devenv.TierResult("b", passed=2, failed=1).finish(),
        devenv.TierResult("c", status="skipped", skipped=1),
    ]
    lines = devenv.summary_lines(tiers)
    assert lines[-1] == "7 passed, 1 failed, 2 skipped"


JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="3">
<testcase classname="m.T" name="test_ok"/>
<testcase classname="m.T" name="test_bad"><failure message="boom">x</failure></testcase>
<testcase classname="m.T" name="test_skip"><skipped message="no chrome"/></testcase>
</testsuite></testsuites>
"""


def test_pytest_result_unexpected_skip_fails(tmp_path):
    junit = tmp_path / "j.xml"
    junit.write_text(JUNIT)
    tier = devenv.TierResult("p")
    devenv.apply_pytest_result(tier, 1, junit, [])
    tier.finish()
    assert (tier.passed, tier.failed, tier.skipped) == (1, 2, 0)
    tier = devenv.TierResult("p")
    devenv.apply_pytest_result(tier, 1, junit, ["m.T.test_skip"])
    tier.finish()
    assert (tier.passed, tier.failed, tier.skipped) == (1, 1, 1)


def test_pytest_no_tests_collected_fails(tmp_path):
    tier = devenv.TierResult("p")
    devenv.apply_pytest_result(tier, 5, tmp_path / "absent.xml", [])
    tier.finish()
    assert tier.status == "failed" and tier.failed == 1


def test_repo_addons_found(repo):
    assert "contact_order" in devenv.repo_addons(repo)


def test_odoo_not_found_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("ODOO_PATH", str(tmp_path))
    with pytest.raises(devenv.SetupError, match="does not contain an Odoo"):
        devenv.find_odoo()


def test_checklog_fails_on_warnings_and_errors(tmp_path):
    """Odoo's install/upgrade/uninstall logs go through checklog-odoo."""
    clean = "2025-05-06 10:00:00,001 42 INFO db odoo.modules.loading: loaded\n"
    log = tmp_path / "odoo.log"
    log.write_text(clean)
    assert devenv.checklog(log) == ""
    for level in ("WARNING", "ERROR", "CRITICAL"):
        log.write_text(clean + f"2025-05-06 10:00:01,000 42 {level} db odoo.x: boom\n")
        assert "odoo.x: boom" in devenv.checklog(log), level


def test_failed_demo_data_fails_the_tier():
    """Odoo installs an addon whose demo data fails with only a warning."""
    log = LOG.replace(
        "WARNING t odoo.addons.x.models.y: something odd",
        "WARNING t odoo.modules.loading: Module x demo data failed to install, "
        "installed without demo data",
    )
    assert "demo data failed" in log
    assert devenv.demo_data_failures(devenv.parse_odoo_test_log(LOG)) == []
    found = devenv.demo_data_failures(devenv.parse_odoo_test_log(log))
    assert len(found) == 1 and "Module x demo data failed" in found[0]
