"""Appendix A: ``st.query_params`` (mapping API, repeated keys, error texts, AppTest seeding)."""

from __future__ import annotations

import pytest

from tests.conformance.harness import Case, case, check_case, params, query, run

CASES: list[Case] = [
    case(
        "mapping_api_and_errors",
        """
        qp = st.query_params
        show(qp.to_dict())
        attempt(lambda: qp["zz"])
        attempt(lambda: qp.zz)
        qp["a"] = 5
        qp.b = ["x", 1]
        show(qp.get_all("b"), qp["b"], qp.get("a"), "a" in qp, len(qp), str(qp))
        attempt(lambda: qp.__setitem__("d", {"k": 1}))
        del qp["a"]
        attempt(lambda: qp.__delitem__("a"))
        attempt(lambda: qp.__delattr__("a"))
        show(sorted(qp.to_dict().items()), qp.get_all("missing"))
        """,
    ),
    case(
        "from_dict_update_clear",
        """
        qp = st.query_params
        qp.from_dict({"x": "1", "y": ["2", "3"]})
        show(sorted(qp.to_dict().items()), qp.get_all("y"), str(qp))
        qp.update({"z": "9"}, w=["a"])
        show(sorted(qp.keys()), str(qp))
        qp.from_dict([("p", "q")])
        show(str(qp))
        qp.clear()
        show(qp.to_dict(), len(qp))
        st.write(st.query_params)
        """,
    ),
    case(
        "embed_keys_reserved",
        """
        qp = st.query_params
        attempt(lambda: qp.__setitem__("embed", "true"))
        attempt(lambda: qp.__setitem__("EMBED_options", "x"))
        show(qp.get_all("embed"), "embed" in qp)
        """,
    ),
    case(
        "seeded_from_apptest",
        """
        show(st.query_params.to_dict(), st.query_params.get_all("tag"))
        st.query_params.seen = st.query_params.get("page", "none")
        """,
        query("page", "2"),
        query("tag", ["a", "b"]),
        run(),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_query_params(case: Case) -> None:
    check_case(case)
