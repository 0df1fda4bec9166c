// Package events scores vigil's event coder against gold data; see Run.
//
// The main suite is the PLOVER gold standard records (one coded sentence
// each, PLOVER 0.5b1 type names). Beside it, when the folders are present,
// it reports the CAMEO class of whole sentences on the ConfliBERT
// cameo_class test set and macro F1 on CASE 2021 task 2 (ACLED sub-event
// types), each through a mapping from our CAMEO codes written down in
// docs/EVENTS.md.
package events

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/events"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/pipeline"
	"github.com/vigilhq/vigil/internal/places"
)

// Record is one PLOVER gold record; fields we do not score are left out.
type Record struct {
	ID     string          `json:"id"`
	Text   string          `json:"text"`
	Event  string          `json:"event"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// GoldActor is one gold source or target.
type GoldActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// actorList decodes a gold source or target: a list of actors, or null, ""
// or a bare word (none). ok is false for a missing actor.
func actorList(raw json.RawMessage) ([]GoldActor, bool) {
	var as []GoldActor
	if len(raw) == 0 || json.Unmarshal(raw, &as) != nil || len(as) == 0 {
		return nil, false
	}
	return as, true
}

// Coder is what the suite runs: text in, article out.
type Coder interface {
	Process(ctx context.Context, doc model.Document) (*model.Article, error)
}

// NewPipeline builds the real pipeline the scores are taken on.
func NewPipeline(log *slog.Logger) (*pipeline.Pipeline, error) {
	a, err := nlp.New(log)
	if err != nil {
		return nil, fmt.Errorf("load language models: %w", err)
	}
	kb, err := actors.Load()
	if err != nil {
		return nil, fmt.Errorf("load actor data: %w", err)
	}
	ev, err := events.New(kb)
	if err != nil {
		return nil, fmt.Errorf("load event coder: %w", err)
	}
	cfg := pipeline.Config{NLP: a, Coref: coref.New(kb), Events: ev}
	// places as the extract command has them, when a gazetteer index is
	// installed: events use them for locations and unknown towns
	if path, err := gazetteer.Locate(); err == nil {
		idx, err := gazetteer.Load(path)
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
		if cfg.Places, err = places.New(idx, kb); err != nil {
			return nil, fmt.Errorf("load place resolver: %w", err)
		}
	} else {
		log.Info("eval events without places", "err", err)
	}
	return pipeline.New(log, cfg), nil
}

// Run scores the gold data in dir and prints a table to w whose last line
// is "events: metric=value …".
func Run(ctx context.Context, dir string, log *slog.Logger, w io.Writer) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	recs, err := LoadRecords(dir)
	if err != nil {
		return err
	}
	p, err := NewPipeline(log)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	s, err := ScorePLOVER(ctx, p, recs, w)
	if err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if cb := filepath.Join(parent, "events-conflibert", "data", "cameo_class", "test.tsv"); exists(cb) {
		if err := RunConfliBERT(ctx, p, cb, w); err != nil {
			return err
		}
	}
	if cs := filepath.Join(parent, "events-case2021", "task2", "test_dataset", "test_set_final_release_with_labels.tsv"); exists(cs) {
		if err := RunCASE(ctx, p, cs, w); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "events: type_acc=%.3f source_acc=%.3f target_acc=%.3f extra_per_sentence=%.3f records=%d\n",
		s.TypeAcc(), s.SourceAcc(), s.TargetAcc(), s.ExtraPerSentence(), s.Records)
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// LoadRecords reads every *.json in dir: a list of records or one record.
func LoadRecords(dir string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("eval events: list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval events: no *.json files in %s", dir)
	}
	sort.Strings(files)
	var out []Record
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval events: read %s: %w", f, err)
		}
		var list []Record
		if err := json.Unmarshal(data, &list); err != nil {
			var one Record
			if err2 := json.Unmarshal(data, &one); err2 != nil {
				return nil, fmt.Errorf("eval events: parse %s: %w", f, err)
			}
			list = []Record{one}
		}
		for _, r := range list {
			if strings.TrimSpace(r.Text) != "" && r.Event != "" {
				out = append(out, r)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval events: no gold records in %s", dir)
	}
	return out, nil
}

// Scores are the PLOVER figures.
type Scores struct {
	Records                int
	TypeOK                 int
	SourceOK, SourceN      int
	TargetOK, TargetN      int
	Extra, ExtraAll        int
	NoEvent                int
	ConfusionByGold        map[string]map[string]int
	perTypeOK, perTypeSeen map[string]int
}

// TypeAcc is the share of records with an event of the gold type.
func (s Scores) TypeAcc() float64 { return metric.Ratio(s.TypeOK, s.Records) }

// SourceAcc is the share of records whose gold sources all came out.
func (s Scores) SourceAcc() float64 { return metric.Ratio(s.SourceOK, s.SourceN) }

// TargetAcc is the share of records with gold targets whose targets all came out.
func (s Scores) TargetAcc() float64 { return metric.Ratio(s.TargetOK, s.TargetN) }

// ExtraPerSentence is the mean number of asserted or reported events per
// record that the gold does not have.
func (s Scores) ExtraPerSentence() float64 { return metric.Ratio(s.Extra, s.Records) }

// ScorePLOVER runs every record through p and scores it.
func ScorePLOVER(ctx context.Context, p Coder, recs []Record, w io.Writer) (Scores, error) {
	s := Scores{ConfusionByGold: map[string]map[string]int{}, perTypeOK: map[string]int{}, perTypeSeen: map[string]int{}}
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return s, fmt.Errorf("eval events: %w", err)
		}
		art, err := p.Process(ctx, model.Document{Origin: r.ID, Title: "Gold record", Text: r.Text})
		var evs []model.Event
		if err == nil {
			evs = art.Events
		}
		s.score(r, evs)
	}
	types := make([]string, 0, len(s.perTypeSeen))
	for t := range s.perTypeSeen {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "%-12s %5s %5s  %s\n", "gold type", "n", "acc", "our types")
	for _, t := range types {
		var conf []string
		for o, n := range s.ConfusionByGold[t] {
			conf = append(conf, fmt.Sprintf("%s:%d", o, n))
		}
		sort.Strings(conf)
		fmt.Fprintf(w, "%-12s %5d %5.2f  %s\n", t, s.perTypeSeen[t], metric.Ratio(s.perTypeOK[t], s.perTypeSeen[t]), strings.Join(conf, " "))
	}
	fmt.Fprintf(w, "plover: records=%d no_event=%d extra_all_modalities_per_sentence=%.3f\n", s.Records, s.NoEvent, metric.Ratio(s.ExtraAll, s.Records))
	return s, nil
}

// counted reports whether an event feeds counts (asserted or reported).
func counted(e model.Event) bool {
	return e.Modality == model.Asserted || e.Modality == model.Reported
}

func (s *Scores) score(r Record, evs []model.Event) {
	s.Records++
	s.perTypeSeen[r.Event]++
	if s.ConfusionByGold[r.Event] == nil {
		s.ConfusionByGold[r.Event] = map[string]int{}
	}
	if len(evs) == 0 {
		s.NoEvent++
		s.ConfusionByGold[r.Event]["none"]++
	}
	var typed []model.Event
	for _, e := range evs {
		if GSRType(e.CAMEO, e.Plover.Type) == r.Event {
			typed = append(typed, e)
		}
	}
	if len(evs) > 0 {
		if len(typed) > 0 {
			s.ConfusionByGold[r.Event][r.Event]++
		} else {
			s.ConfusionByGold[r.Event][GSRType(evs[0].CAMEO, evs[0].Plover.Type)]++
		}
	}
	chosen := typed
	if len(typed) > 0 {
		s.TypeOK++
		s.perTypeOK[r.Event]++
	} else {
		chosen = evs
	}
	srcs, hasSrc := actorList(r.Source)
	tgts, hasTgt := actorList(r.Target)
	// source
	s.SourceN++
	if hasSrc {
		if allFound(srcs, chosen, func(e model.Event) *model.Actor { return e.Source }) {
			s.SourceOK++
		}
	} else {
		for _, e := range chosen {
			if e.Source == nil {
				s.SourceOK++
				break
			}
		}
	}
	if hasTgt {
		s.TargetN++
		if allFound(tgts, chosen, func(e model.Event) *model.Actor { return e.Target }) {
			s.TargetOK++
		}
	}
	// extras: events of another type, and events of the gold type beyond
	// one per gold (source, target) pair
	expected := max(1, len(srcs)) * max(1, len(tgts))
	nTyped, nTypedAll := 0, 0
	for _, e := range evs {
		same := GSRType(e.CAMEO, e.Plover.Type) == r.Event
		if same {
			nTypedAll++
		} else {
			s.ExtraAll++
		}
		if !counted(e) {
			continue
		}
		if same {
			nTyped++
		} else {
			s.Extra++
		}
	}
	s.Extra += max(0, nTyped-expected)
	s.ExtraAll += max(0, nTypedAll-expected)
}

func allFound(gold []GoldActor, evs []model.Event, get func(model.Event) *model.Actor) bool {
	for _, g := range gold {
		ok := false
		for _, e := range evs {
			if ActorMatches(g, get(e)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// goldCountry fixes the non-ISO country codes the gold file uses.
var goldCountry = map[string]string{"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}

// ActorMatches compares a gold actor with ours on country (or
// international code) plus sector, when the gold gives a sector.
func ActorMatches(g GoldActor, a *model.Actor) bool {
	if a == nil || a.Actor == nil || *a.Actor == "" {
		return false
	}
	code := strings.ToUpper(strings.TrimSpace(g.Code))
	if c, ok := goldCountry[code]; ok {
		code = c
	}
	first, roles := actors.Split(*a.Actor)
	if len(code) < 3 || first != code[:3] {
		return false
	}
	sec := strings.TrimSpace(g.Sector)
	if len(sec) < 3 || sec[:3] == "***" {
		return true
	}
	sec = strings.ToUpper(sec[:3])
	for _, r := range roles {
		if r == sec {
			return true
		}
	}
	return false
}

// GSRType maps our CAMEO code to the PLOVER 0.5b1 type names the gold
// records use (docs/EVENTS.md): by root, with root 08 split as the
// PLOVER crosswalk does between CONCEDE and RETREAT.
func GSRType(cameo, plover string) string {
	if len(cameo) < 2 {
		return ""
	}
	switch cameo[:2] {
	case "02", "10":
		return "DEMAND"
	case "03":
		return "AGREE"
	case "04":
		return "CONSULT"
	case "05":
		return "SUPPORT"
	case "06":
		return "COOPERATE"
	case "07":
		return "AID"
	case "08":
		return plover
	case "09":
		return "INVESTIGATE"
	case "11":
		return "DISAPPROVE"
	case "12":
		return "REJECT"
	case "13":
		return "THREATEN"
	case "14":
		return "PROTEST"
	case "15":
		return "MOBILIZE"
	case "16":
		return "SANCTION"
	case "17":
		return "COERCE"
	case "18":
		return "ASSAULT"
	case "19", "20":
		return "FIGHT"
	}
	return ""
}
