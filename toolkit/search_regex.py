"""Regular-expression queries: compiled with one clear error for a bad pattern, and refused when
a repeated part repeats something that may itself repeat (``(a+)+``), which can take exponential
time on a near miss."""

from __future__ import annotations

import re
import warnings
from typing import Any

from toolkit.errors import InvalidValue

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse


def _runaway(items: Any, outer: bool) -> bool:
    """True when a repeated part repeats something that may itself repeat with nothing required
    between (``(a+)+``, ``(\\w+\\s*)*``): such a pattern can take exponential time on a near miss."""
    for op, av in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            unbounded = av[1] == sre_constants.MAXREPEAT or av[1] > 1000
            body = av[2]
            if unbounded and outer is False and _runaway(body, True):
                return True
            if unbounded and outer:
                return True
            if _runaway(body, False):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _runaway(av[3], outer):
                return True
        elif op == sre_constants.BRANCH:
            if any(_runaway(b, outer) for b in av[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT) and _runaway(av[1], outer):
            return True
    return False


def _check_runaway(query: str, items: Any) -> None:
    for op, av in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and (
            av[1] == sre_constants.MAXREPEAT or av[1] > 1000
        ):
            sub = av[2]
            while len(sub) == 1 and sub[0][0] == sre_constants.SUBPATTERN:
                sub = sub[0][1][3]
            body = list(sub)
            nested = [i for i, item in enumerate(body) if _runaway([item], True)]
            others = [item for i, item in enumerate(body) if i not in nested]
            if nested and sre_parse.SubPattern(sub.state, others).getwidth()[0] == 0:
                raise InvalidValue("search.regex_nested_repeat", pattern=query)
            _check_runaway(query, body)
        elif op == sre_constants.SUBPATTERN:
            _check_runaway(query, av[3])
        elif op == sre_constants.BRANCH:
            for b in av[1]:
                _check_runaway(query, b)


def compile_regex(query: str, case_sensitive: bool) -> re.Pattern[str]:
    """The compiled pattern of a regular-expression query; raises :class:`InvalidValue` for an
    empty, invalid or runaway one."""
    if not query.strip():
        raise InvalidValue("search.regex_empty")
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(query, flags)
    except re.error as exc:
        raise InvalidValue("search.regex_invalid", pattern=query, reason=exc) from None
    _check_runaway(query, sre_parse.parse(query, flags))
    return pattern
