"""The site configuration's header links and web addresses are on every page (the
repository's on every statement, in its "suggest a change" link), so they have limits
too: 5,000 links, or an address of 4 MB, would have been repeated into every page of
the site (see SECURITY.md, "Limits")."""

from __future__ import annotations

from pathlib import Path

from ladderpress.core import limits


def test_too_many_navigation_links(cli, site: Path, tmp_path: Path) -> None:
    count = limits.NAVIGATION.value + 1
    links = "".join(f"  - {{title: Link {n}, url: page-{n}/}}\n" for n in range(count))
    config = site / "ladderpress.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "navigation:\n" + links)
    result = cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert result.code == 1
    line = 3 + count  # two lines of title and description, then `navigation:`
    assert (
        f"ladderpress.yaml:{line}:5: error: navigation has {count} entries, over the limit "
        f"of {limits.NAVIGATION.value} navigation links: keep the main ones (the limits are "
        "listed in SECURITY.md) [limit]"
    ) in result.err
    assert not (tmp_path / "out").exists()


def test_a_repository_address_of_four_megabytes(cli, site: Path, tmp_path: Path) -> None:
    address = "https://github.com/acme/" + "a" * (4 << 20)
    config = site / "ladderpress.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"repository: {address}\n")
    result = cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert (
        f"ladderpress.yaml:3:13: error: repository has {len(address):,} characters, over the "
        f"limit of {limits.URL_CHARS.value:,} characters in a web address"
    ) in result.err
    assert not (tmp_path / "out").exists()
