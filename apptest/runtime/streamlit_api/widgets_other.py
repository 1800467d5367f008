"""Other widgets: color_picker, download_button, chat_input, file_uploader, feedback,
camera_input and audio_input.

Wire formats (what a driver sends in ``Session.run(widget_states)``):

- color_picker: the hex string;
- download_button: ``True`` for the click run (a trigger, like ``st.button``);
- chat_input: the submitted text, or ``None``; with ``accept_file``/``accept_audio`` also a dict
  ``{"text": str, "files": [file, ...], "audio": file | None}``;
- file_uploader, camera_input, audio_input: a list of files (``[]`` or ``None``: no file);
- feedback: ``""`` (cleared) or the selected index as a string (``"2"``; an int is accepted).

A *file* on the wire is a dict ``{"name": str, "type": str, "data": bytes}`` with an optional
``"file_id"`` (a tuple ``(name, data, type)`` is accepted too). Without a ``file_id`` one is
derived from the file's position and content, so the same upload keeps the same id.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import re
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.elements import Element
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import (
    DeltaGenerator,
    check_callback,
    check_widget_policies,
    label_text,
    register_widget,
    to_key,
    widget_id,
)
from apptest.runtime.streamlit_api.widgets_basic import FORM_DOCS_INFO

__all__ = ["ChatInputValue", "OtherWidgetsMixin", "UploadedFile", "files_from_wire", "files_to_wire"]

_HEX_COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_ALLOWED_SAMPLE_RATES = {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000}
_ACCEPTED_AUDIO_EXTENSION = ".wav"
_ACCEPTED_AUDIO_MIME_TYPES: frozenset[str] = frozenset({"audio/wav", "audio/wave", "audio/x-wav"})
_RESOLUTION_TO_HEIGHT = {"480p": 480, "720p": 720, "1080p": 1080}
_PROTO_TYPE_ERROR = "bad argument type for built-in operation"
_FEEDBACK_OPTIONS = {"thumbs": 2, "faces": 5, "stars": 5}
_CATEGORY_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
_TYPE_PAIRS = [(".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"), (".htm", ".html")]
_MAX_UPLOAD_SIZE_MB = 200  # server.maxUploadSize default


# ---------------------------------------------------------------------------------- files
class UploadedFile(io.BytesIO):
    """A file uploaded by a user: a ``BytesIO`` with ``name``, ``type``, ``size`` and ``file_id``."""

    def __init__(self, file_id: str, name: str, type: str, data: bytes) -> None:
        super().__init__(data)
        self.file_id = file_id
        self.name = name
        self.type = type
        self.size = len(data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        fields = ((k, v) for k, v in self.__dict__.items() if v not in (None, "", False, [], set(), {}))
        return f"UploadedFile({', '.join(f'{k}={v!r}' for k, v in fields)})"


UploadedFile.__module__ = "streamlit.runtime.uploaded_file_manager"


def _derived_file_id(i: int, name: str, type_: str, data: bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{i}\x00{name}\x00{type_}\x00".encode())
    h.update(data)
    x = h.hexdigest()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"


def files_from_wire(wire: Any) -> list[UploadedFile]:
    """Files on the wire (a list of dicts or tuples, one dict, or None) as UploadedFile objects."""
    if wire is None:
        return []
    if isinstance(wire, (dict, UploadedFile)) or (isinstance(wire, tuple) and wire and isinstance(wire[0], str)):
        wire = [wire]
    out: list[UploadedFile] = []
    for i, f in enumerate(wire):
        if isinstance(f, UploadedFile):
            out.append(UploadedFile(f.file_id, f.name, f.type, f.getvalue()))
            continue
        if isinstance(f, dict):
            name = str(f.get("name", ""))
            data = f.get("data", b"")
            type_ = f.get("type") or "application/octet-stream"
            file_id = f.get("file_id")
        else:
            name, data = f[0], f[1]
            type_ = f[2] if len(f) > 2 else "application/octet-stream"
            file_id = f[3] if len(f) > 3 else None
        if isinstance(data, str):
            data = data.encode()
        data = bytes(data)
        out.append(UploadedFile(str(file_id) if file_id else _derived_file_id(i, name, type_, data), name, type_, data))
    return out


def files_to_wire(value: Any) -> list[dict[str, Any]]:
    """UploadedFile value(s) as their wire form."""
    if not value:
        return []
    if not isinstance(value, list):
        value = [value]
    return [
        {"file_id": f.file_id, "name": f.name, "type": f.type, "data": f.getvalue()}
        for f in value
        if isinstance(f, UploadedFile)
    ]


def normalize_upload_file_type(file_type: str | Sequence[str]) -> list[str]:
    if isinstance(file_type, str):
        file_type = [file_type]
    extensions: list[str] = []
    mime_types: list[str] = []
    for raw in file_type:
        entry = raw.strip()
        if not entry:
            continue
        if entry.lower() in _CATEGORY_SHORTCUTS:
            mime_types.append(f"{entry.lower()}/*")
        elif "/" in entry:
            mime_types.append(entry.lower())
        else:
            ext = entry.lower()
            if not ext.startswith("."):
                ext = f".{ext}"
            extensions.append(ext)
    for x, y in _TYPE_PAIRS:
        if x in extensions and y not in extensions:
            extensions.append(y)
        if y in extensions and x not in extensions:
            extensions.append(x)
    return mime_types + extensions


def enforce_filename_restriction(filename: str, allowed_types: Sequence[str]) -> None:
    if "\0" in filename:
        raise E.StreamlitAPIException("Filename cannot contain null bytes.", error_id="filename-contains-null-bytes")
    if any("/" in t for t in allowed_types):
        return
    extension_types = [t.lower() for t in allowed_types if t.startswith(".")]
    if not extension_types:
        return
    extension = os.path.splitext(filename)[1]
    lowered = filename.lower()
    if not any(lowered.endswith(t) for t in extension_types):
        raise E.StreamlitAPIException(
            f"Invalid file extension: `{extension}`. Allowed: {extension_types}",
            error_id="file-uploader-invalid-extension",
        )


def _check_audio_file(f: UploadedFile) -> None:
    if not f.name.lower().endswith(_ACCEPTED_AUDIO_EXTENSION):
        raise E.StreamlitAPIException(
            f"Invalid file extension for audio input: `{f.name}`. "
            f"Only WAV files ({_ACCEPTED_AUDIO_EXTENSION}) are accepted.",
            error_id="audio-input-invalid-file-extension",
        )
    if f.type not in _ACCEPTED_AUDIO_MIME_TYPES:
        raise E.StreamlitAPIException(
            f"Invalid MIME type for audio input: `{f.type}`. Expected one of {_ACCEPTED_AUDIO_MIME_TYPES}.",
            error_id="audio-input-invalid-mime-type",
        )


def _check_max_upload_size(max_upload_size: Any) -> None:
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size < 1
    ):
        raise E.StreamlitValueError(
            "max_upload_size",
            ["a positive integer"],
            detail="Set it to None to fall back to the `server.maxUploadSize` configuration option.",
        )


# ---------------------------------------------------------------------------------- chat value
@dataclass(repr=False)
class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input`` returns with ``accept_file`` or ``accept_audio``."""

    text: str
    files: list[UploadedFile] = field(default_factory=list)
    audio: UploadedFile | None = None
    _include_files: bool = field(default=False, repr=False, compare=False)
    _include_audio: bool = field(default=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        stored = vars(self)
        result: dict[str, Any] = {}
        if "text" in stored:
            result["text"] = stored["text"]
        if self._include_files and "files" in stored:
            result["files"] = stored["files"]
        if self._include_audio and "audio" in stored:
            result["audio"] = stored["audio"]
        return result

    def __len__(self) -> int:
        return len(self.to_dict())

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.to_dict()

    def __getitem__(self, item: str) -> Any:
        if item not in self:
            raise KeyError(f"Invalid key: {item}")
        return self.to_dict()[item]

    def __getattribute__(self, name: str) -> Any:
        if name == "files" and not object.__getattribute__(self, "_include_files"):
            raise AttributeError("'ChatInputValue' object has no attribute 'files' (accept_file=False)")
        if name == "audio" and not object.__getattribute__(self, "_include_audio"):
            raise AttributeError("'ChatInputValue' object has no attribute 'audio' (accept_audio=False)")
        return object.__getattribute__(self, name)

    def __setitem__(self, key: str, value: Any) -> None:
        allowed = {"text"}
        if self._include_files:
            allowed.add("files")
        if self._include_audio:
            allowed.add("audio")
        if key not in allowed:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(f"Invalid key: {key}")
        delattr(self, key)

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.to_dict().items())
        return f"{type(self).__name__}({args})"


