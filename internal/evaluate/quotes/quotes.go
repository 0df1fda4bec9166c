// Package quotes scores vigil against a gold data set; see Run.
package quotes

import (
	"context"
	"errors"
	"io"
	"log/slog"
)

// Run scores the gold data in dir and prints a table to w whose last line
// is "quotes: metric=value …".
func Run(ctx context.Context, dir string, log *slog.Logger, w io.Writer) error {
	_, _, _, _ = ctx, dir, log, w
	return errors.New("eval quotes: not built yet")
}
