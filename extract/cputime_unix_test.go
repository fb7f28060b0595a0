//go:build unix

package extract_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, user and system: on a machine
// shared with other work, words per CPU-second measure the extractor where wall-clock
// words per second measure the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
