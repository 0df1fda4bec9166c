//go:build !unix

package nlp

import "time"

// cpuTime is not available here; speed falls back to wall-clock time.
func cpuTime() time.Duration { return 0 }
