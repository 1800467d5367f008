"""§5 Button-like and read-only widgets: triggers, read-only keys, submit keys, layout errors."""

from __future__ import annotations

import pytest

from tests.conformance.harness import (
    Case,
    act,
    case,
    check_case,
    click,
    params,
    run,
    set_value,
    state,
)

CASES: list[Case] = [
    case(
        "button_true_for_exactly_one_run",
        """
        clicked = st.button("Go", key="go")
        show(clicked, st.session_state.go)
        """,
        click("go"),
        run(),
        click("go"),
        click("go"),
    ),
    case(
        "button_true_inside_its_callback",
        """
        def cb():
            st.session_state.seen = st.session_state.go

        st.button("Go", key="go", on_click=cb)
        show(st.session_state.get("seen"))
        """,
        click("go"),
        run(),
    ),
    case(
        "unkeyed_button_returns_click",
        """
        if st.button("Add"):
            st.session_state.n = st.session_state.get("n", 0) + 1
        show(st.session_state.get("n", 0))
        """,
        click(0),
        click(0),
        run(),
    ),
    case(
        "button_false_on_other_interaction",
        """
        b = st.button("B", key="b")
        c = st.checkbox("C")
        show(b, c)
        """,
        click("b"),
        act("checkbox", 0, "check"),
    ),
    case(
        "button_false_after_rerun",
        """
        st.session_state.setdefault("log", [])
        b = st.button("B", key="b")
        st.session_state.log.append(b)
        if b:
            st.rerun()
        show(st.session_state.log)
        """,
        click("b"),
    ),
    case(
        "button_trigger_kept_after_stop",
        """
        b = st.button("B", key="b")
        if b:
            st.stop()
        show("not stopped", b)
        """,
        click("b"),
        run(),
    ),
    case(
        "read_only_button_key_seed_example",
        """
        if 'my_button' not in st.session_state:
            st.session_state.my_button = True
        st.button('My button', key='my_button')
        """,
        run(),
    ),
    case(
        "read_only_key_written_in_previous_run_is_fine",
        """
        st.session_state.n = st.session_state.get("n", 0) + 1
        if st.session_state.n == 1:
            st.session_state.b = "set in run 1"
        else:
            show(st.session_state.b, st.button("B", key="b"), st.session_state.b)
        """,
        run(),
        run(),
    ),
    case(
        "read_only_key_written_by_callback_same_interaction",
        """
        def cb():
            st.session_state.b = True

        st.checkbox("C", key="c", on_change=cb)
        st.button("B", key="b")
        """,
        act("checkbox", "c", "check"),
    ),
    case(
        "read_only_key_written_before_rerun",
        """
        st.session_state.setdefault("go", False)
        if st.session_state.go:
            st.session_state.go = False
            st.session_state.b = True
            st.rerun()
        st.button("B", key="b")
        """,
        state("go", True),
    ),
    case(
        "read_only_download_button_key",
        """
        st.session_state.d = True
        st.download_button("D", b"data", file_name="x.txt", key="d")
        """,
    ),
    case(
        "read_only_file_uploader_key",
        """
        st.session_state.u = None
        st.file_uploader("U", key="u")
        """,
    ),
    case(
        "read_only_data_editor_camera_audio_keys",
        """
        for name, make in [
            ("de", lambda: st.data_editor({"a": [1, 2]}, key="de")),
            ("cam", lambda: st.camera_input("Cam", key="cam")),
            ("aud", lambda: st.audio_input("Aud", key="aud")),
        ]:
            st.session_state[name] = "x"
            attempt(make)
        de = st.data_editor({"a": [1, 2]}, key="de2")
        show(st.session_state.de2, type(de).__name__)
        """,
    ),
    case(
        "read_only_form_submit_button_key",
        """
        st.session_state.sub = True
        with st.form("f"):
            st.form_submit_button("Go", key="sub")
        """,
    ),
    case(
        "read_only_write_from_driver",
        """
        show(st.button("B", key="b"))
        """,
        state("b", True),
        # A browser cannot write session state between runs; a script write before st.button would
        # raise the same read-only error.
        artifact='AppTest applies at.session_state writes as a script write of the next run (read-only key check fires)',
    ),
    case(
        "form_submit_button_auto_key",
        """
        with st.form("f"):
            st.text_input("T")
            sub = st.form_submit_button()
        with st.form("g"):
            go = st.form_submit_button("Go")
        show(sub, go, sorted(st.session_state.items()))
        """,
        click(1, "button"),
        run(),
    ),
    case(
        "form_submit_duplicate_label_duplicate_key",
        """
        with st.form("f"):
            st.form_submit_button("Go")
            st.form_submit_button("Go")
        """,
    ),
    case(
        "form_submit_auto_key_write_before_is_read_only",
        """
        st.session_state["FormSubmitter:f-Submit"] = True
        with st.form("f"):
            st.form_submit_button()
        """,
    ),
    case(
        "button_inside_form_error",
        """
        with st.form("f"):
            st.text("in form")
            st.button("B")
            st.form_submit_button()
        """,
    ),
    case(
        "download_button_inside_form_error",
        """
        with st.form("f"):
            st.download_button("D", "data")
            st.form_submit_button()
        """,
    ),
    case(
        "download_button_click",
        """
        clicked = st.download_button("Download", "some text", file_name="a.txt", key="dl")
        show(clicked, st.session_state.dl)
        """,
        click("dl", "download_button"),
        run(),
    ),
    case(
        "download_button_on_click_callback",
        """
        def cb(tag):
            st.session_state.tag = tag

        st.download_button("Download", b"x", key="dl", on_click=cb, args=("clicked",))
        show(st.session_state.get("tag"))
        """,
        click("dl", "download_button"),
    ),
    case(
        "button_on_click_rerun_mode_rejected",
        """
        st.button("B", on_click="rerun")
        """,
    ),
    case(
        "button_on_click_invalid_value",
        """
        st.button("B", on_click=5)
        """,
    ),
    case(
        "checkbox_on_change_invalid_value",
        """
        st.checkbox("C", on_change="bogus")
        """,
    ),
    case(
        "button_in_sidebar_and_columns",
        """
        a = st.sidebar.button("Side", key="side")
        c1, c2 = st.columns(2)
        b = c1.button("Left", key="left")
        c = c2.button("Right", key="right")
        show(a, b, c)
        """,
        click("side"),
        click("right"),
    ),
    case(
        "disabled_button_click",
        """
        def cb():
            st.session_state.called = True

        show(st.button("B", key="b", disabled=True, on_click=cb), st.session_state.get("called"))
        """,
        click("b"),
    ),
    case(
        "chat_input_one_shot_value",
        """
        msg = st.chat_input("Say", key="chat")
        show(msg, st.session_state.chat)
        """,
        set_value("chat_input", "chat", "hello"),
        run(),
    ),
    case(
        "chat_input_same_text_fires_twice",
        """
        def cb():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        st.chat_input("Say", key="chat", on_submit=cb)
        show(st.session_state.get("calls", 0))
        """,
        set_value("chat_input", "chat", "hi"),
        set_value("chat_input", "chat", "hi"),
    ),
    case(
        "chat_input_write_prefills_returns_none",
        """
        if st.session_state.get("prefill"):
            st.session_state.chat = "draft"
            st.session_state.prefill = False
        msg = st.chat_input("Say", key="chat")
        show(msg, st.session_state.chat)
        """,
        state("prefill", True),
        run(),
    ),
    case(
        "chat_input_in_form_error",
        """
        with st.form("f"):
            st.chat_input("Say")
            st.form_submit_button()
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_buttons(case: Case) -> None:
    check_case(case)
