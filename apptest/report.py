"""Pull-request artifacts: a Markdown summary and a self-contained HTML report of scenario runs."""

from __future__ import annotations

import difflib
import html
from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = ["html_report", "markdown_summary", "step_ranges", "steps_differing"]

_ICONS = {"passed": "✅", "changed": "❌", "new": "🆕", "error": "💥", "failed": "❌", "updated": "📝",
          "created": "📝"}
_ORDER = ["changed", "failed", "error", "new", "updated", "created", "passed"]


def markdown_summary(results: Sequence[Any]) -> str:
    """Counts, a table (scenario, status, first diverging step), each diff collapsible."""
    counts = Counter(r.status for r in results)
    head = ", ".join(f"{counts[k]} {k}" for k in _ORDER if counts[k])
    plural = "s" if len(results) != 1 else ""
    lines = ["## apptest scenarios", "", f"**{len(results)} scenario{plural}:** {head or 'none ran'}", "",
             "| scenario | status | first diverging step |", "|---|---|---|"]
    for r in sorted(results, key=lambda r: (_ORDER.index(r.status) if r.status in _ORDER else 0, r.scenario)):
        step = r.first_step.replace("|", "\\|") if r.first_step else ""
        lines.append(f"| `{r.scenario}` | {_ICONS.get(r.status, '')} {r.status} | {step} |")
    for r in sorted(results, key=lambda r: r.scenario):
        if r.status in ("changed", "error", "failed") and (r.step_diff or r.summary):
            body = (r.step_diff or r.summary).rstrip()
            fence = "```"
            while fence in body:
                fence += "`"
            lang = "diff" if r.step_diff else "text"
            lines += ["", f"<details><summary>{html.escape(r.summary.splitlines()[0] if r.summary else r.scenario)}"
                      "</summary>", "", fence + lang, body, fence, "", "</details>"]
    if counts["changed"]:
        lines += ["", "Accept the changes locally with `apptest review` (or `apptest accept NAME`), then commit "
                      "the updated `snapshots/`."]
    return "\n".join(lines) + "\n"


