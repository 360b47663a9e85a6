"""The sandbox a user's report template runs in: no Python internals, and bounded.

Jinja2's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` keeps a template away
from Python internals (``__class__``, ``__globals__``) and from mutating the facts it
prints, but not from exhausting the machine: ``{% for i in range(10**9) %}``,
``{{ 'a' * 10**10 }}``, ``{{ 9 ** (9 ** 9) }}``, a macro that calls itself or two
nested loops of 100,000 each would crash or hang the export. :class:`LimitedSandbox`
adds limits (:class:`Limits`, one instance per render in :class:`Budget`):

* **time**: a deadline checked at every loop iteration, call, operator, filter and
  piece of output, so nested loops stop after ``Limits.seconds``;
* **size**: every operation that can build a large value checks the size of what it
  would build *before* building it (each at most ``Limits.value_chars``, all together
  at most ``Limits.built_chars``): ``*``, ``+``, ``**`` (an integer of more than
  ``Limits.int_bits`` bits: ``9 ** (9 ** 9)`` is refused before it is computed), ``%``
  and ``str.format`` field widths, ``~``, the string methods and filters that pad,
  repeat or join; ``range()`` is capped at ``Limits.range_items``;
* **output**: everything written, including what macros, ``{% set %}`` blocks and
  ``self.BLOCK()`` collect before it reaches the output, is counted against
  ``Limits.output_chars``;
* **depth**: macros, blocks and recursive loops nest at most ``Limits.depth`` deep.

Loops, ``~`` and output buffers are reached through a code generator that routes them
to the environment (``ddx_iter``, ``ddx_concat``, ``ddx_buffer``): Jinja2 offers no
public hook for them. Going over a limit raises :class:`TemplateLimitError`, which
:mod:`.templating` reports as ``FILE:LINE: message``.

String methods a template may call are an allow-list (the pure, linear-time ones,
plus the padding and joining ones under size checks); others (``translate``,
``striptags`` with its quadratic loop, ...) are refused. The ``striptags`` filter is
replaced by a linear version.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import make_attrgetter
from jinja2.runtime import BlockReference, LoopContext, Macro, Undefined, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import _PassArg, generate_lorem_ipsum
from markupsafe import Markup


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one render of a user's template may use."""

    seconds: float = 10.0  # wall-clock time
    output_chars: int = 16_000_000  # characters written, buffers of macros and blocks counted
    value_chars: int = 16_000_000  # the longest string or sequence one operation may build
    built_chars: int = 200_000_000  # what all operations together may build (kept or not)
    range_items: int = 100_000  # items of one range()
    depth: int = 50  # nested macro, block and recursive-loop calls
    int_bits: int = 100_000  # an integer an operator may compute (about 30,000 digits)
    width: int = 10_000  # a field width or precision in % or str.format
    filter_int: int = 100_000  # any whole-number argument of a filter


LIMITS = Limits()


class TemplateLimitError(Exception):
    """A user's template went over one of its :class:`Limits` (message: what and which)."""


