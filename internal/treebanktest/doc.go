// Package treebanktest is what the tests and benchmarks of postag and
// depparse share: reading a treebank or failing the test, the benchmark
// treebank, speed in words per second of wall-clock and of CPU time, and
// whether the race detector is on.
//
//	data := treebanktest.Read(t, "testdata/train.conllu", ReadCoNLLU)
//
//	func BenchmarkTag(b *testing.B) {
//		data := treebanktest.BenchData(b, "testdata/train.conllu", ReadCoNLLU)
//		speed := treebanktest.StartSpeed(b)
//		for range b.N { … }
//		speed.Report(words)
//	}
//
// It is for _test.go files only: it imports testing. It imports only the
// standard library, and never a newsgraph package.
package treebanktest
