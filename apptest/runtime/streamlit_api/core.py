"""The DeltaGenerator core: where elements go, widget registration, ids and policies.

Every ``st.*`` element or widget is a method of :class:`DeltaGenerator` (mixed in from the
family modules). ``st.button`` is the method bound to the main-area generator, which writes
into whatever container is open with ``with`` at the time of the call, as in Streamlit.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.context import RunContext
from apptest.runtime.elements import ROOT_INDEX, Block, Element
from apptest.runtime.session_state import SessionState, WidgetMeta
from apptest.runtime.streamlit_api import errors as E

__all__ = ["DeltaGenerator", "WidgetPlan", "register_widget", "to_key", "widget_id"]

_LOGGER = logging.getLogger("streamlit.elements.lib.policies")
_shown_default_value_warning = False


class DeltaGenerator:
    """A place to write elements: a root, a container, or a single replaceable slot."""

    __slots__ = ("__weakref__", "_block", "_root", "_slot_index", "_slot_parent")

    def __init__(
        self,
        root: str = "main",
        block: Block | None = None,
        slot_parent: Block | None = None,
        slot_index: int = -1,
    ) -> None:
        self._root = root
        self._block = block  # None for a root generator: resolved per run
        self._slot_parent = slot_parent
        self._slot_index = slot_index

    # ------------------------------------------------------------------ where to write
    def _active(self, ctx: RunContext) -> DeltaGenerator:
        """The generator that actually receives a call made through this one."""
        if self._block is None and self._slot_parent is None and self._root == "main" and ctx.cursor:
            return ctx.cursor[-1]  # type: ignore[no-any-return]
        return self

    def _target_block(self, ctx: RunContext) -> Block:
        if self._block is not None:
            return self._block
        if self._slot_parent is not None:
            return self._slot_parent
        return ctx.roots[self._root]

    def _form_id(self, ctx: RunContext) -> str:
        dg = self._active(ctx)
        return dg._target_block(ctx).form_id

    def _enqueue(self, ctx: RunContext, node: Element | Block) -> DeltaGenerator:
        """Add a node where this generator writes; return a generator for its slot."""
        dg = self._active(ctx)
        if ctx.fragment_stack:
            dg = _outside_wrapper(ctx, dg)
        return dg._place(ctx, node)

    def _place(self, ctx: RunContext, node: Element | Block) -> DeltaGenerator:
        dg = self
        if dg._slot_parent is not None:
            parent = dg._slot_parent
            idx = dg._slot_index
            if idx < len(parent.children):
                parent.children[idx] = node
            else:
                parent.children.append(node)
                idx = len(parent.children) - 1
            if node.is_block:
                node.parent = parent  # type: ignore[union-attr]
            return type(self)(dg._root, None, parent, idx)
        block = dg._target_block(ctx)
        block.children.append(node)
        if node.is_block:
            node.parent = block  # type: ignore[union-attr]
        return type(self)(dg._root, None, block, len(block.children) - 1)

    def _append(self, ctx: RunContext, node: Element) -> None:
        """``_enqueue`` for an element whose slot nobody writes to again (a widget's)."""
        dg = self._active(ctx)
        if ctx.fragment_stack or dg._slot_parent is not None:
            self._enqueue(ctx, node)
            return
        block = dg._block
        (ctx.roots[dg._root] if block is None else block).children.append(node)

    def _add_element(self, type_: str, props: dict[str, Any]) -> DeltaGenerator:
        ctx = _context.require()
        return self._enqueue(ctx, Element(type_, props))

    def _add_block(self, type_: str, props: dict[str, Any] | None = None, *, form_id: str | None = None) -> DeltaGenerator:
        """Create a container here and return the generator that writes into it."""
        ctx = _context.require()
        dg = self._active(ctx)
        parent = dg._target_block(ctx)
        block = Block(type_, props or {}, root=dg._root, form_id=parent.form_id if form_id is None else form_id)
        dg._enqueue(ctx, block)
        return type(self)(dg._root, block)

    # ------------------------------------------------------------------ with-blocks
    def __enter__(self) -> DeltaGenerator:
        ctx = _context.require()
        ctx.cursor.append(self)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        ctx = _context.current()
        if ctx is not None and ctx.cursor:
            ctx.cursor.pop()

    @property
    def id(self) -> str:
        return str(id(self))

    def __repr__(self) -> str:
        return f"DeltaGenerator(root={self._root!r})"


def _outside_wrapper(ctx: RunContext, dg: DeltaGenerator) -> DeltaGenerator:
    """Where a fragment's write to ``dg`` goes (Streamlit's ``_get_or_create_outside_wrapper``).

    A fragment that writes to a container created outside it (``st.sidebar``, a container or a
    placeholder made before the fragment was called) writes into a ``transparent`` block placed in
    that container on the first such write, one per fragment and container.
    """
    fragment_id = ctx.fragment_stack[-1]
    holder = ctx.extra.get("fragment_holders", {}).get(fragment_id)
    if holder is None:
        return dg
    if dg._slot_parent is not None:
        block: Block | None = dg._slot_parent
        slot = dg._slot_index
    elif dg._block is None:  # a root: only the shared sidebar and bottom get a wrapper
        if dg._root not in ("sidebar", "bottom"):
            return dg
        block, slot = None, -1
    else:
        block, slot = dg._block, -1
    b = block
    while b is not None:
        if b is holder or b.props.get("fragment_wrapper") == fragment_id:
            return dg
        b = b.parent
    target = block if block is not None else ctx.roots[dg._root]
    wrappers: dict[tuple[str, int, int], DeltaGenerator] = ctx.extra.setdefault("fragment_wrappers", {})
    cache_key = (fragment_id, id(target), slot)
    wrapper = wrappers.get(cache_key)
    if wrapper is None:
        wrapper_block = Block("transparent", {"fragment_wrapper": fragment_id}, root=dg._root, form_id=target.form_id)
        dg._place(ctx, wrapper_block)
        # A placeholder's wrapper keeps one element, as the placeholder did.
        cls = type(dg)
        wrapper = cls(dg._root, None, wrapper_block, 0) if slot >= 0 else cls(dg._root, wrapper_block)
        wrappers[cache_key] = wrapper
    return wrapper


# ---------------------------------------------------------------------------------- ids
def to_key(key: Any) -> str | None:
    if key is None:
        return None
    k = str(key)
    require_valid_user_key(k)
    return k


def require_valid_user_key(key: str) -> None:
    if key == "":
        raise E.StreamlitValueError("key", ["a non-empty string"])
    if key.startswith("$$ID"):
        raise E.StreamlitAPIException("Keys beginning with $$ID are reserved.")


_id_cache: dict[tuple[Any, ...], str] = {}
# Exact types whose values equal only values with the same str() (bool, float: no; 1 == True).
_RAW_ID_TYPES = frozenset({str, int, type(None)})


def widget_id(
    ctx: RunContext,
    element_type: str,
    user_key: str | None,
    dg: DeltaGenerator,
    key_as_main_identity: bool | set[str],
    kwargs: dict[str, Any],
) -> str:
    """Compute the element id as Streamlit does and register it (duplicate checks)."""
    ignore_kwargs = user_key is not None and (key_as_main_identity is True or isinstance(key_as_main_identity, set))
    if isinstance(key_as_main_identity, set) and user_key:
        use = {k: v for k, v in kwargs.items() if k in key_as_main_identity}
    else:
        use = {} if ignore_kwargs else dict(kwargs)
    use["active_script_hash"] = ctx.page_hash
    if not ignore_kwargs:
        active = dg._active(ctx)
        use["form_id"] = active._target_block(ctx).form_id
        use["active_dg_root_container"] = ROOT_INDEX[active._root]
    # The id depends on each str(v) only, so str, int and None values stand for their own text
    # in the cache key (no formatting per call); the count keeps names and values apart.
    raw = _RAW_ID_TYPES
    cache_key = (element_type, user_key, len(use), *use, *[v if type(v) in raw else f"{v}" for v in use.values()])
    eid = _id_cache.get(cache_key)
    if eid is None:
        h = hashlib.blake2b(digest_size=16)
        h.update(element_type.encode())
        if user_key:
            h.update(user_key.encode())
        for k, v in use.items():
            h.update(str(k).encode())
            h.update(str(v).encode())
        eid = f"$$ID-{h.hexdigest()}-{user_key}"
        if len(_id_cache) > 100_000:
            _id_cache.clear()
        _id_cache[cache_key] = eid
    register_element_id(ctx, element_type, eid, user_key)
    return eid


def register_element_id(ctx: RunContext, element_type: str, eid: str, user_key: str | None) -> None:
    """Claim an element id (and user key) for this run: a second claim is a duplicate."""
    if user_key:
        if user_key in ctx.widget_user_keys:
            raise E.StreamlitDuplicateElementKey(user_key)
        ctx.widget_user_keys.add(user_key)
    if eid in ctx.widget_ids:
        raise E.StreamlitDuplicateElementId(element_type)
    ctx.widget_ids.add(eid)


# ---------------------------------------------------------------------------------- call plans
class WidgetPlan:
    """What a widget call works out from its arguments alone: its id, cleaned label, value
    conversions, metadata and element properties.

    A rerun usually makes the same widget calls with the same arguments. The first call runs
    all of Streamlit's argument validation and the id hash and leaves a plan; a later call with
    equal arguments (same types too) in the same form, root and page reuses it, and only does
    what depends on the session: callback checks, the duplicate-id check, the state
    registration and the element.
    """

    __slots__ = ("data", "deserializer", "eid", "element_type", "form_id", "info", "label", "list_props", "meta",
                 "props", "serializer", "user_key", "value_type")

    def __init__(
        self, eid: str, element_type: str, user_key: str | None, label: str, form_id: str,
        deserializer: Callable[[Any], Any], serializer: Callable[[Any], Any], value_type: str,
        info: dict[str, Any], props: dict[str, Any], data: Any = None,
    ) -> None:
        self.eid = eid
        self.element_type = element_type
        self.user_key = user_key
        self.label = label
        self.form_id = form_id
        self.deserializer = deserializer
        self.serializer = serializer
        self.value_type = value_type
        self.info = info
        self.props = props  # the element's properties, but for the value-dependent ones
        # Properties holding lists: each element gets its own copy (a test may change them).
        self.list_props = tuple(name for name, v in props.items() if type(v) is list)
        self.data = data  # anything else the widget's own code needs after registration
        # The metadata of the last registration without a callback: reused while it still fits.
        self.meta: WidgetMeta | None = None


_PLANS: dict[tuple[Any, ...], WidgetPlan] = {}
_MAX_PLANS = 5_000
# Argument types whose equal values have equal str(): the id hashes str() of each argument.
# (The type of every argument is part of the key, so 1, 1.0 and True do not meet.)
_EXACT_TYPES = frozenset({str, int, float, bool, type(None)})


def plan_key(ctx: RunContext, dg: DeltaGenerator, call: tuple[Any, ...], extra: tuple[Any, ...] = ()) -> Any:
    """The plan-cache key of a widget call, or None when the call cannot use a plan.

    ``call`` holds the arguments that decide the plan, all of plain scalar types; ``extra``
    holds other hashable inputs compared as they are (options, captions, defaults as tuples).
    The form, root container and page are added here: the id depends on them.
    """
    # (*..., ) builds the tuple from a list, so it comes from (and returns to) CPython's tuple
    # free list; tuple(map(...)) grows one by resizing, and every free would park one there.
    types = (*map(type, call),)
    if not _EXACT_TYPES.issuperset(types):
        return None
    if float in types and has_negative_zero(call):  # -0.0 == 0.0, but str() differs
        return None
    active = dg._active(ctx)
    return (call, types, extra, active._target_block(ctx).form_id, active._root, ctx.page_hash)


def has_negative_zero(call: tuple[Any, ...]) -> bool:
    return any(type(x) is float and x == 0.0 and str(x)[0] == "-" for x in call)


def get_plan(key: Any) -> WidgetPlan | None:
    if key is None:
        return None
    return _PLANS.get(key)


def keep_plan(key: Any, plan: WidgetPlan) -> None:
    if key is None or not plan.label:  # an empty label logs a warning on every call
        return
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[key] = plan


def append_planned(ctx: RunContext, dg: DeltaGenerator, plan: WidgetPlan, value: Any) -> None:
    """Add a planned widget's element: a copy of the plan's properties (lists too), with the value."""
    props = plan.props.copy()
    for name in plan.list_props:
        props[name] = props[name].copy()
    props["value"] = value
    dg._append(ctx, Element(plan.element_type, props))


def state_holds_none(state: SessionState, key: str | None) -> bool:
    """Whether session state holds None under the user key ``key`` (it then acts as no default)."""
    if key is None:
        return False
    try:
        return state[key] is None
    except KeyError:
        return False


def claim_plan(ctx: RunContext, plan: WidgetPlan) -> None:
    """The per-run part of the id computation for a planned call: duplicate checks."""
    register_element_id(ctx, plan.element_type, plan.eid, plan.user_key)


def register_planned(
    ctx: RunContext, plan: WidgetPlan, on_change: Callable[..., Any] | None, args: Iterable[Any] | None,
    kwargs: dict[str, Any] | None, disabled: bool, persist_state: str | None,
) -> tuple[Any, bool]:
    """:func:`register_widget` with a plan's fields."""
    if on_change is None and args is None and kwargs is None and persist_state is None:
        fragment_id = ctx.fragment_stack[-1] if ctx.fragment_stack else None
        meta = plan.meta
        if meta is None or meta.disabled is not disabled or meta.fragment_id != fragment_id:
            meta = plan.meta = WidgetMeta(
                id=plan.eid, type=plan.element_type, deserializer=plan.deserializer, serializer=plan.serializer,
                value_type=plan.value_type, disabled=disabled, form_id=plan.form_id, fragment_id=fragment_id,
                user_key=plan.user_key, label=plan.label, info=plan.info,
            )
        return ctx.session.state.register_widget(meta, plan.user_key)
    return register_widget(
        ctx, element_id=plan.eid, element_type=plan.element_type, user_key=plan.user_key,
        deserializer=plan.deserializer, serializer=plan.serializer, on_change=on_change, args=args,
        kwargs=kwargs, value_type=plan.value_type, disabled=disabled, form_id=plan.form_id, label=plan.label,
        info=plan.info, persist_state=persist_state,
    )


# ---------------------------------------------------------------------------------- policies
_ON_CHANGE_MODES = ("rerun", "ignore")


def check_callback(on_change: Any, param: str = "on_change", *, modes: tuple[str, ...] = ("rerun", "ignore")) -> Any:
    """Validate a callback argument; return the callable (or None for a mode string)."""
    if on_change is None or callable(on_change):
        return on_change
    if isinstance(on_change, str) and on_change in _ON_CHANGE_MODES:
        if on_change in modes:
            return None
        raise E.StreamlitAPIException(
            f'`{param}="{on_change}"` is not supported on this widget. Pass a callback, or omit `{param}`.'
        )
    raise E.StreamlitValueError(param, [*(repr(m) for m in modes), "a callback function"])


def check_widget_policies(
    ctx: RunContext,
    dg: DeltaGenerator,
    key: str | None,
    on_change: Any = None,
    *,
    default_value: Any = None,
    writes_allowed: bool = True,
    enable_check_callback_rules: bool = True,
) -> None:
    if ctx.extra.get("in_cached_function"):
        ctx.extra["cached_widget_warning"] = True
    if enable_check_callback_rules and on_change is not None and dg._form_id(ctx):
        raise E.StreamlitInvalidFormCallbackError()
    if key is None:
        return
    state = ctx.session.state
    if not state.is_new_state_value(key):
        return
    if not writes_allowed:
        raise E.StreamlitValueAssignmentNotAllowedError(key=key)
    global _shown_default_value_warning
    if default_value is not None and not _shown_default_value_warning:
        _LOGGER.warning(
            f'The widget with key "{key}" was created with a default value but'
            " also had its value set via the Session State API.",
            stack_info=True,
        )
        _shown_default_value_warning = True


def label_text(label: Any, label_visibility: str | None = "visible") -> str:
    text = "" if label is None else str(label)
    if not text:
        logging.getLogger("streamlit.elements.lib.policies").warning(
            "`label` got an empty value. This is discouraged for accessibility "
            "reasons and may be disallowed in the future by raising an exception. "
            "Please provide a non-empty label and hide it with label_visibility "
            "if needed."
        )
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise E.StreamlitValueError("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])
    return text


def register_widget(
    ctx: RunContext,
    *,
    element_id: str,
    element_type: str,
    user_key: str | None,
    deserializer: Callable[[Any], Any],
    serializer: Callable[[Any], Any],
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    value_type: str = "value",
    disabled: bool = False,
    form_id: str = "",
    label: str = "",
    info: dict[str, Any] | None = None,
    persist_state: str | None = None,
) -> tuple[Any, bool]:
    """Register a widget with the session state; return (value, value_changed)."""
    if persist_state is not None:
        if persist_state not in ("page", "session"):
            raise E.StreamlitValueError("persist_state", ["'page'", "'session'", "None"])
        if user_key is None:
            raise E.StreamlitMissingRequiredParameterError(
                "key",
                detail=(
                    "When using persist_state, the widget must have a unique 'key' "
                    "parameter specified so its value can be preserved across reruns "
                    "and page switches."
                ),
            )
    meta = WidgetMeta(
        id=element_id,
        type=element_type,
        deserializer=deserializer,
        serializer=serializer,
        value_type=value_type,
        callback=on_change,
        args=tuple(args) if args is not None else None,
        kwargs=kwargs,
        disabled=disabled,
        form_id=form_id,
        fragment_id=ctx.fragment_stack[-1] if ctx.fragment_stack else None,
        user_key=user_key,
        label=label,
        info=info if info is not None else {},
        persist_state=persist_state,
    )
    return ctx.session.state.register_widget(meta, user_key)
