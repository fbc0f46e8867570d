"""Several app processes behind nginx, for a class: `make serve N=3 PORT=8600` (python -m deploy.serve).

One Streamlit process runs every session's script in one interpreter, so it redraws only a few times a second.
This starts N processes of the app on free loopback ports, waits until each answers /_stcore/health, then
runs Debian's nginx in front on ADDRESS:PORT with deploy/nginx.conf.template (the same file deploy/compose.yaml
gives the nginx image). nginx keeps each browser on one process by a cookie and spreads browsers over all of
them. The processes share one cookie secret (from STREAMLIT_SERVER_COOKIE_SECRET, or a fresh one per run), so
a cookie one signs, another accepts. Everything this run writes (the nginx configuration, its pid, temp files,
the access log and one log per app process) goes to a run folder, never to /etc/nginx or /var.

Ctrl-C (or SIGTERM) stops nginx and every process. If a process dies while starting, the rest are stopped and
the exit status is non-zero; a process that dies later is reported, and nginx sends its viewers to the others.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
NGINX = os.environ.get("ATLAS_NGINX", "/usr/sbin/nginx")
# As `make run` sets it (see bench/server.py): memory freed by closed sessions goes back to the system.
APP_ENV = {"MALLOC_ARENA_MAX": "2"}
START_SECONDS = 120  # a process that has not answered its health check by then has failed to start
STOP_SECONDS = 15


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_command(port: int) -> list[str]:
    """The app as `make run` starts it, on a loopback port (only nginx listens anywhere else)."""
    return [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]


def render(template: str, listen: str, backends: list[str], access_log: str) -> str:
    """The template with its three names filled in; the line naming ${ATLAS_BACKEND} once per backend."""
    lines = []
    for line in template.splitlines():
        if line.lstrip().startswith("#"):  # comments describe the names; they stay as written
            lines.append(line)
        elif "${ATLAS_BACKEND}" in line:
            lines += [line.replace("${ATLAS_BACKEND}", backend) for backend in backends]
        else:
            line = line.replace("${ATLAS_LISTEN}", listen).replace("${ATLAS_ACCESS_LOG}", access_log)
            if "${" in line:
                raise ValueError(f"{TEMPLATE.name} names something serve.py does not fill in: {line.strip()}")
            lines.append(line)
    return "\n".join(lines) + "\n"


def main_conf(run_dir: Path, site: Path) -> str:
    """The top-level nginx file: every path nginx writes lies in the run folder, so it needs nothing of /etc."""
    temp = {name: run_dir / "temp" / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    return f"""# Written by deploy/serve.py for one run; the proxy itself is {site.name}, from {TEMPLATE.name}.
worker_processes 1;
pid {run_dir / "nginx.pid"};
error_log {run_dir / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    default_type application/octet-stream;
    include {site};
}}
"""


def _die_with_parent() -> None:
    """In the child: receive SIGTERM if the launcher dies without cleaning up (kill -9), instead of lingering."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class App:
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class Failed(RuntimeError):
    """A process or nginx did not start."""


