// Package depparse is a pure-Go dependency parser: given the words of one
// sentence and their Penn Treebank part-of-speech tags, it returns each word's
// syntactic head and its Universal Dependencies relation label (nsubj, obj,
// obl, …), so that clause extraction can follow a tree instead of guessing
// from POS chunks.
//
// Usage:
//
//	p, err := depparse.Default() // the embedded English model
//	tree, err := p.Parse(
//		[]string{"Troops", "seized", "the", "town", "."},
//		[]string{"NNS", "VBD", "DT", "NN", "."})
//	// tree.Heads  = [2 0 4 2 2]  (1-based; 0 is the root)
//	// tree.Labels = [nsubj root det obj punct]
//
// Parser.ParseInto reuses the caller's Tree and does not allocate. The tags
// are Penn Treebank tags as newsgraph's extractor (extract.Tags) or postag
// give them; tags the model never saw are accepted and carry no weight.
//
// # Method
//
// A greedy arc-eager transition parser (Nivre 2003) scored by an averaged
// perceptron over 43 of the feature templates of Zhang and Nivre (2011):
// words and tags of the stack top and the first three buffer words, tag
// trigrams, words, tags and labels of heads and of left- and right-most
// children, and sets of child labels with tags; word suffixes, shapes and
// coarse tags back the tags up, because a tagger is wrong on about one
// web-text word in twenty. Each step first chooses one of the four
// transitions; when it builds an arc, a second perceptron chooses the label
// from 20 features, which see each word with a tag. Words whose tag never
// heads a word in training (closing quotes, brackets, colons and dashes) are
// never made heads.
//
// The templates were chosen by what newsgraph's CaRB path (extract.CarbTuples)
// scores, not by LAS: each costs about one per cent of the parse's time,
// and these groups, dropped from the 79 of the model before, cost CaRB dev
// nothing measurable, together, while the parser became 1.7 times as fast:
// the pairs of the stack top's and the buffer front's words, distance, the
// third-order templates (second children, the head's head), the tags of the
// second stack word and the fourth buffer word, and label sets with words
// (features.go lists what was left out earlier). They were worth 1.4
// points of LAS with postag's tags, 1.5 with the treebank's.
//
// Training follows the dynamic oracle of Goldberg and Nivre (2012),
// exploring the parser's own mistakes so that it learns to recover from
// them. Each training sentence is seen twice, with the treebank's tags and
// with postag's (jackknifed, so as wrong as on unseen text). Features are
// hashed to 64 bits, with no vocabulary; those seen fewer than MinCount (30)
// times on the gold derivations are pruned before training and the weights
// are stored as 16-bit numbers, which keeps the model near 1.4 MB. Most of
// the parser's time is cache misses in the weight tables, one or two a
// feature, so the number of features is speed (a table half the size was
// not measurably faster): the transition table is laid out so that one
// 8-byte slot holds a feature's fingerprint and weights. Crossing arcs in
// training trees are lifted (Nivre and Nilsson 2005) so that the few
// non-projective sentences still teach something.
//
// # Accuracy and speed
//
// On the UD English EWT dev split (25,147 words, punctuation counted), the
// embedded model scores UAS 0.857 and LAS 0.832 with the treebank's tags,
// and UAS 0.828 and LAS 0.789 with those of postag's embedded one-pass model
// (94.3% right), whose jackknifed tags it was trained on; the 79-feature
// model before it scored 0.872 and 0.847, and 0.842 and 0.803. Through
// extract.CarbTuples both score CaRB dev alike. The extractor parses on its
// own tags (extract.Tags, prose's tagger with newsgraph's fixes), on which
// this model scores 0.777 and 0.719 on EWT, web text that tagger was not
// made for. A model trained on those tags instead (-train-tags gold+extract)
// scores 0.808 and 0.759 on them, but the same on CaRB and on the
// comma-bounded relative clauses of TestRelativeClauses, and on news, the
// text prose's tagger was made for, its tags come near the treebank's,
// where the two models score alike (LAS 0.832 and 0.829). Its weak spot is
// the comma-bounded relative clause of news ("The president, who arrived on
// Monday, met ..."): 11 of the 30 in TestRelativeClauses, where the
// 79-feature model got 20; restoring the third-order templates (59
// features) gives 17, for a fifth of the CaRB path's speed. The parser runs about 650,000 words a
// second on one core, 1.7 times the 79-feature model's speed, without
// allocating (BenchmarkParse); the model is 1.4 MB. To measure again:
//
//	$ go run ./tools/trainparser -eval depparse/model/en_ewt.bin.gz
//	$ go test -run XXX -bench Parse ./depparse
//
// Invariants:
//
//  1. Parse never panics: words and tags of different lengths are an error,
//     and any tag string (including ones the model never saw) is accepted.
//  2. Every word gets exactly one head, and exactly one word has head 0.
//  3. The output tree is projective.
//
// # Model and licence
//
// The embedded model (model/en_ewt.bin.gz) was trained by tools/trainparser
// on the training split of the Universal Dependencies English Web Treebank
// (UD_English-EWT; Silveira et al. 2014, from the LDC English Web Treebank),
// which is licensed under Creative Commons Attribution-ShareAlike 4.0. The
// model is derived from that treebank and is shared under the same licence;
// see MODEL_LICENSE. The code of this package is the project's own.
//
// depparse imports the standard library and, of newsgraph, only the internal
// packages it shares with postag: internal/conllu, internal/modelio and
// internal/fhash (its tests also internal/treebanktest and internal/fileio).
// It never imports another newsgraph package: extract builds on it, never
// the other way round.
package depparse
