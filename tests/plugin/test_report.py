"""``--apptest-report PATH``: one self-contained HTML file; each changed scenario's first
diverging step, stored and received side by side, the differing characters highlighted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from ._helpers import Project

_VOID = {"meta", "br", "col", "img", "hr", "input", "link"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        found = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag and (cls is None or cls in c.classes):
                    found.append(c)
                found.extend(c.find_all(tag, cls))
        return found


class _Builder(HTMLParser):
    """A strict little DOM builder: every non-void element must be closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def rows(table: Node) -> list[tuple[str, str, str, str, str, str]]:
    """(stored line no, stored class, stored text, received no, received class, received text)."""
    out = []
    for tr in table.find_all("tr"):
        tds = tr.find_all("td")
        if len(tds) == 4:
            a_cls = " ".join(sorted(tds[1].classes))
            b_cls = " ".join(sorted(tds[3].classes))
            out.append((tds[0].text, a_cls, tds[1].text, tds[2].text, b_cls, tds[3].text))
    return out


@pytest.fixture
def report(project: Project) -> tuple[Project, str]:
    """counter changed at step 1; same passes; fresh is new."""
    project.app()
    project.app(rel="scenarios/apps/same.py")
    project.scenario("counter")
    project.scenario("same", app="apps/same.py")
    project.write_snapshots()
    project.app(step=5)
    project.scenario("fresh", app="apps/same.py")

    result = project.pytest("--apptest-report", "artifacts/apptest-report.html")

    result.assert_outcomes(passed=1, failed=2)
    return project, project.read("artifacts/apptest-report.html")


def test_self_contained(report: tuple[Project, str]) -> None:
    _, html = report
    lowered = html.lower()
    for needle in ("<script", "<link", "<iframe", "<img", " src=", "@import", "url(", "http://", "https://"):
        assert needle not in lowered, needle
    assert "<style>" in html
    assert lowered.startswith("<!doctype html>")
    parse(html)  # well formed


def test_overview_lists_every_scenario(report: tuple[Project, str]) -> None:
    _, html = report
    doc = parse(html)
    table = doc.find_all("table", "sum")[0]
    listed = [(tr.find_all("td")[0].text, tr.find_all("td")[1].text, tr.find_all("td")[2].text)
              for tr in table.find_all("tr") if tr.find_all("td")]
    assert listed == [
        ("scenarios/counter.yaml", "changed", "step 1 (click add)"),
        ("scenarios/fresh.yaml", "new", ""),
        ("scenarios/same.yaml", "passed", ""),
    ]
    # Scenarios that did not pass link to their section; passing ones have none.
    links = {a.attrs["href"] for a in table.find_all("a")}
    sections = {s.attrs["id"] for s in doc.find_all("section", "scenario")}
    assert links == {f"#{s}" for s in sections}
    assert len(sections) == 2


def test_changed_step_side_by_side_with_highlights(report: tuple[Project, str]) -> None:
    _, html = report
    doc = parse(html)
    section = next(s for s in doc.find_all("section", "scenario") if "counter.yaml" in s.text)
    summary = section.find_all("p", "summary")[0].text
    assert summary.startswith("scenarios/counter.yaml: step 1 (click add): state.count 1 → 5")
    assert "apptest accept counter" in section.text

    table = section.find_all("table", "diff")[0]
    heads = [th.text for th in table.find_all("th")]
    assert "stored snapshot · step 1 (click add)" in heads
    assert "received (this run) · step 1 (click add)" in heads
    lines = rows(table)
    # Only the diverging step: it starts at its "- step: 1" line, numbered as in the file.
    assert lines[0][2] == lines[0][5] == "- step: 1"
    assert int(lines[0][0]) > 1
    assert not any(r[2].startswith("- step: 2") or r[5].startswith("- step: 2") for r in lines)
    changed = [r for r in lines if r[1] or r[4]]
    assert ("del", "    count: 1", "add", "    count: 5") in [(r[1], r[2], r[4], r[5]) for r in changed]
    assert ("del", "    - markdown: 'Count: `1`'", "add", "    - markdown: 'Count: `5`'") in [
        (r[1], r[2], r[4], r[5]) for r in changed
    ]
    assert all(r[0] == r[3] for r in lines)  # same length both sides: line numbers align
    # The characters that differ are marked inside the changed lines.
    marks = [(td.attrs.get("class"), x.text) for td in table.find_all("td") for x in td.find_all("span", "x")]
    assert ("del", "1") in marks
    assert ("add", "5") in marks
    # Later steps that differ too are named, and the whole diff is one click away.
    assert "Later steps that also differ: 2" in section.text
    details = section.find_all("details", "full")[0]
    assert "+    count: 10" in details.text


def test_new_scenario_shows_its_received_snapshot(report: tuple[Project, str]) -> None:
    _, html = report
    doc = parse(html)
    section = next(s for s in doc.find_all("section", "scenario") if "fresh.yaml" in s.text)
    assert "no snapshot yet" in section.text
    assert "scenario: scenarios/fresh.yaml" in section.find_all("pre")[0].text


def test_app_text_is_escaped(project: Project) -> None:
    project.app(title="Counter")
    project.scenario("counter")
    project.write_snapshots()
    project.app(title="<b>Bold</b> & <script>x()</script>")

    project.pytest("--apptest-report", "report.html").assert_outcomes(failed=1)

    html = project.read("report.html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    doc = parse(html)
    assert not doc.find_all("b")
    assert re.search(r"title: .*&lt;b&gt;Bold", html)


def test_no_report_unless_asked(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()

    project.pytest().assert_outcomes(passed=1)

    assert not list(project.path.rglob("*.html"))


def test_long_unchanged_runs_are_folded() -> None:
    from types import SimpleNamespace

    from apptest.report import html_report

    body = [f"    line{i}: {i}" for i in range(40)]
    stored = "\n".join(["apptest-snapshot: 1", "steps:", "- step: 0", "  do: load", *body, "- step: 1", "  do: rerun"])
    received = stored.replace("line20: 20", "line20: twenty")
    result = SimpleNamespace(
        nodeid="scenarios/x.yaml::x", scenario="scenarios/x.yaml", status="changed",
        first_step="step 0 (load)", summary="scenarios/x.yaml: step 0 (load): output", step_diff="",
        stored=stored, received=received, name="x",
    )

    doc = parse(html_report([result]))

    table = doc.find_all("table", "diff")[0]
    folds = [tr.text for tr in table.find_all("tr", "fold")]
    assert folds == ["⋯ 16 unchanged lines", "⋯ 16 unchanged lines"]
    shown = [r[2] for r in rows(table)]
    assert shown[:3] == ["- step: 0", "  do: load", "    line0: 0"]
    assert "    line20: 20" in shown
    assert "- step: 1" not in shown  # only the diverging step
