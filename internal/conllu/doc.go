// Package conllu reads treebanks in CoNLL-U
// (https://universaldependencies.org/format.html): for each sentence its
// syntactic words and, as asked, their XPOS tags and their dependency tree.
//
// postag and depparse both train and score on CoNLL-U files; this is the one
// reader they share:
//
//	sents, err := conllu.Read(f, "en_ewt-ud-dev.conllu", conllu.Tree)
//
// Multiword-token lines (1-2) and empty nodes (8.1) are skipped, so the words
// are those the tags and heads refer to. A malformed line fails the whole
// read with an error naming the source and the line.
//
// conllu imports only the standard library, and never a newsgraph package.
package conllu
