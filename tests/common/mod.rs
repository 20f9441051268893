//! What several integration suites share: a store built from `data/examples/`.

use std::path::PathBuf;

use memograph::ingest::{ingest, IngestOptions};
use memograph::input::{documents, InputOptions};
use memograph::{Extractor, Store};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An in-memory store holding the three example documents, every one stored.
pub fn examples_store() -> Store {
    let store = Store::memory().unwrap();
    let docs = documents([root().join("data/examples")], InputOptions::default());
    let summary = ingest(
        &store,
        &Extractor::new(),
        docs,
        &IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.failed, 0);
    assert_eq!(
        summary.documents, 3,
        "data/examples holds the three dev documents"
    );
    store
}