_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1.5rem 2rem 3rem;color:#1f2328;background:#fff;line-height:1.45}
h1{font-size:1.35rem;margin:0 0 .25rem} h2{font-size:1.05rem;margin:0;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:#59636e} .counts{margin:.25rem 0 1rem}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:2rem;font-size:.78rem;font-weight:600;border:1px solid transparent;white-space:nowrap}
.status-changed,.status-failed,.status-error{color:#d1242f;background:#ffebe9;border-color:#ffcecb}
.status-passed{color:#1a7f37;background:#dafbe1;border-color:#aceebb}
.status-new,.status-updated,.status-created{color:#9a6700;background:#fff8c5;border-color:#f5e0a0}
table.sum{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
table.sum td,table.sum th{border-bottom:1px solid #d1d9e0;padding:.35rem .9rem .35rem 0;text-align:left}
table.sum th{font-weight:600;color:#59636e;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
a{color:#0969da;text-decoration:none} a:hover{text-decoration:underline}
section.scenario{border:1px solid #d1d9e0;border-radius:8px;margin:1.25rem 0;overflow:hidden}
section.scenario>header{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:.6rem .9rem}
.summary{margin:.35rem 0 0;font-size:.85rem;color:#1f2328;white-space:pre-wrap;word-break:break-word}
.hint{margin:.35rem 0 0;font-size:.8rem;color:#59636e}
.hint code{background:#eff2f5;padding:.05rem .35rem;border-radius:4px;color:#1f2328}
table.diff{border-collapse:collapse;width:100%;font-size:12px;line-height:1.5;table-layout:fixed}
table.diff td{padding:0 .6rem;white-space:pre-wrap;word-break:break-all;vertical-align:top}
table.diff th{background:#fff;text-align:left;padding:.35rem .6rem;font-size:.75rem;color:#59636e;border-bottom:1px solid #d1d9e0;font-weight:600}
table.diff td.ln{color:#8c959f;text-align:right;user-select:none;padding:0 .4rem;background:#f6f8fa}
table.diff td.mid{border-left:1px solid #d1d9e0}
td.del{background:#ffebe9} td.add{background:#e6ffec} td.ln.del{background:#ffcecb} td.ln.add{background:#ccffd8}
td.del .x{background:#ff8182;border-radius:2px} td.add .x{background:#6fdd8b;border-radius:2px}
tr.fold td{background:#f6f8fa;color:#59636e;font-family:system-ui,sans-serif;font-size:.75rem;padding:.15rem .6rem;border-top:1px solid #eaeef2;border-bottom:1px solid #eaeef2}
details.full{border-top:1px solid #d1d9e0;padding:.5rem .9rem}
details.full summary{cursor:pointer;font-size:.85rem;color:#59636e}
pre.udiff{font-size:12px;margin:.5rem 0 0;overflow-x:auto}
pre.udiff .d{background:#ffebe9;display:block} pre.udiff .a{background:#e6ffec;display:block} pre.udiff .h{color:#8250df;display:block}
pre.body{margin:0;padding:.6rem .9rem;font-size:12px;overflow-x:auto}
footer{margin-top:2rem;font-size:.8rem;color:#59636e}
"""


def _step_section(text: str | None, step_label: str) -> tuple[int, list[str]]:
    """The lines of the step named by ``step_label`` (``step 3 (click add)``) and the file line
    number of its first line; the whole text when the label names no step."""
    if not text:
        return 1, []
    lines = text.splitlines()
    want = None
    if step_label.startswith("step "):
        try:
            want = int(step_label.split()[1])
        except (IndexError, ValueError):
            want = None
    if want is None:
        return 1, lines
    start = None
    out: list[str] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("- step: "):
            if start is not None:
                break
            if line == f"- step: {want}":
                start = number
        if start is not None:
            out.append(line)
    return (start, out) if start is not None else (1, lines)


def steps_differing(stored: str | None, received: str | None) -> list[int]:
    """Indexes of the steps whose sections differ between the two texts."""
    if not stored or not received:
        return []
    from apptest.snapshot.diff import split_sections

    a = dict(split_sections(stored)[1])
    b = dict(split_sections(received)[1])
    return [i for i in sorted(set(a) | set(b)) if a.get(i) != b.get(i)]


def step_ranges(indexes: Sequence[int]) -> str:
    """``1-3, 5`` for ``[1, 2, 3, 5]``."""
    spans: list[list[int]] = []
    for i in indexes:
        if spans and i == spans[-1][1] + 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    return ", ".join(f"{a}-{b}" if b > a + 1 else f"{a}, {b}" if b == a + 1 else str(a) for a, b in spans)


def _inline(a: str, b: str) -> tuple[str, str]:
    """Both lines escaped, with the characters that differ wrapped in ``<span class="x">``."""
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        sa, sb = html.escape(a[i1:i2]), html.escape(b[j1:j2])
        if tag == "equal":
            left.append(sa)
            right.append(sb)
        else:
            if sa:
                left.append(f'<span class="x">{sa}</span>')
            if sb:
                right.append(f'<span class="x">{sb}</span>')
    return "".join(left), "".join(right)


def _side_by_side(
    stored: list[str], received: list[str], first_a: int = 1, first_b: int = 1, label: str = "",
    context: int = 3,
) -> str:
    """Stored and received lines in two columns, changed lines tinted and their differing
    characters marked; long runs of unchanged lines folded to ``context`` lines around changes
    (the step's first lines always show)."""
    where = f" · {html.escape(label)}" if label else ""
    rows = []

    def row(i: int | None, j: int | None, ca: str = "", cb: str = "") -> None:
        a = stored[i] if i is not None else ""
        b = received[j] if j is not None else ""
        if ca and cb:
            ea, eb = _inline(a, b)
        else:
            ea, eb = html.escape(a), html.escape(b)
        la = str(first_a + i) if i is not None else ""
        lb = str(first_b + j) if j is not None else ""
        rows.append(f'<tr><td class="ln {ca}">{la}</td><td class="{ca}">{ea}</td>'
                    f'<td class="ln mid {cb}">{lb}</td><td class="{cb}">{eb}</td></tr>')

    opcodes = difflib.SequenceMatcher(a=stored, b=received, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            size = i2 - i1
            keep_head = context  # the step's first lines ("- step: N", "do: ..."), or context after a change
            keep_tail = 0 if n == len(opcodes) - 1 else context
            if size - keep_head - keep_tail < 2:
                keep_head, keep_tail = size, 0
            for k in range(keep_head):
                row(i1 + k, j1 + k)
            hidden = size - keep_head - keep_tail
            if hidden > 0:
                rows.append(f'<tr class="fold"><td class="ln"></td><td colspan="3">⋯ {hidden} unchanged '
                            f'line{"s" if hidden != 1 else ""}</td></tr>')
            for k in range(size - keep_tail, size):
                row(i1 + k, j1 + k)
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            has_a, has_b = k < i2 - i1, k < j2 - j1
            row(i1 + k if has_a else None, j1 + k if has_b else None,
                "del" if has_a else "", "add" if has_b else "")
    return ('<table class="diff mono"><colgroup><col style="width:3.2rem"><col><col style="width:3.2rem"><col>'
            f"</colgroup><tr><th></th><th>stored snapshot{where}</th><th class='mid'></th>"
            f"<th>received (this run){where}</th></tr>" + "".join(rows) + "</table>")


def _unified_html(stored: str, received: str) -> str:
    out = []
    for line in difflib.unified_diff(stored.splitlines(), received.splitlines(), "stored", "received",
                                     n=3, lineterm=""):
        cls = "h" if line.startswith("@@") else "d" if line.startswith("-") else "a" if line.startswith("+") else ""
        text = html.escape(line)
        out.append(f'<span class="{cls}">{text}</span>' if cls else text + "\n")
    return '<pre class="udiff mono">' + "".join(out) + "</pre>"


def _anchor(scenario: str) -> str:
    return html.escape("s-" + "".join(c if c.isalnum() else "-" for c in scenario))


def _badge(status: str) -> str:
    s = html.escape(status)
    return f"<span class='badge status-{s}'>{s}</span>"


def html_report(results: Sequence[Any]) -> str:
    """One self-contained HTML file (no scripts, no external resources): a table of scenarios,
    then for each scenario that did not pass its first diverging step, stored and received side
    by side, with the differing characters highlighted."""
    counts = Counter(r.status for r in results)
    ordered = sorted(results, key=lambda r: (_ORDER.index(r.status) if r.status in _ORDER else 0, r.scenario))
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width,initial-scale=1'>",
             "<title>apptest report</title><style>", _CSS, "</style></head><body>",
             "<h1>apptest scenario report</h1>",
             f"<p class='muted counts'>{len(results)} scenario{'s' if len(results) != 1 else ''}: "
             + ", ".join(f"{counts[k]} {html.escape(k)}" for k in _ORDER if counts[k]) + "</p>",
             "<table class='sum'><tr><th>scenario</th><th>status</th><th>first diverging step</th></tr>"]
    for r in ordered:
        shown = html.escape(r.scenario)
        link = f"<a href='#{_anchor(r.scenario)}'>{shown}</a>" if r.status != "passed" else shown
        parts.append(f"<tr><td class='mono'>{link}</td><td>{_badge(r.status)}</td>"
                     f"<td class='mono'>{html.escape(r.first_step)}</td></tr>")
    parts.append("</table>")
    for r in ordered:
        if r.status == "passed":
            continue
        parts.append(f"<section class='scenario' id='{_anchor(r.scenario)}'><header>"
                     f"<h2><span class='mono'>{html.escape(r.scenario)}</span> {_badge(r.status)}</h2>")
        if r.summary:
            parts.append(f"<p class='summary mono'>{html.escape(r.summary)}</p>")
        if r.status in ("changed", "updated"):
            later = [i for i in steps_differing(r.stored, r.received)
                     if not r.first_step.startswith(f"step {i} ")]
            if later:
                parts.append(f"<p class='hint'>Later steps that also differ: {step_ranges(later)}</p>")
        if r.status == "changed":
            name = getattr(r, "name", "") or r.scenario
            parts.append(f"<p class='hint'>Accept locally with <code>apptest accept {html.escape(name)}</code>"
                         " or review with <code>apptest review</code>, then commit <code>snapshots/</code>.</p>")
        parts.append("</header>")
        if r.status in ("changed", "updated") and r.stored is not None and r.received is not None:
            first_a, a = _step_section(r.stored, r.first_step)
            first_b, b = _step_section(r.received, r.first_step)
            parts.append(_side_by_side(a, b, first_a, first_b, r.first_step))
            parts.append("<details class='full'><summary>Whole snapshot diff</summary>"
                         + _unified_html(r.stored or "", r.received or "") + "</details>")
        elif r.received and r.status in ("new", "created"):
            parts.append("<details class='full'><summary>Received snapshot</summary>"
                         f"<pre class='body mono'>{html.escape(r.received)}</pre></details>")
        parts.append("</section>")
    parts.append("<footer>Generated by apptest. Snapshots are stored under <code>snapshots/</code>; "
                 "a received snapshot that differs is kept under <code>.apptest/received/</code>.</footer>")
    parts.append("</body></html>")
    return "\n".join(parts)
