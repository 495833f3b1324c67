use crate::catalog_enum::catalog_enum;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

catalog_enum! {
    /// A format of a wait: of the `Retry-After` header, of another header or body field that
    /// says how long to wait.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum RetryAfterFormat {
        /// Whole seconds, e.g. `120` (RFC 9110 delay-seconds).
        DelaySeconds = "delay_seconds", "delay in seconds";
        /// An RFC 9110 HTTP-date in any of its three forms, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
        HttpDate = "http_date", "HTTP-date";
        /// An ISO 8601 / RFC 3339 date-time, e.g. `2024-12-01T09:00:00Z`: not RFC 9110, but some
        /// APIs send it.
        Iso8601 = "iso8601", "ISO 8601 timestamp";
        /// Whole milliseconds, e.g. `1500` (a `Retry-After-Ms` header, a `retryAfterMs` field).
        DelayMilliseconds = "delay_milliseconds", "delay in milliseconds";
        /// A duration with its units, e.g. `1.5s`, `200ms`, `1m30s` (protobuf's JSON `Duration`,
        /// Go's `time.Duration`).
        Duration = "duration", "duration with units";
        /// A moment as whole seconds since the Unix epoch, e.g. `1701424860` (when a rate-limit
        /// window resets).
        EpochSeconds = "epoch_seconds", "Unix time in seconds";
        /// A moment as whole milliseconds since the Unix epoch, e.g. `1672738134824` (a reset
        /// that counts milliseconds, as exchanges' clocks do).
        EpochMilliseconds = "epoch_milliseconds", "Unix time in milliseconds";
    }
}

impl RetryAfterFormat {
    /// Is it one of RFC 9110's two forms, which every recipient accepts anyway?
    pub const fn is_rfc9110(self) -> bool {
        matches!(self, Self::DelaySeconds | Self::HttpDate)
    }
}

/// A parsed `Retry-After` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// Wait this long.
    Delay(Duration),
    /// Wait until this moment.
    At(SystemTime),
}

impl RetryAfter {
    /// Parses `value` in the first of `formats` that accepts it. Delay-seconds too large to
    /// count saturate to the longest [`Duration`] (clamp it before use).
    ///
    /// ```
    /// use api_error_runtime::{RetryAfter, RetryAfterFormat};
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let formats = [RetryAfterFormat::DelaySeconds, RetryAfterFormat::HttpDate];
    /// assert_eq!(RetryAfter::parse("30", &formats), Some(RetryAfter::Delay(Duration::from_secs(30))));
    /// assert_eq!(
    ///     RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT", &formats),
    ///     Some(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777)))
    /// );
    /// assert_eq!(RetryAfter::parse("2024-12-01T09:00:00Z", &formats), None);
    /// assert_eq!(RetryAfter::parse("99999999999999999999999", &formats), Some(RetryAfter::Delay(Duration::MAX)));
    /// ```
    pub fn parse(value: &str, formats: &[RetryAfterFormat]) -> Option<Self> {
        Self::parse_trimmed(value.trim().as_bytes(), formats)
    }

    /// [`RetryAfter::parse`], of a value without whitespace around it, as bytes: every format
    /// is ASCII (but the `µs` of a duration), so a header's value is read without being made a
    /// text first, which cost more than reading it.
    pub(crate) fn parse_trimmed(value: &[u8], formats: &[RetryAfterFormat]) -> Option<Self> {
        formats.iter().find_map(|format| match format {
            // The formats of numbers, each read as `of_number` reads it; delay-seconds too large
            // to count is the longest delay.
            RetryAfterFormat::DelaySeconds
            | RetryAfterFormat::DelayMilliseconds
            | RetryAfterFormat::EpochSeconds
            | RetryAfterFormat::EpochMilliseconds => match digits(value) {
                Some(Ok(number)) => Self::of_number(number, &[*format]),
                Some(Err(())) if *format == RetryAfterFormat::DelaySeconds => Some(Self::Delay(Duration::MAX)),
                Some(Err(())) => Self::of_number(u64::MAX, &[*format]),
                // (Or seconds with a fraction, `1.5`: servers write waits so, Ensembl's `Retry-After:
                // 40.0` among them, where RFC 9110 counts whole seconds.)
                None => Self::of_fraction(fraction(value)?, *format),
            },
            // Each of the three forms starts with a day's name: anything else is not tried.
            RetryAfterFormat::HttpDate if value.first().is_some_and(u8::is_ascii_alphabetic) => {
                std::str::from_utf8(value).ok().and_then(|value| httpdate::parse_http_date(value).ok()).map(Self::At)
            }
            RetryAfterFormat::HttpDate => None,
            RetryAfterFormat::Iso8601 => parse_rfc3339(value).map(Self::At),
            RetryAfterFormat::Duration => parse_duration(value).map(Self::Delay),
        })
    }

