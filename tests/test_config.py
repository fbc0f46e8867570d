"""Local by default: the settings Streamlit actually applies when started from the project folder."""

from __future__ import annotations

import re
import subprocess
import sys

from atlas.store import ROOT


def _effective() -> str:
    shown = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT, capture_output=True,
                           text=True, check=True, env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT / ".no-home")})
    return shown.stdout


def _value(text: str, section: str, option: str) -> str:
    block = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    match = re.search(rf"^{option} = (.+)$", block, re.MULTILINE)
    assert match, f"{section}.{option} not shown"
    return match.group(1).strip()


def test_the_project_config_keeps_the_app_local_and_quiet():
    text = _effective()
    assert _value(text, "server", "address") == '"127.0.0.1"'
    assert _value(text, "browser", "gatherUsageStats") == "false"
    assert _value(text, "server", "enableXsrfProtection") == "true"
    # Static serving is on for the map's label glyphs only: static/ holds those and nothing else.
    assert _value(text, "server", "enableStaticServing") == "true"
    served = [p for p in (ROOT / "static").rglob("*") if p.is_file()]
    assert served and all(p.suffix == ".pbf" and p.parent.parent == ROOT / "static" / "glyphs" for p in served), served
    assert _value(text, "client", "showErrorDetails") == '"none"'
    assert _value(text, "client", "showSidebarNavigation") == "false", "the frame draws its own links"


def test_no_page_accepts_uploads_or_renders_html():
    files = [*ROOT.glob("pages/*.py"), *ROOT.glob("atlas/*.py"), ROOT / "dashboard.py"]
    assert len(files) > 10
    code = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert "file_uploader" not in code and "camera_input" not in code
    assert "unsafe_allow_html" not in code and "components.v1" not in code
    # The one st.html call sends a static stylesheet from assets/ (never data): ui.stylesheet.
    assert code.count("st.html(") == 1 and 'st.html(store.ROOT / "assets" / name)' in code
    assert "stylesheet(f" not in code, "a stylesheet is named by a literal"


def test_make_run_starts_the_server_as_the_tests_and_bench_do():
    from bench.server import SERVER_ENV

    run = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    for name, value in SERVER_ENV.items():
        assert f"{name}={value} " in run
