//! The types typify generates from each schema (see build.rs), one module per API.
#![allow(clippy::all, dead_code)]

include!(concat!(env!("OUT_DIR"), "/apis.rs"));
