package events

import (
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/shareddata"
)

func act(code string) *model.Actor { return &model.Actor{Text: code, Actor: model.StrPtr(code)} }

func TestActorMatches(t *testing.T) {
	tests := []struct {
		gold GoldActor
		ours *model.Actor
		want bool
	}{
		{GoldActor{Code: "RUS", Sector: "GOV"}, act("RUSGOV"), true},
		{GoldActor{Code: "RUS", Sector: "GOV"}, act("RUSMIL"), false},
		{GoldActor{Code: "RUS"}, act("RUSMIL"), true},
		{GoldActor{Code: "BIH", Sector: "MILsrp"}, act("BIHMIL"), true},
		{GoldActor{Code: "PSE", Sector: "***"}, act("PSECVL"), true},
		{GoldActor{Code: "ITL"}, act("ITA"), true}, // the gold's non-ISO code
		{GoldActor{Code: "IGO", Sector: "GOV"}, act("IGOUNOGOV"), true},
		{GoldActor{Code: "USA"}, nil, false},
		{GoldActor{Code: "USA"}, &model.Actor{Text: "someone"}, false},
	}
	for _, tc := range tests {
		if got := ActorMatches(tc.gold, tc.ours); got != tc.want {
			t.Errorf("ActorMatches(%+v, %v) = %v, want %v", tc.gold, actorCode(tc.ours), got, tc.want)
		}
	}
}

func actorCode(a *model.Actor) string {
	if a == nil || a.Actor == nil {
		return "<nil>"
	}
	return *a.Actor
}

