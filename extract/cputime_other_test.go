//go:build !unix

package extract_test

import "time"

// cpuTime is not measured off unix; the benchmarks then report wall-clock speed only.
func cpuTime() time.Duration { return 0 }
