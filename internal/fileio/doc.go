// Package fileio opens and creates the files the training tools and the
// tests of postag and depparse read and write: treebanks and model files,
// each read or written by a function of the package that owns the format.
//
//	train, err := fileio.ReadFile(path, "treebank", postag.ReadCoNLLU)
//	size, err := fileio.WriteFile("postag/model/en_ewt.bin.gz", m.Write)
//
// Errors say what was being done and name the file.
//
// fileio imports only the standard library, and never a newsgraph package.
package fileio
