package events

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/model"
)

// mainEvent is the event that stands for a whole snippet: the first
// asserted or reported one (events come governor first).
func mainEvent(evs []model.Event) (model.Event, bool) {
	for _, e := range evs {
		if counted(e) {
			return e, true
		}
	}
	return model.Event{}, false
}

// PhoenixClass is the 0-4 class of the ConfliBERT cameo_class labels
// (the Phoenix pipeline's quad classes): 0 statements and appeals (01-02),
// 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13 and 16), 4 material conflict (14-15, 17-20).
func PhoenixClass(root string) int {
	switch {
	case root == "01" || root == "02" || root == "":
		return 0
	case root <= "05":
		return 1
	case root <= "08":
		return 2
	case root <= "13" || root == "16":
		return 3
	}
	return 4
}

// readTSV reads "text<TAB>label" lines (a header line is skipped when
// skipHeader is set; an id column first when idCol).
func readTSV(path string, idCol, skipHeader bool) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval events: open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out [][2]string
	for n := 0; sc.Scan(); n++ {
		if n == 0 && skipHeader {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if idCol {
			if len(fs) < 3 {
				continue
			}
			fs = fs[1:]
		}
		if len(fs) < 2 {
			continue
		}
		out = append(out, [2]string{strings.TrimSpace(fs[0]), strings.TrimSpace(fs[len(fs)-1])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval events: read %s: %w", path, err)
	}
	return out, nil
}

// RunConfliBERT scores the class of each sentence of the ConfliBERT
// cameo_class file at path and prints one line.
func RunConfliBERT(ctx context.Context, p Coder, path string, w io.Writer) error {
	rows, err := readTSV(path, false, false)
	if err != nil {
		return err
	}
	var gold, pred []string
	rootOK := 0
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		art, err := p.Process(ctx, model.Document{Origin: fmt.Sprintf("conflibert:%d", i+1), Title: "Gold record", Text: r[0]})
		cls := 0
		if err == nil {
			if e, ok := mainEvent(art.Events); ok {
				cls = PhoenixClass(e.Root)
			}
		}
		gold = append(gold, r[1])
		pred = append(pred, fmt.Sprint(cls))
		if fmt.Sprint(cls) == r[1] {
			rootOK++
		}
	}
	f1 := macroF1(gold, pred)
	fmt.Fprintf(w, "conflibert: class_acc=%.3f class_macro_f1=%.3f sentences=%d\n", metric.Ratio(rootOK, len(rows)), f1, len(rows))
	return nil
}

// CASEType maps an event to a CASE 2021 task 2 type (ACLED sub-event
// types plus the task's extra types); see docs/EVENTS.md. words are the
// snippet's lower-case words, used only to pick the weapon of an attack.
func CASEType(e model.Event, words map[string]bool) string {
	code := e.CAMEO
	root := e.Root
	srcRoles := ""
	if e.Source != nil && e.Source.Actor != nil {
		srcRoles = *e.Source.Actor
	}
	state := strings.Contains(srcRoles, "GOV") || strings.Contains(srcRoles, "MIL") || strings.Contains(srcRoles, "COP")
	switch {
	case words["grenade"] || words["grenades"]:
		if root >= "18" {
			return "GRENADE"
		}
	case words["suicide"]:
		if root >= "18" {
			return "SUIC_BOMB"
		}
	case words["ied"] || words["landmine"] || words["mine"] || words["roadside"] || words["explosive"]:
		if root >= "18" {
			return "REM_EXPLOS"
		}
	case words["chemical"] || words["gas"] && words["attack"]:
		if root >= "18" {
			return "CHEM_WEAP"
		}
	}
	switch {
	case code == "145" || strings.HasPrefix(code, "145"):
		return "VIOL_DEMONSTR"
	case root == "14":
		return "PEACE_PROTEST"
	case code == "195":
		return "AIR_STRIKE"
	case code == "194":
		return "ART_MISS_ATTACK"
	case code == "183" || strings.HasPrefix(code, "183"):
		return "REM_EXPLOS"
	case strings.HasPrefix(code, "181"):
		return "ABDUCT_DISSAP"
	case code == "1821":
		return "SEX_VIOL"
	case code == "192":
		if state {
			return "GOV_REGAINS_TERIT"
		}
		return "NON_STATE_ACTOR_OVERTAKES_TER"
	case code == "204" || code == "2041":
		return "CHEM_WEAP"
	case root == "20":
		return "MOB_VIOL"
	case root == "18":
		return "ATTACK"
	case root == "19":
		return "ARMED_CLASH"
	case code == "173":
		return "ARREST"
	case strings.HasPrefix(code, "171"):
		return "PROPERTY_DISTRUCT"
	case root == "15":
		return "CHANGE_TO_GROUP_ACT"
	case root == "03" || code == "057" || strings.HasPrefix(code, "08"):
		return "AGREEMENT"
	case root == "04" || root == "05" || root == "02" || root == "10" || root == "11" || root == "12" || root == "13" || root == "16":
		return "DIPLO"
	case root == "17":
		return "ARREST"
	}
	return "OTHER"
}

// RunCASE scores CASE 2021 task 2 (id, snippet, type) at path and prints
// one line with macro F1 over the gold types.
func RunCASE(ctx context.Context, p Coder, path string, w io.Writer) error {
	rows, err := readTSV(path, true, true)
	if err != nil {
		return err
	}
	var gold, pred []string
	ok := 0
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		typ := "OTHER"
		art, err := p.Process(ctx, model.Document{Origin: fmt.Sprintf("case2021:%d", i+1), Title: "Gold record", Text: r[0]})
		if err == nil {
			if e, found := mainEvent(art.Events); found {
				words := map[string]bool{}
				for _, f := range strings.FieldsFunc(strings.ToLower(r[0]), func(c rune) bool { return !(c >= 'a' && c <= 'z') }) {
					words[f] = true
				}
				typ = CASEType(e, words)
			}
		}
		gold = append(gold, r[1])
		pred = append(pred, typ)
		if typ == r[1] {
			ok++
		}
	}
	fmt.Fprintf(w, "case2021_task2: macro_f1=%.3f accuracy=%.3f snippets=%d\n", macroF1(gold, pred), metric.Ratio(ok, len(rows)), len(rows))
	return nil
}

// macroF1 is the mean F1 over the gold labels.
func macroF1(gold, pred []string) float64 {
	labels := map[string]bool{}
	for _, g := range gold {
		labels[g] = true
	}
	names := make([]string, 0, len(labels))
	for l := range labels {
		names = append(names, l)
	}
	sort.Strings(names)
	sum := 0.0
	for _, l := range names {
		tp, fp, fn := 0, 0, 0
		for i := range gold {
			switch {
			case gold[i] == l && pred[i] == l:
				tp++
			case pred[i] == l:
				fp++
			case gold[i] == l:
				fn++
			}
		}
		if tp == 0 {
			continue
		}
		pr, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
		sum += 2 * pr * rc / (pr + rc)
	}
	if len(names) == 0 {
		return 0
	}
	return sum / float64(len(names))
}
