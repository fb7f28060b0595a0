// Package fhash holds the hash steps the tagger's and the parser's feature
// hashing share: FNV-1a over runes for word forms and tags, and Mix for
// combining a hash with a value.
//
// Both models store only hashes of features, so these functions are part of
// the embedded models' format: changing what any of them returns for any
// input makes the models in postag/model and depparse/model score garbage
// until they are retrained. The tests pin their values for that reason.
//
// How each package builds a feature from these steps (postag mixes every
// value fully, depparse chains cheaper multiplications for speed) is its own
// and stays there.
//
// fhash imports nothing, and never a newsgraph package: postag and depparse
// build on it.
package fhash
