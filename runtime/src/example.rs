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
    /// What the example leads to, where the catalog records it.
    pub decision: Option<ExampleDecision>,
}

/// What an example leads to, as the catalog records it (and a generated test checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExampleDecision {
    /// What to do.
    pub kind: crate::RecoveryKind,
    /// The id of the deciding rule, or `fallback`.
    pub rule: &'static str,
    /// The status to decide with where the example has none; `None` there means any error
    /// status the API documents.
    pub status: Option<u16>,
    /// How long to wait, where the decision gives a wait (to the millisecond).
    pub wait: Option<std::time::Duration>,
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
        Self { id, title, status, headers, body, decision: None }
    }

    /// The example with the decision it leads to.
    pub const fn with_decision(
        mut self,
        kind: crate::RecoveryKind,
        rule: &'static str,
        status: Option<u16>,
        wait: Option<std::time::Duration>,
    ) -> Self {
        self.decision = Some(ExampleDecision { kind, rule, status, wait });
        self
    }
}
