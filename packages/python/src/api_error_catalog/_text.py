"""Text compared as the Rust runtime compares it, where Python's string methods differ."""

# The characters Rust's `str::trim` removes (Unicode's White_Space); Python's `str.strip()`
# removes four more (U+001C to U+001F), which Rust keeps.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def rust_trim(text: str) -> str:
    """`text` without the white space Rust's `str::trim` removes at either end."""
    return text.strip(_WHITE_SPACE)


def ascii_lower(text: str) -> str:
    """`text` with ASCII letters in lower case and nothing else changed (`str.lower()` also
    folds letters such as the Kelvin sign into ASCII ones, which Rust's comparisons do not)."""
    return text.translate(_ASCII_LOWER)


#: One past Rust's `u64::MAX`.
U64_END = 2**64


def ascii_number(text: str) -> int | None:
    """ASCII digits as a number, or None: more than 20 significant digits read as `U64_END`,
    past any `u64` (and `int()` refuses more than 4,300 digits)."""
    if not (text and text.isascii() and text.isdigit()):
        return None
    significant = text.lstrip("0") or "0"
    return int(significant) if len(significant) <= 20 else U64_END
