// Package corpus is newsgraph's test and demo corpus: short news articles written by the team
// from real public facts, in every input format the readers accept, with hand-written expected
// facts and a scorer that measures an extractor against them.
//
// The articles are embedded (FS) so that `newsgraph demo` can load them without any file on
// disk, and the extractor's quality test can score itself:
//
//	arts := ... // read corpus.FS with extract's readers, undated articles taking corpus.DefaultDate
//	want, err := corpus.Expected()
//	want, err = corpus.Bind(want, arts) // expected sources → article IDs
//	r := corpus.Score(facts, want)
//	fmt.Print(r) // precision, recall, F1 overall and per class; misses and false facts
//
// # Layout
//
// articles/ holds one directory per input shape: raw/ (scraped plain text with boilerplate),
// text/ (clean plain text; two have no date line), json/ (one record each), jsonl/ (several
// records per file), html/ (pages with navigation and asides) and feeds/ (RSS and Atom).
// expected.tsv lists, per article, every fact a careful analyst would record, and the
// boilerplate names that must never become entities; its header documents the format.
// entities.tsv gives every entity ID the expectations use with its type and display name: it is
// the canonical naming the extractor's gazetteers must agree with.
//
// # Invariants
//
//  1. Every article under articles/ has at least one expected fact, and every expected fact
//     names an existing article (and record) and only IDs listed in entities.tsv.
//  2. The text is our own: no third-party article is copied or closely paraphrased.
//
// Package corpus imports package extract for its types and, in Read, its readers (the corpus is
// read exactly as users' files are); the scorer uses the types only, so that it cannot share the
// extractor's bugs. extract's own tests import corpus from the external test package, so there
// is no cycle. corpus must never import graph, queries, server or Cayley.
package corpus
