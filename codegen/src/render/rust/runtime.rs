//! The part of the generated crate's root that every API shares: status classes, retry rules,
//! examples and Retry-After parsing. It does not depend on the catalog.

use proc_macro2::TokenStream;
use quote::quote;

pub fn shared_items() -> TokenStream {
    quote! {
        use std::time::{Duration, SystemTime, UNIX_EPOCH};

        /// The class of an HTTP status code (RFC 9110, section 15).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum StatusClass {
            /// 1xx
            Informational,
            /// 2xx
            Success,
            /// 3xx
            Redirection,
            /// 4xx
            ClientError,
            /// 5xx
            ServerError,
        }

        impl StatusClass {
            /// The class of `code`, or `None` outside 100..=599.
            pub const fn of(code: u16) -> Option<Self> {
                match code {
                    100..=199 => Some(Self::Informational),
                    200..=299 => Some(Self::Success),
                    300..=399 => Some(Self::Redirection),
                    400..=499 => Some(Self::ClientError),
                    500..=599 => Some(Self::ServerError),
                    _ => None,
                }
            }
        }

        /// How a retry rule spaces its attempts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RetryDelay {
            /// Wait as long as the `Retry-After` header says.
            RetryAfterHeader,
            /// Double the delay on each attempt, starting from `base_delay`.
            ExponentialBackoff,
            /// Wait `base_delay` before every attempt.
            Fixed,
        }

        /// When and how an API's documentation says to retry a failed request.
        ///
        /// "Should I retry" (`retry`) and "how long should I wait" (`delay`) are separate facts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct RetryRule {
            /// Stable identifier of the rule in the catalog.
            pub id: &'static str,
            /// HTTP statuses the rule applies to.
            pub statuses: &'static [u16],
            /// Error wire strings (types, codes) the rule applies to.
            pub errors: &'static [&'static str],
            /// Whether to retry at all.
            pub retry: bool,
            /// How to space the attempts, where the documentation says.
            pub delay: Option<RetryDelay>,
            /// Attempts in all, the first included, where the documentation caps them.
            pub max_attempts: Option<u32>,
            /// The first (or fixed) delay.
            pub base_delay: Option<Duration>,
            /// The documentation's advice, in words.
            pub advice: &'static str,
        }

        impl RetryRule {
            /// Does the rule cover this HTTP status?
            pub fn applies_to_status(&self, code: u16) -> bool {
                self.statuses.contains(&code)
            }

            /// Does the rule cover this error wire string?
            pub fn applies_to_error(&self, wire: &str) -> bool {
                self.errors.contains(&wire)
            }

            /// The delay before retry number `retry` (0 for the first retry), for rules with a
            /// fixed or exponential delay. Saturates instead of overflowing.
            pub fn backoff_delay(&self, retry: u32) -> Option<Duration> {
                let base = self.base_delay?;
                match self.delay? {
                    RetryDelay::Fixed => Some(base),
                    RetryDelay::ExponentialBackoff => {
                        Some(base.saturating_mul(2u32.saturating_pow(retry)))
                    }
                    RetryDelay::RetryAfterHeader => None,
                }
            }
        }

        /// A response taken from an API's documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Example {
            /// Stable identifier of the example in the catalog.
            pub id: &'static str,
            /// The documentation's heading for the example.
            pub title: &'static str,
            /// HTTP status, where the documentation gives one.
            pub status: Option<u16>,
            /// Response headers, where the documentation gives them.
            pub headers: &'static [(&'static str, &'static str)],
            /// The JSON body.
            pub body: &'static str,
        }

        /// A `Retry-After` value format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RetryAfterFormat {
            /// Whole seconds, e.g. `120` (RFC 9110 delay-seconds).
            DelaySeconds,
            /// An RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
            HttpDate,
            /// An ISO 8601 / RFC 3339 date-time, e.g. `2024-12-01T09:00:00Z`.
            Iso8601,
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
            /// Parses `value` in the first of `formats` that accepts it.
            pub fn parse(value: &str, formats: &[RetryAfterFormat]) -> Option<Self> {
                let value = value.trim();
                formats.iter().find_map(|format| match format {
                    RetryAfterFormat::DelaySeconds => {
                        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                            value.parse().ok().map(|s| Self::Delay(Duration::from_secs(s)))
                        } else {
                            None
                        }
                    }
                    RetryAfterFormat::HttpDate => parse_http_date(value).map(Self::At),
                    RetryAfterFormat::Iso8601 => parse_iso8601(value).map(Self::At),
                })
            }

            /// How long to wait from `now`; zero when the moment has passed.
            pub fn delay_from(&self, now: SystemTime) -> Duration {
                match self {
                    Self::Delay(delay) => *delay,
                    Self::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
                }
            }
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

        fn system_time(seconds: i64) -> Option<SystemTime> {
            UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(seconds).ok()?))
        }

        fn number<T: std::str::FromStr>(text: &str, digits: usize) -> Option<T> {
            if text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()) {
                text.parse().ok()
            } else {
                None
            }
        }

        /// `2024-12-01T09:00:00Z`, `2024-12-01T09:00:00.5+02:00`: RFC 3339 date-times.
        fn parse_iso8601(value: &str) -> Option<SystemTime> {
            let (date, rest) = value.split_once(['T', 't', ' '])?;
            let mut parts = date.splitn(3, '-');
            let year: i64 = number(parts.next()?, 4)?;
            let month = number(parts.next()?, 2)?;
            let day = number(parts.next()?, 2)?;
            let (time, offset_seconds) = if let Some(time) = rest.strip_suffix(['Z', 'z']) {
                (time, 0)
            } else {
                let split = rest.rfind(['+', '-'])?;
                let (time, offset) = rest.split_at(split);
                let sign = if offset.starts_with('-') { -1 } else { 1 };
                let (h, m) = offset[1..].split_once(':')?;
                let minutes = number::<i64>(h, 2)? * 60 + number::<i64>(m, 2)?;
                (time, sign * minutes * 60)
            };
            let time = time.split_once('.').map_or(time, |(whole, fraction)| {
                if fraction.bytes().all(|b| b.is_ascii_digit()) { whole } else { "" }
            });
            let mut parts = time.splitn(3, ':');
            let hour = number(parts.next()?, 2)?;
            let minute = number(parts.next()?, 2)?;
            let second = number(parts.next()?, 2)?;
            system_time(unix_seconds(year, month, day, hour, minute, second)? - offset_seconds)
        }

        /// `Sun, 06 Nov 1994 08:49:37 GMT`: the RFC 9110 IMF-fixdate.
        fn parse_http_date(value: &str) -> Option<SystemTime> {
            const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let (_weekday, rest) = value.split_once(", ")?;
            let mut parts = rest.split(' ');
            let day = number(parts.next()?, 2)?;
            let month_name = parts.next()?;
            let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
            let year = number(parts.next()?, 4)?;
            let mut clock = parts.next()?.splitn(3, ':');
            let hour = number(clock.next()?, 2)?;
            let minute = number(clock.next()?, 2)?;
            let second = number(clock.next()?, 2)?;
            if parts.next()? != "GMT" || parts.next().is_some() {
                return None;
            }
            system_time(unix_seconds(year, month, day, hour, minute, second)?)
        }

        #[cfg(test)]
        mod runtime_tests {
            use super::*;

            fn at(seconds: u64) -> RetryAfter {
                RetryAfter::At(UNIX_EPOCH + Duration::from_secs(seconds))
            }

            #[test]
            fn retry_after_formats() {
                let all = [RetryAfterFormat::DelaySeconds, RetryAfterFormat::HttpDate, RetryAfterFormat::Iso8601];
                assert_eq!(RetryAfter::parse("30", &all), Some(RetryAfter::Delay(Duration::from_secs(30))));
                assert_eq!(RetryAfter::parse("2024-12-01T09:00:00Z", &all), Some(at(1_733_043_600)));
                assert_eq!(RetryAfter::parse("2024-12-01T11:00:00.250+02:00", &all), Some(at(1_733_043_600)));
                assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT", &all), Some(at(784_111_777)));
                assert_eq!(RetryAfter::parse("2024-02-30T00:00:00Z", &all), None);
                assert_eq!(RetryAfter::parse("-5", &all), None);
                assert_eq!(RetryAfter::parse("soon", &all), None);
                assert_eq!(RetryAfter::parse("30", &[RetryAfterFormat::Iso8601]), None);
            }

            #[test]
            fn delay_from_a_past_moment_is_zero() {
                let now = UNIX_EPOCH + Duration::from_secs(1_000);
                assert_eq!(at(400).delay_from(now), Duration::ZERO);
                assert_eq!(at(1_060).delay_from(now), Duration::from_secs(60));
            }

            #[test]
            fn exponential_backoff_doubles_and_saturates() {
                let rule = RetryRule {
                    id: "t",
                    statuses: &[],
                    errors: &[],
                    retry: true,
                    delay: Some(RetryDelay::ExponentialBackoff),
                    max_attempts: None,
                    base_delay: Some(Duration::from_secs(1)),
                    advice: "",
                };
                assert_eq!(rule.backoff_delay(0), Some(Duration::from_secs(1)));
                assert_eq!(rule.backoff_delay(2), Some(Duration::from_secs(4)));
                assert_eq!(rule.backoff_delay(200), Some(Duration::from_secs(u64::from(u32::MAX))));
            }
        }
    }
}