class Budget:
    """The limits of one render and what has been used of them."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.deadline: float | None = None  # not running yet (compiling): no time limit
        self.output = 0
        self.built = 0
        self.depth = 0

    def start(self) -> None:
        self.deadline = time.monotonic() + self.limits.seconds
        self.output = 0
        self.built = 0
        self.depth = 0

    def tick(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TemplateLimitError(f"the template ran for more than {self.limits.seconds:g} s "
                                     "(a loop too long, or nested too deep?)")

    def add_output(self, n: int) -> None:
        self.output += n
        if self.output > self.limits.output_chars:
            raise TemplateLimitError(f"the template wrote more than "
                                     f"{self.limits.output_chars:,} characters")
        self.tick()

    def check_size(self, n: int | float, what: str) -> None:
        """Before building a value of ``n`` characters or items: at most ``value_chars``,
        and all such values together at most ``built_chars`` (so that many large values
        kept in a namespace or a list cannot exhaust the memory either)."""
        if n > self.limits.value_chars:
            raise TemplateLimitError(f"{what} would be {_count(n)} characters or items long "
                                     f"(at most {self.limits.value_chars:,})")
        self.built += int(n)
        if self.built > self.limits.built_chars:
            raise TemplateLimitError(f"the template built more than "
                                     f"{self.limits.built_chars:,} characters or items")


def _count(n: int | float) -> str:
    return f"{n:,}" if n < 10 ** 15 else f"about 10^{math.log10(n):.0f}"


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _length(x: Any) -> int:
    return len(x) if isinstance(x, str) else len(str(x))


# -- the code generator -----------------------------------------------------------------------


def _is_guarded(node: nodes.Node) -> bool:
    return (isinstance(node, nodes.Call) and isinstance(node.node, nodes.EnvironmentAttribute)
            and node.node.name == "ddx_iter")


class _LimitedCodeGenerator(CodeGenerator):
    """Routes loops, ``~`` and output buffers through the environment (see the module
    docstring); everything else is Jinja2's own code."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not _is_guarded(node.iter):  # iterate environment.ddx_iter(<iterable>)
            node.iter = nodes.Call(nodes.EnvironmentAttribute("ddx_iter"), [node.iter], [],
                                   None, None, lineno=node.iter.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.ddx_concat(context, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.ddx_buffer()")


class _Buffer(list):
    """What a macro, a ``{% set %}`` block or a filter block writes, counted as written."""

    __slots__ = ("_budget",)

    def __init__(self, budget: Budget):
        super().__init__()
        self._budget = budget

    def append(self, item: Any) -> None:
        self._budget.add_output(_length(item))
        super().append(item)

    def extend(self, items: Iterable[Any]) -> None:
        items = tuple(items)
        self._budget.add_output(sum(map(_length, items)))
        super().extend(items)


class _GuardedIterable:
    """An iterable whose iteration checks the deadline at every item; ``len`` as the
    iterable's (so ``loop.length`` does not have to read it all)."""

    __slots__ = ("_budget", "_items")

    def __init__(self, items: Any, budget: Budget):
        self._items, self._budget = items, budget

    def __iter__(self) -> Iterator[Any]:
        tick = self._budget.tick
        for item in self._items:
            tick()
            yield item

    def __len__(self) -> int:
        return len(self._items)  # TypeError when it has none: LoopContext copes


# -- checks of string formats -------------------------------------------------------------------

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_width(text: str, limits: Limits, what: str) -> None:
    if len(text) > 6 or int(text) > limits.width:
        raise TemplateLimitError(f"{what}: a field width or precision of {text[:12]}"
                                 f"{'...' if len(text) > 12 else ''} (at most {limits.width:,})")


def _check_percent(fmt: str, values: Any, limits: Limits) -> None:
    """``fmt % values``: no width or precision beyond ``limits.width``, given in the format
    or (``*``) among the values."""
    star = False
    for match in _PERCENT_SPEC.finditer(fmt):
        for part in match.groups():
            if part == "*":
                star = True
            elif part:
                _check_width(part, limits, "a % format")
    if star:
        items = values if isinstance(values, tuple) else (values,)
        for v in items:
            if _is_int(v) and abs(v) > limits.width:
                raise TemplateLimitError(f"a % format: a field width of {_count(abs(v))} "
                                         f"(at most {limits.width:,})")


def _check_format(fmt: str, limits: Limits) -> None:
    """``fmt.format(...)``: fields' widths and precisions at most ``limits.width``, and none
    taken from the arguments (``{:{}}``)."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # the call itself reports the malformed format
    for _literal, _field, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec:
            raise TemplateLimitError("str.format: a field width taken from the arguments "
                                     "({:{}}) is not allowed in a report template")
        for digits in re.findall(r"\d+", spec):
            _check_width(digits, limits, "str.format")


# -- string methods -------------------------------------------------------------------------------

# pure, at most linear in the string's length, and their result no longer than it (or a list)
_SAFE_STR_METHODS = frozenset({
    "capitalize", "casefold", "count", "decode", "encode", "endswith", "find", "hex", "index",
    "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
    "isnumeric", "isprintable", "isspace", "istitle", "isupper", "lower", "lstrip", "partition",
    "removeprefix", "removesuffix", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split",
    "splitlines", "startswith", "strip", "swapcase", "title", "unescape", "upper",
})


def _arg(args: tuple, kwargs: dict, index: int, name: str, default: Any = None) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def _str_call_checked(env: LimitedSandbox, owner: Any, name: str, args: tuple,
                      kwargs: dict) -> tuple[tuple, dict]:
    """Refuse a string method call that would build more than the limits allow; the
    arguments to call it with (``join`` reads its iterable once, here)."""
    budget, limits = env.budget, env.budget.limits
    what = f"{type(owner).__name__}.{name}()"
    if name in _SAFE_STR_METHODS:
        return args, kwargs
    if name in ("ljust", "rjust", "center", "zfill"):
        width = _arg(args, kwargs, 0, "width", 0)
        if _is_int(width):
            budget.check_size(width, what)
    elif name == "expandtabs":
        size = _arg(args, kwargs, 0, "tabsize", 8)
        if _is_int(size):
            budget.check_size(len(owner) + owner.count("\t" if isinstance(owner, str)
                                                       else b"\t") * max(size, 0), what)
    elif name == "replace":
        old, new = _arg(args, kwargs, 0, "old", ""), _arg(args, kwargs, 1, "new", "")
        count = _arg(args, kwargs, 2, "count", -1)
        if isinstance(old, (str, bytes)) and isinstance(new, (str, bytes)):
            hits = len(owner) + 1 if not old else owner.count(old)
            if _is_int(count) and count >= 0:
                hits = min(hits, count)
            budget.check_size(len(owner) + hits * max(0, len(new) - len(old)), what)
    elif name == "join":
        items = list(_arg(args, kwargs, 0, "iterable", ()))
        budget.check_size(sum(len(x) if hasattr(x, "__len__") else 0 for x in items)
                          + len(owner) * max(0, len(items) - 1), what)
        return (items,), {}
    elif name in ("format", "format_map") and isinstance(owner, str):
        _check_format(owner, limits)
    else:
        raise SecurityError(f"{what} is not allowed in a report template")
    return args, kwargs


# -- filters --------------------------------------------------------------------------------------


def _striptags(value: Any) -> str:
    """Jinja2's ``striptags`` in linear time (markupsafe's rebuilds the whole string for
    every tag it removes): comments, then tags, removed; whitespace collapsed; unescaped."""
    text = str(value.__html__() if hasattr(value, "__html__") else value)
    for opening, closing in (("<!--", "-->"), ("<", ">")):
        pieces, pos = [], 0
        while (start := text.find(opening, pos)) != -1:
            end = text.find(closing, start)
            if end == -1:
                break
            pieces.append(text[pos:start])
            pos = end + len(closing)
        pieces.append(text[pos:])
        text = "".join(pieces)
    return Markup(" ".join(text.split())).unescape()


def _pre_indent(env, value, params, kwargs):
    width = _arg(params, kwargs, 0, "width", 4)
    w = len(width) if isinstance(width, str) else (width if _is_int(width) else 0)
    text = str(value)
    env.budget.check_size(len(text) + (text.count("\n") + 1) * max(w, 0), "the indent filter")
    return value, params, kwargs


def _pre_replace(env, value, params, kwargs):
    old, new = str(_arg(params, kwargs, 0, "old", "")), str(_arg(params, kwargs, 1, "new", ""))
    count = _arg(params, kwargs, 2, "count", None)
    text = str(value)
    hits = len(text) + 1 if not old else text.count(old)
    if _is_int(count) and count >= 0:
        hits = min(hits, count)
    env.budget.check_size(len(text) + hits * max(0, len(new) - len(old)) * 6,
                          "the replace filter")  # x6: the new text may be escaped
    return value, params, kwargs


def _pre_join(env, value, params, kwargs):
    items = list(value)
    attribute = _arg(params, kwargs, 1, "attribute", None)
    values = items if attribute is None else list(map(make_attrgetter(env, attribute), items))
    sep = str(_arg(params, kwargs, 0, "d", ""))
    env.budget.check_size(sum(map(_length, values)) + len(sep) * max(0, len(items) - 1),
                          "the join filter")
    return items, params, kwargs


def _pre_wordwrap(env, value, params, kwargs):
    width = _arg(params, kwargs, 0, "width", 79)
    wrap = _arg(params, kwargs, 2, "wrapstring", None)
    text = str(value)
    lines = text.count("\n") + 1 + (len(text) // width if _is_int(width) and width > 0 else 0)
    env.budget.check_size(len(text) + lines * len(str(wrap or "\n")), "the wordwrap filter")
    return value, params, kwargs


def _pre_format(env, value, params, kwargs):
    _check_percent(str(value), tuple(params) + tuple(kwargs.values()), env.budget.limits)
    return value, params, kwargs


def _pre_sum(env, value, params, kwargs):
    items = list(value)
    start = _arg(params, kwargs, 1, "start", 0)
    if not isinstance(start, (int, float)):
        env.budget.check_size((len(start) if hasattr(start, "__len__") else 0)
                              + sum(len(x) if hasattr(x, "__len__") else 0 for x in items),
                              "the sum filter")
    return items, params, kwargs


def _pre_tojson(env, value, params, kwargs):
    indent = _arg(params, kwargs, 0, "indent", None)
    if indent is not None and (not _is_int(indent) or indent > 16):
        raise TemplateLimitError("the tojson filter: indent at most 16")
    return value, params, kwargs


_FILTER_CHECKS: dict[str, Callable] = {
    "indent": _pre_indent, "replace": _pre_replace, "join": _pre_join,
    "wordwrap": _pre_wordwrap, "format": _pre_format, "sum": _pre_sum, "tojson": _pre_tojson,
}


def _guarded_filter(env: LimitedSandbox, name: str, func: Callable) -> Callable:
    skip = 0 if _PassArg.from_obj(func) is None else 1  # context/environment first
    check = _FILTER_CHECKS.get(name)

    @functools.wraps(func)  # keeps jinja_pass_arg
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = env.budget
        budget.tick()
        limit = budget.limits.filter_int
        for x in (*args[skip + 1:], *kwargs.values()):
            if _is_int(x) and abs(x) > limit:
                raise TemplateLimitError(f"the {name} filter: an argument of {_count(abs(x))} "
                                         f"(at most {limit:,})")
        if check is not None and len(args) > skip:
            value, params, kwargs = check(env, args[skip], args[skip + 1:], kwargs)
            args = (*args[:skip], value, *params)
        result = func(*args, **kwargs)
        if isinstance(result, (str, list, tuple)):
            budget.check_size(len(result), f"the result of the {name} filter")
        return result

    return guarded


# -- the environment ------------------------------------------------------------------------------


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with the limits of the module docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.budget = Budget(limits or LIMITS)
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        self.filters["striptags"] = _striptags

    def guard_filters(self) -> None:
        """Wrap every filter registered so far (call after adding the app's filters)."""
        for name, func in list(self.filters.items()):
            self.filters[name] = _guarded_filter(self, name, func)

    # -- globals
    def _range(self, *args: int) -> range:
        self.budget.tick()
        r = range(*args)
        n: float
        try:
            n = len(r)
        except OverflowError:
            n = math.inf
        if n > self.budget.limits.range_items:
            raise TemplateLimitError(f"range() of {_count(n)} items "
                                     f"(at most {self.budget.limits.range_items:,})")
        return r

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        if not all(_is_int(x) and x <= 1000 for x in (n, min, max)):
            raise TemplateLimitError("lipsum(): at most 1000 paragraphs and words")
        return generate_lorem_ipsum(n, html, min, max)

    # -- hooks of the code generator
    def ddx_iter(self, iterable: Any) -> Any:
        self.budget.tick()
        if isinstance(iterable, Undefined):
            return iterable  # fails as Jinja2 would
        return _GuardedIterable(iterable, self.budget)

    def ddx_concat(self, context: Any, values: tuple) -> str:
        self.budget.check_size(sum(map(_length, values)), "the ~ operator's result")
        self.budget.tick()
        return (markup_join if context.eval_ctx.autoescape else str_join)(values)

    def ddx_buffer(self) -> _Buffer:
        return _Buffer(self.budget)

    # -- operators and calls
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = self.budget
        budget.tick()
        limits = budget.limits
        if operator == "**":
            if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
                bits = right * math.log2(abs(left))
                if bits > limits.int_bits:
                    raise TemplateLimitError(f"{left if left < 10**6 else 'a number'} ** "
                                             f"{right:,} would have about "
                                             f"{_count(int(bits * math.log10(2)))} digits")
        elif operator == "*":
            if _is_int(left) and _is_int(right):
                if left.bit_length() + right.bit_length() > limits.int_bits:
                    raise TemplateLimitError("a product of more than "
                                             f"{limits.int_bits:,} bits")
            else:
                seq, n = (left, right) if _is_int(right) else (right, left)
                if _is_int(n) and hasattr(seq, "__len__"):
                    budget.check_size(len(seq) * max(n, 0), "a repeated string or list")
        elif operator == "+":
            if hasattr(left, "__len__") and hasattr(right, "__len__"):
                budget.check_size(len(left) + len(right), "a concatenation")
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right, limits)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call an object from a template: deadline, nesting depth, string methods."""
        budget = self.budget
        budget.tick()
        if not self.is_safe_callable(obj):
            raise SecurityError(f"{obj!r} is not safely callable")
        if isinstance(obj, (Macro, LoopContext, BlockReference)):
            if budget.depth >= budget.limits.depth:
                raise TemplateLimitError(f"macros, blocks or recursive loops nested more "
                                         f"than {budget.limits.depth} deep")
            budget.depth += 1
            try:
                if isinstance(obj, LoopContext) and args:
                    args = (_GuardedIterable(args[0], budget), *args[1:])
                if isinstance(obj, BlockReference) and hasattr(obj, "_stack"):
                    # BlockReference.__call__ joins the block's output unseen: count it
                    text = "".join(_Counted(obj._stack[obj._depth](obj._context), budget))
                    return Markup(text) if obj._context.eval_ctx.autoescape else text
                return context.call(obj, *args, **kwargs)
            finally:
                budget.depth -= 1
        owner = getattr(obj, "__self__", None)
        if owner is None:  # str.format as the sandbox wraps it
            owner = getattr(getattr(obj, "__wrapped__", None), "__self__", None)
        if isinstance(owner, (str, bytes)):
            internal: dict[str, Any] = {k: kwargs.pop(k) for k in ("_loop_vars", "_block_vars")
                                        if k in kwargs}
            args, kwargs = _str_call_checked(self, owner, getattr(obj, "__name__", ""),
                                             args, kwargs)
            kwargs = {**kwargs, **internal}
        return context.call(obj, *args, **kwargs)


class _Counted:
    """Output of a generator, counted against the budget as it is produced."""

    __slots__ = ("_budget", "_items")

    def __init__(self, items: Iterable[str], budget: Budget):
        self._items, self._budget = items, budget

    def __iter__(self) -> Iterator[str]:
        add = self._budget.add_output
        for item in self._items:
            add(_length(item))
            yield item
