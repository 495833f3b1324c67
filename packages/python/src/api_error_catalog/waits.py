"""Waits a server asks for: `Retry-After` in each form an API uses, reset times and body fields.

Every parser here follows the Rust runtime's (`runtime/src/retry_after.rs` and the `httpdate`
crate it uses) to the byte, not Python's more lenient ones: `email.utils` reads time zones that
HTTP forbids and `datetime.fromisoformat` reads forms RFC 3339 does not have, and a decision must
not depend on the language that made it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence, Union

from ._text import U64_END, ascii_number, rust_trim

#: The formats a wait can be written in, as the recovery data names them.
FORMATS = (
    "delay_seconds",
    "http_date",
    "iso8601",
    "delay_milliseconds",
    "duration",
    "epoch_seconds",
    "epoch_milliseconds",
)

#: The longest wait Rust's `Duration` holds, in seconds: what an absurd wait saturates to.
MAX_SECONDS = float(2**64)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Delay:
    """A wait of this many seconds."""

    seconds: float


@dataclass(frozen=True)
class At:
    """A wait until this moment, in seconds since the Unix epoch."""

    epoch_seconds: float


Wait = Union[Delay, At]


def delay_from(wait: Wait, now: datetime) -> float:
    """Seconds from `now` to the end of the wait; zero for a moment already past."""
    if isinstance(wait, Delay):
        return wait.seconds
    return max(0.0, wait.epoch_seconds - (now - _EPOCH).total_seconds())


def parse(value: str, formats: Sequence[str]) -> Wait | None:
    """The wait `value` gives in the first of `formats` that reads it (surrounding white space
    ignored), or None."""
    value = rust_trim(value)
    for fmt in formats:
        wait = _parse_one(value, fmt)
        if wait is not None:
            return wait
    return None


def read_header(header: str, value: str, formats: Sequence[str]) -> Wait | None:
    """A wait header's value: `Retry-After` in RFC 9110's two forms, then the API's own; any
    other header in its formats (seconds where the catalog gives none)."""
    if header.lower() == "retry-after":
        return parse(value, ("delay_seconds", "http_date")) or parse(value, formats)
    return parse(value, formats or ("delay_seconds",))


def body_wait(value: object, formats: Sequence[str]) -> Wait | None:
    """A body field's wait: a number at least zero (seconds, milliseconds, or a moment in epoch
    seconds or milliseconds, as its formats say), or text in one of its formats."""
    if isinstance(value, str):
        return parse(value, formats)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        return None
    for fmt in formats:
        if fmt == "delay_seconds":
            return Delay(_saturating(float(value)) if isinstance(value, float) else min(float(value), MAX_SECONDS))
        if fmt == "delay_milliseconds":
            return Delay(_saturating(float(value) / 1000))
        # Only a whole number within 64 bits, as Rust's `as_u64` gives one; else the next format.
        if fmt in ("epoch_seconds", "epoch_milliseconds") and isinstance(value, int) and value < 2**64:
            return _parse_one(str(value), fmt)
    return None


def _saturating(seconds: float) -> float:
    return seconds if math.isfinite(seconds) and seconds < MAX_SECONDS else MAX_SECONDS


def _digits(value: str) -> int | None:
    """ASCII digits as a number, at most Rust's `u64::MAX` (longer numbers saturate, as Rust's
    waits do, and `float()` would overflow on them)."""
    number = ascii_number(value)
    return None if number is None else min(number, U64_END - 1)


def _fraction(value: str) -> float | None:
    """ASCII digits, a point and ASCII digits (`1.5`): servers write waits in seconds so where
    RFC 9110 counts whole ones, and the runtime reads them."""
    whole, point, part = value.partition(".")
    if not point or ascii_number(whole) is None or ascii_number(part) is None:
        return None
    return _saturating(float(value))


def _parse_one(value: str, fmt: str) -> Wait | None:
    if fmt in ("delay_seconds", "delay_milliseconds", "epoch_seconds", "epoch_milliseconds"):
        number = _digits(value)
        if number is None:
            # (Seconds only may have a fraction: milliseconds are whole counts.)
            fraction = _fraction(value) if fmt in ("delay_seconds", "epoch_seconds") else None
            if fraction is None:
                return None
            return _of_number(fraction, fmt)
        return _of_number(min(float(number), MAX_SECONDS) if fmt == "delay_seconds" else number, fmt)
    if fmt == "http_date":
        return _http_date(value)
    if fmt == "iso8601":
        return _rfc3339(value)
    if fmt == "duration":
        return _duration(value)
    return None


def _of_number(number: float, fmt: str) -> Wait:
    """A number of one of the formats of numbers, as a wait."""
    if fmt == "delay_seconds":
        return Delay(number)
    if fmt == "delay_milliseconds":
        return Delay(number / 1000)
    if fmt == "epoch_seconds":
        return At(float(number))
    return At(number / 1000)


_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "us": 1e-6, "\u00b5s": 1e-6, "ns": 1e-9}


def _duration(value: str) -> Wait | None:
    """`1m30s`, `1.5s`, `200ms`: numbers each followed by a unit."""
    if not value:
        return None
    total, rest = 0.0, value
    while rest:
        number_len = next((i for i, c in enumerate(rest) if not (c.isascii() and c.isdigit() or c == ".")), len(rest))
        number, after = rest[:number_len], rest[number_len:]
        unit_len = next((i for i, c in enumerate(after) if c.isascii() and c.isdigit() or c == "."), len(after))
        unit, rest = after[:unit_len], after[unit_len:]
        if unit not in _UNITS:
            return None
        try:
            amount = float(number)
        except ValueError:
            return None
        # Rust's `f64` parse reads `1.` and `.5` but not `1e3`, `inf` or `nan` (which
        # the number's characters, digits and dots, already rule out).
        if not math.isfinite(amount) or amount < 0:
            return None
        total = min(total + _saturating(amount * _UNITS[unit]), MAX_SECONDS)
    return Delay(total)


def _number(text: str, digits: int) -> int | None:
    return int(text) if len(text) == digits and text.isascii() and text.isdigit() else None


def _days_from_civil(year: int, month: int, day: int) -> int:
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month - 3 if month > 2 else month + 9) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _rfc3339(value: str) -> Wait | None:
    """`2024-12-01T09:00:00Z`, with an offset or a fraction (dropped), as the runtime reads it."""
    split = next((i for i, c in enumerate(value) if c in "Tt "), None)
    if split is None:
        return None
    date, rest = value[:split], value[split + 1 :]
    parts = date.split("-", 2)
    if len(parts) != 3:
        return None
    year, month, day = _number(parts[0], 4), _number(parts[1], 2), _number(parts[2], 2)
    if year is None or month is None or day is None:
        return None
    if rest[-1:] in ("Z", "z"):
        time, offset = rest[:-1], 0
    else:
        at = max(rest.rfind("+"), rest.rfind("-"))
        if at < 0:
            return None
        time, sign_and_offset = rest[:at], rest[at:]
        sign = -1 if sign_and_offset.startswith("-") else 1
        hours, colon, minutes = sign_and_offset[1:].partition(":")
        h, m = _number(hours, 2), _number(minutes, 2)
        if not colon or h is None or m is None:
            return None
        offset = sign * (h * 60 + m) * 60
    whole, dot, fraction = time.partition(".")
    if dot and not (fraction and fraction.isascii() and fraction.isdigit()):
        return None
    clock = whole.split(":", 2)
    if len(clock) != 3:
        return None
    hour, minute, second = (_number(part, 2) for part in clock)
    if hour is None or minute is None or second is None:
        return None
    if not 1 <= month <= 12 or day == 0 or day > _days_in_month(year, month):
        return None
    if hour > 23 or minute > 59 or second > 60:
        return None
    seconds = _days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offset
    return At(float(seconds)) if 0 <= seconds < 2**64 else None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _http_date(value: str) -> Wait | None:
    """RFC 9110's three forms (IMF-fixdate, RFC 850, asctime), GMT only, weekday checked."""
    if not value.isascii():
        return None
    s = value.strip(" \t\n\r\x0c\x0b")
    fields = _imf_fixdate(s) or _rfc850(s) or _asctime(s)
    if fields is None:
        return None
    year, month, day, hour, minute, second, weekday = fields
    if not (second < 60 and minute < 60 and hour < 24 and 0 < day < 32 and 1970 <= year <= 9999):
        return None
    if day > _days_in_month(year, month):
        return None
    days = _days_from_civil(year, month, day)
    if (days + 3) % 7 != weekday:  # 1970-01-01 was a Thursday (3, counting Monday as 0).
        return None
    return At(float(days * 86_400 + hour * 3_600 + minute * 60 + second))


