"""``apptest``: replay scenarios against their snapshots, review and accept changes.

A thin adapter: argument parsing and printing only; the work lives in the layers. The replay
path imports neither pytest nor syrupy.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["EXIT_CHANGED", "EXIT_ERROR", "EXIT_MISSING", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0  # every scenario matched its snapshot
EXIT_CHANGED = 1  # at least one snapshot differs
EXIT_USAGE = 2  # bad command line
EXIT_ERROR = 3  # a scenario file is invalid, a step could not be performed, or an expectation failed
EXIT_MISSING = 4  # a scenario has no stored snapshot (run with --update to write it)

EPILOG = """\
examples:
  apptest replay                       replay every scenario under scenarios/
  apptest replay scenarios/counter.yaml
  apptest replay scenarios/shop --update   write new and changed snapshots
  apptest replay --timeout 10 scenarios/slow.yaml
  apptest review                       walk pending changes: accept / reject / skip
  apptest accept counter               accept the pending change of one scenario
  apptest accept                       accept every pending change
  apptest reject                       drop every pending change

exit codes (replay):
  0  all scenarios match their snapshots
  1  at least one snapshot differs (the received one is kept for `apptest review`)
  2  usage error
  3  a scenario file is invalid, a step failed, or an expectation did not hold
  4  a scenario has no snapshot yet (run with --update)
