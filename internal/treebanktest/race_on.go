//go:build race

package treebanktest

// RaceEnabled says whether the race detector is on. Under it sync.Pool
// drops items at random, so allocation counts mean nothing.
const RaceEnabled = true
