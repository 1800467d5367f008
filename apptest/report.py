"""Pull-request artifacts: a Markdown summary and a self-contained HTML report of scenario runs."""

from __future__ import annotations

import difflib
import html
from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = ["html_report", "markdown_summary"]

_ICONS = {"passed": "✅", "changed": "❌", "new": "🆕", "error": "💥", "failed": "❌"}


def markdown_summary(results: Sequence[Any]) -> str:
    """Counts, a table (scenario, status, first diverging step), each diff collapsible."""
    counts = Counter(r.status for r in results)
    order = ["passed", "changed", "failed", "new", "error"]
    head = ", ".join(f"{counts[k]} {k}" for k in order if counts[k])
    lines = ["## apptest scenarios", "", f"**{len(results)} scenarios:** {head}", "",
             "| scenario | status | first diverging step |", "|---|---|---|"]
    for r in sorted(results, key=lambda r: (r.status == "passed", r.scenario)):
        step = r.first_step.replace("|", "\\|") if r.first_step else ""
        lines.append(f"| `{r.scenario}` | {_ICONS.get(r.status, '')} {r.status} | {step} |")
    for r in results:
        if r.status in ("changed", "error", "failed") and (r.step_diff or r.summary):
            lines += ["", f"<details><summary>{html.escape(r.summary or r.scenario)}</summary>", "", "```diff",
                      (r.step_diff or r.summary).rstrip(), "```", "", "</details>"]
    if counts["changed"]:
        lines += ["", "Accept the changes locally with `apptest review` (or `apptest accept NAME`), then commit "
                      "the updated `snapshots/`."]
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem} .muted{color:#59636e}
table.sum{border-collapse:collapse;margin:1rem 0} table.sum td,table.sum th{border:1px solid #d1d9e0;padding:.3rem .6rem;text-align:left}
.status-changed,.status-failed,.status-error{color:#cf222e;font-weight:600} .status-passed{color:#1a7f37} .status-new{color:#9a6700}
table.diff{border-collapse:collapse;width:100%;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;table-layout:fixed}
table.diff td{padding:0 .5rem;white-space:pre-wrap;word-break:break-all;vertical-align:top;border-left:1px solid #d1d9e0}
table.diff th{background:#f6f8fa;text-align:left;padding:.3rem .5rem}
td.del{background:#ffebe9} td.add{background:#dafbe1} td.ln{color:#59636e;width:3rem;text-align:right;border-left:none}
.summary{font-family:ui-monospace,monospace;background:#f6f8fa;padding:.5rem;border-radius:6px}
"""


def _step_section(text: str | None, step_label: str) -> list[str]:
    if not text:
        return []
    lines = text.splitlines()
    want = None
    if step_label.startswith("step "):
        try:
            want = int(step_label.split()[1])
        except (IndexError, ValueError):
            want = None
    out: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("- step: "):
            inside = want is None or line == f"- step: {want}"
        if inside:
            out.append(line)
    return out or lines


def _side_by_side(stored: list[str], received: list[str]) -> str:
    rows = []
    sm = difflib.SequenceMatcher(a=stored, b=received, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        left = stored[i1:i2]
        right = received[j1:j2]
        n = max(len(left), len(right))
        for k in range(n):
            a = left[k] if k < len(left) else ""
            b = right[k] if k < len(right) else ""
            ca = "del" if tag in ("replace", "delete") and k < len(left) else ""
            cb = "add" if tag in ("replace", "insert") and k < len(right) else ""
            la = str(i1 + k + 1) if k < len(left) else ""
            lb = str(j1 + k + 1) if k < len(right) else ""
            rows.append(f'<tr><td class="ln">{la}</td><td class="{ca}">{html.escape(a)}</td>'
                        f'<td class="ln">{lb}</td><td class="{cb}">{html.escape(b)}</td></tr>')
    return ('<table class="diff"><colgroup><col style="width:3rem"><col><col style="width:3rem"><col></colgroup>'
            "<tr><th></th><th>stored</th><th></th><th>received</th></tr>" + "".join(rows) + "</table>")


def html_report(results: Sequence[Any]) -> str:
    """One self-contained HTML file: for each changed scenario, its diverging step side by side."""
    counts = Counter(r.status for r in results)
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<title>apptest report</title><style>", _CSS, "</style></head><body>",
             "<h1>apptest scenario report</h1>",
             f"<p class='muted'>{len(results)} scenarios: "
             + ", ".join(f"{v} {html.escape(k)}" for k, v in sorted(counts.items())) + "</p>",
             "<table class='sum'><tr><th>scenario</th><th>status</th><th>first diverging step</th></tr>"]
    for r in sorted(results, key=lambda r: (r.status == "passed", r.scenario)):
        anchor = html.escape(r.scenario.replace("/", "-"))
        link = f"<a href='#{anchor}'>{html.escape(r.scenario)}</a>" if r.status != "passed" else html.escape(r.scenario)
        parts.append(f"<tr><td>{link}</td><td class='status-{html.escape(r.status)}'>{html.escape(r.status)}</td>"
                     f"<td>{html.escape(r.first_step)}</td></tr>")
    parts.append("</table>")
    for r in results:
        if r.status == "passed":
            continue
        anchor = html.escape(r.scenario.replace("/", "-"))
        parts.append(f"<section id='{anchor}'><h2>{html.escape(r.scenario)} "
                     f"<span class='status-{html.escape(r.status)}'>{html.escape(r.status)}</span></h2>")
        if r.summary:
            parts.append(f"<p class='summary'>{html.escape(r.summary)}</p>")
        if r.status == "changed":
            parts.append(_side_by_side(_step_section(r.stored, r.first_step), _step_section(r.received, r.first_step)))
        elif r.received and r.status == "new":
            parts.append(f"<pre>{html.escape(r.received)}</pre>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
