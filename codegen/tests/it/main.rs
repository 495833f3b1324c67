//! codegen's integration tests, one binary (each module is one concern).

mod catalog_schema;
mod common;
mod diagnostics;
mod lint;
mod openapi;
mod pages;
mod pipeline;
mod schemas;
mod scored_pages;
mod source_fidelity;
