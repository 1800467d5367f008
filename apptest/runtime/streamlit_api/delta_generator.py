"""The full DeltaGenerator: the core plus every element family."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from apptest.runtime.streamlit_api import core
from apptest.runtime.streamlit_api import errors as E
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

    def __getattr__(self, name: str) -> Callable[..., NoReturn]:
        # Streamlit's DeltaGenerator answers every unknown attribute with a function that
        # raises when called (``st.sidebar.echo()``, ``st.container().nope()``).
        if name.startswith("__"):
            raise AttributeError(name)
        return self._raise_for_unknown_command(name)

    def _raise_for_unknown_command(self, name: str) -> Callable[..., NoReturn]:
        root = self._root

        def wrapper(*args: Any, **kwargs: Any) -> NoReturn:
            from apptest.runtime.streamlit_api import st

            if name in dir(st) and callable(getattr(st, name)):
                if root == "sidebar":
                    raise E.StreamlitAPIException(
                        f"Method `{name}()` does not exist for `st.sidebar`. Did you mean `st.{name}()`?"
                    )
                raise E.StreamlitAPIException(
                    f"Method `{name}()` does not exist for `DeltaGenerator` objects. Did you mean `st.{name}()`?"
                )
            raise E.StreamlitAPIException(f"`{name}()` is not a valid Streamlit command.")

        return wrapper


DeltaGenerator.__module__ = "streamlit.delta_generator"


# Streamlit defines each element method on a mixin, and Python names that class in argument
# errors ("MarkdownMixin.markdown() got an unexpected keyword argument 'on_change'"), which an
# app shows as the exception's text. Name ours the same.
_STREAMLIT_MIXINS: dict[str, tuple[str, ...]] = {
    "AlertMixin": ("error", "info", "success", "warning"),
    "ArrowMixin": ("dataframe",),
    "AudioInputMixin": ("audio_input",),
    "BalloonsMixin": ("balloons",),
    "ButtonGroupMixin": ("pills", "segmented_control"),
    "ButtonMixin": ("button", "download_button", "link_button", "page_link"),
    "CameraInputMixin": ("camera_input",),
    "ChatMixin": ("chat_input", "chat_message"),
    "CheckboxMixin": ("checkbox", "toggle"),
    "CodeMixin": ("code",),
    "ColorPickerMixin": ("color_picker",),
    "DataEditorMixin": ("data_editor",),
    "EChartsMixin": ("echarts_chart",),
    "EmptyMixin": ("empty",),
    "ExceptionMixin": ("exception",),
    "FeedbackMixin": ("feedback",),
    "FileUploaderMixin": ("file_uploader",),
    "FormMixin": ("form", "form_submit_button"),
    "GraphvizMixin": ("graphviz_chart",),
    "HeadingMixin": ("header", "subheader", "title"),
    "HelpMixin": ("help",),
    "HtmlMixin": ("html",),
    "IframeMixin": ("iframe",),
    "ImageMixin": ("image",),
    "JsonMixin": ("json",),
    "LayoutsMixin": ("columns", "container", "expander", "grid", "popover", "status", "tabs"),
    "MapMixin": ("map",),
    "MarkdownMixin": ("badge", "caption", "divider", "latex", "markdown"),
    "MediaMixin": ("audio", "video"),
    "MenuButtonMixin": ("menu_button",),
    "MermaidChartMixin": ("mermaid_chart",),
    "MetricMixin": ("metric",),
    "MultiSelectMixin": ("multiselect",),
    "NumberInputMixin": ("number_input",),
    "PaginationMixin": ("pagination",),
    "PdfMixin": ("pdf",),
    "PlotlyMixin": ("plotly_chart",),
    "ProgressMixin": ("progress",),
    "PydeckMixin": ("pydeck_chart",),
    "PyplotMixin": ("pyplot",),
    "RadioMixin": ("radio",),
    "SelectSliderMixin": ("select_slider",),
    "SelectboxMixin": ("selectbox",),
    "SkeletonMixin": ("skeleton",),
    "SliderMixin": ("slider",),
    "SnowMixin": ("snow",),
    "SpaceMixin": ("space",),
    "SpinnerMixin": ("spinner",),
    "TableMixin": ("table",),
    "TextMixin": ("text",),
    "TextWidgetsMixin": ("text_area", "text_input"),
    "TimeWidgetsMixin": ("date_input", "datetime_input", "time_input"),
    "ToastMixin": ("toast",),
    "VegaChartsMixin": (
        "altair_chart", "area_chart", "bar_chart", "line_chart", "scatter_chart", "vega_lite_chart",
    ),
    "WriteMixin": ("write", "write_stream"),
}


def _name_methods_like_streamlit() -> None:
    for mixin, names in _STREAMLIT_MIXINS.items():
        for name in names:
            fn = getattr(DeltaGenerator, name, None)
            fn = getattr(fn, "__func__", fn)
            if fn is not None and hasattr(fn, "__code__"):
                fn.__qualname__ = f"{mixin}.{name}"


_name_methods_like_streamlit()
