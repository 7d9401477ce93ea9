"""Files a user adds to the output folder (a CNAME, a verification file) are kept and named;
one standing where the site has a file of its own stops the build instead of being
overwritten."""

from __future__ import annotations

import json
from pathlib import Path

from ladderpress.write.output import MANIFEST

from .checksums import checksums, no_traceback


def test_added_files_are_kept_and_named(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    (out / "CNAME").write_text("ladders.example.org\n")
    (out / "google1234.html").write_text("google-site-verification: google1234.html")
    (out / ".well-known").mkdir()
    (out / ".well-known/security.txt").write_text("Contact: mailto:security@example.org\n")
    (site / "frameworks/acme-engineering.yaml").write_text(
        (site / "frameworks/acme-engineering.yaml").read_text().replace("Acme", "Acme Ltd", 1)
    )

    result = cli("build", "--site", str(site))

    assert result.code == 0, result.err
    assert (out / "CNAME").read_text() == "ladders.example.org\n"
    assert (out / ".well-known/security.txt").is_file()
    assert (out / "google1234.html").is_file()
    assert "CNAME" in result.err and "static/" in result.err
    # And again with --clean, which renders everything anew but still owns only its files.
    assert cli("build", "--site", str(site), "--clean").code == 0
    assert (out / "CNAME").is_file()


def test_a_user_file_where_the_site_has_a_file_stops_the_build(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    manifest = json.loads((out / MANIFEST).read_text())
    del manifest["files"]["robots.txt"]  # as if an older build had not written it
    (out / MANIFEST).write_text(json.dumps(manifest))
    (out / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    before = checksums(out)
    (site / "frameworks/acme-engineering.yaml").write_text(
        (site / "frameworks/acme-engineering.yaml").read_text().replace("Acme", "Acme Ltd", 1)
    )

    result = cli("build", "--site", str(site))

    assert result.code == 1
    assert "robots.txt" in result.err and "not written by ladderpress" in result.err
    assert no_traceback(result.err)
    assert checksums(out) == before
