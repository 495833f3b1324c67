/// A response taken from an API's documentation, as each generated module lists them in
/// `EXAMPLES`.
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

impl Example {
    /// An example, as the generated modules write them.
    pub const fn new(
        id: &'static str,
        title: &'static str,
        status: Option<u16>,
        headers: &'static [(&'static str, &'static str)],
        body: &'static str,
    ) -> Self {
        Self { id, title, status, headers, body }
    }
}
