"""pylint-odoo (OCA mandatory checks, .pylintrc) and ruff (pyproject.toml)."""

import shutil
import subprocess
import sys


def run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def test_pylint_odoo_mandatory_checks(repo, repo_addon):
    assert repo_addon is not None, "no addon in the repository"
    rc, output = run(
        [
            sys.executable,
            "-m",
            "pylint",
            f"--rcfile={repo / '.pylintrc'}",
            repo_addon.name,
        ],
        repo,
    )
    assert "No module named pylint" not in output, "pip install pylint-odoo"
    assert rc == 0 and not output, f"pylint-odoo found problems:\n{output}"


def test_ruff(repo):
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    rc, output = run([*cmd, "check", "--no-fix", "--output-format=concise", "."], repo)
    assert "No module named ruff" not in output, "pip install ruff"
    assert rc == 0, f"ruff check found problems:\n{output}"


def test_ruff_format(repo):
    """The formatting pre-commit checks (ruff format), in CI as well."""
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    rc, output = run([*cmd, "format", "--check", "."], repo)
    assert "No module named ruff" not in output, "pip install ruff"
    assert rc == 0, f"ruff format would change files (run `ruff format`):\n{output}"