ChatInputValue.__module__ = "streamlit.elements.widgets.chat"


# ---------------------------------------------------------------------------------- download data
def _download_bytes(data: Any) -> tuple[bytes, str]:
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, io.TextIOWrapper):
        return data.read().encode(), "text/plain"
    if isinstance(data, io.StringIO):
        return data.getvalue().encode(), "text/plain"
    if isinstance(data, bytes):
        return data, "application/octet-stream"
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue(), "application/octet-stream"
    if isinstance(data, io.BufferedReader):
        data.seek(0)
        return data.read(), "application/octet-stream"
    if isinstance(data, io.RawIOBase):
        data.seek(0)
        return data.read() or b"", "application/octet-stream"
    raise E.StreamlitAPIException(
        f"Invalid binary data format: {type(data)}", error_id="download-button-invalid-binary-data-format"
    )


def _infer_file_info(data: Any, file_name: str | None, mime: str | None) -> tuple[str | None, str | None]:
    try:
        name = getattr(data, "name", None)
    except (AttributeError, ValueError, OSError):
        return file_name, mime
    if not isinstance(name, str) or not name:
        return file_name, mime
    if file_name is None:
        file_name = os.path.basename(name)
    if mime is None:
        mime = mimetypes.guess_type(file_name)[0]
    return file_name, mime