    /// Parses a `Retry-After` value as every recipient must (RFC 9110: delay-seconds or an
    /// HTTP-date in any of its three forms), and in the API's own `dialects` besides.
    ///
    /// ```
    /// use api_error_runtime::{RetryAfter, RetryAfterFormat};
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let at = RetryAfter::At(UNIX_EPOCH + Duration::from_secs(1_733_043_600));
    /// assert_eq!(RetryAfter::read("Sun, 01 Dec 2024 09:00:00 GMT", &[]), Some(at));
    /// assert_eq!(RetryAfter::read("2024-12-01T09:00:00Z", &[]), None);
    /// assert_eq!(RetryAfter::read("2024-12-01T09:00:00Z", &[RetryAfterFormat::Iso8601]), Some(at));
    /// ```
    pub fn read(value: &str, dialects: &[RetryAfterFormat]) -> Option<Self> {
        Self::read_trimmed(value.trim().as_bytes(), dialects)
    }

    /// [`RetryAfter::read`], of a value without whitespace around it, as bytes.
    fn read_trimmed(value: &[u8], dialects: &[RetryAfterFormat]) -> Option<Self> {
        Self::parse_trimmed(value, &[RetryAfterFormat::DelaySeconds, RetryAfterFormat::HttpDate])
            .or_else(|| Self::parse_trimmed(value, dialects))
    }

    /// Is `header` RFC 9110's `Retry-After` (in any case), which every recipient reads in its two
    /// forms whatever else the API sends?
    pub fn is_rfc9110_header(header: &str) -> bool {
        header.eq_ignore_ascii_case("retry-after")
    }

    /// Reads the value of a header that says how long to wait, named `header`: `Retry-After` as
    /// [`RetryAfter::read`] does (RFC 9110's forms, then `formats` as the API's dialects), a
    /// header of another name (`Retry-After-Ms`) in `formats` alone (delay-seconds when empty).
    ///
    /// ```
    /// use api_error_runtime::{RetryAfter, RetryAfterFormat};
    /// use std::time::Duration;
    ///
    /// let ms = [RetryAfterFormat::DelayMilliseconds];
    /// assert_eq!(RetryAfter::read_header("Retry-After-Ms", "1500", &ms), Some(RetryAfter::Delay(Duration::from_millis(1500))));
    /// assert_eq!(RetryAfter::read_header("retry-after", "15", &[]), Some(RetryAfter::Delay(Duration::from_secs(15))));
    /// ```
    pub fn read_header(header: &str, value: &str, formats: &[RetryAfterFormat]) -> Option<Self> {
        Self::read_header_as(Self::is_rfc9110_header(header), value.trim().as_bytes(), formats)
    }

    /// [`RetryAfter::read_header`], for a header already known to be RFC 9110's or not, of a
    /// value without whitespace around it, as bytes.
    pub(crate) fn read_header_as(rfc9110: bool, value: &[u8], formats: &[RetryAfterFormat]) -> Option<Self> {
        match (rfc9110, formats) {
            (true, dialects) => Self::read_trimmed(value, dialects),
            (false, []) => Self::parse_trimmed(value, &[RetryAfterFormat::DelaySeconds]),
            (false, formats) => Self::parse_trimmed(value, formats),
        }
    }

    /// What [`RetryAfter::read_header`] reads in a value of digits, from its number (one that
    /// counts: a value too large for a `u64` is read as text): most headers send digits, and the
    /// number was read from the bytes without the text.
    pub(crate) fn read_header_number(rfc9110: bool, number: u64, formats: &[RetryAfterFormat]) -> Option<Self> {
        // Delay-seconds comes first for `Retry-After` (RFC 9110) and for a header of no format.
        match (rfc9110, formats) {
            (true, _) | (false, []) => Some(Self::Delay(Duration::from_secs(number))),
            (false, formats) => Self::of_number(number, formats),
        }
    }

