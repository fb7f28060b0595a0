// Package postag is a pure-Go part-of-speech tagger: given the words of one
// tokenised sentence, it returns each word's Penn Treebank tag, as the UD
// English Web Treebank's XPOS column has them. The dependency parser
// (depparse) is trained on its tags, jackknifed, beside the treebank's, so
// that it learns what a tagger's mistakes look like. (The extractor itself
// parses on its own tags, prose's tagger's, which scored CaRB the same and
// spare it a second tagging.)
//
// Usage:
//
//	t, err := postag.Default() // the embedded English model
//	tags := t.Tag([]string{"Azerbaijan", "'s", "troops", "seized", "the", "town", "."})
//	// tags = [NNP POS NNS VBD DT NN .]
//
// Tagger.TagInto reuses the caller's slice and does not allocate. Words may
// be Penn-escaped or raw: "-LRB-" and "(" look the same to the model, as do
// the Penn opening and closing quotes (two backquotes, two apostrophes),
// curly quotes and a plain double quote, or "n’t" and "n't". The tag is
// the treebank's: -LRB- for "(", the opening or closing quote tag for a
// quote, as the quotes around it say.
//
// # Method
//
// Greedy averaged perceptrons (Collins 2002) with the features of the
// well-known perceptron taggers: the word lower-cased and as written, its
// prefixes and suffixes of one to four letters, its shape (Xxxx, dd) and
// flags (capitals, digits, hyphen), the two tags before it and their pair,
// the two words on each side and their suffixes; besides, the ambiguity
// class of the next two words (the tags training saw them with), whether
// the sentence is written in title case or capitals, and whether a raw
// double quote opens or closes a quotation.
//
// The embedded model tags in one left-to-right pass. Train can also build a
// two-pass model (OnePass false): a first pass right to left, then a second
// left to right with the first pass's tags of the word and the two after it
// as features (alone, together, and with the word, its suffix and its
// neighbours), trained on first-pass tags from models that did not see the
// sentence (10-fold jackknifing), so that it learns how far to trust them.
// On EWT dev that is 0.4 points more accurate (94.7%), but it tags at a
// third of the speed, and newsgraph's CaRB extraction scored the same with
// either (F1 0.525 and 0.526, AUC 0.374 both), so speed decided.
//
// A tag dictionary settles the words seen at least 20 times with one tag at
// least 97% of the time without scoring them (the 604 commonest of EWT):
// it is much of the tagger's speed. Features are hashed to 64 bits, with no
// vocabulary; those seen once are pruned before training, and weights are
// stored as 16-bit integers (the model file is 1.4 MB). Training (Train,
// tools/traintagger) is deterministic.
//
// # Accuracy and speed
//
// On the UD English EWT dev split (25,147 words, punctuation counted), the
// embedded model tags 94.3% of the words right, and 77.5% of the 2,088
// words the training split lacks; a tenth of a point either way is noise
// (other seeds). It tags about 1,400,000 words a second on one core of this
// shared machine, without allocating (BenchmarkTag; the two-pass model
// 500,000 to 575,000). To measure again:
//
//	$ go run ./tools/traintagger -eval postag/model/en_ewt.bin.gz
//	$ go test -run '^$' -bench Tag ./postag
//
// Its tags are the treebank's XPOS, which are Penn Treebank tags plus a few
// of EWT's own: HYPH (a hyphen), NFP (decorative punctuation), ADD (an
// e-mail or web address), GW (a piece of a word split in two), AFX.
//
// Invariants:
//
//  1. Tag never panics: any string, invalid UTF-8 included, gets a tag, and
//     an empty sentence gets none.
//  2. Every word gets exactly one tag, one of Model.Tags.
//  3. A Penn escape and the raw character it stands for get the same tag in
//     the same context.
//
// # Model and licence
//
// The embedded model (model/en_ewt.bin.gz) was trained by tools/traintagger
// on the training split of the Universal Dependencies English Web Treebank
// (UD_English-EWT; Silveira et al. 2014, from the LDC English Web Treebank),
// which is licensed under Creative Commons Attribution-ShareAlike 4.0. The
// model is derived from that treebank and is shared under the same licence;
// see MODEL_LICENSE. The code of this package is the project's own.
//
// postag imports the standard library and, of newsgraph, only the internal
// packages it shares with depparse: internal/conllu, internal/modelio and
// internal/fhash (its tests also internal/treebanktest and internal/fileio).
// It never imports another newsgraph package: depparse's training tool
// builds on it, never the other way round.
package postag
