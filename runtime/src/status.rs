use crate::catalog_enum::catalog_enum;

catalog_enum! {
    /// The class of an HTTP status code (RFC 9110, section 15).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum StatusClass {
        /// 1xx
        Informational = "informational", "informational";
        /// 2xx
        Success = "success", "success";
        /// 3xx
        Redirection = "redirection", "redirection";
        /// 4xx
        ClientError = "client_error", "client error";
        /// 5xx
        ServerError = "server_error", "server error";
    }
}

impl StatusClass {
    /// The class of `code`, or `None` outside 100..=599.
    ///
    /// ```
    /// use api_error_runtime::StatusClass;
    /// assert_eq!(StatusClass::of(429), Some(StatusClass::ClientError));
    /// assert_eq!(StatusClass::of(600), None);
    /// ```
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

    /// The codes of the class, as documents write them: `4xx`.
    pub const fn range(self) -> &'static str {
        match self {
            Self::Informational => "1xx",
            Self::Success => "2xx",
            Self::Redirection => "3xx",
            Self::ClientError => "4xx",
            Self::ServerError => "5xx",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_boundaries() {
        assert_eq!(StatusClass::of(99), None);
        assert_eq!(StatusClass::of(100), Some(StatusClass::Informational));
        assert_eq!(StatusClass::of(299), Some(StatusClass::Success));
        assert_eq!(StatusClass::of(300), Some(StatusClass::Redirection));
        assert_eq!(StatusClass::of(499), Some(StatusClass::ClientError));
        assert_eq!(StatusClass::of(599), Some(StatusClass::ServerError));
    }
}
