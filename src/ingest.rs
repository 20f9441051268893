//! The ingest pipeline: a reader thread streams documents, worker threads
//! extract them in parallel and build each document's graph (its quads and
//! their fingerprint), and ONE writer (the calling thread) only stores them, in
//! input order (so the store's content does not depend on the number of
//! threads). New documents go to oxigraph's bulk loader, which sorts and
//! writes each batch on a thread of its own while the next one is gathered;
//! its commits are atomic, so each document is stored whole or not at all.
//!
//! Memory stays bounded: at most [`IngestOptions::window`] documents are in
//! flight between the reader and the writer.

use std::collections::BTreeMap;

use oxigraph::model::NamedNode;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::{Document, Extraction};
use crate::rdf::QuadWriter;
use crate::store::{BatchOptions, PreparedGraph, PutOutcome, Store};

/// How [`ingest`] runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Extraction threads (default: the number of cores).
    pub threads: usize,
    /// Most documents in flight between reader and writer.
    pub window: usize,
    /// Base of instance IRIs.
    pub base: String,
    /// How new documents are bulk-loaded (batch and commit sizes).
    pub batch: BatchOptions,
}

impl Default for IngestOptions {
    fn default() -> Self {
        let threads = default_threads();
        Self {
            threads,
            window: default_window(threads),
            base: crate::vocab::DEFAULT_BASE.to_string(),
            batch: BatchOptions::default(),
        }
    }
}

/// The default number of documents in flight for `threads` extraction
/// threads: enough for the workers to go on while the writer waits for the
/// bulk loader (a few seconds per batch).
pub fn default_window(threads: usize) -> usize {
    32 * threads.max(1) + 4
}

/// The number of cores (at least 1).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// What happened to one input.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document was stored (or found unchanged).
    Stored {
        /// Its source.
        source: &'a str,
        /// Its IRI.
        iri: &'a str,
        /// Added, replaced or unchanged.
        outcome: PutOutcome,
        /// Entities extracted.
        entities: usize,
        /// Relations extracted.
        relations: usize,
        /// Quads in its graph.
        triples: usize,
        /// Bytes of text.
        bytes: usize,
    },
    /// An input could not be read or extracted; the run goes on.
    Failed(&'a Error),
}

/// Totals of one [`ingest`] run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read and stored (added, replaced or unchanged).
    pub documents: usize,
    /// New documents.
    pub added: usize,
    /// Documents whose graph was replaced.
    pub replaced: usize,
    /// Documents left as they were.
    pub unchanged: usize,
    /// Inputs that failed (reported through [`Event::Failed`]).
    pub failed: usize,
    /// Entities extracted (summed over documents).
    pub entities: usize,
    /// Relations extracted (summed over documents).
    pub relations: usize,
    /// Quads of the stored documents' graphs.
    pub triples: usize,
    /// Bytes of text.
    pub bytes: usize,
}

/// A document ready to store.
struct Prepared {
    source: String,
    iri: String,
    graph: PreparedGraph,
    /// Quads of the document (the fingerprint not counted).
    triples: usize,
    entities: usize,
    relations: usize,
    bytes: usize,
}

/// Extracts a document, turning a panic of the extractor into an error naming
/// the document (and, when [`crate::input::quiet_reader_panics`] was called,
/// the panic's message and location instead of a backtrace).
pub fn extract_one(extractor: &Extractor, doc: &Document) -> Result<Extraction> {
    crate::input::guarded(|| extractor.extract(doc)).map_err(|what| Error::Input {
        path: doc.source.clone(),
        message: if what.is_empty() {
            "the extractor failed on this document (a bug: please report it)".into()
        } else {
            format!("the extractor failed on this document (a bug: please report it): {what}")
        },
    })
}

