#![doc = include_str!("../README.md")]

pub mod error;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod input;
pub mod model;
pub mod push;
pub mod query;
pub mod rdf;
pub mod render;
pub mod serve;
pub mod store;
pub mod vocab;

pub use error::{Error, Result};
pub use extract::{Extractor, ExtractorBuilder};
pub use model::{
    Date, Document, Entity, EntityClass, Extraction, Object, Predicate, Relation, Span,
};
pub use store::Store;
