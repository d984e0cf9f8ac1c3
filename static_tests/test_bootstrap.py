"""The Odoo bootstrap (tools/odoo_bootstrap.py) without network: a fake
minimal Odoo tree served as a file:// tarball and as a one-commit git repo."""

import hashlib
import io
import subprocess
import tarfile

import devenv
import odoo_bootstrap as boot
import pytest

RELEASE = "version_info = (18, 0, 0, 'final', 0, '')\n"
REQUIREMENTS = """\
Babel==2.10.3
psycopg2==2.9.5 ; python_version == '3.11'
python-ldap==3.4.0 ; sys_platform != 'win32' and python_version < '3.12'
polib==1.1.1  # a comment
"""


def fake_tree(root):
    (root / "odoo").mkdir(parents=True)
    (root / "odoo" / "release.py").write_text(RELEASE)
    (root / "odoo" / "__init__.py").write_text("")
    (root / "requirements.txt").write_text(REQUIREMENTS)
    return root


def make_tarball(path, members):
    """`members`: (name, text or None for a folder, or TarInfo tweaks)."""
    with tarfile.open(path, "w:gz") as tar:
        for name, text in members:
            info = tarfile.TarInfo(name)
            if text is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif isinstance(text, dict):
                for key, value in text.items():
                    setattr(info, key, value)
                tar.addfile(info)
            else:
                data = text.encode()
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


GOOD = [
    ("odoo-18.0", None),
    ("odoo-18.0/odoo", None),
    ("odoo-18.0/odoo/__init__.py", ""),
    ("odoo-18.0/odoo/release.py", RELEASE),
    ("odoo-18.0/requirements.txt", REQUIREMENTS),
]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tarball_source(path, digest=None):
    return boot.parse_source(f"file://{path}#sha256={digest or sha256(path)}")


def leftovers(cache):
    return sorted(p.name for p in cache.iterdir()) if cache.exists() else []


def test_tarball_is_extracted_then_served_from_the_cache(tmp_path):
    tarball = make_tarball(tmp_path / "odoo.tar.gz", GOOD)
    cache = tmp_path / "cache"
    source = tarball_source(tarball)
    src = boot.fetch(source, cache)
    assert src == cache / source.key / "src"
    assert (src / "odoo" / "release.py").read_text() == RELEASE
    tarball.unlink()  # a second fetch must not need the source any more
    assert boot.fetch(source, cache) == src
    assert leftovers(cache) == [source.key]


def test_wrong_checksum_leaves_nothing_behind(tmp_path):
    tarball = make_tarball(tmp_path / "odoo.tar.gz", GOOD)
    cache = tmp_path / "cache"
    source = tarball_source(tarball, "0" * 64)
    with pytest.raises(boot.BootstrapError, match="SHA-256 is .* the pin says 0000"):
        boot.fetch(source, cache)
    assert not (cache / source.key / "src").exists()
    assert not any(p.name.startswith(".partial") for p in cache.iterdir())


@pytest.mark.parametrize(
    "member",
    [
        ("odoo-18.0/../../escaped.txt", "x"),
        ("/tmp/absolute.txt", "x"),
        ("odoo-18.0/link", {"type": tarfile.SYMTYPE, "linkname": "/etc/passwd"}),
    ],
    ids=["dotdot", "absolute", "symlink-out"],
)
def test_unsafe_member_is_refused(tmp_path, member):
    tarball = make_tarball(tmp_path / "odoo.tar.gz", [*GOOD, member])
    cache = tmp_path / "deep" / "cache"
    source = tarball_source(tarball)
    with pytest.raises(boot.BootstrapError, match="unsafe member"):
        boot.fetch(source, cache)
    assert not (tmp_path / "escaped.txt").exists()
    assert leftovers(cache) == [source.key]
    assert not (cache / source.key / "src").exists()


def test_tree_without_odoo_is_refused(tmp_path):
    tarball = make_tarball(tmp_path / "x.tar.gz", [("x", None), ("x/README", "hi")])
    with pytest.raises(boot.BootstrapError, match="not an Odoo source tree"):
        boot.fetch(tarball_source(tarball), tmp_path / "cache")


