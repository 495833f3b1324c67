//! The closed sets the catalog shares with the runtime (recovery kinds, field and header roles,
//! wait formats, status classes, jitter): the runtime's own types, read from YAML through their
//! catalog names, so that a value is added in one place (`api_error_runtime`'s `catalog_enum!`)
//! and the catalog format, its schema and the generated code all follow.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::marker::PhantomData;

pub use api_error_runtime::model::{CatalogEnum, FieldRole, HeaderRole};
pub use api_error_runtime::{DecidedBy, Jitter, RecoveryKind, RetryAfterFormat, StatusClass, TransportFailure};

/// The JSON Schema of the catalog enum `T` (its catalog names, each described by its
/// documentation), for `#[schemars(with = "Names<T>")]` on the model's fields: the runtime
/// does not depend on schemars.
pub struct Names<T>(PhantomData<T>);

impl<T: CatalogEnum> JsonSchema for Names<T> {
    fn schema_name() -> Cow<'static, str> {
        T::TYPE_NAME.into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let one_of: Vec<Value> = T::ALL
            .iter()
            .map(|value| {
                let description = value.doc().split_whitespace().collect::<Vec<_>>().join(" ");
                json!({ "type": "string", "const": value.name(), "description": description })
            })
            .collect();
        json_schema!({ "oneOf": one_of })
    }
}
