"""Command line: `python -m atlas validate` checks every data file; `python -m atlas export DIR` writes the CSVs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import export, fidelity, store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas")
    parser.add_argument("--data", type=Path, default=store.DATA_DIR, help="data folder (default: data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file against schema and sources")
    check.add_argument("--seeds", type=Path, default=None, help="folder of source documents")
    out = commands.add_parser("export", help="write cases.csv, metrics.csv, events.csv, sources.csv")
    out.add_argument("directory", type=Path)
    args = parser.parse_args(argv)

    atlas = store.load(args.data)
    if args.command == "export":
        for path in export.write(atlas, args.directory):
            print(f"wrote {path}")
        for problem in atlas.problems:
            print(f"skipped: {problem}", file=sys.stderr)
        return 1 if atlas.problems else 0

    problems = list(atlas.problems) + fidelity.audit(atlas, args.seeds or fidelity.seeds_dir())
    for problem in problems:
        print(problem)
    summary = (f"{len(atlas.cases)} cases, {len(atlas.metrics)} figures, {len(atlas.events)} events, "
               f"{len(atlas.sources)} sources")
    print(f"{'FAILED' if problems else 'OK'}: {summary}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
