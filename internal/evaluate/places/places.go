// Package places scores vigil's place resolution against the geoparsing
// corpora in the LGL layout (LGL, TR-News, GeoVirus); see Run.
//
// How gold toponyms meet ours: a gold toponym is matched by the place we
// found whose byte span overlaps it most (ties: the first). Only gold
// toponyms with coordinates are scored. A gold toponym we did not find, or
// found but could not resolve, is a miss: it counts as wrong for acc161
// and exact, and it is left out of the median error, which is taken over
// the matched toponyms only. Gold toponyms that are demonyms ("Russian",
// "American") are scored apart: vigil's contract says a demonym is not a
// place, so the headline figures leave them out, and the table also shows
// acc161 with them counted as misses.
package places

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/coref"
	"github.com/vigilhq/vigil/internal/evaluate/metric"
	"github.com/vigilhq/vigil/internal/gazetteer"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/places"
	"github.com/vigilhq/vigil/internal/segment"
)

// Km161 is the accuracy radius: 100 miles.
const Km161 = 161.0

// missKm is the error recorded for a miss in the per-toponym list.
const missKm = -1

// Counts are the figures of one corpus.
type Counts struct {
	Toponyms  int       // scored gold toponyms (with coordinates, demonyms apart)
	Found     int       // of which we matched with a resolved place
	Within161 int       // of which within 161 km
	WithID    int       // scored toponyms with a GeoNames id
	Exact     int       // of which we gave the same id
	Errors    []float64 // km, matched toponyms
	Demonyms  int       // gold demonym toponyms (not scored above)
	DemFound  int       // of which we matched within 161 km
	Articles  int
}

// Acc161 is the share of scored toponyms resolved within 161 km; misses
// count as wrong.
func (c Counts) Acc161() float64 { return metric.Ratio(c.Within161, c.Toponyms) }

// Acc161All is Acc161 with the demonyms counted as toponyms.
func (c Counts) Acc161All() float64 {
	return metric.Ratio(c.Within161+c.DemFound, c.Toponyms+c.Demonyms)
}

// ExactShare is the share of toponyms with a gold id given that id.
func (c Counts) ExactShare() float64 { return metric.Ratio(c.Exact, c.WithID) }

// MedianKm is the median error of the matched toponyms.
func (c Counts) MedianKm() float64 {
	if len(c.Errors) == 0 {
		return 0
	}
	e := append([]float64(nil), c.Errors...)
	sort.Float64s(e)
	if len(e)%2 == 1 {
		return e[len(e)/2]
	}
	return (e[len(e)/2-1] + e[len(e)/2]) / 2
}

// System is what the suite runs: the NLP models, coreference and the place
// resolver.
type System struct {
	NLP    *nlp.Annotator
	Coref  *coref.Resolver
	Places *places.Resolver
	KB     *actors.KB
}

// Run scores every data/Corpora/*.xml below dir and prints a table to w
// whose last line is "places: acc161=… exact=… median_km=… toponyms=…" for
// LGL (lgl.xml), or for all corpora together when LGL is absent.
func Run(ctx context.Context, dir string, log *slog.Logger, w io.Writer) error {
	files, err := filepath.Glob(filepath.Join(dir, "data", "Corpora", "*.xml"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("eval places: no data/Corpora/*.xml below %s", dir)
	}
	sort.Strings(files)
	path, err := gazetteer.Locate()
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	idx, err := gazetteer.Load(path)
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	kb, err := actors.Load()
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	a, err := nlp.New(log)
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	res, err := places.New(idx, kb)
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	sys := System{NLP: a, Coref: coref.New(kb), Places: res, KB: kb}
	results := map[string]Counts{}
	var names []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		docs, dropped, err := ReadCorpusFile(f)
		if err != nil {
			return fmt.Errorf("eval places %s: %w", name, err)
		}
		if dropped > 0 {
			log.Warn("gold toponyms whose span does not hold their phrase were dropped", "corpus", name, "dropped", dropped)
		}
		start := time.Now()
		c, err := sys.Score(ctx, docs)
		if err != nil {
			return fmt.Errorf("eval places %s: %w", name, err)
		}
		log.Info("scored", "corpus", name, "articles", len(docs), "elapsed", time.Since(start).Round(time.Millisecond))
		results[name] = c
		names = append(names, name)
	}
	return Print(w, names, results)
}

