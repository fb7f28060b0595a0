// Package graph is the Cayley side of newsgraph: it opens and initialises stores, owns the
// vocabulary, turns extracted facts into quads, and loads, replaces and retracts articles.
//
// Typical use:
//
//	st, err := graph.Open(ctx, graph.Options{Backend: "bolt", Path: "newsgraph-data"})
//	if err != nil { … }
//	defer st.Close()
//	results, err := graph.ReadFacts(f, "facts.jsonl") // or the extractor's output
//	rep, err := st.Load(ctx, results)
//
// Long loads use a Loader (Store.NewLoader), which commits articles in batches, in the
// background while the next batch fills, and reports progress; Store.Load wraps it. Facts from
// `extract --format jsonl` files come in through ReadFacts, which rejects bad lines one by one
// (*LineError) and returns the rest.
//
// # Invariants
//
//  1. Every quad an article writes carries the article IRI as its label, so two articles never
//     share a quad and replacing one never touches another.
//  2. An article's quads, the removal of its previous version and its load record
//     (<art> ng:record, <art> ng:contentHash) are applied in one Cayley transaction: a crash leaves
//     either the old or the new version, never half of one. One exception, forced by a flaw in
//     Cayley's kv stores (see Store.kvLosesNodes): when a bolt batch cannot be applied as one
//     diff, the old versions go in one transaction and the new ones come in the next, so a
//     crash in between leaves those articles absent, still never half written.
//  3. The load record lists exactly the quads the article wrote; replace and retract read it
//     instead of scanning by label, which in Cayley visits every quad of the store.
//  4. Loading the same article twice changes nothing: its content hash decides.
//
// # Stores
//
// Options.Backend picks Cayley's bolt store (the default, a directory created on first use),
// its memstore, or its SQL backend for PostgreSQL and CockroachDB. Opening a bolt store that
// another process holds fails with ErrLocked after Options.LockTimeout instead of waiting.
//
// Package graph never imports queries, server, config or cmd: data flows
// extract → graph → queries → server/cmd.
package graph
