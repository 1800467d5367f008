"""``streamlit.errors`` as an app or a test sees it: Streamlit 1.67.0's exception classes.

Same names, same hierarchy, same messages, so ``except StreamlitAPIException`` in an app works
unchanged under apptest.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


class Error(Exception):
    """The base class of Streamlit's errors."""


class StreamlitComponentRegistryError(Error):
    pass


class FragmentStorageKeyError(Error, KeyError):
    pass


class FragmentHandledException(Exception):
    pass


class NoSessionContext(Error):
    pass


class MarkdownFormattedException(Error):
    """An exception whose message is Markdown."""


class StreamlitMaxRetriesError(Error):
    pass


class StreamlitAPIException(MarkdownFormattedException):
    """Raised when an app calls the st API incorrectly."""

    def __init__(self, *args: Any, error_id: str | None = None) -> None:
        super().__init__(*args)
        self.error_id = error_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(repr(a) for a in self.args)})"


class StreamlitDataframeConversionError(StreamlitAPIException):
    pass


class DuplicateWidgetID(StreamlitAPIException):
    pass


class StreamlitAuthError(StreamlitAPIException):
    pass


class StreamlitMissingAuthlibError(StreamlitAuthError):
    def __init__(self) -> None:
        super().__init__(
            "Authentication requires Authlib>=1.3.2. Install it via `pip install streamlit[auth]`."
        )


class StreamlitDuplicateElementId(DuplicateWidgetID):
    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same "
            "auto-generated ID. When this element is created, it is assigned an "
            "internal ID based on the element type and provided parameters. Multiple "
            "elements with the same type and parameters will cause this error.\n\n"
            "To fix this error, please pass a unique `key` argument to the "
            f"`{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. "
            "To fix this, please make sure that the `key` argument is unique for "
            "each element you create."
        )


