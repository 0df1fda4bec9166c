package quotes

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/model"
	vq "github.com/vigilhq/vigil/internal/quotes"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// found builds one of our quotes over text[lo:hi] with a cue and speaker
// given by the substrings cue and spk (empty for none).
func found(text, content, cue, spk string) vq.Found {
	lo := strings.Index(text, content)
	f := vq.Found{}
	f.Start, f.End = lo, lo+len(content)
	f.Pieces = []model.Span{{Start: f.Start, End: f.End}}
	if cue != "" {
		i := strings.Index(text, cue)
		f.Cue, f.HasCue = model.Span{Start: i, End: i + len(cue)}, true
	}
	if spk != "" {
		i := strings.Index(text, spk)
		f.SpeakerSpan, f.HasSpeaker = model.Span{Start: i, End: i + len(spk)}, true
	}
	return f
}

func span(text, sub string) []Span {
	i := strings.Index(text, sub)
	return []Span{{i, i + len(sub)}}
}

func TestScore(t *testing.T) {
	text := "The mayor said the bridge will reopen soon. “It is safe,” she added. Prices rose, a trader noted."
	gold := []Attribution{
		{ID: "E1", Content: span(text, "the bridge will reopen soon"), Cue: span(text, "said"), Source: span(text, "The mayor")},
		{ID: "E2", Content: span(text, "“It is safe,”"), Cue: span(text, "added"), Source: span(text, "she")},
		{ID: "E3", Content: span(text, "Prices rose"), Cue: span(text, "noted"), Source: span(text, "a trader")},
	}
	ours := []vq.Found{
		found(text, "bridge will reopen soon", "said", "The mayor"), // 4 of 5 words, speaker right
		found(text, "It is safe", "added", "mayor"),                 // speaker wrong
		found(text, "Prices rose, a trader", "", ""),                // no cue: cue wrong
		found(text, "The mayor said", "", ""),                       // overlaps no gold: false alarm
	}
	c := Score(text, gold, ours)
	if c.Gold != 3 || c.Pred != 4 || c.Matched != 3 {
		t.Fatalf("gold, pred, matched = %d, %d, %d, want 3, 4, 3", c.Gold, c.Pred, c.Matched)
	}
	if c.Overlap != 4+3+2 {
		t.Errorf("overlap = %d, want 9", c.Overlap)
	}
	if c.MatchedGoldWords != 5+3+2 || c.MatchedPredWords != 4+3+4 {
		t.Errorf("matched words gold %d ours %d, want 10 and 11", c.MatchedGoldWords, c.MatchedPredWords)
	}
	if c.GoldQuoted != 1 || c.MatchedQuoted != 1 {
		t.Errorf("quoted gold %d matched %d, want 1 and 1", c.GoldQuoted, c.MatchedQuoted)
	}
	if c.SpeakerN != 3 || c.SpeakerOK != 1 {
		t.Errorf("speaker %d/%d, want 1/3", c.SpeakerOK, c.SpeakerN)
	}
	if c.CueN != 3 || c.CueOK != 2 {
		t.Errorf("cue %d/%d, want 2/3", c.CueOK, c.CueN)
	}
	wantF1 := metric.F1(9.0/11, 9.0/10)
	if math.Abs(c.ContentF1()-wantF1) > 1e-9 {
		t.Errorf("content F1 = %.4f, want %.4f", c.ContentF1(), wantF1)
	}
	if c.StrictF1() >= c.ContentF1() {
		t.Errorf("strict F1 %.3f should be below matched F1 %.3f with a false alarm", c.StrictF1(), c.ContentF1())
	}
}

func TestScoreGroupsByCue(t *testing.T) {
	text := "“First part,” he said. “Second part.”"
	gold := []Attribution{{ID: "E1", Content: append(span(text, "“First part,”"), span(text, "“Second part.”")...), Cue: span(text, "said"), Source: span(text, "he")}}
	ours := []vq.Found{found(text, "First part", "said", "he"), found(text, "Second part.", "said", "he")}
	c := Score(text, gold, ours)
	if c.Pred != 1 || c.Matched != 1 || c.Overlap != 4 || c.MatchedPredWords != 4 {
		t.Errorf("pred %d matched %d overlap %d words %d, want 1 1 4 4", c.Pred, c.Matched, c.Overlap, c.MatchedPredWords)
	}
}

func TestLoadSplits(t *testing.T) {
	dir := t.TempDir()
	text := "Headline\n\n“Café prices rose,” the owner said.\n"
	// Character offsets, as in PolNeAR: "é" is one character, two bytes.
	ann := "T1\tContent 10 29\t“Café prices rose,”\n" +
		"T2\tSource 30 39\tthe owner\n" +
		"T3\tCue 40 44\tsaid\n" +
		"T4\tAttribution 40 44\tsaid\n" +
		"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
		"#1\tAnnotatorNotes T1\ta note\n"
	for _, f := range []struct{ path, body string }{
		{"data/dev/text/a.txt", text},
		{"data/dev/attributions/a_1111.ann", ann},
		{"data/dev/attributions/a_2222.ann", "E1\tAttribution:T9\n"}, // second annotator: skipped
		{"data/notasplit/readme.txt", "x"},
	} {
		p := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	splits, err := LoadSplits(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(splits) != 1 || splits[0].Name != "dev" || len(splits[0].Articles) != 1 {
		t.Fatalf("got %+v, want one dev split with one article", splits)
	}
	a := splits[0].Articles[0]
	if len(a.Attributions) != 1 {
		t.Fatalf("got %d attributions, want 1", len(a.Attributions))
	}
	g := a.Attributions[0]
	for _, c := range []struct {
		name string
		sp   []Span
		want string
	}{{"content", g.Content, "“Café prices rose,”"}, {"source", g.Source, "the owner"}, {"cue", g.Cue, "said"}} {
		if len(c.sp) != 1 || a.Text[c.sp[0].Start:c.sp[0].End] != c.want {
			t.Errorf("%s = %v, want %q", c.name, c.sp, c.want)
		}
	}
}

func TestLoadSplitsErrors(t *testing.T) {
	if _, err := LoadSplits(t.TempDir()); err == nil {
		t.Error("empty folder: got no error")
	}
	dir := t.TempDir()
	for _, f := range []struct{ path, body string }{
		{"data/dev/text/a.txt", "short"},
		{"data/dev/attributions/a_1.ann", "T1\tContent 0 999\tx\n"},
	} {
		p := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := LoadSplits(dir); err == nil {
		t.Error("span past the text: got no error")
	}
}

// TestRunPolNeAR scores the shared dev split (train is left out to keep
// the test short) and checks the summary line.
func TestRunPolNeAR(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the NLP over the gold articles")
	}
	p, err := shareddata.Path("eval", "quotes-polnear")
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(p, "data", "dev"), filepath.Join(dir, "data", "dev")); err != nil {
		t.Skip(err)
	}
	res, err := Evaluate(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Print(&buf, res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "quotes: content_f1=") || !strings.Contains(last, " speaker_acc=") || !strings.Contains(last, " cue_acc=") {
		t.Fatalf("last line = %q", last)
	}
	if res.All.Matched == 0 || res.All.ContentF1() < 0.5 {
		t.Errorf("dev: matched %d, content F1 %.3f: the finder found almost nothing", res.All.Matched, res.All.ContentF1())
	}
}
