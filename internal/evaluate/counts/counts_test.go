package counts

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/quantities"
)

func TestStates(t *testing.T) {
	tests := []struct {
		text            string
		killed, injured bool
	}{
		{"A man was shot and killed on Friday.", true, false},
		{"Two people were wounded.", false, true},
		{"The fatal shooting left one person hurt.", true, true},
		{"Police were called to a disturbance.", false, false},
		{"Nobody was injured and no one died.", true, true},
	}
	for _, tc := range tests {
		if got := StatesKilled(tc.text); got != tc.killed {
			t.Errorf("StatesKilled(%q) = %v, want %v", tc.text, got, tc.killed)
		}
		if got := StatesInjured(tc.text); got != tc.injured {
			t.Errorf("StatesInjured(%q) = %v, want %v", tc.text, got, tc.injured)
		}
	}
}

func TestScoreArticle(t *testing.T) {
	gold := Incident{ID: "1", Killed: 2, Injured: 1}
	s := ScoreArticle("Two people were killed and one was injured.", quantities.Casualties{Killed: 2, Injured: 3}, gold)
	if s.KilledStated != 1 || s.KilledExact != 1 || s.InjuredStated != 1 || s.InjuredExact != 0 || s.AbsErr != 2 || s.Pairs != 2 {
		t.Errorf("ScoreArticle = %+v, want killed exact, injured off by 2", s)
	}
	s = ScoreArticle("Police were called.", quantities.Casualties{}, gold)
	if s.KilledStated != 0 || s.InjuredStated != 0 || s.Pairs != 0 || s.KilledAllExact != 0 {
		t.Errorf("ScoreArticle on an article without figures = %+v, want nothing stated", s)
	}
}

func TestHalfIsStable(t *testing.T) {
	seen := map[string]int{}
	for _, id := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"} {
		h := Half(id)
		if h != Half(id) {
			t.Fatalf("Half(%q) changes between calls", id)
		}
		seen[h]++
	}
	if seen["tune"] == 0 || seen["check"] == 0 {
		t.Errorf("Half over 12 ids = %v, want both halves used", seen)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	docs := `{"incident_id": "a", "doc_id": "d1", "title": "Two killed in shooting", "content": "Two men were shot and killed on Maple Street on Saturday. A third man was wounded."}
{"incident_id": "b", "doc_id": "d2", "title": "Teen wounded", "content": "A 16-year-old boy was wounded in the leg. He is expected to survive."}
{"incident_id": "zzz", "doc_id": "d3", "title": "No record", "content": "Nothing to see."}
`
	inc := `{"incident_uri": "a", "num_killed": 2, "num_injured": 1}
{"incident_uri": "b", "num_killed": 0, "num_injured": 1}
`
	for name, body := range map[string]string{"docs.jsonl": docs, "incidents.jsonl": inc} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := Run(context.Background(), dir, nil, &out); err != nil {
		t.Fatalf("Run: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if want := "counts: killed_exact=1.000 injured_exact=1.000 mae=0.000"; last != want {
		t.Errorf("Run last line = %q, want %q\n%s", last, want, out.String())
	}
}

func TestRunMissingData(t *testing.T) {
	if err := Run(context.Background(), t.TempDir(), nil, &bytes.Buffer{}); err == nil {
		t.Errorf("Run on an empty folder: got no error")
	}
}