// Print writes the table and the last line.
func Print(w io.Writer, names []string, results map[string]Counts) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "corpus\tarticles\ttoponyms\tfound\twithin_161\tacc161\texact\tmedian_km\tdemonyms\tacc161_with_demonyms\t")
	var all Counts
	for _, n := range names {
		c := results[n]
		exact := "-" // the corpus gives no GeoNames ids
		if c.WithID > 0 {
			exact = fmt.Sprintf("%.3f", c.ExactShare())
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%d\t%.3f\t%s\t%.1f\t%d\t%.3f\t\n", n, c.Articles, c.Toponyms,
			metric.Ratio(c.Found, c.Toponyms), c.Within161, c.Acc161(), exact, c.MedianKm(), c.Demonyms, c.Acc161All())
		all.Articles += c.Articles
		all.Toponyms += c.Toponyms
		all.Found += c.Found
		all.Within161 += c.Within161
		all.WithID += c.WithID
		all.Exact += c.Exact
		all.Errors = append(all.Errors, c.Errors...)
		all.Demonyms += c.Demonyms
		all.DemFound += c.DemFound
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	head, ok := results["lgl"]
	label := "lgl"
	if !ok {
		head, label = all, "all"
	}
	fmt.Fprintf(w, "acc161 counts a missed toponym as wrong; median_km is over matched toponyms; the last line is %s\n", label)
	_, err := fmt.Fprintf(w, "places: acc161=%.3f exact=%.3f median_km=%.1f toponyms=%d\n",
		head.Acc161(), head.ExactShare(), head.MedianKm(), head.Toponyms)
	return err
}

// Score runs the system on docs and scores what it finds.
func (s System) Score(ctx context.Context, docs []Doc) (Counts, error) {
	if s.NLP == nil || s.Places == nil {
		return Counts{}, errors.New("score places: system not loaded")
	}
	found := make([][]places.Found, len(docs))
	workers := min(2, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				found[i] = s.Find(docs[i].Text)
			}
		}()
	}
	var err error
	for i := range docs {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err != nil {
		return Counts{}, fmt.Errorf("score places: %w", err)
	}
	var c Counts
	for i, d := range docs {
		c.Articles++
		c.add(d, found[i], s.KB)
	}
	return c, nil
}

// Find runs the pipeline's stages up to places on one text, keeping the
// text's offsets.
func (s System) Find(text string) []places.Found {
	spans := segment.Split(text)
	sents := s.NLP.Annotate(text, spans)
	ents := ner.Entities(text, sents)
	if s.Coref != nil {
		s.Coref.Resolve(text, sents, ents, time.Time{})
	}
	return s.Places.Find(text, sents, ents)
}

// add scores one document's places against its gold toponyms.
func (c *Counts) add(d Doc, found []places.Found, kb *actors.KB) {
	for _, t := range d.Toponyms {
		if !t.HasCoord {
			continue
		}
		demonym := false
		if kb != nil {
			_, demonym = kb.Demonym(t.Phrase)
		}
		best, bestOv := -1, 0
		for i, f := range found {
			ov := min(f.End, t.End) - max(f.Start, t.Start)
			if ov > bestOv {
				best, bestOv = i, ov
			}
		}
		km := float64(missKm)
		if best >= 0 {
			km = places.Distance(t.Lat, t.Lon, found[best].Lat, found[best].Lon)
		}
		if demonym {
			c.Demonyms++
			if best >= 0 && km <= Km161 {
				c.DemFound++
			}
			continue
		}
		c.Toponyms++
		if t.GeonameID != 0 {
			c.WithID++
		}
		if best < 0 {
			continue
		}
		c.Found++
		c.Errors = append(c.Errors, km)
		if km <= Km161 {
			c.Within161++
		}
		if t.GeonameID != 0 && found[best].GeonameID != nil && *found[best].GeonameID == t.GeonameID {
			c.Exact++
		}
	}
}