class UnserializableSessionStateError(StreamlitAPIException):
    pass


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A warning shown through ``st.exception`` (never raised)."""


class LocalizableStreamlitException(StreamlitAPIException):
    def __init__(self, message: str, **kwargs: Any) -> None:
        error_id = kwargs.pop("error_id", None)
        super().__init__(message.format(**kwargs), error_id=error_id)
        self._exec_kwargs = kwargs

    @property
    def exec_kwargs(self) -> dict[str, Any]:
        return self._exec_kwargs


class StreamlitInvalidURLError(LocalizableStreamlitException):
    def __init__(self, url: str, protocols: Collection[str] = ("http", "https", "mailto")) -> None:
        prefixes = [f'"{p}:"' if p == "mailto" else f'"{p}://"' for p in protocols]
        if len(prefixes) <= 2:
            text = " or ".join(prefixes)
        else:
            text = f"{', '.join(prefixes[:-1])}, or {prefixes[-1]}"
        super().__init__(
            '"{url}" is not a valid URL. You must use a fully qualified domain beginning with {protocols}.',
            url=url,
            protocols=text,
        )


class StreamlitInvalidColumnSpecError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "The `spec` argument to `st.columns` must be either a "
            "positive integer (number of columns) or a list of positive numbers (width ratios of the columns). "
            "See [documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
            "for more information."
        )


class StreamlitSelectionCountExceedsMaxError(LocalizableStreamlitException):
    def __init__(self, current_selections_count: int, max_selections_count: int) -> None:
        super().__init__(
            "Multiselect has {current_selections_count} {current_selections_noun} "
            "selected but `max_selections` is set to {max_selections_count}. "
            "This happened because you either gave too many options to `default` "
            "or you manipulated the widget's state through `st.session_state`. "
            "Note that the latter can happen before the line indicated in the traceback. "
            "Please select at most {max_selections_count} {options_noun}.",
            current_selections_count=current_selections_count,
            current_selections_noun="option" if current_selections_count == 1 else "options",
            max_selections_count=max_selections_count,
            options_noun="option" if max_selections_count == 1 else "options",
        )


class StreamlitMixedNumericTypesError(LocalizableStreamlitException):
    def __init__(self, value: Any, min_value: Any, max_value: Any, step: Any) -> None:
        msg = "All numerical arguments must be of the same type."
        kw: dict[str, Any] = {}
        for name, v in (("value", value), ("min_value", min_value), ("max_value", max_value), ("step", step)):
            kw[f"{name}_type"] = None
            if v is not None:
                kw[f"{name}_type"] = type(v).__name__
                msg += f"\n`{name}` has {{{name}_type}} type."
        super().__init__(msg, **kw)


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    def __init__(self, value: Any, min_value: Any) -> None:
        super().__init__(
            "The `value` {value} is less than the `min_value` {min_value}.",
            value=value,
            min_value=min_value,
        )


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    def __init__(self, value: Any, max_value: Any) -> None:
        super().__init__(
            "The `value` {value} is greater than the `max_value` {max_value}.",
            value=value,
            max_value=max_value,
        )


class StreamlitInvalidMinMaxError(LocalizableStreamlitException):
    def __init__(self, min_value: object, max_value: object) -> None:
        if min_value == max_value:
            message = "The `min_value` and `max_value` parameters are both set to {min_value}. They must not be equal."
        else:
            message = "The `min_value`, set to {min_value}, cannot be greater than the `max_value`, set to {max_value}."
        super().__init__(message, min_value=min_value, max_value=max_value)


class StreamlitValueOutOfRangeError(LocalizableStreamlitException):
    def __init__(
        self, parameter: str, value: object, min_value: object, max_value: object, *, detail: str | None = None
    ) -> None:
        message = "The `{parameter}` parameter, set to {value}, is outside the required range [{min_value}, {max_value}]."
        if detail:
            message += " {detail}"
        super().__init__(
            message, parameter=parameter, value=value, min_value=min_value, max_value=max_value, detail=detail
        )


class StreamlitJSNumberBoundsError(LocalizableStreamlitException):
    def __init__(self, message: str) -> None:
        super().__init__(message.replace("{", "{{").replace("}", "}}"))


class StreamlitInvalidNumberFormatError(LocalizableStreamlitException):
    def __init__(self, format: str) -> None:
        super().__init__(
            "Format string for `st.number_input` contains invalid characters: {format}", format=format
        )


class StreamlitMissingRequiredParameterError(LocalizableStreamlitException):
    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = "The `{parameter}` parameter is required."
        if detail:
            message += " {detail}"
        super().__init__(message, parameter=parameter, detail=detail)


class StreamlitIncompatibleParametersError(LocalizableStreamlitException):
    def __init__(self, first_use: str, second_use: str, *other_uses: str, explanation: str | None = None) -> None:
        uses = (first_use, second_use, *other_uses)
        quoted = [f"`{u}`" for u in uses]
        text = f"{quoted[0]} and {quoted[1]}" if len(quoted) == 2 else ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
        message = "{uses_text} cannot be used together."
        if explanation:
            message += " {explanation}"
        super().__init__(message, uses_text=text, uses=list(uses), explanation=explanation)


class StreamlitQueryParamDictValueError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "Query param value for `{key}` cannot be set to a dictionary. "
            "Provide a string or iterable of strings instead.",
            key=key,
        )


class StreamlitPageNotFoundError(LocalizableStreamlitException):
    def __init__(self, page: str, main_script_directory: str | None = None, uses_pages_directory: bool = False) -> None:
        import os

        if main_script_directory is None:
            super().__init__("Unable to create Page. The file `{page}` could not be found.", page=page)
            return
        directory = os.path.basename(main_script_directory)
        message = (
            "Could not find page: `{page}`. You must provide a `Page` "
            "object or file path relative to the entrypoint file. Only pages "
            "previously defined by `st.Page` and passed to `st.navigation` are allowed."
        )
        if uses_pages_directory:
            message = (
                "Could not find page: `{page}`. You must provide a file path "
                "relative to the entrypoint file (from the directory `{directory}`). "
                "Only the entrypoint file and files in the `pages/` directory are supported."
            )
        super().__init__(message, page=page, directory=directory)


class BidiComponentError(LocalizableStreamlitException):
    pass


class StreamlitInvalidFormCallbackError(LocalizableStreamlitException):
    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """Raised when a command is used in a disallowed layout, form, or dialog context."""


def _markdown_code_span(text: str) -> str:
    n = 1
    while "`" * n in text:
        n += 1
    return f"{'`' * n}{text}{'`' * n}"


def _session_state_item(key: str) -> str:
    return _markdown_code_span(f"st.session_state[{key!r}]")


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "{session_state_item} is read-only and cannot be "
            "assigned through session state. Use a different session state key "
            "for values you need to set.",
            session_state_item=_session_state_item(key),
            key=key,
        )


class StreamlitWidgetAlreadyInstantiatedError(LocalizableStreamlitException):
    def __init__(self, key: str) -> None:
        super().__init__(
            "{session_state_item} cannot be modified after the widget with "
            "that key is instantiated. Assign {session_state_item} before "
            "creating the widget, or update it from an `on_change` or "
            "`on_click` callback, which runs before the widget is instantiated. "
            "If this is a read-only session state key (buttons, file and media "
            "inputs, `st.data_editor`, forms, chart or `ButtonColumn` "
            "selections), store the value under a different session state key.",
            session_state_item=_session_state_item(key),
            key=key,
        )


class StreamlitInvalidColorError(LocalizableStreamlitException):
    def __init__(self, color: Any) -> None:
        super().__init__(
            "This does not look like a valid color: {color}.\n\n"
            "Colors must be in one of the following formats:\n\n"
            "* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`\n"
            "* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`",
            color=repr(color),
        )


class StreamlitBadTimeStringError(LocalizableStreamlitException):
    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as "
            "`'1d2h34m'` or `2 days`, for example. Got: {time_string}",
            time_string=time_string,
        )


class StreamlitSecretNotFoundError(LocalizableStreamlitException, FileNotFoundError):
    def __init__(self, message: str = "", **kwargs: Any) -> None:
        LocalizableStreamlitException.__init__(self, message.replace("{", "{{").replace("}", "}}"), **kwargs)


class StreamlitInvalidWidthError(LocalizableStreamlitException):
    def __init__(self, width: Any, allow_content: bool = False) -> None:
        valid = "a positive integer (pixels) or 'stretch'"
        if allow_content:
            valid = "a positive integer (pixels), 'stretch', or 'content'"
        super().__init__(
            "Invalid width value: {width}. Width must be either {valid_values}.",
            width=repr(width),
            valid_values=valid,
        )


class StreamlitInvalidHeightError(LocalizableStreamlitException):
    def __init__(self, height: Any, allow_content: bool = False) -> None:
        valid = "a positive integer (pixels) or 'stretch'"
        if allow_content:
            valid = "a positive integer (pixels), 'stretch', or 'content'"
        super().__init__(
            "Invalid height value: {height}. Height must be either {valid_values}.",
            height=repr(height),
            valid_values=valid,
        )


class StreamlitValueError(LocalizableStreamlitException):
    def __init__(self, parameter: str, valid_values: Collection[str], *, detail: str | None = None) -> None:
        message = "Invalid `{parameter}` value. Supported values: {valid_values}."
        if detail:
            message += " {detail}"
        super().__init__(message, parameter=parameter, valid_values=", ".join(valid_values), detail=detail)


class StreamlitInvalidParameterTypeError(LocalizableStreamlitException):
    def __init__(
        self, parameter: str, provided_type: str, expected_types: list[str], *, detail: str | None = None
    ) -> None:
        message = "Invalid `{parameter}` type. Expected one of: {expected_types}. Provided type: {provided_type}."
        if detail:
            message += " {detail}"
        super().__init__(
            message,
            parameter=parameter,
            expected_types=", ".join(expected_types),
            provided_type=provided_type,
            detail=detail,
        )


class StreamlitDefaultNotInOptionsError(LocalizableStreamlitException):
    def __init__(self, value: Any) -> None:
        super().__init__(
            "The default value '{value}' is not part of the options. "
            "Please make sure that every default value also exists in the options.",
            value=value,
        )


class StreamlitInvalidThemeError(LocalizableStreamlitException):
    pass


class StreamlitInvalidThemeOptionError(StreamlitInvalidThemeError):
    pass


class StreamlitInvalidThemeSectionError(StreamlitInvalidThemeError):
    def __init__(self, option_name: str, file_path_or_url: str = "config.toml") -> None:
        super().__init__(
            "Invalid theme section: `{option_name}` found in {file_path_or_url}. "
            "Valid sections are: `theme`, `theme.light`, `theme.dark`, `theme.sidebar`, `theme.light.sidebar`, "
            "and `theme.dark.sidebar`.",
            option_name=option_name,
            file_path_or_url=file_path_or_url,
        )


# Exception elements name these classes by their module, as Streamlit does
# ("streamlit.errors.StreamlitAPIException"), so they claim Streamlit's module name.
for _obj in list(globals().values()):
    if isinstance(_obj, type) and issubclass(_obj, BaseException) and _obj.__module__ == __name__:
        _obj.__module__ = "streamlit.errors"
del _obj
