//go:build !unix

package treebanktest

// cpuSeconds is unknown here; benchmarks then report wall-clock speed only.
func cpuSeconds() float64 { return 0 }
