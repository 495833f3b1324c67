//! Reading responses of the `http` crate (feature `http`).

use crate::{ApiError, ErrorModel};

impl<B: ErrorModel> ApiError<B> {
    /// Reads an `http::Response` whose body is bytes.
    ///
    /// ```
    /// # use api_error_runtime::model::{FieldRole, Model};
    /// # use api_error_runtime::{ApiError, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
    /// # #[derive(serde::Deserialize)] struct Body {}
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[(FieldRole::Code, &["code"])], &[],
    /// #         RecoveryTable::new(&[], RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")));
    /// # }
    /// let response = http::Response::builder().status(409).body(br#"{"code":"conflict"}"#.to_vec()).unwrap();
    /// let error = ApiError::<Body>::from_http(&response);
    /// assert_eq!((error.status(), error.code()), (409, Some("conflict")));
    /// ```
    pub fn from_http<T: AsRef<[u8]>>(response: &http::Response<T>) -> Self {
        Self::from_http_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// Reads a response from its status, header map and body bytes.
    pub fn from_http_parts(status: http::StatusCode, headers: &http::HeaderMap, body: &[u8]) -> Self {
        Self::from_response(status.as_u16(), headers.iter(), body)
    }
}
