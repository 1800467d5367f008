"""Every example of the Session State documentation page (shared/seed/000_a8ed58ac47889a19.txt).

The page's snippets are completed into runnable apps where they elide code (the page lost its
``st.write`` lines); each keeps the snippet's own lines verbatim.
"""

from __future__ import annotations

import datetime
import textwrap

import pytest

from tests.conformance.harness import (
    Case,
    act,
    check_case,
    click,
    params,
    run,
    set_value,
    state,
)


def doc(name: str, source: str, *steps: object, artifact: str | None = None) -> Case:
    """A documentation snippet as a whole app (no test prelude)."""
    return Case(name=name, script=textwrap.dedent(source), steps=steps, apptest_artifact=artifact)  # type: ignore[arg-type]


CASES: list[Case] = [
    doc(
        "initialization_item_syntax",
        """
        import streamlit as st

        # Initialization
        if 'key' not in st.session_state:
            st.session_state['key'] = 'value'
        st.write(st.session_state.key)
        """,
        run(),
    ),
    doc(
        "initialization_attribute_syntax",
        """
        import streamlit as st

        # Session State also supports attribute based syntax
        if 'key' not in st.session_state:
            st.session_state.key = 'value'
        st.write(st.session_state['key'])
        """,
        run(),
    ),
    doc(
        "reads",
        """
        import streamlit as st

        st.session_state.setdefault('key', 'value')
        # Reads
        st.write(st.session_state.key)
        # Outputs: value
        """,
    ),
    doc(
        "update_both_apis",
        """
        import streamlit as st

        st.session_state.setdefault('key', 'value')
        st.write(st.session_state.key)
        st.session_state.key = 'value2'     # Attribute API
        st.write(st.session_state.key)
        st.session_state['key'] = 'value3'  # Dictionary like API
        st.write(st.session_state['key'])
        """,
        run(),
    ),
    doc(
        "inspect_with_write_and_magic",
        """
        import streamlit as st

        st.session_state.setdefault('key', 'value')
        st.session_state.setdefault('count', 3)
        st.write(st.session_state)

        # With magic:
        st.session_state
        """,
    ),
    doc(
        "uninitialized_access_throws",
        """
        import streamlit as st

        st.write("before")
        st.write(st.session_state['value'])
        """,
    ),
    doc(
        "uninitialized_attribute_access_throws",
        """
        import streamlit as st

        st.write(st.session_state.value)
        """,
    ),
    doc(
        "delete_single_key",
        """
        import streamlit as st

        st.session_state.setdefault('key', 'value')
        st.session_state.setdefault('other', 1)
        key = 'key'
        if st.button('Delete key'):
            # Delete a single key-value pair
            del st.session_state[key]
        st.write(sorted(st.session_state.keys()))
        """,
        click(0),
        run(),
    ),
    doc(
        "delete_all_items",
        """
        import streamlit as st

        if 'a' not in st.session_state:
            st.session_state.a = 1
            st.session_state.b = [2]
        if st.session_state.get('wipe'):
            # Delete all the items in Session state
            for key in st.session_state.keys():
                del st.session_state[key]
        st.write(len(st.session_state))
        """,
        state("wipe", True),
        run(),
    ),
    doc(
        "widget_key_added_to_state",
        """
        import streamlit as st

        st.text_input("Your name", key="name")

        # This exists now:
        st.session_state.name
        """,
        act("text_input", "name", "input", "Ada"),
        run(),
    ),
    doc(
        "callback_with_args",
        """
        import streamlit as st

        if 'name' not in st.session_state:
            st.session_state['name'] = 'John Doe'

        def change_name(name):
            st.session_state['name'] = name

        st.header(st.session_state['name'])
        st.button('Jane', on_click=change_name, args=['Jane Doe'])
        st.button('John', on_click=change_name, args=['John Doe'])
        st.header(st.session_state['name'])
        """,
        click(0),
        click(1),
        run(),
    ),
    doc(
        "callback_with_kwargs",
        """
        import streamlit as st

        if 'name' not in st.session_state:
            st.session_state['name'] = 'John Doe'

        def change_name(name):
            st.session_state['name'] = name

        st.header(st.session_state['name'])
        st.button('Jane', on_click=change_name, kwargs=dict(name='Jane Doe'))
        st.button('John', on_click=change_name, kwargs=dict(name='John Doe'))
        """,
        click(0),
        click(1),
    ),
    doc(
        "callback_runs_before_script",
        """
        import streamlit as st

        if 'log' not in st.session_state:
            st.session_state.log = []

        def on_change():
            st.session_state.log.append('callback')

        st.session_state.log.append('script')
        st.slider('Value', 0, 10, key='v', on_change=on_change)
        st.write(st.session_state.log)
        """,
        set_value("slider", "v", 4),
    ),
    doc(
        "on_change_on_every_listed_widget",
        """
        import datetime
        import streamlit as st

        st.session_state.setdefault('fired', [])

        def fired(name):
            st.session_state.fired.append(name)

        st.checkbox('checkbox', key='checkbox', on_change=fired, args=('checkbox',))
        st.color_picker('color_picker', key='color_picker', on_change=fired, args=('color_picker',))
        st.date_input('date_input', datetime.date(2024, 1, 1), key='date_input', on_change=fired,
                      args=('date_input',))
        st.multiselect('multiselect', ['a', 'b'], key='multiselect', on_change=fired, args=('multiselect',))
        st.number_input('number_input', key='number_input', on_change=fired, args=('number_input',))
        st.select_slider('select_slider', ['s', 'm', 'l'], key='select_slider', on_change=fired,
                         args=('select_slider',))
        st.selectbox('selectbox', ['x', 'y'], key='selectbox', on_change=fired, args=('selectbox',))
        st.slider('slider', key='slider', on_change=fired, args=('slider',))
        st.text_area('text_area', key='text_area', on_change=fired, args=('text_area',))
        st.text_input('text_input', key='text_input', on_change=fired, args=('text_input',))
        st.time_input('time_input', datetime.time(10, 0), key='time_input', on_change=fired,
                      args=('time_input',))
        st.file_uploader('file_uploader', key='file_uploader', on_change=fired, args=('file_uploader',))
        st.write(st.session_state.fired)
        """,
        act("checkbox", "checkbox", "check"),
        act("color_picker", "color_picker", "pick", "#123456"),
        set_value("date_input", "date_input", datetime.date(2024, 2, 2)),
        act("multiselect", "multiselect", "select", "b"),
        set_value("number_input", "number_input", 1.5),
        set_value("select_slider", "select_slider", "l"),
        act("selectbox", "selectbox", "select", "y"),
        set_value("slider", "slider", 9),
        act("text_area", "text_area", "input", "area"),
        act("text_input", "text_input", "input", "input"),
        set_value("time_input", "time_input", datetime.time(11, 30)),
        act("file_uploader", "file_uploader", "upload", "f.txt", b"x", "text/plain"),
    ),
    doc(
        "on_click_on_every_listed_widget",
        """
        import streamlit as st

        st.session_state.setdefault('clicked', [])

        def clicked(name):
            st.session_state.clicked.append(name)

        st.button('button', key='button', on_click=clicked, args=('button',))
        st.download_button('download_button', 'data', key='download_button', on_click=clicked,
                           args=('download_button',))
        with st.form('form'):
            st.form_submit_button('form_submit_button', key='submit', on_click=clicked,
                                  args=('form_submit_button',))
        st.write(st.session_state.clicked)
        """,
        click("button"),
        click("download_button", "download_button"),
        click("submit"),
    ),
    doc(
        "form_callback",
        """
        import streamlit as st

        def form_callback():
            st.write(st.session_state.my_slider)
            st.write(st.session_state.my_checkbox)

        with st.form(key='my_form'):
            slider_input = st.slider('My slider', 0, 10, 5, key='my_slider')
            checkbox_input = st.checkbox('Yes or No', key='my_checkbox')
            submit_button = st.form_submit_button(label='Submit', on_click=form_callback)
        """,
        set_value("slider", "my_slider", 2, run=False),
        act("checkbox", "my_checkbox", "check", run=False),
        click(0),
        run(),
    ),
    doc(
        "only_submit_button_has_callback_in_forms",
        """
        import streamlit as st

        def cb():
            pass

        with st.form(key='my_form'):
            slider_input = st.slider('My slider', 0, 10, 5, key='my_slider', on_change=cb)
            submit_button = st.form_submit_button(label='Submit')
        """,
    ),
    doc(
        "callbacks_only_on_input_widgets",
        """
        import streamlit as st

        st.markdown("not an input", on_change=print)
        """,
    ),
    doc(
        "exception_modify_widget_after_instantiation",
        """
        import streamlit as st

        slider = st.slider(
            label='My Slider', min_value=1,
            max_value=10, value=5, key='my_slider')
        st.session_state.my_slider = 7
        # Throws an exception!
        """,
    ),
    doc(
        "warning_value_and_session_state_only_logged",
        """
        import streamlit as st

        st.session_state.my_slider = 7
        slider = st.slider(
            label='Choose a Value', min_value=1,
            max_value=10, value=5, key='my_slider')
        st.write(slider)
        """,
        run(),
    ),
    doc(
        "exception_button_state_via_session_state",
        """
        import streamlit as st

        if 'my_button' not in st.session_state:
            st.session_state.my_button = True
        st.button('My button', key='my_button')
        # Throws an exception!
        """,
        run(),
    ),
    doc(
        "exception_download_button_state_via_session_state",
        """
        import streamlit as st

        st.session_state.dl = True
        st.download_button('Download', 'data', key='dl')
        """,
    ),
    doc(
        "exception_file_uploader_state_via_session_state",
        """
        import streamlit as st

        st.session_state.up = None
        st.file_uploader('Upload', key='up')
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_seed_examples(case: Case) -> None:
    check_case(case)
