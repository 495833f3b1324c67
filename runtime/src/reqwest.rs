//! Reading responses and failures of `reqwest` (feature `reqwest`).

use crate::transport::TransportFailure;
use crate::{ApiError, ErrorModel};

impl<B: ErrorModel> ApiError<B> {
    /// Reads a `reqwest::Response` as an error: its status, its headers and its body, of which
    /// at most [`ApiError::MAX_BODY_BYTES`] and a chunk are read (a larger body is not parsed,
    /// as with [`ApiError::from_response`]). A body cut short is the transport failure it is
    /// ([`TransportFailure::of_reqwest`], else [`TransportFailure::BodyIncomplete`]), to decide
    /// with [`ApiError::transport_recovery`].
    pub async fn from_reqwest(mut response: reqwest::Response) -> Result<Self, TransportFailure> {
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    body.extend_from_slice(&chunk);
                    if body.len() > Self::MAX_BODY_BYTES {
                        break;
                    }
                }
                Ok(None) => break,
                Err(error) => {
                    return Err(TransportFailure::of_reqwest(&error).unwrap_or(TransportFailure::BodyIncomplete))
                }
            }
        }
        Ok(Self::from_http_parts(response.status(), response.headers(), &body))
    }
}

impl TransportFailure {
    /// The failure a `reqwest::Error` reports, where it is one of the transport: a timeout, a
    /// connection that could not be made (reqwest reports a host that did not resolve and a
    /// failed TLS handshake among these; the source chain's I/O error tells a refused connection
    /// apart), a request that could not be sent whole, a body cut short. `None` for the errors of
    /// the client itself (a bad URL, a redirect loop, a status turned into an error).
    pub fn of_reqwest(error: &reqwest::Error) -> Option<Self> {
        if error.is_timeout() {
            return Some(Self::Timeout);
        }
        if error.is_connect() {
            return Some(io_error_in(error).and_then(Self::of_io_error).unwrap_or(Self::Connect));
        }
        if error.is_body() || error.is_decode() {
            return Some(Self::BodyIncomplete);
        }
        if error.is_request() {
            return Some(io_error_in(error).and_then(Self::of_io_error).unwrap_or(Self::ConnectionClosed));
        }
        None
    }
}

/// The first `std::io::Error` in an error's chain of sources.
fn io_error_in<'e>(error: &'e (dyn std::error::Error + 'static)) -> Option<&'e std::io::Error> {
    std::iter::successors(error.source(), |cause| cause.source()).find_map(|cause| cause.downcast_ref())
}
