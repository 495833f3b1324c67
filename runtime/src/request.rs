//! What a decision needs to know of the request it is about: whether sending it again is
//! harmless.

/// The request a decision is about, as far as resending it goes: idempotent (sending it twice
/// does what sending it once does) by its method or by an idempotency key, or not.
///
/// ```
/// use api_error_runtime::Request;
/// assert!(Request::of_method("GET").is_idempotent());
/// assert!(!Request::of_method("POST").is_idempotent());
/// assert!(Request::of_method("POST").with_idempotency_key().is_idempotent());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Request {
    idempotent: bool,
}

impl Request {
    /// The methods RFC 9110 (section 9.2.2) defines as idempotent.
    pub const IDEMPOTENT_METHODS: &'static [&'static str] = &["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];

    /// A request of this method: idempotent for the methods of [`Request::IDEMPOTENT_METHODS`],
    /// not for `POST`, `PATCH` or a method RFC 9110 does not define. Method names are
    /// case-sensitive (RFC 9110, section 9.1): `get` is not `GET`.
    pub fn of_method(method: &str) -> Self {
        Self { idempotent: Self::IDEMPOTENT_METHODS.contains(&method) }
    }

    /// A request that may be sent twice without harm, whatever its method.
    pub const fn idempotent() -> Self {
        Self { idempotent: true }
    }

    /// A request that may take effect twice if sent twice.
    pub const fn not_idempotent() -> Self {
        Self { idempotent: false }
    }

    /// The request carries an idempotency key the API honours (Stripe's `Idempotency-Key`): a
    /// second sending with the same key does not act again.
    #[must_use]
    pub const fn with_idempotency_key(self) -> Self {
        Self { idempotent: true }
    }

    /// May the request be sent twice without harm?
    pub const fn is_idempotent(self) -> bool {
        self.idempotent
    }
}