    /// What [`RetryAfter::parse`] reads in a value of digits, from its number: only the formats
    /// of numbers read digits (a date has separators, a duration a unit, an HTTP-date a day's
    /// name). The one reading of those formats: `parse` reads them through it.
    pub(crate) fn of_number(number: u64, formats: &[RetryAfterFormat]) -> Option<Self> {
        formats.iter().find_map(|format| match format {
            RetryAfterFormat::DelaySeconds => Some(Self::Delay(Duration::from_secs(number))),
            RetryAfterFormat::DelayMilliseconds => Some(Self::Delay(Duration::from_millis(number))),
            // A moment past what `SystemTime` holds is as far as a wait goes (clamp it).
            RetryAfterFormat::EpochSeconds => Some(Self::since_the_epoch(Duration::from_secs(number))),
            RetryAfterFormat::EpochMilliseconds => Some(Self::since_the_epoch(Duration::from_millis(number))),
            RetryAfterFormat::HttpDate | RetryAfterFormat::Iso8601 | RetryAfterFormat::Duration => None,
        })
    }

    /// What a number of seconds with a fraction (see [`fraction`]) is: a delay, or a moment
    /// since the epoch; too long to count saturates. (Milliseconds are whole counts: `1.5` sent
    /// for them is not read.)
    fn of_fraction(seconds: f64, format: RetryAfterFormat) -> Option<Self> {
        let duration = Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX);
        match format {
            RetryAfterFormat::DelaySeconds => Some(Self::Delay(duration)),
            RetryAfterFormat::EpochSeconds => Some(Self::since_the_epoch(duration)),
            _ => None,
        }
    }

    /// The moment `elapsed` after the Unix epoch; one past what `SystemTime` holds is as far as
    /// a wait goes.
    #[inline]
    fn since_the_epoch(elapsed: Duration) -> Self {
        UNIX_EPOCH.checked_add(elapsed).map_or(Self::Delay(Duration::MAX), Self::At)
    }

    /// How long to wait from `now`; zero when the moment has passed.
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match self {
            Self::Delay(delay) => *delay,
            Self::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// ASCII digits, a point, and ASCII digits (`1.5`, `0.42`), as a number; no sign, no exponent,
/// and digits on both sides of the point.
fn fraction(value: &[u8]) -> Option<f64> {
    let point = value.iter().position(|&b| b == b'.')?;
    // (Digits on each side, of any length: the number is read whole below.)
    if digits(&value[..point]).is_none() || digits(&value[point + 1..]).is_none() {
        return None;
    }
    // (Digits and a point only: ASCII, so always text.)
    std::str::from_utf8(value).ok()?.parse().ok()
}

/// A number of ASCII digits only, or `Err` for one too large to count (the one reading of
/// digits, for header values too).
pub(crate) fn digits(value: &[u8]) -> Option<Result<u64, ()>> {
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        value
            .iter()
            .try_fold(0u64, |number, digit| number.checked_mul(10)?.checked_add(u64::from(digit - b'0')))
            .ok_or(()),
    )
}

/// `1.5s`, `200ms`, `1m30s`, `2h`: numbers each with a unit (`h`, `m`, `s`, `ms`, `us` or `µs`,
/// `ns`), added up; a bare number is not a duration. Too long to count saturates.
fn parse_duration(value: &[u8]) -> Option<Duration> {
    let numeral = |byte: &u8| byte.is_ascii_digit() || *byte == b'.';
    let mut rest = value;
    let mut total = Duration::ZERO;
    while !rest.is_empty() {
        let (number, after) = rest.split_at(rest.iter().position(|byte| !numeral(byte)).unwrap_or(rest.len()));
        let (unit, after) = after.split_at(after.iter().position(numeral).unwrap_or(after.len()));
        let seconds_per_unit = match unit {
            b"h" => 3600.0,
            b"m" => 60.0,
            b"s" => 1.0,
            b"ms" => 1e-3,
            // (`µs` in UTF-8.)
            b"us" | [0xC2, 0xB5, b's'] => 1e-6,
            b"ns" => 1e-9,
            _ => return None,
        };
        // (Digits and points only: ASCII, so always text.)
        let number: f64 =
            std::str::from_utf8(number).ok()?.parse().ok().filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
        total = total.saturating_add(Duration::try_from_secs_f64(number * seconds_per_unit).unwrap_or(Duration::MAX));
        rest = after;
    }
    (!value.is_empty()).then_some(total)
}