func TestGSRType(t *testing.T) {
	for code, want := range map[string]string{"026": "DEMAND", "106": "DEMAND", "036": "AGREE", "0831": "CONCEDE",
		"0872": "RETREAT", "090": "INVESTIGATE", "112": "DISAPPROVE", "190": "FIGHT", "183": "ASSAULT", "163": "SANCTION", "010": ""} {
		ptype := ""
		if code == "0831" {
			ptype = "CONCEDE"
		}
		if code == "0872" {
			ptype = "RETREAT"
		}
		if got := GSRType(code, ptype); got != want {
			t.Errorf("GSRType(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestPhoenixClass(t *testing.T) {
	for root, want := range map[string]int{"": 0, "01": 0, "02": 0, "04": 1, "07": 2, "11": 3, "16": 3, "14": 4, "19": 4} {
		if got := PhoenixClass(root); got != want {
			t.Errorf("PhoenixClass(%q) = %d, want %d", root, got, want)
		}
	}
}

func TestMacroF1(t *testing.T) {
	gold := []string{"A", "A", "B", "C"}
	pred := []string{"A", "B", "B", "A"}
	// A: p 1/2 r 1/2 -> .5; B: p 1/2 r 1 -> .667; C: 0
	want := (0.5 + 2.0/3.0 + 0) / 3
	if got := macroF1(gold, pred); math.Abs(got-want) > 1e-9 {
		t.Errorf("macroF1 = %v, want %v", got, want)
	}
}

func ev(code, root, ptype, mod string, src, tgt *model.Actor) model.Event {
	return model.Event{CAMEO: code, Root: root, Plover: model.Plover{Type: ptype}, Modality: mod, Source: src, Target: tgt}
}

func TestScore(t *testing.T) {
	raw := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	rec := Record{ID: "x", Text: "t", Event: "THREATEN",
		Source: raw([]GoldActor{{Code: "IRN"}}), Target: raw([]GoldActor{{Code: "IRQ"}})}
	s := Scores{ConfusionByGold: map[string]map[string]int{}, perTypeOK: map[string]int{}, perTypeSeen: map[string]int{}}
	s.score(rec, []model.Event{
		ev("138", "13", "THREATEN", model.Asserted, act("IRN"), act("IRQ")),
		ev("190", "19", "ASSAULT", model.Intended, act("IRN"), act("IRQ")), // not counted as extra
		ev("040", "04", "CONSULT", model.Asserted, act("IRN"), nil),        // an extra
	})
	// a record with no gold target and no event at all
	s.score(Record{ID: "y", Text: "t", Event: "AGREE", Source: raw([]GoldActor{{Code: "USA"}}), Target: raw("")}, nil)
	if s.Records != 2 || s.TypeOK != 1 || s.SourceOK != 1 || s.SourceN != 2 || s.TargetOK != 1 || s.TargetN != 1 {
		t.Errorf("scores = %+v", s)
	}
	if s.Extra != 1 || s.ExtraAll != 2 || s.NoEvent != 1 {
		t.Errorf("extra = %d (all %d), no event %d; want 1, 2, 1", s.Extra, s.ExtraAll, s.NoEvent)
	}
}

func TestLoadRecords(t *testing.T) {
	dir := t.TempDir()
	list := `[{"id":"a","text":"Iran threatened Iraq.","event":"THREATEN","source":[{"actorText":"Iran","code":"IRN"}],"target":null},
	          {"id":"doc","text":"","event":""}]`
	one := `{"id":"b","text":"Syria agreed.","event":"AGREE","source":[{"actorText":"Syria","code":"SYR"}],"target":"diplomatic"}`
	if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte(one), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, err := LoadRecords(dir)
	if err != nil {
		t.Fatalf("LoadRecords: %v", err)
	}
	if len(recs) != 2 || recs[0].ID != "a" || recs[1].ID != "b" {
		t.Errorf("records = %+v, want a and b", recs)
	}
	if _, ok := actorList(recs[1].Target); ok {
		t.Errorf("a bare-word target should read as no target")
	}
	if _, err := LoadRecords(t.TempDir()); err == nil {
		t.Errorf("empty folder: want an error")
	}
	bad := t.TempDir()
	_ = os.WriteFile(filepath.Join(bad, "x.json"), []byte("{not json"), 0o644)
	if _, err := LoadRecords(bad); err == nil {
		t.Errorf("bad JSON: want an error")
	}
}

var dump = flag.Bool("dump", false, "write the PLOVER misses of vigil's event coder to stdout (needs ../shared)")

// TestDumpMisses prints every wrong source and target on the PLOVER gold
// records with a guess at its cause: go test ./internal/evaluate/events -run TestDumpMisses -dump -v
func TestDumpMisses(t *testing.T) {
	if !*dump {
		t.Skip("run with -dump to print the misses")
	}
	dir, err := shareddata.Path("eval", "events-plover-gsr")
	if err != nil {
		t.Skip(err)
	}
	recs, err := LoadRecords(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPipeline(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	misses, err := DumpMisses(context.Background(), p, kb, recs, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range misses {
		if m.Cause == "" {
			t.Errorf("%s %s: no cause", m.ID, m.Role)
		}
	}
}

var sent = flag.String("sent", "", "print the parse and the events of this text (needs the models)")

// TestShowSentence prints the parse, places and events of -sent:
// go test ./internal/evaluate/events -run TestShowSentence -sent "…" -v
func TestShowSentence(t *testing.T) {
	if *sent == "" {
		t.Skip("run with -sent TEXT")
	}
	p, err := NewPipeline(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	a, err := nlp.New(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range strings.Split(*sent, "|") {
		art, err := p.Process(context.Background(), model.Document{Origin: "x", Title: "Sentence", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("== %s", text)
		for _, s := range a.Annotate(art.Text, segment.Split(art.Text)) {
			for i, tk := range s.Tokens {
				t.Logf("%2d %-14s %-6s %-5s %2d %s", i, tk.Text, tk.UPOS, tk.XPOS, tk.Head, tk.Rel)
			}
		}
		for _, e := range art.Entities {
			t.Logf("entity %q %s actor=%s", e.Text, e.Type, deref(e.Actor))
		}
		for _, pl := range art.Places {
			t.Logf("place %q country=%s", pl.Text, deref(pl.Country))
		}
		for _, e := range art.Events {
			t.Logf("event %s %q %s -> %s %s", e.CAMEO, e.Trigger, code(e.Source), code(e.Target), e.Modality)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// fixedCoder returns the same events for every text.
type fixedCoder []model.Event

func (f fixedCoder) Process(context.Context, model.Document) (*model.Article, error) {
	return &model.Article{Events: f}, nil
}

func TestDumpMissesCauses(t *testing.T) {
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	raw := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	rec := Record{ID: "x", Text: "t", Event: "THREATEN",
		Source: raw([]GoldActor{{Text: "Iran", Code: "IRN", Sector: "GOV"}}), Target: raw([]GoldActor{{Text: "Iraq", Code: "IRQ"}})}
	tests := []struct {
		name             string
		evs              fixedCoder
		wantSrc, wantTgt string // "" for no miss
	}{
		{"no event", nil, CauseNoEvent, CauseNoEvent},
		{"wrong type", fixedCoder{ev("040", "04", "CONSULT", model.Asserted, act("SYRGOV"), nil)}, CauseWrongType, CauseWrongType},
		{"wrong type, right actors", fixedCoder{ev("040", "04", "CONSULT", model.Asserted, act("IRNGOV"), act("IRQ"))}, "", ""},
		{"sector and no target", fixedCoder{ev("138", "13", "THREATEN", model.Asserted, act("IRNMIL"), nil)}, CauseSector, CauseNoActor},
		{"right", fixedCoder{ev("138", "13", "THREATEN", model.Asserted, act("IRNGOV"), act("IRQ"))}, "", ""},
		{"other country", fixedCoder{ev("138", "13", "THREATEN", model.Asserted, act("SYRGOV"), act("IRQ"))}, CauseOther, ""},
	}
	for _, tc := range tests {
		var out strings.Builder
		misses, err := DumpMisses(context.Background(), tc.evs, kb, []Record{rec}, &out)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, m := range misses {
			got[m.Role] = m.Cause
		}
		if got["source"] != tc.wantSrc || got["target"] != tc.wantTgt {
			t.Errorf("%s: causes = %q/%q, want %q/%q\n%s", tc.name, got["source"], got["target"], tc.wantSrc, tc.wantTgt, out.String())
		}
	}
}
