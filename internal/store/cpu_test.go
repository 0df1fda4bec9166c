package store

import "time"

// cpuClock measures the CPU time (user and system) the process spends, which
// on a shared machine says more about a benchmark's cost than wall time.
type cpuClock struct{ start time.Duration }

func startCPU() cpuClock { return cpuClock{processCPU()} }

// per returns the CPU microseconds spent since start, per item.
func (c cpuClock) per(items int) float64 {
	if items == 0 {
		return 0
	}
	return float64((processCPU() - c.start).Microseconds()) / float64(items)
}
