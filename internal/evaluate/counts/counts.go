// Package counts scores vigil's casualty figures against the Gun Violence
// Archive incidents behind the Gun Violence Corpus; see Run.
//
// Each article is read with the real pipeline stages (segment.Split,
// nlp.Annotate, quantities.Find) and quantities.Tally gives its killed and
// injured totals, which are compared with its incident's num_killed and
// num_injured.
//
// An article "states" a killed figure when its title or text has a word
// about deaths (kill, dead, died, death, fatal, slain, murder, homicide,
// ...) and an injured figure when it has a word about injuries (injured,
// wounded, hurt, hospitalized, ...). The test looks only at the article,
// never at our output or the gold figure, so an article that talks about
// deaths counts whether the figure is 0 or 12; an article that never
// mentions injuries is not scored on injuries. Exact-match accuracy is
// reported on those articles (and, for reference, on all articles), and the
// mean absolute error over every stated (article, figure) pair.
//
// The articles are split into two fixed halves by a hash of the incident
// id, so that the articles of one incident stay together: "tune" is the
// half the rules were looked at on, "check" the other. Both are printed;
// the last line is over all articles.
package counts

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/quantities"
	"github.com/vigilhq/vigil/internal/segment"
)

// Doc is one news article of the corpus.
type Doc struct {
	Incident string `json:"incident_id"`
	ID       string `json:"doc_id"`
	Title    string `json:"title"`
	Content  string `json:"content"`
}

// Incident is the gold record of one incident.
type Incident struct {
	ID      string `json:"incident_uri"`
	Killed  int    `json:"num_killed"`
	Injured int    `json:"num_injured"`
}

// Half names the fixed half of the data an incident falls in.
func Half(incident string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(incident))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "check"
}

var (
	deathCue  = regexp.MustCompile(`(?i)\b(kill(s|ed|ing)?|dead|die[sd]?|dying|deaths?|deadly|fatal(ly|ity|ities)?|slain|murder(s|ed)?|homicides?|lost (his|her|their) lives?)\b`)
	injuryCue = regexp.MustCompile(`(?i)\b(injur(y|ies|ed|ing)|wound(s|ed)?|hurt|hospitali[sz]ed|non-?life-threatening|life-threatening)\b`)
)

// StatesKilled reports whether text talks about deaths at all.
func StatesKilled(text string) bool { return deathCue.MatchString(text) }

// StatesInjured reports whether text talks about injuries at all.
func StatesInjured(text string) bool { return injuryCue.MatchString(text) }

// Score is the tally of one group of articles.
type Score struct {
	Articles                        int
	KilledStated, KilledExact       int
	InjuredStated, InjuredExact     int
	KilledAllExact, InjuredAllExact int
	AbsErr                          float64
	Pairs                           int
}

func (s *Score) add(o Score) {
	s.Articles += o.Articles
	s.KilledStated += o.KilledStated
	s.KilledExact += o.KilledExact
	s.InjuredStated += o.InjuredStated
	s.InjuredExact += o.InjuredExact
	s.KilledAllExact += o.KilledAllExact
	s.InjuredAllExact += o.InjuredAllExact
	s.AbsErr += o.AbsErr
	s.Pairs += o.Pairs
}

// ScoreArticle scores one article's figures against its incident.
func ScoreArticle(text string, got quantities.Casualties, gold Incident) Score {
	s := Score{Articles: 1}
	if got.Killed == gold.Killed {
		s.KilledAllExact = 1
	}
	if got.Injured == gold.Injured {
		s.InjuredAllExact = 1
	}
	if StatesKilled(text) {
		s.KilledStated = 1
		s.KilledExact = s.KilledAllExact
		s.AbsErr += absInt(got.Killed - gold.Killed)
		s.Pairs++
	}
	if StatesInjured(text) {
		s.InjuredStated = 1
		s.InjuredExact = s.InjuredAllExact
		s.AbsErr += absInt(got.Injured - gold.Injured)
		s.Pairs++
	}
	return s
}

