package times

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/shareddata"
	"github.com/vigilhq/vigil/internal/timex"
)

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func readFile(t *testing.T, path string, read func(io.Reader, string) (Document, error)) Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := read(f, filepath.Base(path))
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return doc
}

func TestReadTimeML(t *testing.T) {
	doc := readFile(t, "testdata/tml/Sample/harbour.tml", ReadTimeML)
	if !doc.HasDCT || !doc.DCT.Equal(time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("DCT = %v %v, want 2022-02-20", doc.DCT, doc.HasDCT)
	}
	if strings.Contains(doc.Text, "<") || strings.Contains(doc.Text, "FERRY") {
		t.Errorf("text keeps tags or the title: %q", doc.Text)
	}
	if !strings.Contains(doc.Text, "ferries & barges") {
		t.Errorf("entity not decoded: %q", doc.Text)
	}
	want := []Timex{
		{Type: "DATE", Value: "2022-02-19", Text: "Saturday"},
		{Type: "DATE", Value: "2022-W08", Text: "next week"},
		{Type: "DURATION", Value: "P3D", Text: "three days"},
		{Type: "DATE", Value: "2022-02", Text: "early February"},
		{Type: "SET", Value: "P1D", Text: "daily"},
	}
	if len(doc.Gold) != len(want) {
		t.Fatalf("got %d gold expressions %+v, want %d", len(doc.Gold), doc.Gold, len(want))
	}
	for i, g := range doc.Gold {
		w := want[i]
		if g.Type != w.Type || g.Value != w.Value || g.Text != w.Text || doc.Text[g.Start:g.End] != w.Text {
			t.Errorf("gold %d = %+v (text %q), want %+v", i, g, doc.Text[g.Start:g.End], w)
		}
	}
}

func TestReadTimeMLBad(t *testing.T) {
	for _, in := range []string{"", "<TimeML><TEXT>unclosed <TIMEX3 type=\"DATE\">x", "not xml at all & <<"} {
		doc, err := ReadTimeML(strings.NewReader(in), "bad")
		if err == nil && len(doc.Gold) > 0 && doc.Gold[0].End > len(doc.Text) {
			t.Errorf("ReadTimeML(%q): span outside text: %+v", in, doc)
		}
	}
}

func TestReadCAT(t *testing.T) {
	doc := readFile(t, "testdata/cat/corpus_test/1_Sample.xml", ReadCAT)
	wantText := "Bridge reopens\nMarch 3, 2010\nThe bridge reopened on Tuesday after two years.\nIt cost $5 million."
	if doc.Text != wantText {
		t.Errorf("text = %q, want %q", doc.Text, wantText)
	}
	if !doc.HasDCT || doc.DCT.Format("2006-01-02") != "2010-03-03" {
		t.Errorf("DCT = %v, want 2010-03-03", doc.DCT)
	}
	if len(doc.Ignore) != 1 || doc.Text[doc.Ignore[0].Start:doc.Ignore[0].End] != "March 3, 2010" {
		t.Errorf("ignore = %+v, want the dateline", doc.Ignore)
	}
	if len(doc.Gold) != 2 || doc.Gold[0].Text != "Tuesday" || doc.Gold[1].Text != "two years" || doc.Gold[1].Value != "P2Y" {
		t.Errorf("gold = %+v, want Tuesday and two years (the anchorless TIMEX3 skipped)", doc.Gold)
	}
	if len(doc.Sentences) != 4 {
		t.Errorf("sentences = %+v, want 4", doc.Sentences)
	}
}

func TestNormValue(t *testing.T) {
	tests := []struct{ a, b string }{
		{"199X", "199"},
		{"1989-XX", "1989"},
		{"1998-10-XX", "1998-10"},
		{"2000-W7", "2000-W07"},
		{"P1E", "P10Y"},
		{"P2DE", "P20Y"},
		{"P3Q", "P9M"},
		{"PXQ", "PXM"},
		{"1989-11-06T17:00", "1989-11-06T17"},
		{"2009-06-01T12:00Z", "2009-06-01T12:00"},
		{" present_ref ", "PRESENT_REF"},
	}
	for _, tc := range tests {
		if normValue(tc.a) != normValue(tc.b) {
			t.Errorf("normValue(%q) = %q, normValue(%q) = %q, want equal", tc.a, normValue(tc.a), tc.b, normValue(tc.b))
		}
	}
	for _, pair := range [][2]string{{"1989", "1988"}, {"P1Y", "P1M"}, {"2000-W07", "2000-W08"}, {"XXXX", "1989"}} {
		if normValue(pair[0]) == normValue(pair[1]) {
			t.Errorf("normValue(%q) == normValue(%q), want different", pair[0], pair[1])
		}
	}
}

