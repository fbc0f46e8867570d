"""Command line: `python -m atlas validate` checks every data file; `python -m atlas export DIR` writes the CSVs;
`python -m atlas deck OUT.pptx|OUT.pdf [--sector ...]` writes the deck the Present page shows for those filters."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import fidelity, filters, package, store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas")
    parser.add_argument("--data", type=Path, default=store.DATA_DIR, help="data folder (default: data/)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file against schema and sources")
    check.add_argument("--seeds", type=Path, default=None, help="folder of source documents")
    out = commands.add_parser("export", help="write the data package: four CSVs, datapackage.json, README.md")
    out.add_argument("directory", type=Path)
    out.add_argument("--zip", action="store_true", help="one nqp-atlas.zip instead of the files")
    slides = commands.add_parser("deck", help="write the deck as PPTX or PDF (by the file's suffix)")
    slides.add_argument("output", type=Path)
    for key in filters.MULTI_KEYS:
        slides.add_argument(f"--{key}", action="append", default=[], help=f"as {key}= in a link; may repeat")
    for key in ("from", "to", "q"):
        slides.add_argument(f"--{key}", dest=key, default=None, help=f"as {key}= in a link")
    args = parser.parse_args(argv)

    atlas = store.load(args.data)
    if args.command == "deck":
        return _deck(atlas, args)
    if args.command == "export":
        for path in package.write(atlas, args.directory, as_zip=args.zip):
            print(f"wrote {path}")
        for problem in atlas.problems:
            print(f"skipped: {problem}", file=sys.stderr)
        return 1 if atlas.problems else 0

    problems = list(atlas.problems) + fidelity.audit(atlas, args.seeds or store.seeds_dir(), args.data)
    for problem in problems:
        print(problem)
    summary = (f"{len(atlas.cases)} cases, {len(atlas.metrics)} figures, {len(atlas.events)} events, "
               f"{len(atlas.sources)} sources")
    print(f"{'FAILED' if problems else 'OK'}: {summary}; {len(problems)} problem(s)")
    return 1 if problems else 0


def _deck(atlas: store.Atlas, args: argparse.Namespace) -> int:
    from atlas import deck

    params = {key: getattr(args, key) for key in filters.MULTI_KEYS}
    params |= {key: [value] for key in ("from", "to", "q") if (value := getattr(args, key)) is not None}
    selection, notices = filters.parse(params, atlas)
    for line in [*notices, *(f"skipped: {p}" for p in atlas.problems)]:
        print(line, file=sys.stderr)
    suffix = args.output.suffix.lower()
    if suffix not in (".pptx", ".pdf"):
        print("the output file must end in .pptx or .pdf", file=sys.stderr)
        return 2
    try:
        slides = deck.slides(atlas, filters.apply(atlas, selection), selection)
    except ValueError as error:  # no case in view, or more slides than a file holds
        print(error, file=sys.stderr)
        return 1
    args.output.write_bytes(deck.file(suffix[1:], lambda: slides))
    print(f"wrote {args.output}: {len(slides)} slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
