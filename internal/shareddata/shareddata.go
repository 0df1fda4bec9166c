// Package shareddata locates the read-only shared data folder (gold sets,
// treebanks, codebooks) that training, evaluation and some tests read at run
// time. The data is never copied into the repository.
package shareddata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// EnvVar overrides where the shared folder is.
const EnvVar = "VIGIL_SHARED"

// ErrMissing is returned when the shared folder or a path in it is absent.
var ErrMissing = errors.New("shared data not found")

// Dir returns the shared folder: $VIGIL_SHARED when set, otherwise the
// "shared" folder beside the repository root (found by walking up from the
// working directory to go.mod), otherwise "../shared".
func Dir() string {
	if d := os.Getenv(EnvVar); d != "" {
		return d
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return filepath.Join(filepath.Dir(d), "shared")
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	return filepath.Join("..", "shared")
}

// Path joins elems onto Dir and checks that the result exists. Tests call
// it and skip with the returned error's message when the data is absent.
func Path(elems ...string) (string, error) {
	p := filepath.Join(append([]string{Dir()}, elems...)...)
	if _, err := os.Stat(p); err != nil {
		return p, fmt.Errorf("%w: %s (set %s or place the shared folder beside the repository)", ErrMissing, p, EnvVar)
	}
	return p, nil
}