_Fields = tuple[int, int, int, int, int, int, int]


def _clock(text: str) -> tuple[int, int, int] | None:
    if len(text) != 8 or text[2] != ":" or text[5] != ":":
        return None
    hour, minute, second = _number(text[0:2], 2), _number(text[3:5], 2), _number(text[6:8], 2)
    if hour is None or minute is None or second is None:
        return None
    return hour, minute, second


def _imf_fixdate(s: str) -> _Fields | None:
    # Sun, 06 Nov 1994 08:49:37 GMT
    if len(s) != 29 or s[25:] != " GMT" or s[16] != " " or s[3:5] != ", " or s[7] != " " or s[11] != " ":
        return None
    clock = _clock(s[17:25])
    day, year = _number(s[5:7], 2), s[12:16]
    if clock is None or day is None or s[:3] not in _DAYS or s[8:11] not in _MONTHS:
        return None
    if not (year.isascii() and year.isdigit()):
        return None
    return (int(year), _MONTHS.index(s[8:11]) + 1, day, *clock, _DAYS.index(s[:3]))


def _rfc850(s: str) -> _Fields | None:
    # Sunday, 06-Nov-94 08:49:37 GMT
    if len(s) < 23:
        return None
    weekday = next((i for i, name in enumerate(_LONG_DAYS) if s.startswith(name + ", ")), None)
    if weekday is None:
        return None
    rest = s[len(_LONG_DAYS[weekday]) + 2 :]
    if len(rest) != 22 or rest[18:] != " GMT" or rest[2] != "-" or rest[6] != "-" or rest[9] != " ":
        return None
    clock, day, short_year = _clock(rest[10:18]), _number(rest[0:2], 2), _number(rest[7:9], 2)
    if clock is None or day is None or short_year is None or rest[3:6] not in _MONTHS:
        return None
    year = short_year + (2000 if short_year < 70 else 1900)
    return (year, _MONTHS.index(rest[3:6]) + 1, day, *clock, weekday)


def _asctime(s: str) -> _Fields | None:
    # Sun Nov  6 08:49:37 1994
    if len(s) != 24 or s[3] != " " or s[7] != " " or s[10] != " " or s[19] != " ":
        return None
    clock, year = _clock(s[11:19]), s[20:24]
    day = _number(s[8:10], 2) if s[8] != " " else (int(s[9]) if s[9].isascii() and s[9].isdigit() else None)
    if clock is None or day is None or s[:3] not in _DAYS or s[4:7] not in _MONTHS:
        return None
    if not (year.isascii() and year.isdigit()):
        return None
    return (int(year), _MONTHS.index(s[4:7]) + 1, day, *clock, _DAYS.index(s[:3]))
