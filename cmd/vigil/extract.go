package main

import (
	"context"
	"errors"
)

func runExtract(ctx context.Context, args []string, s stdio) error {
	return errors.New("not implemented yet")
}