def test_unreachable_source_gives_the_one_message(tmp_path):
    source = boot.parse_source(f"file://{tmp_path}/absent.tar.gz#sha256={'a' * 64}")
    with pytest.raises(boot.SourceUnreachable) as caught:
        boot.fetch(source, tmp_path / "cache")
    message = str(caught.value)
    assert "cannot be reached" in message
    assert "ODOO_PATH" in message and "ODOO_SOURCE=file://" in message
    assert not (tmp_path / "cache" / source.key / "src").exists()


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def git_repo(tmp_path):
    repo = fake_tree(tmp_path / "odoo-git")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "odoo")
    return repo


def test_git_commit_is_fetched(tmp_path, git_repo):
    commit = git(git_repo, "rev-parse", "HEAD")
    source = boot.parse_source(f"{git_repo}@{commit}")
    assert source.kind == "git"
    src = boot.fetch(source, tmp_path / "cache")
    assert (src / "odoo" / "release.py").read_text() == RELEASE
    assert not (src / ".git").exists()
    assert leftovers(tmp_path / "cache") == [source.key]


def test_unknown_git_commit_is_unreachable(tmp_path, git_repo):
    source = boot.parse_source(f"{git_repo}@{'1' * 40}")
    with pytest.raises(boot.SourceUnreachable):
        boot.fetch(source, tmp_path / "cache")
    assert leftovers(tmp_path / "cache") == [source.key]


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/odoo.tar.gz",  # no checksum
        "https://github.com/odoo/odoo.git@18.0",  # a branch moves
        "/srv/odoo.tar.gz#sha256=" + "a" * 64,  # a tarball needs a URL
    ],
)
def test_unpinned_source_is_refused(text):
    with pytest.raises(boot.BootstrapError, match="ODOO_SOURCE"):
        boot.parse_source(text)


def test_the_pin_file_is_pinned(monkeypatch):
    monkeypatch.delenv("ODOO_SOURCE", raising=False)
    assert boot.pinned_source().kind in ("git", "tarball")
    monkeypatch.setenv("ODOO_SOURCE", "/x.git@" + "b" * 40)
    assert boot.pinned_source().location == "/x.git"


@pytest.mark.parametrize("pg_config", [True, False])
def test_requirements_substitutions(tmp_path, pg_config):
    wanted = boot.odoo_requirements(fake_tree(tmp_path / "o"), pg_config)
    psycopg = "psycopg2==2.9.5" if pg_config else "psycopg2-binary==2.9.5"
    assert wanted == [
        "Babel==2.10.3",
        f"{psycopg} ; python_version == '3.11'",
        "polib==1.1.1",
    ]


def test_offline_test_run_names_the_way_out(monkeypatch, tmp_path, capsys):
    """No Odoo and an unreachable source: the static tier alone decides and
    the skipped Odoo tiers say why, naming ODOO_PATH and ODOO_SOURCE."""

    def missing():
        raise devenv.OdooMissing("no importable 'odoo' package")

    monkeypatch.setattr(devenv, "find_odoo", missing)
    monkeypatch.setattr(devenv, "DEVENV_DIR", tmp_path / "devenv")
    monkeypatch.delenv(devenv.BOOTSTRAPPED, raising=False)
    monkeypatch.setenv("ODOO_SOURCE", f"file://{tmp_path}/none.tgz#sha256={'c' * 64}")
    monkeypatch.setattr(
        devenv,
        "run_static_tier",
        lambda log_dir: devenv.TierResult("static", passed=1).finish(),
    )
    assert devenv.main(["test"]) == 0
    out = capsys.readouterr().out
    assert "ODOO TIERS SKIPPED" in out
    assert "cannot be reached" in out and "ODOO_SOURCE=file://" in out
    assert out.rstrip().endswith("1 passed, 0 failed, 2 skipped")
    assert devenv.main(["serve"]) == 2
    assert "cannot be reached" in capsys.readouterr().out
