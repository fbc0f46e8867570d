"""Command line: `python -m atlas validate` checks every data file; `python -m atlas export DIR` writes the CSVs;
`python -m atlas deck OUT.pptx|OUT.pdf [--sector ...]` writes the deck the Present page shows for those filters;
`python -m atlas cite ID [--format text|bibtex|ris|csl-json]` cites one figure or event."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import cite, fidelity, filters, package, store


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
    quote = commands.add_parser("cite", help="cite one figure or event by its id")
    quote.add_argument("id")
    quote.add_argument("--format", choices=cite.FORMATS, default="text")
    args = parser.parse_args(argv)

    atlas = store.load(args.data)
    if args.command == "cite":
        return _cite(atlas, args.id, args.format)
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


def _cite(atlas: store.Atlas, record_id: str, form: str) -> int:
    """A record's citation on stdout; its permalink on $ATLAS_PUBLIC_URL, else on `make run`'s local address (the
    citation then says the link is local)."""
    import datetime

    base = cite.public_base()
    link = cite.permalink(record_id.strip().lower(), base or "http://127.0.0.1:8501")
    ref = cite.reference(atlas, record_id, link, not base, datetime.date.today())
    if ref is None:
        print(f"no figure or event has the id {record_id!r}", file=sys.stderr)
        return 1
    sys.stdout.write(cite.render(ref, form))
    return 0


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