// RFC 3339 is parsed here rather than with a crate: humantime accepts only UTC (`Z`) and jiff
// or chrono would add far more to every client's build than these few lines.

/// `2024-12-01T09:00:00Z`, `2024-12-01T09:00:00.5+02:00`: RFC 3339 date-times.
fn parse_rfc3339(bytes: &[u8]) -> Option<SystemTime> {
    // By position, as the form is fixed up to the seconds: `YYYY-MM-DD`, `T` (or `t` or a
    // space), `HH:MM:SS`; then an optional fraction and the offset. (Splitting the text at its
    // separators cost three times as much, on every ISO 8601 `Retry-After` read.)
    let (head, mut rest) = bytes.split_first_chunk::<19>()?;
    let digit = |at: usize| {
        let digit = head[at].wrapping_sub(b'0');
        (digit < 10).then_some(u32::from(digit))
    };
    let number = |from: usize, len: usize| (from..from + len).try_fold(0, |number, at| Some(number * 10 + digit(at)?));
    if [head[4], head[7], head[13], head[16]] != *b"--::" || !matches!(head[10], b'T' | b't' | b' ') {
        return None;
    }
    let (year, month, day) = (i64::from(number(0, 4)?), number(5, 2)?, number(8, 2)?);
    let (hour, minute, second) = (number(11, 2)?, number(14, 2)?, number(17, 2)?);
    if let Some(fraction) = rest.strip_prefix(b".") {
        let len = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        rest = &fraction[len..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |tens: u8, ones: u8| {
                (tens.is_ascii_digit() && ones.is_ascii_digit()).then(|| i64::from((tens - b'0') * 10 + (ones - b'0')))
            };
            let minutes = two(*h1, *h2)? * 60 + two(*m1, *m2)?;
            if *sign == b'-' {
                -minutes * 60
            } else {
                minutes * 60
            }
        }
        _ => return None,
    };
    let seconds = unix_seconds(year, month, day, hour, minute, second)? - offset_seconds;
    UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(seconds).ok()?))
}

