// Package codebook is vigil's table of CAMEO event codes: for each code its
// label (as in the CAMEO manual), root, quad class, Goldstein value (GDELT
// column) and PLOVER type and mode (CAMEO2PLOVER-2021). The table is our own
// compact TSV, derived from the shared codebooks and embedded in the binary;
// codebook_test.go checks it against them and regenerates it with -update.
package codebook

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed data/cameo.tsv
var cameoTSV string

// Code is one CAMEO event code.
type Code struct {
	Code       string  // "026"
	Root       string  // "02"
	Quad       int     // 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)
	Goldstein  float64 // GDELT Goldstein value
	PloverType string  // "REQUEST"; "" for root 01 (PLOVER has no statement type)
	PloverMode string  // "meet"; "" when the crosswalk gives none
	Label      string  // CAMEO manual label
}

// Book is the loaded table. It is never modified after Load.
type Book struct {
	codes map[string]Code
	order []string
}

// Load parses the embedded table.
func Load() (*Book, error) { return parse(cameoTSV) }

func parse(src string) (*Book, error) {
	b := &Book{codes: make(map[string]Code, 320)}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("load codebook: line %d: want 7 fields, got %d", n+1, len(f))
		}
		q, err := strconv.Atoi(f[2])
		if err != nil || q < 1 || q > 4 {
			return nil, fmt.Errorf("load codebook: line %d: bad quad class %q", n+1, f[2])
		}
		g, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return nil, fmt.Errorf("load codebook: line %d: bad goldstein %q: %w", n+1, f[3], err)
		}
		c := Code{Code: f[0], Root: f[1], Quad: q, Goldstein: g, PloverType: f[4], PloverMode: f[5], Label: f[6]}
		if len(c.Code) < 2 || !strings.HasPrefix(c.Code, c.Root) {
			return nil, fmt.Errorf("load codebook: line %d: code %q does not start with root %q", n+1, c.Code, c.Root)
		}
		if _, dup := b.codes[c.Code]; dup {
			return nil, fmt.Errorf("load codebook: line %d: duplicate code %q", n+1, c.Code)
		}
		b.codes[c.Code] = c
		b.order = append(b.order, c.Code)
	}
	if len(b.codes) == 0 {
		return nil, fmt.Errorf("load codebook: empty table")
	}
	return b, nil
}

// Lookup returns the entry of a code ("026", "1384", "19").
func (b *Book) Lookup(code string) (Code, bool) {
	c, ok := b.codes[code]
	return c, ok
}

// Codes returns every code in table order.
func (b *Book) Codes() []string { return append([]string(nil), b.order...) }

// Len returns the number of codes.
func (b *Book) Len() int { return len(b.order) }