/// Ingests `docs` into `store`: parallel extraction, one transaction per
/// document in input order. `on_event` is called on the calling thread for
/// every input, in input order. Input errors are reported and skipped; a
/// storage error stops the run and is returned.
pub fn ingest<I>(
    store: &Store,
    extractor: &Extractor,
    docs: I,
    options: &IngestOptions,
    mut on_event: impl FnMut(&Event<'_>),
) -> Result<Summary>
where
    I: Iterator<Item = Result<Document>> + Send,
{
    let writer = QuadWriter::new(options.base.clone());
    let mut summary = Summary::default();
    let prepare = |item: Result<Document>| -> Result<Prepared> {
        let doc = item?;
        let ex = extract_one(extractor, &doc)?;
        let iri = writer.document_iri(&doc);
        let built = crate::input::guarded(|| {
            let graph = NamedNode::new(&iri).map_err(|e| format!("bad document IRI {iri}: {e}"))?;
            let nquads = writer.nquads(&doc, &ex);
            let triples = nquads.len();
            Ok::<_, String>((PreparedGraph::from_nquads(graph, nquads), triples))
        })
        .and_then(|r| r);
        let (graph, triples) = built.map_err(|what| Error::Input {
            path: doc.source.clone(),
            message: format!(
                "could not build the document's graph (a bug: please report it): {what}"
            ),
        })?;
        Ok(Prepared {
            iri,
            source: doc.source,
            entities: ex.entities.len(),
            relations: ex.relations.len(),
            bytes: doc.text.len(),
            graph,
            triples,
        })
    };
    let mut batch = store.batch_writer_with(options.batch);
    par_map_ordered(docs, options.threads, options.window, prepare, |item| {
        match item {
            Ok(p) => {
                let triples = p.triples;
                let outcome = batch.put_prepared(p.graph)?;
                summary.documents += 1;
                match outcome {
                    PutOutcome::Added => summary.added += 1,
                    PutOutcome::Replaced => summary.replaced += 1,
                    PutOutcome::Unchanged => summary.unchanged += 1,
                }
                summary.entities += p.entities;
                summary.relations += p.relations;
                summary.triples += triples;
                summary.bytes += p.bytes;
                on_event(&Event::Stored {
                    source: &p.source,
                    iri: &p.iri,
                    outcome,
                    entities: p.entities,
                    relations: p.relations,
                    triples,
                    bytes: p.bytes,
                });
            }
            Err(e) => {
                summary.failed += 1;
                on_event(&Event::Failed(&e));
            }
        }
        Ok(())
    })?;
    batch.flush()?;
    Ok(summary)
}

/// Maps `items` through `f` on `threads` worker threads while a reader thread
/// pulls from `items`, and hands the results to `sink` on the calling thread
/// in input order. At most `window` items are in flight. Stops at the first
/// error of `sink` and returns it.
pub fn par_map_ordered<T, U, I, F, S>(
    items: I,
    threads: usize,
    window: usize,
    f: F,
    mut sink: S,
) -> Result<()>
where
    I: Iterator<Item = T> + Send,
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
    S: FnMut(U) -> Result<()>,
{
    let threads = threads.max(1);
    let window = window.max(threads);
    let (token_tx, token_rx) = crossbeam_channel::bounded::<()>(window);
    for _ in 0..window {
        // Cannot fail: the channel has room for `window` tokens and a receiver.
        let _ = token_tx.send(());
    }
    let (in_tx, in_rx) = crossbeam_channel::bounded::<(usize, T)>(window);
    let (out_tx, out_rx) = crossbeam_channel::bounded::<(usize, U)>(window);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if token_rx.recv().is_err() || in_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..threads {
            let in_rx = in_rx.clone();
            let out_tx = out_tx.clone();
            let f = &f;
            scope.spawn(move || {
                for (seq, item) in in_rx {
                    if out_tx.send((seq, f(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(in_rx);
        drop(out_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let result = (|| -> Result<()> {
            for (seq, u) in out_rx.iter() {
                pending.insert(seq, u);
                while let Some(u) = pending.remove(&next) {
                    next += 1;
                    sink(u)?;
                    let _ = token_tx.send(());
                }
            }
            Ok(())
        })();
        // On error, dropping the channels stops the reader and the workers.
        drop(out_rx);
        drop(token_tx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_whatever_the_thread_count() {
        for threads in [1, 2, 4, 7] {
            let mut got = Vec::new();
            par_map_ordered(
                0..200u64,
                threads,
                3,
                |i| {
                    // Uneven work so results arrive out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i * 37) % 200));
                    i * 2
                },
                |u| {
                    got.push(u);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(
                got,
                (0..200).map(|i| i * 2).collect::<Vec<_>>(),
                "threads {threads}"
            );
        }
    }

    #[test]
    fn sink_error_stops_the_run() {
        let mut seen = 0;
        let r = par_map_ordered(
            0..1_000_000u64,
            2,
            4,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 {
                    Err(Error::Other("stop".into()))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.is_err());
        assert_eq!(seen, 11);
    }

    #[test]
    fn ingest_reports_bad_inputs_and_stores_good_ones() {
        let store = Store::memory().unwrap();
        let docs = vec![
            Ok(Document::from_text(
                "a.txt",
                "date 2011-11-18 The Department of Homeland Security.",
            )),
            Err(Error::Input {
                path: "bad.txt".into(),
                message: "empty file, skipped".into(),
            }),
            Ok(Document::from_text("b.txt", "Another text.")),
        ];
        let mut events = Vec::new();
        let opts = IngestOptions {
            threads: 2,
            ..Default::default()
        };
        let summary = ingest(&store, &Extractor::new(), docs.into_iter(), &opts, |e| {
            events.push(match e {
                Event::Stored {
                    source, outcome, ..
                } => format!("{source} {outcome:?}"),
                Event::Failed(e) => format!("failed {e}"),
            })
        })
        .unwrap();
        assert_eq!(
            events,
            [
                "a.txt Added",
                "failed bad.txt: empty file, skipped",
                "b.txt Added"
            ]
        );
        assert_eq!(
            (summary.documents, summary.added, summary.failed),
            (2, 2, 1)
        );
        assert_eq!(store.documents().unwrap().len(), 2);
        let again = ingest(
            &store,
            &Extractor::new(),
            vec![Ok(Document::from_text(
                "a.txt",
                "date 2011-11-18 The Department of Homeland Security.",
            ))]
            .into_iter(),
            &opts,
            |_| {},
        )
        .unwrap();
        assert_eq!((again.unchanged, again.added), (1, 0));
    }
}