"""


def _color(enabled: bool) -> dict[str, str]:
    if not enabled:
        return {k: "" for k in ("red", "green", "yellow", "bold", "dim", "reset")}
    return {"red": "\x1b[31m", "green": "\x1b[32m", "yellow": "\x1b[33m", "bold": "\x1b[1m", "dim": "\x1b[2m",
            "reset": "\x1b[0m"}


def _find_scenarios(paths: Sequence[str]) -> list[Path]:
    from pathlib import Path

    found: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(sorted(q for q in path.rglob("*.yaml") if "apps" not in q.relative_to(path).parts[:-1]
                                and not q.name.startswith(".")))
            found.extend(sorted(q for q in path.rglob("*.yml") if "apps" not in q.relative_to(path).parts[:-1]))
        else:
            found.append(path)
    return found


def _display(path: Path) -> str:
    from pathlib import Path

    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _freeze_start_up_heap() -> None:
    """Leave what start-up allocated (modules, classes, the scenario) out of garbage collection.

    Those objects live until the process exits, yet every full collection would scan them again,
    and the interpreter runs several full collections while it shuts down: for a short replay
    that is about a sixth of the command's CPU time. The apps' objects are allocated afterwards
    and collected as usual.
    """
    from apptest.runtime.streamlit_api import st  # noqa: F401 - what every run installs

    gc.freeze()
    gc.enable()


def _cmd_replay(args: argparse.Namespace | _ReplayArgs, *, freeze_heap: bool = False) -> int:
    """``apptest replay``; ``freeze_heap`` when this is the ``apptest`` process itself.

    Then collection is off during start-up (imports, reading the scenarios), and what start-up
    allocated is frozen before the first app runs (:func:`_freeze_start_up_heap`).
    """
    if not freeze_heap:
        return _replay(args, freeze_heap=False)
    gc.disable()
    try:
        return _replay(args, freeze_heap=True)
    finally:
        gc.enable()


def _replay(args: argparse.Namespace | _ReplayArgs, *, freeze_heap: bool) -> int:
    from apptest.errors import ApptestError, ScenarioError
    from apptest.replay.engine import Replayer
    from apptest.scenario.loader import load_scenario
    from apptest.snapshot import layout
    from apptest.snapshot.serialize import dump_trace

    c = _color(sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    files = _find_scenarios(args.paths or ["scenarios"])
    if not files:
        print(f"apptest: no scenario files found in {', '.join(args.paths or ['scenarios'])}", file=sys.stderr)
        return EXIT_USAGE
    counts = {"passed": 0, "changed": 0, "new": 0, "missing": 0, "error": 0, "updated": 0}
    for f in files:
        shown = layout.display_path(f) if f.exists() else _display(f)
        if not f.exists():
            print(f"{c['red']}ERROR{c['reset']}   {shown}: no such file")
            counts["error"] += 1
            continue
        try:
            scenario = load_scenario(f)
        except ScenarioError as err:
            counts["error"] += 1
            print(f"{c['red']}ERROR{c['reset']}   {shown}: invalid scenario")
            for p in err.problems:
                print(_indent(str(p)))
            continue
        if freeze_heap:
            _freeze_start_up_heap()
            freeze_heap = False
        try:
            replayer = Replayer(scenario, timeout=args.timeout, display_path=shown)
            _arm_hard_stop(shown, c, replayer)
            trace = replayer.run()
        except ApptestError as err:  # defensive: the engine records step errors itself
            counts["error"] += 1
            print(f"{c['red']}ERROR{c['reset']}   {shown}: {err}")
            continue
        failed = trace.failed_step
        if failed is not None:
            counts["error"] += 1
            print(f"{c['red']}ERROR{c['reset']}   {failed.error}")
            continue
        for _index, message in trace.expectation_failures:
            counts["error"] += 1
            print(f"{c['red']}FAILED{c['reset']}  {message}")
        received = dump_trace(trace)
        snap = layout.snapshot_path(f)
        stored = snap.read_text(encoding="utf-8") if snap.exists() else None
        steps = len(trace.steps) - 1
        if stored == received:
            counts["passed"] += 1
            layout.discard_received(f)
            if not args.quiet:
                print(f"{c['green']}PASS{c['reset']}    {shown} ({steps} steps)")
            continue
        if args.update:
            try:
                layout.write_snapshot(f, received)
            except ApptestError as err:
                counts["error"] += 1
                print(f"{c['red']}ERROR{c['reset']}   {shown}: {err}")
                continue
            layout.discard_received(f)
            key = "new" if stored is None else "updated"
            counts[key] += 1
            word = "NEW" if stored is None else "UPDATED"
            print(f"{c['yellow']}{word:<8}{c['reset']}{shown} -> {_display(snap)}")
            continue
        if stored is None:
            counts["missing"] += 1
            print(f"{c['yellow']}MISSING{c['reset']} {shown}: no snapshot at {_display(snap)}; "
                  f"run `apptest replay {shown} --update` to write it")
            continue
        counts["changed"] += 1
        from apptest.snapshot.diff import compare

        cmp = compare(stored, received)
        print(f"{c['red']}CHANGED{c['reset']} {cmp.summary_line(shown)}")
        print(_indent(cmp.step_diff()))
        try:
            layout.keep_received(f, received)
            print(f"        accept with: apptest accept {layout.name_of(f)}   (or: apptest replay {shown} --update)")
        except ApptestError:
            print(f"        accept with: apptest replay {shown} --update")
    total = len(files)
    parts = [f"{v} {k}" for k, v in counts.items() if v]
    print(f"{c['bold']}{total} scenario{'s' if total != 1 else ''}: {', '.join(parts)}{c['reset']}")
    if counts["error"]:
        return EXIT_ERROR
    if counts["changed"]:
        return EXIT_CHANGED
    if counts["missing"]:
        return EXIT_MISSING
    return EXIT_OK


def _arm_hard_stop(shown: str, c: dict[str, str], replayer: Any) -> None:
    """If an app swallows every interruption, report it and exit rather than hang forever."""
    from apptest.runtime import script_runner

    def stop(seconds: float) -> None:
        step = replayer.current_step
        where = f"{shown}:{step.line} (step {step.index})" if step is not None else f"{shown} (step 0)"
        print(
            f"{c['red']}ERROR{c['reset']}   {where}: the app did not stop within {2 * seconds:g} s and catches "
            "every interruption (a bare `except:` or `except BaseException:` inside an endless loop)\n"
            "    fix: let the app's loop end, or catch `Exception` instead of everything; "
            "apptest stopped here without writing this scenario's snapshot",
            flush=True,
        )
        os._exit(EXIT_ERROR)

    script_runner.hard_stop = stop


def _indent(text: str, prefix: str = "        ") -> str:
    return "\n".join(prefix + line if line else line for line in text.rstrip("\n").splitlines())


def _cmd_accept(args: argparse.Namespace, *, accept: bool) -> int:
    from apptest.errors import ApptestError
    from apptest.snapshot import layout

    pending = layout.pending(args.names)
    if not pending:
        print("apptest: no pending snapshot changes" + (f" matching {' '.join(args.names)}" if args.names else ""))
        return EXIT_OK if not args.names else EXIT_USAGE
    for item in pending:
        try:
            (layout.accept if accept else layout.reject)(item)
        except ApptestError as err:
            print(f"apptest: {err}", file=sys.stderr)
            return EXIT_ERROR
        print(f"{'accepted' if accept else 'rejected'} {item.name}")
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from apptest.snapshot import layout
    from apptest.snapshot.diff import compare

    pending = layout.pending(args.names)
    if not pending:
        print("apptest: no pending snapshot changes")
        return EXIT_OK
    interactive = sys.stdin.isatty() and not args.yes
    for item in pending:
        stored = item.stored.read_text(encoding="utf-8") if item.stored.exists() else ""
        received = item.received.read_text(encoding="utf-8")
        cmp = compare(stored, received)
        print(cmp.summary_line(item.name))
        print(_indent(cmp.full_diff() if args.full else cmp.step_diff()))
        if not interactive:
            print("        (not a terminal: use `apptest accept NAME` or `apptest reject NAME`)")
            continue
        while True:
            answer = input("accept [a] / reject [r] / skip [s] / quit [q]? ").strip().lower()[:1]
            if answer in ("a", "r", "s", "q"):
                break
        if answer == "q":
            break
        if answer == "a":
            layout.accept(item)
            print(f"accepted {item.name}")
        elif answer == "r":
            layout.reject(item)
            print(f"rejected {item.name}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            self.print_usage(sys.stderr)
            print(f"{self.prog}: error: {message}", file=sys.stderr)
            sys.exit(EXIT_USAGE)

    parser = _Parser(
        prog="apptest",
        description="Replay Streamlit app scenarios against committed snapshots, and review changes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    rp = sub.add_parser("replay", help="replay scenarios and compare them with their snapshots", epilog=EPILOG,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    rp.add_argument("paths", nargs="*", metavar="PATH", help="scenario files or folders (default: scenarios/)")
    rp.add_argument("--update", action="store_true", help="write new and changed snapshots")
    rp.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                    help="seconds allowed per script run (default: the scenario's, else 3)")
    rp.add_argument("-q", "--quiet", action="store_true", help="print only scenarios that did not pass")
    for name, helptext in (("accept", "accept pending snapshot changes"), ("reject", "drop pending snapshot changes")):
        ap = sub.add_parser(name, help=helptext)
        ap.add_argument("names", nargs="*", metavar="NAME", help="scenario names or paths (default: all pending)")
    rv = sub.add_parser("review", help="walk pending snapshot changes: accept / reject / skip")
    rv.add_argument("names", nargs="*", metavar="NAME")
    rv.add_argument("--full", action="store_true", help="show the whole file diff, not only the first diverging step")
    rv.add_argument("--yes", action="store_true", help=argparse.SUPPRESS)
    return parser


class _ReplayArgs:
    """What the parser gives for ``replay [PATH ...] [--update] [-q]`` (see :func:`_plain_replay`)."""

    command = "replay"
    timeout: float | None = None

    def __init__(self, paths: list[str], update: bool, quiet: bool) -> None:
        self.paths = paths
        self.update = update
        self.quiet = quiet


_REPLAY_FLAGS = {"--update": "update", "-q": "quiet", "--quiet": "quiet"}


def _plain_replay(argv: Sequence[str]) -> _ReplayArgs | None:
    """The arguments of the common ``replay`` command lines, read without building the parser.

    Only ``replay`` followed by the flags ``--update``, ``-q``/``--quiet`` and paths, the paths
    in one run (before, between or after the flags: what the parser accepts). Anything else
    (``--timeout``, ``--help``, an unknown option, paths split by a flag, ...) returns ``None``
    and goes through the parser, which gives the same result for the lines read here.
    """
    if not argv or argv[0] != "replay":
        return None
    paths: list[str] = []
    update = quiet = False
    state = 0  # 0: no path yet, 1: reading paths, 2: a flag after the paths
    for arg in argv[1:]:
        flag = _REPLAY_FLAGS.get(arg)
        if flag is not None:
            if state == 1:
                state = 2
            if flag == "update":
                update = True
            else:
                quiet = True
        elif arg.startswith("-") or state == 2:
            return None
        else:
            state = 1
            paths.append(arg)
    return _ReplayArgs(paths, update, quiet)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``apptest`` command line; ``argv`` defaults to ``sys.argv[1:]``.

    Without ``argv`` this is the ``apptest`` command itself (the process exits when it returns),
    and ``replay`` leaves its start-up heap out of garbage collection (see :func:`_cmd_replay`);
    called with ``argv``, nothing process-wide is changed.
    """
    plain = _plain_replay(sys.argv[1:] if argv is None else list(argv))
    if plain is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
    try:
        if plain is not None:
            return _cmd_replay(plain, freeze_heap=argv is None)
        if args.command == "replay":
            return _cmd_replay(args, freeze_heap=argv is None)
        if args.command == "accept":
            return _cmd_accept(args, accept=True)
        if args.command == "reject":
            return _cmd_accept(args, accept=False)
        if args.command == "review":
            return _cmd_review(args)
    except KeyboardInterrupt:
        print("\napptest: interrupted; no snapshot was half-written", file=sys.stderr)
        return 130
    return EXIT_USAGE  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
