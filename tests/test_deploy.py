"""The serving files agree with each other: one proxy template for `make serve` and compose, an image that
holds what the app reads, and a launcher that starts the app as `make run` does. (No Docker engine here:
these read the files; nginx itself checks the rendered configuration.)"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from atlas.store import ROOT
from deploy import serve

DEPLOY = ROOT / "deploy"
TEMPLATE_NAMES = {"ATLAS_LISTEN", "ATLAS_BACKEND", "ATLAS_ACCESS_LOG"}


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def _make_default(name: str) -> str:
    match = re.search(rf"^{name} \?= (\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"Makefile sets {name}"
    return match.group(1)


def _directives(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_compose_runs_the_image_behind_nginx_with_the_make_serve_template():
    compose = _compose()
    assert set(compose["services"]) == {"app", "proxy"}
    app, proxy = compose["services"]["app"], compose["services"]["proxy"]
    assert app["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert app["deploy"]["replicas"] == int(_make_default("N")), "as many processes as make serve starts"
    secret = app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert secret.startswith("${ATLAS_COOKIE_SECRET:?"), "one secret from the operator, never a literal"
    assert proxy["depends_on"] == {"app": {"condition": "service_healthy"}}
    source, target, mode = proxy["volumes"][0].split(":")
    assert (DEPLOY / source).resolve() == serve.TEMPLATE, "the same file make serve renders"
    assert target == "/etc/nginx/templates/default.conf.template" and mode == "ro"
    assert set(proxy["environment"]) == TEMPLATE_NAMES
    assert proxy["environment"]["ATLAS_BACKEND"] == "app:8501"
    assert all(port.startswith("127.0.0.1:") for port in proxy["ports"]), "local by default, like make run"
    assert "ports" not in app, "the replicas are reached only through the proxy"


def test_the_template_names_only_what_both_fill_in():
    text = serve.TEMPLATE.read_text(encoding="utf-8")
    names = set(re.findall(r"\$\{(\w+)\}", _directives(text)))
    assert names == TEMPLATE_NAMES
    # The nginx image's envsubst replaces any environment variable named in the file: nginx's own
    # variables must never look like one.
    assert all(name.islower() for name in re.findall(r"\$(\w+)", _directives(text)) if not name.startswith("{"))


def test_render_writes_one_server_line_per_process_and_fills_every_name():
    text = serve.render(serve.TEMPLATE.read_text(encoding="utf-8"), "127.0.0.1:8600",
                        ["127.0.0.1:1001", "127.0.0.1:1002", "127.0.0.1:1003"], "/tmp/x/access.log")
    body = _directives(text)
    servers = re.findall(r"^\s*server (\S+) max_fails=1 fail_timeout=\d+s;$", body, re.MULTILINE)
    assert servers == ["127.0.0.1:1001", "127.0.0.1:1002", "127.0.0.1:1003"]
    assert "listen 127.0.0.1:8600;" in body and "access_log /tmp/x/access.log atlas;" in body
    assert "${" not in body
    assert "hash $atlas_route consistent;" in body
    assert "proxy_next_upstream error timeout http_502 http_503;" in body
    with pytest.raises(ValueError):
        serve.render("listen ${ATLAS_LISTEN}; root ${SOMETHING_ELSE};", "1", ["2"], "3")


def test_nginx_accepts_the_rendered_configuration(tmp_path):
    if not shutil.which(serve.NGINX):
        pytest.fail(f"nginx not found at {serve.NGINX}: .ci/run installs it (apt-get install -y nginx)")
    site = tmp_path / "atlas.conf"
    site.write_text(serve.render(serve.TEMPLATE.read_text(encoding="utf-8"), "127.0.0.1:8600",
                                 ["127.0.0.1:1001", "127.0.0.1:1002"], str(tmp_path / "access.log")))
    (tmp_path / "temp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(serve.main_conf(tmp_path, site))
    checked = subprocess.run([serve.NGINX, "-t", "-e", str(tmp_path / "error.log"), "-p", str(tmp_path),
                              "-c", str(conf)], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    written = _directives(conf.read_text() + site.read_text())
    assert "/etc/nginx" not in written and "/var/" not in written, "a run touches nothing of the system's nginx"


def test_the_image_holds_what_the_app_reads_and_nothing_else_is_sent():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    copied = [source.rstrip("/") for line in re.findall(r"^COPY (.+) \S+$", dockerfile, re.MULTILINE)
              for source in line.split()]
    assert copied == ["requirements.txt", ".streamlit", "dashboard.py", "atlas", "pages", "data", "geo", "assets",
                      "static"]
    assert all((ROOT / source).exists() for source in copied)
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    allowed = [line[1:].rstrip("/") for line in ignore.splitlines() if line.startswith("!")]
    assert allowed == copied, "the build context holds exactly what is copied"
    assert "requirements-dev.txt" not in dockerfile and "requirements-geo.txt" not in dockerfile
    assert re.search(r"^USER \d+:\d+$", dockerfile, re.MULTILINE), "a numeric, non-root user"
    assert "MALLOC_ARENA_MAX=2" in dockerfile and "/_stcore/health" in dockerfile


def test_the_launcher_starts_the_app_as_make_run_does():
    from bench.server import SERVER_ENV

    assert serve.APP_ENV == SERVER_ENV
    run = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    command = serve.app_command(9999)
    assert command[command.index("run") + 1] == "dashboard.py" and "dashboard.py --server.port" in run
    assert command[command.index("--server.address") + 1] == "127.0.0.1", "only nginx listens beyond loopback"
