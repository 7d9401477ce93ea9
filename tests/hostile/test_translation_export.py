"""`ladderpress export` writes a translation's files where the site publishes them, under
`<language>/`: never over the original's `<slug>.json` and `<slug>.csv`."""

from __future__ import annotations

import json
from pathlib import Path


def test_a_translation_does_not_replace_the_original_export(
    cli, site: Path, tmp_path: Path
) -> None:
    original = site / "frameworks/acme-engineering.yaml"
    translation = site / "frameworks/acme-engineering.fr.yaml"
    text = original.read_text(encoding="utf-8")
    translation.write_text(text.replace("title: Engineering ladder", "title: Échelle"))
    out = tmp_path / "export"

    result = cli("export", "--site", str(site), "--out", str(out))

    assert result.code == 0, result.err
    english = json.loads((out / "acme-engineering.json").read_text(encoding="utf-8"))
    french = json.loads((out / "fr/acme-engineering.json").read_text(encoding="utf-8"))
    assert (english["title"], french["title"]) == ("Engineering ladder", "Échelle")
    assert (out / "acme-engineering.csv").is_file() and (out / "fr/acme-engineering.csv").is_file()
    index = json.loads((out / "frameworks.json").read_text(encoding="utf-8"))
    assert [f["json"] for f in index["frameworks"]] == ["acme-engineering.json"]
