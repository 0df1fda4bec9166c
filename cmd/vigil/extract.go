package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/pipeline"
)

func runExtract(ctx context.Context, args []string, s stdio) error {
	fs := newFlagSet("extract", s)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "Usage: vigil extract [--published YYYY-MM-DD] [--url U] [--title T] [--format auto|html|text] [--pretty] [FILE|-]")
		fmt.Fprintln(s.err, "\nProcesses one article and prints its JSON record. With no FILE, or FILE '-', reads standard input.")
		fmt.Fprintln(s.err, "For plain text, the first non-empty line is the headline unless --title is given.\n\nFlags:")
		fs.PrintDefaults()
	}
	published := fs.String("published", "", "publication date YYYY-MM-DD (overrides the page's metadata)")
	url := fs.String("url", "", "the article's URL")
	title := fs.String("title", "", "the headline (overrides the page's or the text's first line)")
	format := fs.String("format", pipeline.FormatAuto, "input format: auto, html or text")
	pretty := fs.Bool("pretty", false, "indent the JSON output")
	verbose := fs.Bool("v", false, "log diagnostics to stderr")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: one FILE at most, got %d", errUsage, len(pos))
	}
	if *published != "" {
		if _, err := time.Parse("2006-01-02", *published); err != nil {
			return fmt.Errorf("%w: --published %q is not a YYYY-MM-DD date", errUsage, *published)
		}
	}
	switch *format {
	case pipeline.FormatAuto, pipeline.FormatHTML, pipeline.FormatText:
	default:
		return fmt.Errorf("%w: --format must be auto, html or text, not %q", errUsage, *format)
	}

	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	data, err := readInput(name, s.in, pipeline.DefaultMaxHTML)
	if err != nil {
		return err
	}
	doc := model.Document{Origin: name, URL: *url, Title: *title, Published: *published}
	f := *format
	if f == pipeline.FormatAuto {
		f = pipeline.DetectFormat(name, data)
	}
	if f == pipeline.FormatHTML {
		doc.HTML = data
	} else {
		doc.Text = string(data)
	}

	p, err := newPipeline(newLogger(s.err, *verbose), true)
	if err != nil {
		return err
	}
	a, err := p.Process(ctx, doc)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(s.out)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// readInput reads a whole file, or stdin for "-", refusing more than max
// bytes without reading further.
func readInput(name string, stdin io.Reader, max int) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("read %s: is a folder (use vigil ingest for folders)", name)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > max {
		return nil, fmt.Errorf("read %s: %w: more than %d bytes", name, pipeline.ErrTooLarge, max)
	}
	return data, nil
}