func absInt(n int) float64 {
	if n < 0 {
		return float64(-n)
	}
	return float64(n)
}

// Load reads docs.jsonl and incidents.jsonl from dir.
func Load(dir string) ([]Doc, map[string]Incident, error) {
	var docs []Doc
	if err := readJSONL(filepath.Join(dir, "docs.jsonl"), func(b []byte) error {
		var d Doc
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	inc := map[string]Incident{}
	if err := readJSONL(filepath.Join(dir, "incidents.jsonl"), func(b []byte) error {
		var i Incident
		if err := json.Unmarshal(b, &i); err != nil {
			return err
		}
		inc[i.ID] = i
		return nil
	}); err != nil {
		return nil, nil, err
	}
	return docs, inc, nil
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval counts: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("eval counts: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eval counts: read %s: %w", path, err)
	}
	return nil
}

// ArticleText is the text scored for a document: its title, then its body.
func ArticleText(d Doc) string {
	t := strings.TrimSpace(d.Title)
	if t == "" {
		return d.Content
	}
	return t + "\n\n" + d.Content
}

// Run scores the gold data in dir and prints a table to w whose last line
// is "counts: killed_exact=… injured_exact=… mae=…".
func Run(ctx context.Context, dir string, log *slog.Logger, w io.Writer) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	docs, inc, err := Load(dir)
	if err != nil {
		return err
	}
	an, err := nlp.New(log)
	if err != nil {
		return fmt.Errorf("eval counts: %w", err)
	}
	halves := map[string]*Score{"tune": {}, "check": {}}
	skipped := 0
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("eval counts: %w", err)
		}
		gold, ok := inc[d.Incident]
		if !ok {
			skipped++
			continue
		}
		text := ArticleText(d)
		sents := an.Annotate(text, segment.Split(text))
		got := quantities.Tally(sents, quantities.Find(text, sents))
		s := ScoreArticle(text, got, gold)
		halves[Half(d.Incident)].add(s)
		if got.Killed != gold.Killed || got.Injured != gold.Injured {
			log.Debug("mismatch", "half", Half(d.Incident), "doc", d.ID, "incident", d.Incident,
				"killed", got.Killed, "gold_killed", gold.Killed, "injured", got.Injured, "gold_injured", gold.Injured,
				"stated_killed", s.KilledStated == 1, "stated_injured", s.InjuredStated == 1)
		}
		if (i+1)%500 == 0 {
			log.Info("progress", "docs", i+1, "of", len(docs))
		}
	}
	if skipped > 0 {
		log.Warn("articles without an incident record skipped", "n", skipped)
	}
	var all Score
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "half\tarticles\tkilled stated\tkilled exact\tinjured stated\tinjured exact\tkilled exact (all)\tinjured exact (all)\tmae\t")
	for _, h := range []string{"tune", "check"} {
		s := *halves[h]
		all.add(s)
		printRow(tw, h, s)
	}
	printRow(tw, "all", all)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval counts: %w", err)
	}
	_, err = fmt.Fprintf(w, "counts: killed_exact=%.3f injured_exact=%.3f mae=%.3f\n",
		metric.Ratio(all.KilledExact, all.KilledStated), metric.Ratio(all.InjuredExact, all.InjuredStated), mae(all))
	if err != nil {
		return fmt.Errorf("eval counts: %w", err)
	}
	return nil
}

func mae(s Score) float64 {
	if s.Pairs == 0 {
		return 0
	}
	return s.AbsErr / float64(s.Pairs)
}

func printRow(w io.Writer, name string, s Score) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t\n", name, s.Articles,
		s.KilledStated, f3(metric.Ratio(s.KilledExact, s.KilledStated)),
		s.InjuredStated, f3(metric.Ratio(s.InjuredExact, s.InjuredStated)),
		f3(metric.Ratio(s.KilledAllExact, s.Articles)), f3(metric.Ratio(s.InjuredAllExact, s.Articles)), f3(mae(s)))
}

func f3(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
