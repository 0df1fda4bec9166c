package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/gazetteer"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// borderBody lists every body sentence of the border fixture: none may be lost.
var borderBody = []string{
	"Russian units have moved into firing positions near the town of Valuyki, less than 15 miles from Ukraine's Kharkiv Oblast, satellite images suggest.",
	"Around 200 military vehicles were seen at the site on Saturday night, according to analysts at a private intelligence firm.",
	"US officials believe Russia could launch an invasion this week.",
	"The Kremlin has denied planning to invade its neighbour.",
	`"We see the build-up.`,
	"We see the artillery moving forward.",
	`"And we are ready to respond," a senior Ukrainian commander told the BBC.`,
	`He added: "Nobody in Kyiv wants war."`,
	"More than 14,000 people have been killed in the conflict in eastern Ukraine since 2014.",
	`Mr. Biden warned Moscow of "swift and severe" costs on Friday.`,
	`"Enough."`,
	"A British expat living in Kharkiv said residents were calm.",
	`"People are buying bread as usual," she said.`,
	`"Nobody is leaving."`,
}

// borderClutter lists pieces of clutter that must not reach the text.
var borderClutter = []string{
	"Jane Holloway", "Published 20 February", "Share on", "Share this", "(Image: Maxar)", "Satellite image of",
	"READ MORE", "generals 'split'", "DON'T MISS", "[INSIGHT]", "[VIDEO]", "[PICS]", "Inside the Russian town",
	"Vladimir Putin", "Follow us", "Sign up", "newsletter", "©", "All rights reserved", "Most read", "Celebrity chef",
}

func TestExtractBorderArticle(t *testing.T) {
	if _, err := gazetteer.Locate(); err != nil {
		t.Skipf("the golden records hold places, which need the gazetteer index: %v", err)
	}
	for _, file := range []string{"border.txt", "border.html"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", file)
			code, out, stderr := runCmd(t, "", "extract", "--published", "2022-02-20", "--pretty", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var rec struct {
				Title     string `json:"title"`
				Text      string `json:"text"`
				Sentences []struct {
					Start, End int
				} `json:"sentences"`
				Removed []struct{ Text, Reason string } `json:"removed"`
				Times   []struct{ Text, Value string }  `json:"times"`
			}
			if err := json.Unmarshal([]byte(out), &rec); err != nil {
				t.Fatalf("bad JSON: %v", err)
			}
			if want := "Tanks roll towards frontier as Moscow masses forces near Kharkiv"; rec.Title != want {
				t.Errorf("title = %q, want %q", rec.Title, want)
			}
			sentences := map[string]bool{}
			for _, s := range rec.Sentences {
				sentences[rec.Text[s.Start:s.End]] = true
			}
			for _, b := range borderBody {
				if !strings.Contains(rec.Text, b) {
					t.Errorf("body sentence lost: %q", b)
				} else if !sentences[b] {
					t.Errorf("body sentence not split as one sentence: %q", b)
				}
			}
			for _, c := range borderClutter {
				if strings.Contains(rec.Text, c) {
					t.Errorf("clutter %q reached the text", c)
				}
			}
			times := map[string]string{}
			for _, tm := range rec.Times {
				times[tm.Text] = tm.Value
			}
			for text, want := range map[string]string{"on Saturday night": "2022-02-19", "on Friday": "2022-02-18", "since 2014": "2014"} {
				if got := times[text]; got != want {
					t.Errorf("time %q = %q, want %q (all: %v)", text, got, want, times)
				}
			}
			if file == "border.txt" && len(rec.Removed) == 0 {
				t.Errorf("no removals recorded")
			}
			for _, r := range rec.Removed {
				switch r.Reason {
				case "promo", "caption", "teaser", "byline", "share", "navigation", "other":
				default:
					t.Errorf("removal %q has unknown reason %q", r.Text, r.Reason)
				}
			}
			checkGolden(t, filepath.Join("testdata", file+".golden.json"), []byte(out))
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update after checking the change):\ngot:\n%s", path, got)
	}
}
