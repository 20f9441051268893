//! The library's typed errors. Every message names the input and, where it
//! applies, the position (line and column, or byte offset).

use std::path::PathBuf;

/// Errors of the memograph library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An input could not be decoded or parsed.
    #[error("{path}: {message}")]
    Input {
        /// The path (or `-`, or `FILE:LINE` for a JSON Lines row).
        path: String,
        /// What is wrong and where (line, column or byte offset).
        message: String,
    },
    /// A gazetteer or lexicon file is malformed.
    #[error("{path}:{line}: {message}")]
    Data {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule file (`--rules`) is malformed.
    #[error("{path}:{line}:{column}: {message}")]
    Rules {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A SPARQL query or update could not be parsed or evaluated.
    #[error("{0}")]
    Sparql(String),
    /// The store could not be opened or written.
    #[error("store {path}: {message}")]
    Store {
        /// The store folder.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The on-disk store is locked by another process (RocksDB `LOCK`).
    #[error("store {path} is in use by another memograph process; wait for it to finish or use another --store")]
    StoreInUse {
        /// The store folder.
        path: String,
    },
    /// A SPARQL update was given to a read-only command (`query`).
    #[error("this is a SPARQL update, and `query` is read-only: run it with `memograph update`")]
    UpdateInQuery,
    /// A SPARQL query was given to `update`.
    #[error("this is a SPARQL query, not an update: run it with `memograph query`")]
    QueryInUpdate,
    /// Anything else, with context.
    #[error("{0}")]
    Other(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
