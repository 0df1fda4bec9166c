package codebook

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/shareddata"
)

var update = flag.Bool("update", false, "regenerate data/cameo.tsv from the shared codebooks")

func TestLoad(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		code, root    string
		quad          int
		goldstein     float64
		ptype, pmode  string
		labelContains string
	}{
		{"026", "02", 1, 4.0, "REQUEST", "meet", "meet"},
		{"101", "10", 3, -5.0, "REQUEST", "assist", "Demand material cooperation"},
		{"106", "10", 3, -5.0, "REQUEST", "meet", "Demand meeting, negotiation"},
		{"138", "13", 3, -7.0, "THREATEN", "violence", "Threaten with military force"},
		{"154", "15", 4, -7.2, "MOBILIZE", "troops", "Mobilize or increase armed forces"},
		{"016", "01", 1, -2.0, "", "", "Deny responsibility"},
		{"190", "19", 4, -10.0, "ASSAULT", "", "conventional military force"},
		{"0874", "08", 2, 10.0, "RETREAT", "disarm", "Retreat or surrender militarily"},
	}
	for _, tc := range tests {
		c, ok := b.Lookup(tc.code)
		if !ok {
			t.Errorf("Lookup(%q): missing", tc.code)
			continue
		}
		if c.Root != tc.root || c.Quad != tc.quad || c.Goldstein != tc.goldstein || c.PloverType != tc.ptype || c.PloverMode != tc.pmode || !strings.Contains(c.Label, tc.labelContains) {
			t.Errorf("Lookup(%q) = %+v, want root %s quad %d goldstein %v plover %s/%s label ~%q",
				tc.code, c, tc.root, tc.quad, tc.goldstein, tc.ptype, tc.pmode, tc.labelContains)
		}
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if _, ok := b.Lookup(root); !ok {
			t.Errorf("root %s missing", root)
		}
	}
}

func TestParseErrors(t *testing.T) {
	bad := []string{
		"",
		"026\t02\t1\t3\tREQUEST\tmeet",    // 6 fields
		"026\t02\t9\t3\tREQUEST\tmeet\tx", // bad quad
		"026\t02\t1\tx\tREQUEST\tmeet\tx", // bad goldstein
		"026\t03\t1\t3\tREQUEST\tmeet\tx", // root mismatch
		"026\t02\t1\t3\tR\tm\tx\n026\t02\t1\t3\tR\tm\tx", // duplicate
	}
	for _, src := range bad {
		if _, err := parse(src); err == nil {
			t.Errorf("parse(%q): want error, got nil", src)
		}
	}
}

// sharedRow is what the shared codebooks say about one code.
type sharedRow struct {
	code, root, quad, goldstein, label string
}

// TestAgainstShared checks our table against the shared CAMEO and PLOVER
// codebooks; with -update it rewrites data/cameo.tsv from them.
func TestAgainstShared(t *testing.T) {
	merged, err := shareddata.Path("codebooks", "cameo", "cameo_event_codes_merged.tsv")
	if err != nil {
		t.Skip(err)
	}
	cross, err := shareddata.Path("codebooks", "plover", "CAMEO2PLOVER-2021.txt")
	if err != nil {
		t.Skip(err)
	}
	rows := readMerged(t, merged)
	plover := readCrosswalk(t, cross)
	want := derive(rows, plover)
	if *update {
		if err := os.WriteFile(filepath.Join("data", "cameo.tsv"), []byte(want), 0o644); err != nil {
			t.Fatalf("write table: %v", err)
		}
	}
	b, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if b.Len() != len(rows) {
		t.Errorf("table has %d codes, shared codebook %d", b.Len(), len(rows))
	}
	for _, r := range rows {
		c, ok := b.Lookup(r.code)
		if !ok {
			t.Errorf("code %s in shared codebook, not in ours", r.code)
			continue
		}
		g, _ := strconv.ParseFloat(r.goldstein, 64)
		q, _ := strconv.Atoi(r.quad)
		if c.Root != r.root || c.Quad != q || c.Goldstein != g || c.Label != r.label {
			t.Errorf("code %s: ours %+v, shared root %s quad %s goldstein %s label %q", r.code, c, r.root, r.quad, r.goldstein, r.label)
		}
		if p, ok := plover[r.code]; ok {
			if c.PloverType != p[0] || c.PloverMode != p[1] {
				t.Errorf("code %s: ours PLOVER %s/%s, crosswalk %s/%s", r.code, c.PloverType, c.PloverMode, p[0], p[1])
			}
		}
	}
	// GDELT's lookup mislabels these; the manual's labels must be used.
	for code, gdelt := range map[string]string{"101": "Demand information, investigation", "103": "Demand aid, protection, or peacekeeping",
		"105": "Demand mediation", "106": "Demand withdrawal", "107": "Demand ceasefire", "108": "Demand meeting, negotiation"} {
		if c, _ := b.Lookup(code); c.Label == gdelt {
			t.Errorf("code %s carries GDELT's mislabel %q", code, gdelt)
		}
	}
}

func readMerged(t *testing.T, path string) []sharedRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var rows []sharedRow
	sc := bufio.NewScanner(f)
	col := map[string]int{}
	for n := 0; sc.Scan(); n++ {
		fs := strings.Split(sc.Text(), "\t")
		if n == 0 {
			for i, h := range fs {
				col[h] = i
			}
			continue
		}
		get := func(h string) string {
			i, ok := col[h]
			if !ok || i >= len(fs) {
				t.Fatalf("%s: no column %q", path, h)
			}
			return strings.TrimSpace(fs[i])
		}
		rows = append(rows, sharedRow{code: get("code"), root: get("root"), quad: get("quad_icews_convention"),
			goldstein: get("goldstein_gdelt"), label: get("name_icews_cameo_manual")})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

// readCrosswalk reads "code: TYPE, mode, context # comment" lines.
func readCrosswalk(t *testing.T, path string) map[string][2]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	out := map[string][2]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		fs := strings.Split(rest, ",")
		typ := strings.TrimSpace(fs[0])
		mode := ""
		if len(fs) > 1 {
			mode = strings.TrimSpace(fs[1])
		}
		if _, dup := out[code]; !dup {
			out[code] = [2]string{typ, mode}
		}
	}
	return out
}

// derive builds our table. Codes the crosswalk leaves out get: root 02
// (appeals) REQUEST with the mode of the matching demand, root 01 nothing.
func derive(rows []sharedRow, plover map[string][2]string) string {
	var b strings.Builder
	b.WriteString("# vigil CAMEO event code table, derived from the shared CAMEO codebook (manual labels, GDELT Goldstein,\n")
	b.WriteString("# ICEWS quad convention) and PLOVER's CAMEO2PLOVER-2021 crosswalk. Regenerate: go test ./internal/codebook -update\n")
	b.WriteString("# code\troot\tquad\tgoldstein\tplover_type\tplover_mode\tlabel\n")
	sorted := append([]sharedRow(nil), rows...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].code < sorted[j].code })
	for _, r := range sorted {
		p, ok := plover[r.code]
		if !ok && r.root == "02" {
			p = [2]string{"REQUEST", appealMode(r.code)}
		}
		g, _ := strconv.ParseFloat(r.goldstein, 64)
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.code, r.root, r.quad, strconv.FormatFloat(g, 'f', -1, 64), p[0], p[1], r.label)
	}
	return b.String()
}

func appealMode(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch code[2] {
	case '1', '2', '3':
		return "assist"
	case '4':
		return "change"
	case '5':
		return "yield"
	case '6', '7', '8':
		return "meet"
	}
	return ""
}