def _trigger_deserialize(wire: Any) -> bool:
    return bool(wire) if wire is not None else False


def _bool_serialize(v: Any) -> bool:
    return bool(v)


def _str_serialize(v: Any) -> str:
    return str(v)


class OtherWidgetsMixin:
    # ------------------------------------------------------------------ color_picker
    def color_picker(
        self,
        label: str,
        value: str | None = None,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> str:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=value)
        label = label_text(label, label_visibility)
        if isinstance(width, int) and width < 40:
            width = 40
        eid = widget_id(ctx, "color_picker", key, dg, True, {
            "label": label, "value": str(value), "help": help, "width": width,
        })
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise E.StreamlitInvalidParameterTypeError(
                "value", type(value).__name__, ["str"], detail="Pass a hex string like `'#00FFAA'` or `'#000'`."
            )
        if not _HEX_COLOR_RE.match(value):
            raise E.StreamlitAPIException(
                f"'{value}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.",
                error_id="color-picker-invalid-hex",
            )
        default = value

        def deserialize(wire: Any) -> str:
            if wire is None or wire == "":
                return default
            normalized = wire if wire.startswith("#") else f"#{wire}"
            if not _HEX_COLOR_RE.match(normalized):
                return default
            return normalized

        form_id = dg._form_id(ctx)
        v, changed = register_widget(
            ctx, element_id=eid, element_type="color_picker", user_key=key, deserializer=deserialize,
            serializer=_str_serialize, on_change=callback, args=args, kwargs=kwargs, value_type="string_value",
            disabled=disabled, form_id=form_id, label=label, info={"default": default},
        )
        if changed and not isinstance(v, str):
            raise TypeError(_PROTO_TYPE_ERROR)  # the value goes into the protobuf's string field
        dg._enqueue(ctx, Element("color_picker", {
            "id": eid, "key": key, "label": label, "value": v, "default": default, "help": help or "",
            "form_id": form_id, "disabled": disabled, "label_visibility": label_visibility,
        }))
        return v  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ download_button
    def download_button(
        self,
        label: str,
        data: Any,
        file_name: str | None = None,
        mime: str | None = None,
        key: Any = None,
        help: str | None = None,
        on_click: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        if type not in {"primary", "secondary", "tertiary"}:
            raise E.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        if icon_position is None:
            icon_position = "left"
        elif icon_position not in ("left", "right"):
            raise E.StreamlitValueError("icon_position", ["'left'", "'right'"])
        key = to_key(key)
        label = "" if label is None else str(label)
        callback = check_callback(on_click, "on_click")
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False)
        eid = widget_id(ctx, "download_button", key, dg, True, {
            "label": label, "icon": icon, "file_name": file_name, "mime": mime, "help": help, "type": type,
            "width": width, "icon_position": icon_position, "shortcut": shortcut,
        })
        if dg._form_id(ctx):
            raise E.StreamlitInvalidLayoutContextError(
                f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        payload: bytes | None = None
        deferred = callable(data)
        if not deferred:
            file_name, mime = _infer_file_info(data, file_name, mime)
            payload, inferred = _download_bytes(data)
            if mime is None:
                mime = inferred
        ignore = isinstance(on_click, str) and on_click == "ignore"
        value, _ = register_widget(
            ctx, element_id=eid, element_type="download_button", user_key=key,
            deserializer=_trigger_deserialize, serializer=_bool_serialize, on_change=callback, args=args,
            kwargs=kwargs, value_type="trigger_value", disabled=disabled, label=label,
            info={"ignore_rerun": ignore, "data": data if deferred else payload, "file_name": file_name,
                  "mime": mime},
        )
        dg._enqueue(ctx, Element("download_button", {
            "id": eid, "key": key, "label": label, "value": value, "help": help or "", "form_id": "",
            "disabled": disabled, "type": type, "icon": icon or "", "file_name": file_name or "",
            "mime": mime or "", "data": payload, "deferred": deferred, "ignore_rerun": ignore,
        }))
        return bool(value) if value is not None else False

    # ------------------------------------------------------------------ chat_input
    def chat_input(
        self,
        placeholder: str = "Your message",
        *,
        key: Any = None,
        max_chars: int | None = None,
        max_upload_size: int | None = None,
        accept_file: Any = False,
        file_type: str | Sequence[str] | None = None,
        accept_audio: bool = False,
        audio_sample_rate: int | None = 16000,
        disabled: bool = False,
        submit_mode: str = "submit",
        on_submit: Any = None,
        args: Any = None,
        kwargs: Any = None,
        width: Any = "stretch",
        height: Any = "content",
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_submit, "on_submit", modes=())
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=True)
        if accept_file not in {True, False, "multiple", "directory"}:
            raise E.StreamlitValueError(
                "accept_file", ["True", "False", "'multiple'", "'directory'"], detail=f"Got {accept_file!r}."
            )
        if submit_mode not in {"submit", "disable", "stop"}:
            raise E.StreamlitValueError("submit_mode", ["'submit'", "'disable'", "'stop'"])
        _check_max_upload_size(max_upload_size)
        eid = widget_id(ctx, "chat_input", key, dg, {"accept_file", "file_type", "max_chars", "max_upload_size"}, {
            "placeholder": placeholder, "max_chars": max_chars, "max_upload_size": max_upload_size,
            "accept_file": accept_file, "file_type": file_type, "accept_audio": accept_audio,
            "audio_sample_rate": audio_sample_rate, "submit_mode": submit_mode, "width": width, "height": height,
        })
        allowed_types = normalize_upload_file_type(file_type) if file_type else None
        if audio_sample_rate is not None and audio_sample_rate not in _ALLOWED_SAMPLE_RATES:
            raise E.StreamlitValueError(
                "audio_sample_rate", [str(r) for r in sorted(_ALLOWED_SAMPLE_RATES)] + ["None"]
            )
        if dg._form_id(ctx):
            raise E.StreamlitInvalidLayoutContextError("`st.chat_input()` can't be used in a `st.form()`.")
        active = dg._active(ctx)
        at_bottom = active._target_block(ctx) is ctx.roots["main"]
        accept_files = accept_file in (True, "multiple", "directory")

        def deserialize(wire: Any) -> Any:
            if wire is None:
                return None
            if isinstance(wire, dict):
                text = wire.get("text")
                if text is None:
                    text = ""
                files_wire = wire.get("files")
                audio_wire = wire.get("audio")
            else:
                text, files_wire, audio_wire = wire, None, None
            text = str(text)
            if max_chars:
                text = text[:max_chars]
            if not accept_files and not accept_audio:
                return text
            files = files_from_wire(files_wire)
            if allowed_types:
                for f in files:
                    enforce_filename_restriction(f.name, allowed_types)
            audio_files = files_from_wire(audio_wire)
            audio = audio_files[0] if audio_files else None
            if audio is not None:
                _check_audio_file(audio)
            return ChatInputValue(
                text=text, files=files, audio=audio, _include_files=accept_files, _include_audio=accept_audio
            )

        def serialize(v: Any) -> str | None:
            # The frontend never echoes a chat value: only a submission carries one.
            if isinstance(v, ChatInputValue):
                return v.text
            return v if isinstance(v, str) else None

        value, changed = register_widget(
            ctx, element_id=eid, element_type="chat_input", user_key=key, deserializer=deserialize,
            serializer=serialize, on_change=callback, args=args, kwargs=kwargs, value_type="chat_input_value",
            disabled=disabled, label=placeholder if isinstance(placeholder, str) else str(placeholder),
            info={"accept_file": accept_file, "accept_audio": accept_audio, "max_chars": max_chars,
                  "file_type": allowed_types, "position": "bottom" if at_bottom else "inline"},
        )
        prefill: str | None = None
        if changed and isinstance(value, str):
            prefill = value
            state = ctx.session.state
            if key is not None and key in state:
                state.reset_state_value(key, None)
        result = value if not changed else None
        props = {
            "id": eid, "key": key, "label": str(placeholder), "placeholder": str(placeholder), "value": result,
            "prefill": prefill, "max_chars": max_chars or 0, "accept_file": accept_file,
            "accept_audio": accept_audio, "file_type": allowed_types or [], "disabled": disabled, "form_id": "",
            "submit_mode": submit_mode, "position": "bottom" if at_bottom else "inline",
        }
        if at_bottom:
            type(dg)("bottom")._enqueue(ctx, Element("chat_input", props))
        else:
            dg._enqueue(ctx, Element("chat_input", props))
        return result

    # ------------------------------------------------------------------ file_uploader
    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        accept_multiple_files: Any = False,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        _check_max_upload_size(max_upload_size)
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False)
        label = label_text(label, label_visibility)
        eid = widget_id(ctx, "file_uploader", key, dg, {"type", "accept_multiple_files", "max_upload_size"}, {
            "max_upload_size": max_upload_size, "label": label, "type": type,
            "accept_multiple_files": accept_multiple_files, "help": help, "width": width,
        })
        allowed_types = normalize_upload_file_type(type) if type else None
        multiple = accept_multiple_files is True or accept_multiple_files == "directory"

        def deserialize(wire: Any) -> Any:
            files = files_from_wire(wire)
            if allowed_types:
                for f in files:
                    enforce_filename_restriction(f.name, allowed_types)
            if not files:
                return [] if multiple else None
            return files if multiple else files[0]

        form_id = dg._form_id(ctx)
        value, _ = register_widget(
            ctx, element_id=eid, element_type="file_uploader", user_key=key, deserializer=deserialize,
            serializer=files_to_wire, on_change=callback, args=args, kwargs=kwargs,
            value_type="file_uploader_state_value", disabled=disabled, form_id=form_id, label=label,
            info={"type": allowed_types, "accept_multiple_files": accept_multiple_files, "multiple": multiple},
        )
        dg._enqueue(ctx, Element("file_uploader", {
            "id": eid, "key": key, "label": label, "value": value, "type": allowed_types or [],
            "multiple_files": multiple, "accept_directory": accept_multiple_files == "directory",
            "max_upload_size_mb": max_upload_size if max_upload_size is not None else _MAX_UPLOAD_SIZE_MB,
            "help": help or "", "form_id": form_id, "disabled": disabled, "label_visibility": label_visibility,
        }))
        return value

    # ------------------------------------------------------------------ feedback
    def feedback(
        self,
        options: str = "thumbs",
        *,
        key: Any = None,
        default: int | None = None,
        disabled: bool = False,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        width: Any = "content",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> int | None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if options not in _FEEDBACK_OPTIONS:
            raise E.StreamlitValueError("options", ["'thumbs'", "'faces'", "'stars'"])
        num_options = _FEEDBACK_OPTIONS[options]
        if default is not None and not (0 <= default < num_options):
            raise E.StreamlitValueOutOfRangeError("default", default, 0, num_options - 1)
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=default)
        eid = widget_id(ctx, "feedback", key, dg, {"options"}, {"options": options, "default": default, "width": width})
        dflt = default

        def deserialize(wire: Any) -> int | None:
            if wire is None:
                return dflt
            if isinstance(wire, int) and not isinstance(wire, bool):
                wire = str(wire)
            if wire == "":
                return None
            v = int(wire)
            if not 0 <= v < num_options:
                return dflt
            return v

        def serialize(v: Any) -> str:
            return "" if v is None else str(v)

        form_id = dg._form_id(ctx)
        value, _ = register_widget(
            ctx, element_id=eid, element_type="feedback", user_key=key, deserializer=deserialize,
            serializer=serialize, on_change=callback, args=args, kwargs=kwargs, value_type="string_value",
            disabled=disabled, form_id=form_id, info={"options": options, "num_options": num_options,
                                                      "default": default},
        )
        stored: object = value
        if stored is not None and (
            isinstance(stored, bool) or not isinstance(stored, Integral) or not 0 <= int(stored) < num_options
        ):
            value = default
            if key is not None:
                ctx.session.state.reset_state_value(key, value)
        dg._enqueue(ctx, Element("feedback", {
            "id": eid, "key": key, "label": "", "options": options, "value": value, "default": default,
            "form_id": form_id, "disabled": disabled,
        }))
        return value  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ camera / audio input
    def camera_input(
        self,
        label: str,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        resolution: str | None = None,
        width: Any = "stretch",
    ) -> UploadedFile | None:
        if resolution is not None and resolution not in _RESOLUTION_TO_HEIGHT:
            raise E.StreamlitValueError("resolution", ["'480p'", "'720p'", "'1080p'", "None"])

        def check(f: UploadedFile) -> None:
            enforce_filename_restriction(f.name, [".jpg"])

        return self._single_file_input(
            "camera_input", label, key, help, on_change, args, kwargs, disabled, label_visibility, check,
            {"label": None, "help": help, "width": width, "resolution": resolution}, {"resolution": resolution},
        )

    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> UploadedFile | None:
        if sample_rate is not None and sample_rate not in _ALLOWED_SAMPLE_RATES:
            raise E.StreamlitValueError("sample_rate", [str(r) for r in sorted(_ALLOWED_SAMPLE_RATES)] + ["None"])

        def check(f: UploadedFile) -> None:
            enforce_filename_restriction(f.name, [".wav"])

        return self._single_file_input(
            "audio_input", label, key, help, on_change, args, kwargs, disabled, label_visibility, check,
            {"label": None, "help": help, "width": width, "sample_rate": sample_rate}, {"sample_rate": sample_rate},
        )

    def _single_file_input(
        self, kind: str, label: Any, key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any,
        disabled: bool, label_visibility: str, check: Callable[[UploadedFile], None], ident: dict[str, Any],
        extra: dict[str, Any],
    ) -> UploadedFile | None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False)
        label = label_text(label, label_visibility)
        ident["label"] = label
        eid = widget_id(ctx, kind, key, dg, True, ident)

        def deserialize(wire: Any) -> UploadedFile | None:
            files = files_from_wire(wire)
            f = files[0] if files else None
            if f is not None:
                check(f)
            return f

        form_id = dg._form_id(ctx)
        value, _ = register_widget(
            ctx, element_id=eid, element_type=kind, user_key=key, deserializer=deserialize,
            serializer=files_to_wire, on_change=callback, args=args, kwargs=kwargs,
            value_type="file_uploader_state_value", disabled=disabled, form_id=form_id, label=label,
            info={"multiple": False},
        )
        dg._enqueue(ctx, Element(kind, {
            "id": eid, "key": key, "label": label, "value": value, "help": help or "", "form_id": form_id,
            "disabled": disabled, "label_visibility": label_visibility, **extra,
        }))
        return value  # type: ignore[no-any-return]