func TestScoreDoc(t *testing.T) {
	doc := Document{
		Name: "d",
		Text: "On Saturday and on Sunday, for three days, in 2014.",
		Gold: []Timex{
			{Start: 3, End: 11, Type: "DATE", Value: "2022-02-19"},  // Saturday
			{Start: 19, End: 25, Type: "DATE", Value: "2022-02-20"}, // Sunday
			{Start: 31, End: 41, Type: "DURATION", Value: "P3D"},    // three days
			{Start: 46, End: 50, Type: "DATE", Value: "2014"},       // 2014
		},
		Ignore: []model.Span{{Start: 46, End: 50}},
	}
	pred := []timex.Found{
		{Start: 0, End: 11, Type: "DATE", Value: "2022-02-19"},  // relaxed, value right
		{Start: 19, End: 25, Type: "DATE", Value: "2022-02-13"}, // strict, value wrong
		{Start: 27, End: 30, Type: "DATE", Value: "PAST_REF"},   // spurious
		{Start: 46, End: 50, Type: "DATE", Value: "2014"},       // ignored span: dropped
	}
	c := ScoreDoc(doc, pred)
	want := Counts{Docs: 1, Gold: 4, Pred: 3, Strict: 1, Relaxed: 2, TypeOK: 2, ValueOK: 1}
	if c.Docs != want.Docs || c.Gold != want.Gold || c.Pred != want.Pred || c.Strict != want.Strict ||
		c.Relaxed != want.Relaxed || c.TypeOK != want.TypeOK || c.ValueOK != want.ValueOK {
		t.Errorf("ScoreDoc = %+v, want %+v", c, want)
	}
	if got := c.ByType["DURATION"]; got == nil || got.Gold != 1 || got.Found != 0 {
		t.Errorf("by type DURATION = %+v, want 1 gold, 0 found", got)
	}
	// One prediction overlapping two gold expressions matches only one.
	c = ScoreDoc(doc, []timex.Found{{Start: 3, End: 25, Type: "DATE", Value: "2022-02-19"}})
	if c.Relaxed != 1 {
		t.Errorf("one prediction over two gold: relaxed = %d, want 1", c.Relaxed)
	}
}

var lastLine = regexp.MustCompile(`^times: span_f1=[01]\.\d{4} value_acc=[01]\.\d{4}$`)

// TestRunSample runs the whole suite on the hand-written sample.
func TestRunSample(t *testing.T) {
	res, err := Evaluate(context.Background(), "testdata/tml", "", discard())
	if err != nil {
		t.Fatal(err)
	}
	all := res.TempEval["all"]
	if all.Gold != 5 || all.Relaxed < 4 {
		t.Errorf("sample: %+v, want 5 gold and at least 4 found", all)
	}
	var out bytes.Buffer
	if err := Print(&out, res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !lastLine.MatchString(lines[len(lines)-1]) {
		t.Errorf("last line %q does not match %s", lines[len(lines)-1], lastLine)
	}
	if _, err := Evaluate(context.Background(), t.TempDir(), "", discard()); err == nil {
		t.Error("Evaluate on an empty folder: no error")
	}
}

// TestRunShared scores a few TempEval-3 and MEANTIME files from the shared
// folder: the figures must be in the range the full run gives.
func TestRunShared(t *testing.T) {
	te, err := shareddata.Path("eval", "times-tempeval3", "TimeBank")
	if err != nil {
		t.Skip(err)
	}
	mt, err := shareddata.Path("eval", MeantimeFolder, meantimeLayer, "corpus_stock")
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	link := func(src, dst string) {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(src, dst); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"wsj_0144.tml", "APW19980322.0749.tml", "NYT19980206.0460.tml", "wsj_0136.tml"} {
		link(filepath.Join(te, name), filepath.Join(dir, "te", "TimeBank", name))
	}
	files, _ := filepath.Glob(filepath.Join(mt, "*.xml"))
	if len(files) > 5 {
		files = files[:5]
	}
	for _, f := range files {
		link(f, filepath.Join(dir, "mt", meantimeLayer, "corpus_stock", filepath.Base(f)))
	}
	res, err := Evaluate(context.Background(), filepath.Join(dir, "te"), filepath.Join(dir, "mt"), discard())
	if err != nil {
		t.Fatal(err)
	}
	te3, mea := res.TempEval["all"], res.Meantime["all"]
	if te3.Gold < 20 || te3.RelaxedF1() < 0.7 || te3.ValueAcc() < 0.6 {
		t.Errorf("TempEval-3 sample: gold %d, relaxed F1 %.3f, value accuracy %.3f", te3.Gold, te3.RelaxedF1(), te3.ValueAcc())
	}
	if len(files) > 0 && (mea.Gold == 0 || mea.RelaxedF1() < 0.5) {
		t.Errorf("MEANTIME sample: gold %d, relaxed F1 %.3f", mea.Gold, mea.RelaxedF1())
	}
}
