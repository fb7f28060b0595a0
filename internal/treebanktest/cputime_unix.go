//go:build unix

package treebanktest

import "syscall"

// cpuSeconds is the CPU time the process has used. Benchmarks report words
// per CPU second besides words per wall-clock second, because on a shared
// machine the wall clock also counts other programs' turns.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
