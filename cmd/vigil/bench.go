package main

import (
	"context"
	"errors"
)

func runBench(ctx context.Context, args []string, s stdio) error {
	return errors.New("not implemented yet")
}
