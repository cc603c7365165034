// Package measure reads the resource figures the evaluation harnesses and
// benchmarks print: the process's CPU time, its peak resident memory, and
// the peak of the Go heap sampled while work runs.
package measure

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// CPUTime is the process's user plus system CPU time, or 0 where the
// platform does not say. On a shared machine it measures the work done
// rather than the wait for a core, so MB/s per CPU second is comparable
// between runs under different load.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// PeakRSS is the process's peak resident set size in bytes (VmHWM from
// /proc/self/status), or 0 where /proc is unavailable.
func PeakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				kb, _ := strconv.ParseUint(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// HeapPeak tracks the largest Go heap (HeapSys: heap memory obtained from
// the OS) seen at each Sample. Sampling stops the world briefly, so call it
// every few hundred documents, not every one.
type HeapPeak struct {
	peak uint64
	ms   runtime.MemStats
}

// Sample reads the heap size now.
func (h *HeapPeak) Sample() {
	runtime.ReadMemStats(&h.ms)
	h.peak = max(h.peak, h.ms.HeapSys)
}

// Peak is the largest heap sampled, in bytes.
func (h *HeapPeak) Peak() uint64 { return h.peak }

// WatchHeap samples the heap in the background every interval until the
// returned stop function is called; stop reports the peak in bytes. Unlike
// Sample in a loop, it also catches peaks inside one long call.
func WatchHeap(interval time.Duration) (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var h HeapPeak
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			h.Sample()
			select {
			case <-done:
				h.Sample()
				result <- h.Peak()
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}