/// Seconds since the Unix epoch of a proleptic Gregorian date and time (UTC).
fn unix_seconds(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<i64> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + i64::from(hour) * 3_600 + i64::from(minute) * 60 + i64::from(second))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The numbers of digits read from bytes are read as their text would be, in any
        /// formats and under any header name.
        #[test]
        fn a_number_of_digits_reads_as_its_text(
            number in prop_oneof![0u64..100_000, any::<u64>()],
            formats in proptest::collection::vec(proptest::sample::select(RetryAfterFormat::ALL.to_vec()), 0..4),
            header in proptest::sample::select(vec!["Retry-After", "retry-after", "Retry-After-Ms", "X-Wait"]),
        ) {
            let text = number.to_string();
            prop_assert_eq!(RetryAfter::of_number(number, &formats), RetryAfter::parse(&text, &formats));
            prop_assert_eq!(
                RetryAfter::read_header_number(RetryAfter::is_rfc9110_header(header), number, &formats),
                RetryAfter::read_header(header, &text, &formats)
            );
        }
    }

    const ALL: [RetryAfterFormat; 3] =
        [RetryAfterFormat::DelaySeconds, RetryAfterFormat::HttpDate, RetryAfterFormat::Iso8601];

    fn at(seconds: u64) -> RetryAfter {
        RetryAfter::At(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn delay_seconds() {
        assert_eq!(RetryAfter::parse(" 30 ", &ALL), Some(RetryAfter::Delay(Duration::from_secs(30))));
        assert_eq!(RetryAfter::parse("-5", &ALL), None);
        assert_eq!(RetryAfter::parse("1.5", &ALL), Some(RetryAfter::Delay(Duration::from_millis(1500))));
        assert_eq!(
            RetryAfter::read_header("Retry-After", "40.0", &[]),
            Some(RetryAfter::Delay(Duration::from_secs(40)))
        );
        for bad in ["1.", ".5", "1.5.2", "1e3", "+1.5", "-1.5", "1,5"] {
            assert_eq!(RetryAfter::parse(bad, &ALL), None, "{bad}");
        }
        assert_eq!(RetryAfter::parse("30", &[RetryAfterFormat::Iso8601]), None);
    }

    #[test]
    fn the_three_http_date_forms() {
        for form in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            assert_eq!(RetryAfter::parse(form, &[RetryAfterFormat::HttpDate]), Some(at(784_111_777)), "{form}");
        }
        assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 CET", &ALL), None);
    }

    #[test]
    fn rfc3339_with_offsets_and_fractions() {
        assert_eq!(RetryAfter::parse("2024-12-01T09:00:00Z", &ALL), Some(at(1_733_043_600)));
        assert_eq!(RetryAfter::parse("2024-12-01T11:00:00.250+02:00", &ALL), Some(at(1_733_043_600)));
        assert_eq!(RetryAfter::parse("2024-12-01T08:30:00-00:30", &ALL), Some(at(1_733_043_600)));
        assert_eq!(RetryAfter::parse("2024-02-29T00:00:00Z", &ALL), Some(at(1_709_164_800)));
        for bad in ["2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-12-01T09:00:00.Z", "2024-12-01", "soon"] {
            assert_eq!(RetryAfter::parse(bad, &ALL), None, "{bad}");
        }
    }

    #[test]
    fn milliseconds_durations_and_epoch_seconds() {
        let ms = [RetryAfterFormat::DelayMilliseconds];
        assert_eq!(RetryAfter::parse("1500", &ms), Some(RetryAfter::Delay(Duration::from_millis(1500))));
        assert_eq!(RetryAfter::parse("1.5", &ms), None);
        let duration = [RetryAfterFormat::Duration];
        for (text, millis) in [("1.5s", 1500), ("200ms", 200), ("1m30s", 90_000), ("2h", 7_200_000), ("0s", 0)] {
            assert_eq!(
                RetryAfter::parse(text, &duration),
                Some(RetryAfter::Delay(Duration::from_millis(millis))),
                "{text}"
            );
        }
        for bad in ["15", "s", "1.5", "-1s", "1x", "1.2.3s", ""] {
            assert_eq!(RetryAfter::parse(bad, &duration), None, "{bad}");
        }
        assert_eq!(RetryAfter::parse("1e400s", &duration), None);
        assert_eq!(RetryAfter::parse("1701424860", &[RetryAfterFormat::EpochSeconds]), Some(at(1_701_424_860)));
        assert_eq!(RetryAfter::parse("soon", &[RetryAfterFormat::EpochSeconds]), None);
        let ms_epoch = [RetryAfterFormat::EpochMilliseconds];
        assert_eq!(
            RetryAfter::parse("1672738134824", &ms_epoch),
            Some(RetryAfter::At(UNIX_EPOCH + Duration::from_millis(1_672_738_134_824)))
        );
        // (A moment with a fraction is as exact as an `f64` of its seconds: within a microsecond.)
        let since_epoch = |text: &str, formats: &[RetryAfterFormat]| {
            RetryAfter::parse(text, formats).map(|at| at.delay_from(UNIX_EPOCH).as_secs_f64())
        };
        let near = |found: Option<f64>, seconds: f64| found.is_some_and(|found| (found - seconds).abs() < 1e-6);
        assert_eq!(RetryAfter::parse("1672738134824.5", &ms_epoch), None);
        assert!(near(since_epoch("1470173023.25", &[RetryAfterFormat::EpochSeconds]), 1_470_173_023.25));
        let far = RetryAfter::parse("99999999999999999999", &[RetryAfterFormat::EpochSeconds]).unwrap();
        assert_eq!(far.delay_from(UNIX_EPOCH), Duration::MAX);
    }

    #[test]
    fn delay_from_a_past_moment_is_zero() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(at(400).delay_from(now), Duration::ZERO);
        assert_eq!(at(1_060).delay_from(now), Duration::from_secs(60));
    }
}
