//go:build !unix

package bench

import "time"

// CPUTime is not available here: it returns 0, and callers fall back to
// wall-clock time.
func CPUTime() time.Duration { return 0 }