class Cluster:
    """N app processes and nginx in front; a context manager, or start() and stop()."""

    def __init__(self, processes: int = 3, port: int = 8600, address: str = "127.0.0.1",
                 run_dir: Path | None = None, env: dict[str, str] | None = None, die_with_parent: bool = False):
        if processes < 1:
            raise ValueError("at least one process")
        self.count, self.port, self.address = processes, port, address
        self.own_dir = run_dir is None
        self.run_dir = Path(run_dir) if run_dir else Path(tempfile.mkdtemp(prefix="atlas-serve-"))
        self.env = {**os.environ, **APP_ENV, **(env or {})}
        # One secret for all: a cookie signed by one process must be accepted by the next (XSRF, after failover).
        self.env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
        self.preexec = _die_with_parent if die_with_parent else None
        self.apps: list[App] = []
        self.nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "") else self.address
        return f"http://{host}:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.run_dir / "access.log"

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _spawn(self, command: list[str], log: Path) -> subprocess.Popen:
        with open(log, "ab") as out:  # the child keeps its own copy of the descriptor
            # A session of its own: a terminal's Ctrl-C reaches only the launcher, which stops the rest in order.
            return subprocess.Popen(command, cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=self.preexec)

    def start(self) -> None:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir.chmod(0o711)  # nginx's workers (nobody, when started as root) reach their temp folders
        for _ in range(self.count):
            port = free_port()
            log = self.run_dir / f"app-{port}.log"
            self.apps.append(App(port, self._spawn(app_command(port), log), log))
        self._wait("app", [(app.process, f"{app.base}/_stcore/health", app.log) for app in self.apps])
        site = self.run_dir / "atlas.conf"
        site.write_text(render(TEMPLATE.read_text(encoding="utf-8"), f"{self.address}:{self.port}",
                               [f"127.0.0.1:{app.port}" for app in self.apps], str(self.access_log)))
        conf = self.run_dir / "nginx.conf"
        conf.write_text(main_conf(self.run_dir, site))
        (self.run_dir / "temp").mkdir(exist_ok=True)
        nginx_log = self.run_dir / "nginx.log"
        self.nginx = self._spawn([NGINX, "-e", str(self.run_dir / "nginx-error.log"), "-p", str(self.run_dir),
                                  "-c", str(conf), "-g", "daemon off;"], nginx_log)
        self._wait("nginx", [(self.nginx, f"{self.url}/_stcore/health", self.run_dir / "nginx-error.log")])
        self._write_state()

    def _wait(self, what: str, waiting: list[tuple[subprocess.Popen, str, Path]]) -> None:
        """Until each answers its health check; any that exits first (or never answers) fails the start."""
        deadline = time.monotonic() + START_SECONDS
        pending = list(waiting)
        while pending and time.monotonic() < deadline:
            for item in list(pending):
                process, url, log = item
                if process.poll() is not None:
                    raise Failed(f"{what} exited with {process.returncode} while starting:\n{_tail(log)}")
                if _answers(url):
                    pending.remove(item)
            if pending:
                time.sleep(0.2)
        if pending:
            raise Failed(f"{what} did not answer {pending[0][1]} within {START_SECONDS} s:\n{_tail(pending[0][2])}")

    def _write_state(self) -> None:
        """For tests and operators: who is serving, where, and where their logs are."""
        state = {"url": self.url, "run_dir": str(self.run_dir), "access_log": str(self.access_log),
                 "nginx": {"pid": self.nginx.pid},
                 "apps": [{"port": a.port, "pid": a.process.pid, "log": str(a.log)} for a in self.apps]}
        (self.run_dir / "state.json").write_text(json.dumps(state, indent=2))

    def dead(self) -> list[App]:
        return [app for app in self.apps if app.process.poll() is not None]

    def stop(self) -> None:
        """nginx first (no new requests reach a stopping process), then every app process; then the folder."""
        for process in ([self.nginx] if self.nginx else []) + [app.process for app in self.apps]:
            if process.poll() is None:
                process.terminate()
        for process in ([self.nginx] if self.nginx else []) + [app.process for app in self.apps]:
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_SECONDS)
        if self.own_dir:
            shutil.rmtree(self.run_dir, ignore_errors=True)


def _tail(log: Path, lines: int = 20) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--processes", type=int, default=3, help="app processes (default 3)")
    parser.add_argument("--port", type=int, default=8600, help="where nginx listens (default 8600)")
    parser.add_argument("--address", default="127.0.0.1",
                        help="where nginx listens (default 127.0.0.1; 0.0.0.0 shares it with the network)")
    parser.add_argument("--run-dir", type=Path, help="keep configuration and logs here (default: a temporary "
                                                     "folder, removed at the end)")
    args = parser.parse_args(argv)
    if not (Path(NGINX).exists() or shutil.which(NGINX)):
        print(f"nginx not found at {NGINX}: apt-get install -y nginx (or set ATLAS_NGINX)", file=sys.stderr)
        return 2
    # Both, explicitly: a launcher started in the background of a script inherits SIGINT ignored.
    signal.signal(signal.SIGINT, _raise_interrupt)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    cluster = Cluster(args.processes, args.port, args.address, args.run_dir, die_with_parent=True)
    reported: set[int] = set()
    try:
        cluster.start()
        print(f"{args.processes} app processes on ports {', '.join(str(a.port) for a in cluster.apps)}; "
              f"logs in {cluster.run_dir}")
        if args.address in ("0.0.0.0", ""):
            print("Listening on every interface: anyone on this network can open it.")
        print(f"Open {cluster.url}   (Ctrl-C stops nginx and every process)", flush=True)
        while True:
            if cluster.nginx.poll() is not None:
                print(f"nginx exited with {cluster.nginx.returncode}:\n{_tail(cluster.run_dir / 'nginx.log')}",
                      file=sys.stderr)
                return 1
            for app in cluster.dead():
                if app.port not in reported:
                    reported.add(app.port)
                    print(f"process on port {app.port} exited with {app.process.returncode}; nginx sends its "
                          f"viewers to the others", file=sys.stderr, flush=True)
            if len(reported) == len(cluster.apps):
                print("every app process has exited", file=sys.stderr)
                return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    except Failed as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cluster.stop()
        print("stopped", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
