//! Requests that fail without a response: how they fail, and what to do when the catalog says
//! nothing of it (the runtime's defaults, which every API shares).

use crate::catalog_enum::catalog_enum;
use crate::recovery::{RecoveryKind, RecoveryRule};
use std::io;

catalog_enum! {
    /// How a request failed when no response came, or not all of one: what an HTTP stack
    /// reports as an error rather than a status. Catalog rules name these in `transport`, and
    /// [`RecoveryTable::transport_recovery`](crate::RecoveryTable::transport_recovery) decides
    /// them.
    ///
    /// Whether the server may have acted on the request follows from the failure
    /// ([`TransportFailure::may_have_reached_server`]): a request that never left cannot have
    /// taken effect, one that timed out may have.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum TransportFailure {
        /// The host name did not resolve.
        Dns = "dns", "the host name did not resolve";
        /// No connection could be made (refused, unreachable).
        Connect = "connect", "no connection could be made";
        /// The TLS handshake failed (a certificate, a protocol version).
        Tls = "tls", "the TLS handshake failed";
        /// No response came in time.
        Timeout = "timeout", "no response came in time";
        /// The connection closed (reset, aborted) before the response came.
        ConnectionClosed = "connection_closed", "the connection closed before the response";
        /// The response's body was cut short.
        BodyIncomplete = "body_incomplete", "the response's body was cut short";
    }
}

impl TransportFailure {
    /// May the request have reached the server, and so have taken effect? Not when the host
    /// did not resolve, no connection was made or the handshake failed: the request was never
    /// sent, and sending it again is always safe (gRPC's "transparent retries"). After a
    /// timeout, a closed connection or a body cut short, the server may have acted.
    ///
    /// ```
    /// use api_error_runtime::TransportFailure;
    /// assert!(!TransportFailure::Connect.may_have_reached_server());
    /// assert!(TransportFailure::Timeout.may_have_reached_server());
    /// ```
    pub const fn may_have_reached_server(self) -> bool {
        // Every failure by name, so that a new one cannot compile without saying.
        match self {
            Self::Dns | Self::Connect | Self::Tls => false,
            Self::Timeout | Self::ConnectionClosed | Self::BodyIncomplete => true,
        }
    }

    /// The failure an I/O error reports, by its kind, where the kind tells: for clients built on
    /// `std::io` (hyper, a hand-written client). `None` for kinds that are not a transport
    /// failure, or say too little (`Other`): the caller knows better.
    ///
    /// ```
    /// use api_error_runtime::TransportFailure;
    /// use std::io;
    /// let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
    /// assert_eq!(TransportFailure::of_io_error(&refused), Some(TransportFailure::Connect));
    /// let eof = io::Error::from(io::ErrorKind::UnexpectedEof);
    /// assert_eq!(TransportFailure::of_io_error(&eof), Some(TransportFailure::BodyIncomplete));
    /// ```
    pub fn of_io_error(error: &io::Error) -> Option<Self> {
        use io::ErrorKind;
        Some(match error.kind() {
            ErrorKind::ConnectionRefused | ErrorKind::NotConnected | ErrorKind::AddrNotAvailable => Self::Connect,
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => Self::ConnectionClosed,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Self::Timeout,
            ErrorKind::UnexpectedEof => Self::BodyIncomplete,
            _ => return None,
        })
    }
}

/// Where the runtime's defaults come from, as a rule's `source`.
const RUNTIME_DEFAULT: &str = "api-error-runtime's default (the catalog has no rule for it)";

/// What to do about a transport failure that no rule of the catalog covers: the same for every
/// API. A failure of the network is worth retrying with the client's backoff (as the AWS SDKs'
/// standard mode and gRPC retry transient failures); a failed TLS handshake is a matter of
/// configuration (certificates, versions) that retrying does not mend.
pub(crate) static TRANSPORT_DEFAULTS: [RecoveryRule; 2] = [
    RecoveryRule::new(
        "transport-retry",
        RecoveryKind::RetryWithBackoff,
        "No response came: retry with the client's backoff, where sending the request again is safe.",
        RUNTIME_DEFAULT,
    )
    .transport(&[
        TransportFailure::Dns,
        TransportFailure::Connect,
        TransportFailure::Timeout,
        TransportFailure::ConnectionClosed,
        TransportFailure::BodyIncomplete,
    ])
    .client_backoff(),
    RecoveryRule::new(
        "transport-tls",
        RecoveryKind::FixConfiguration,
        "The TLS handshake failed: check the client's certificates, trust roots and TLS settings.",
        RUNTIME_DEFAULT,
    )
    .transport(&[TransportFailure::Tls]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_exactly_one_default() {
        for &failure in TransportFailure::ALL {
            let covering = TRANSPORT_DEFAULTS.iter().filter(|rule| rule.transport.contains(&failure)).count();
            assert_eq!(covering, 1, "{failure:?}");
        }
    }

    #[test]
    fn io_errors_that_say_nothing_of_the_transport_are_not_classified() {
        for kind in [io::ErrorKind::Other, io::ErrorKind::InvalidData, io::ErrorKind::PermissionDenied] {
            assert_eq!(TransportFailure::of_io_error(&io::Error::from(kind)), None, "{kind:?}");
        }
        let reset = io::Error::from(io::ErrorKind::ConnectionReset);
        assert_eq!(TransportFailure::of_io_error(&reset), Some(TransportFailure::ConnectionClosed));
    }
}
