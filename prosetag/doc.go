// Package prosetag tags words as prose's perceptron tagger does
// (github.com/jdkato/prose/v3/tag), with the same English model and the same
// answers, four to five times as fast.
//
// The news pipeline's rules were written against that tagger's tags, so
// replacing it with a better tagger would mean rewriting them; replacing its
// lookup does not. prose finds each of a word's fourteen features by binary
// search over 75,000 sorted strings, which is most of its time. This package
// reads the same model bytes (prose's flat format, exported by prose's
// aptagmodel package) into an open-addressing table keyed by a 64-bit hash of
// the feature, and builds the keys with the same features, word
// normalisation, special cases and order of addition, so that the scores are
// the same float32 sums and the tags the same.
//
// One thing it does not copy: prose tags a fixed list of emoticons SYM.
// A sentence holding a token that could be one (a token of two or more
// characters with a colon, bracket, underscore and the like, or one of the
// few made of letters) is handed to prose's own tagger whole.
//
// What must hold: for every sentence, Tagger.TagTokens gives the tags prose's
// tag.Tagger built with the same lexicon gives (TestSameAsProse checks it on
// random and real text).
//
// It imports prose and no newsgraph package; extract builds on it.
package prosetag
