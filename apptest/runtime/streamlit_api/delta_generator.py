"""The full DeltaGenerator: the core plus every element family."""

from __future__ import annotations

from apptest.runtime.streamlit_api import core
from apptest.runtime.streamlit_api.elements_more import MoreElementsMixin
from apptest.runtime.streamlit_api.layout import LayoutMixin
from apptest.runtime.streamlit_api.text import TextMixin
from apptest.runtime.streamlit_api.widgets_basic import BasicWidgetsMixin
from apptest.runtime.streamlit_api.widgets_numeric import NumericWidgetsMixin
from apptest.runtime.streamlit_api.widgets_other import OtherWidgetsMixin
from apptest.runtime.streamlit_api.widgets_selection import SelectionWidgetsMixin


class DeltaGenerator(
    BasicWidgetsMixin,
    SelectionWidgetsMixin,
    NumericWidgetsMixin,
    OtherWidgetsMixin,
    TextMixin,
    LayoutMixin,
    MoreElementsMixin,
    core.DeltaGenerator,
):
    """Streamlit's ``DeltaGenerator``: ``st``, ``st.sidebar`` and every container."""

    __slots__ = ()


DeltaGenerator.__module__ = "streamlit.delta_generator"
