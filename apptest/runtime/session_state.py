"""The session-state model: user keys and widget values, old and new per run, stale cleanup.

Reproduces Streamlit 1.67.0's ``SessionState`` (``runtime/state/session_state.py``): four
structures (old state, this run's user writes, this run's widget values, the key<->id map),
the same lookup order, compaction at the start of an interaction, callbacks before the body,
trigger resets and stale-widget cleanup at the end of a run.

Widget values coming from the "frontend" (a scenario step, an AppTest interaction, or the
echo of the previous run's value) are stored *serialized* (their wire form) and deserialized
lazily through the widget's metadata, exactly where Streamlit does it; this is what makes
uncoerced session-state values "normalise one run later".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api.errors import StreamlitWidgetAlreadyInstantiatedError

__all__ = ["ELEMENT_ID_PREFIX", "Serialized", "SessionState", "WidgetMeta", "missing_key_message"]

ELEMENT_ID_PREFIX = "$$ID"
INTERNAL_KEY_PREFIX = "$$STREAMLIT_INTERNAL_KEY"
TRIGGER_TYPES = frozenset({"trigger_value", "chat_input_value", "string_trigger_value"})
# deepcopy returns values of these types as they are, so they need no copy call.
_ATOMIC = frozenset({str, int, float, bool, complex, bytes, type(None)})


def missing_key_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )


def is_element_id(key: str) -> bool:
    return key.startswith(ELEMENT_ID_PREFIX)


def is_keyed_element_id(key: str) -> bool:
    return key.startswith(ELEMENT_ID_PREFIX) and not key.endswith("-None")


def user_key_from_element_id(element_id: str) -> str | None:
    user_key = element_id.split("-", 2)[-1]
    return None if user_key == "None" else user_key


class Serialized:
    """A widget value in its wire form, as the frontend sends it."""

    __slots__ = ("wire",)

    def __init__(self, wire: Any) -> None:
        self.wire = wire

    def __repr__(self) -> str:
        return f"Serialized({self.wire!r})"


@dataclass(slots=True, eq=False)
class WidgetMeta:
    """What the runtime remembers of a widget between runs (its last registration)."""

    id: str
    type: str
    deserializer: Callable[[Any], Any]
    serializer: Callable[[Any], Any]
    value_type: str = "value"
    callback: Callable[..., Any] | None = None
    args: tuple[Any, ...] | list[Any] | None = None
    kwargs: dict[str, Any] | None = None
    disabled: bool = False
    form_id: str = ""
    fragment_id: str | None = None
    user_key: str | None = None
    label: str = ""
    # "page" / "session": keep a keyed widget's value while it is not rendered.
    persist_state: str | None = None
    # Free-form facts the driver and the replay engine need (options, bounds, ...).
    info: dict[str, Any] = field(default_factory=dict)


class SessionState:
    """Values that persist between reruns of one session."""

    __slots__ = (
        "_new_session_state", "_new_widget_state", "_old_state", "id_to_key", "key_to_id", "meta", "persisting",
        "triggers",
    )

    def __init__(self) -> None:
        self._old_state: dict[str, Any] = {}
        self._new_session_state: dict[str, Any] = {}
        self._new_widget_state: dict[str, Any] = {}
        self.meta: dict[str, WidgetMeta] = {}
        self.key_to_id: dict[str, str] = {}
        self.id_to_key: dict[str, str] = {}
        # Ids of widgets registered with persist_state (their values outlive hiding).
        self.persisting: set[str] = set()
        # Trigger-like widgets (buttons, chat inputs...) by id: the value they reset to.
        self.triggers: dict[str, Any] = {}

    # ----------------------------------------------------------------- key/id helpers
    def _get_widget_id(self, k: str) -> str:
        return self.key_to_id.get(k, k)

    def _widget_value(self, widget_id: str) -> Any:
        """Read this run's widget value, deserializing a wire value on first read."""
        v = self._new_widget_state[widget_id]
        if type(v) is Serialized:
            meta = self.meta.get(widget_id)
            if meta is None:
                raise KeyError(widget_id)
            v = meta.deserializer(v.wire)
            self._new_widget_state[widget_id] = v
        return v

    def _keys(self) -> set[str]:
        gid = self._get_widget_id
        keys = {gid(k) for k in self._old_state}
        keys.update(self._new_widget_state)
        keys.update(gid(k) for k in self._new_session_state)
        return keys

    # ----------------------------------------------------------------- reading
    def _getitem(self, widget_id: str | None, user_key: str | None) -> Any:
        if user_key is not None and user_key in self._new_session_state:
            return self._new_session_state[user_key]
        if widget_id is not None:
            if widget_id in self._new_widget_state:
                try:
                    return self._widget_value(widget_id)
                except KeyError:
                    pass
            if widget_id in self._old_state:
                return self._old_state[widget_id]
        if user_key is not None and user_key in self._old_state:
            return self._old_state[user_key]
        raise KeyError

    def __getitem__(self, key: str) -> Any:
        widget_id = self.key_to_id.get(key, key)
        if widget_id == key and widget_id in self.id_to_key:
            key = self.id_to_key[widget_id]
        try:
            return self._getitem(widget_id, key)
        except KeyError:
            raise KeyError(missing_key_message(key)) from None

    def __contains__(self, key: str) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def filtered_state(self) -> dict[str, Any]:
        """User keys plus keyed widgets under their user key (what the app's proxy shows)."""
        id_to_key = self.id_to_key
        state: dict[str, Any] = {}
        for k in self._keys():
            if k.startswith(INTERNAL_KEY_PREFIX):
                continue
            if not k.startswith(ELEMENT_ID_PREFIX):
                state[k] = self[k]
            elif not k.endswith("-None"):
                key = id_to_key.get(k)
                if key is not None:
                    try:
                        state[key] = self[k]
                    except KeyError:
                        pass
        return state

    def is_new_state_value(self, user_key: str) -> bool:
        return user_key in self._new_session_state

    def reset_state_value(self, user_key: str, value: Any) -> None:
        """Overwrite this run's user write (a silent reset) without the instantiated check."""
        self._new_session_state[user_key] = value

    # ----------------------------------------------------------------- writing
    def __setitem__(self, user_key: str, value: Any) -> None:
        ctx = _context.current()
        if ctx is not None:
            widget_id = self.key_to_id.get(user_key)
            if (widget_id is not None and widget_id in ctx.widget_ids) or user_key in ctx.form_ids:
                raise StreamlitWidgetAlreadyInstantiatedError(user_key)
        self._new_session_state[user_key] = value

    def set_from_outside(self, user_key: str, value: Any) -> None:
        """A write made between runs (test code, a scenario ``state`` step)."""
        self._new_session_state[user_key] = value

    def __delitem__(self, key: str) -> None:
        widget_id = self._get_widget_id(key)
        if not (key in self or widget_id in self):
            raise KeyError(missing_key_message(key))
        self._new_session_state.pop(key, None)
        self._old_state.pop(key, None)
        if key in self.key_to_id:
            wid = self.key_to_id.pop(key)
            self.id_to_key.pop(wid, None)
        self._new_widget_state.pop(widget_id, None)
        self._old_state.pop(widget_id, None)

    def clear(self) -> None:
        self._old_state.clear()
        self._new_session_state.clear()
        self._new_widget_state.clear()
        self.key_to_id.clear()
        self.id_to_key.clear()

    # ----------------------------------------------------------------- run lifecycle
    def _compact_state(self) -> None:
        """``old[k] = self[k]`` for every key, then clear this run's values.

        Done in bulk, in the order that gives each key the value ``self[k]`` would: widget
        values, then user writes (which win over their widget's value), then keyed widgets
        known only by their user key in the old state.
        """
        old = self._old_state
        key_to_id = self.key_to_id
        nws = self._new_widget_state
        nss = self._new_session_state
        if nws:
            meta = self.meta
            for wid, v in nws.items():
                if type(v) is Serialized:
                    m = meta.get(wid)
                    if m is None:  # no way to read it: self[wid] falls back to the old state
                        continue
                    v = m.deserializer(v.wire)
                old[wid] = v
        if nss:
            for k, v in nss.items():
                old[key_to_id.get(k, k)] = v
        if key_to_id:
            for user_key, wid in key_to_id.items():
                if wid not in old and user_key in old:
                    old[wid] = old[user_key]
        nss.clear()
        nws.clear()

    def _reset_triggers(self) -> None:
        if not self.triggers:
            return
        nws = self._new_widget_state
        old = self._old_state
        for wid, reset in self.triggers.items():
            if wid in nws:
                nws[wid] = reset
            if wid in old:
                old[wid] = reset

    def on_script_will_rerun(self, widget_states: dict[str, Any] | None) -> list[str]:
        """Prepare for a run that carries frontend widget states (an interaction).

        Resets triggers, compacts, applies the incoming wire values and returns the ids of
        the changed, enabled widgets that have a callback, in message order. The caller runs
        those callbacks (so it can attribute their output and handle rerun/stop).
        """
        self._reset_triggers()
        self._compact_state()
        if widget_states is None:
            return []
        nws = self._new_widget_state
        for wid, wire in widget_states.items():
            nws[wid] = Serialized(wire)
        changed: list[str] = []
        meta = self.meta
        old = self._old_state
        for wid in widget_states:
            m = meta.get(wid)
            if m is None or m.disabled or m.callback is None:
                continue
            try:
                new_value = self._widget_value(wid)
            except KeyError:
                continue
            if new_value != old.get(wid):
                changed.append(wid)
        return changed

    def call_callback(self, widget_id: str) -> None:
        m = self.meta[widget_id]
        if m.callback is not None:
            m.callback(*(m.args or ()), **(m.kwargs or {}))

    def on_script_finished(
        self, widget_ids_this_run: set[str], *, remove_stale: bool, fragment_ids: set[str] | None = None
    ) -> None:
        self._reset_triggers()
        if remove_stale:
            self._remove_stale_widgets(widget_ids_this_run, fragment_ids)

    def _remove_stale_widgets(self, active: set[str], fragment_ids: set[str] | None = None) -> None:
        def stale(wid: str) -> bool:
            if wid in active:
                return False
            if fragment_ids is not None:
                m = self.meta.get(wid)
                return m is not None and m.fragment_id in fragment_ids
            return True

        nws = self._new_widget_state
        old = self._old_state
        meta = self.meta
        # persist_state widgets: carry the value of a stale keyed widget over under its user
        # key (one page app, so "page" and "session" behave alike), as Streamlit does.
        preserved: dict[str, Any] | None = None
        for k in self.persisting:
            m = meta.get(k)
            if m is not None and m.persist_state is not None and k in old and k in self.id_to_key and stale(k):
                user_key = self.id_to_key[k]
                if preserved is None:
                    preserved = {}
                try:
                    preserved[user_key] = self._getitem(k, user_key)
                except KeyError:
                    preserved[user_key] = old[k]
        if fragment_ids is None:  # the common case, without a call per widget
            for wid in [w for w in nws if w not in active]:
                del nws[wid]
            for k in [k for k in old if k not in active and k.startswith(ELEMENT_ID_PREFIX)]:
                del old[k]
        else:
            for wid in [w for w in nws if stale(w)]:
                del nws[wid]
            for k in [k for k in old if k.startswith(ELEMENT_ID_PREFIX) and stale(k)]:
                del old[k]
        if preserved:
            old.update(preserved)
            for user_key, value in preserved.items():
                active_id = self.key_to_id.get(user_key)
                if active_id is not None and active_id in active:
                    nws[active_id] = value
        # Metadata of widgets gone for good is dropped too, so a long session does not grow;
        # the key<->id map is kept, as Streamlit keeps it (the "stale key" quirk needs it).
        if fragment_ids is None:
            gone = [w for w in meta if w not in active and w not in old]
        else:
            gone = [w for w in meta if stale(w) and w not in old]
        triggers = self.triggers
        for wid in gone:
            del meta[wid]
            self.persisting.discard(wid)
            if wid in triggers:
                del triggers[wid]

    # ----------------------------------------------------------------- widgets
    def register_widget(self, meta: WidgetMeta, user_key: str | None) -> tuple[Any, bool]:
        """Register a widget for this run; return (value, value_changed_for_frontend)."""
        wid = meta.id
        self.meta[wid] = meta
        value_type = meta.value_type
        if value_type in TRIGGER_TYPES:
            self.triggers[wid] = False if value_type == "trigger_value" else None
        if meta.persist_state is not None:
            self.persisting.add(wid)
        elif self.persisting:
            self.persisting.discard(wid)
        if user_key is not None:
            old_id = self.key_to_id.get(user_key)
            if old_id != wid:
                if old_id is not None:
                    self.id_to_key.pop(old_id, None)
                self.key_to_id[user_key] = wid
                self.id_to_key[wid] = user_key
        disabled_discarded = False
        nws = self._new_widget_state
        if meta.disabled and wid in nws:
            del nws[wid]
            if user_key is None or user_key not in self._new_session_state:
                disabled_discarded = True
        # value = deepcopy(self[wid]), registering the default first when there is none; one
        # lookup in the common case, and no deepcopy call for values it would return as is.
        try:
            value = self._getitem(wid, self.id_to_key.get(wid, wid))
        except KeyError:
            if user_key is None or user_key not in self:
                default = meta.deserializer(None)
                nws[wid] = default if type(default) in _ATOMIC else deepcopy(default)
            value = self[wid]
        if type(value) not in _ATOMIC:
            value = deepcopy(value)
        restored = False
        if (
            user_key is not None
            and user_key not in self._new_session_state
            and wid not in nws
            and (user_key in self._old_state or (meta.persist_state is not None and wid in self._old_state))
            and value != meta.deserializer(None)
        ):
            restored = True
        changed = (
            (user_key is not None and user_key in self._new_session_state) or restored or disabled_discarded
        )
        return value, changed

    def widget_value_by_id(self, widget_id: str) -> Any:
        return self[widget_id]

    def frontend_value(self, widget_id: str) -> Any:
        """The wire value the frontend holds for a widget after this run."""
        m = self.meta[widget_id]
        return m.serializer(self[widget_id])
