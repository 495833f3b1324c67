//! The types typify generates from each generated JSON Schema (see build.rs), one module per
//! API, and `APIS`, which the tests walk.
#![allow(clippy::all, dead_code)]

use serde::{de::DeserializeOwned, Serialize};

/// One API's schema and its typify types.
pub struct Api {
    pub id: &'static str,
    /// The schema's JSON text, as checked in.
    pub schema: &'static str,
    /// Decodes a body as the typify type of that name, and encodes it back.
    pub decode: fn(&str, &serde_json::Value) -> Result<serde_json::Value, String>,
}

fn round_trip<T: DeserializeOwned + Serialize>(body: &serde_json::Value) -> Result<serde_json::Value, String> {
    let typed: T = serde_json::from_value(body.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(typed).map_err(|e| e.to_string())
}

include!(concat!(env!("OUT_DIR"), "/apis.rs"));
