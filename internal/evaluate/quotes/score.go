package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/evaluate/metric"
	vq "github.com/vigilhq/vigil/internal/quotes"
)

// Counts accumulates the figures of one or more articles.
//
// Matching: gold attributions and ours are compared by their content words
// (runs of letters and digits; punctuation and quote marks do not count).
// Our quotes that share one cue token form one attribution (a quote and
// its continuation paragraphs, or a partial quote inside the reported
// clause it belongs to), as PolNeAR annotates them. Pairs are matched one
// to one, greedily by the number of shared content words (at least one).
// A gold attribution left unmatched is a miss; one of ours left unmatched
// is a false alarm.
type Counts struct {
	Gold, Pred, Matched int // attributions
	// Content words: shared by matched pairs, in matched gold, in matched
	// ours, in all gold, in all ours.
	Overlap, MatchedGoldWords, MatchedPredWords, GoldWords, PredWords int
	// Speaker: matched pairs whose gold has a source, and those where our
	// speaker span overlaps it.
	SpeakerN, SpeakerOK int
	// Cue: matched pairs, and those where our cue overlaps the gold cue.
	CueN, CueOK int
	// Gold attributions whose content holds a quote mark, and how many
	// of them were matched.
	GoldQuoted, MatchedQuoted int
	Words                     int // words of text processed
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Matched += o.Matched
	c.Overlap += o.Overlap
	c.MatchedGoldWords += o.MatchedGoldWords
	c.MatchedPredWords += o.MatchedPredWords
	c.GoldWords += o.GoldWords
	c.PredWords += o.PredWords
	c.SpeakerN += o.SpeakerN
	c.SpeakerOK += o.SpeakerOK
	c.CueN += o.CueN
	c.CueOK += o.CueOK
	c.GoldQuoted += o.GoldQuoted
	c.MatchedQuoted += o.MatchedQuoted
	c.Words += o.Words
}

// ContentF1 is the word-overlap F1 of the content spans of matched pairs.
func (c Counts) ContentF1() float64 {
	return metric.F1(metric.Ratio(c.Overlap, c.MatchedPredWords), metric.Ratio(c.Overlap, c.MatchedGoldWords))
}

// StrictF1 is the word-overlap F1 over all content words, with the words
// of misses and false alarms counted.
func (c Counts) StrictF1() float64 {
	return metric.F1(metric.Ratio(c.Overlap, c.PredWords), metric.Ratio(c.Overlap, c.GoldWords))
}

// Recall is the share of gold attributions matched; Precision the share of
// ours matched.
func (c Counts) Recall() float64    { return metric.Ratio(c.Matched, c.Gold) }
func (c Counts) Precision() float64 { return metric.Ratio(c.Matched, c.Pred) }

// QuotedRecall is the share of gold attributions with a quote mark in
// their content that were matched.
func (c Counts) QuotedRecall() float64 { return metric.Ratio(c.MatchedQuoted, c.GoldQuoted) }

// SpeakerAcc and CueAcc are accuracies over matched pairs.
func (c Counts) SpeakerAcc() float64 { return metric.Ratio(c.SpeakerOK, c.SpeakerN) }
func (c Counts) CueAcc() float64     { return metric.Ratio(c.CueOK, c.CueN) }

// pred is one of our attributions: quotes grouped by cue.
type pred struct {
	words   map[int]bool
	speaker []Span
	cue     []Span
}

// Score compares our quotes with the gold attributions of one article.
func Score(text string, gold []Attribution, found []vq.Found) Counts {
	words := wordSpans(text)
	var c Counts
	c.Words = len(words)
	preds := groupPreds(words, found)
	goldWords := make([]map[int]bool, len(gold))
	byWord := map[int][]int{}
	for gi, g := range gold {
		goldWords[gi] = wordsIn(words, g.Content)
		for w := range goldWords[gi] {
			byWord[w] = append(byWord[w], gi)
		}
		c.GoldWords += len(goldWords[gi])
		if hasQuoteMark(text, g.Content) {
			c.GoldQuoted++
		}
	}
	type pair struct{ g, p, n int }
	var pairs []pair
	for pi, p := range preds {
		c.PredWords += len(p.words)
		n := map[int]int{}
		for w := range p.words {
			for _, gi := range byWord[w] {
				n[gi]++
			}
		}
		for gi, k := range n {
			pairs = append(pairs, pair{gi, pi, k})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].n != pairs[j].n {
			return pairs[i].n > pairs[j].n
		}
		if pairs[i].g != pairs[j].g {
			return pairs[i].g < pairs[j].g
		}
		return pairs[i].p < pairs[j].p
	})
	c.Gold, c.Pred = len(gold), len(preds)
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if usedG[pr.g] || usedP[pr.p] {
			continue
		}
		usedG[pr.g], usedP[pr.p] = true, true
		c.Matched++
		c.Overlap += pr.n
		c.MatchedGoldWords += len(goldWords[pr.g])
		c.MatchedPredWords += len(preds[pr.p].words)
		g, p := gold[pr.g], preds[pr.p]
		if hasQuoteMark(text, g.Content) {
			c.MatchedQuoted++
		}
		if len(g.Source) > 0 {
			c.SpeakerN++
			if spansOverlap(g.Source, p.speaker) {
				c.SpeakerOK++
			}
		}
		c.CueN++
		if spansOverlap(g.Cue, p.cue) {
			c.CueOK++
		}
	}
	return c
}

// groupPreds joins our quotes that share a cue into one attribution.
func groupPreds(words []Span, found []vq.Found) []pred {
	var out []pred
	byCue := map[[2]int]int{}
	for _, f := range found {
		var spans []Span
		for _, p := range f.Pieces {
			spans = append(spans, Span{p.Start, p.End})
		}
		if len(spans) == 0 {
			spans = []Span{{f.Start, f.End}}
		}
		ws := wordsIn(words, spans)
		var spk []Span
		if f.HasSpeaker {
			spk = []Span{{f.SpeakerSpan.Start, f.SpeakerSpan.End}}
		}
		var cue []Span
		if f.HasCue {
			cue = []Span{{f.Cue.Start, f.Cue.End}}
			key := [2]int{f.Cue.Start, f.Cue.End}
			if i, ok := byCue[key]; ok {
				for w := range ws {
					out[i].words[w] = true
				}
				continue
			}
			byCue[key] = len(out)
		}
		out = append(out, pred{words: ws, speaker: spk, cue: cue})
	}
	return out
}

func hasQuoteMark(text string, spans []Span) bool {
	for _, s := range spans {
		if strings.ContainsAny(text[s.Start:s.End], "\"“”«»") || strings.Contains(text[s.Start:s.End], "''") {
			return true
		}
	}
	return false
}

func spansOverlap(a, b []Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// wordSpans returns the words of text: runs of letters and digits.
func wordSpans(text string) []Span {
	var out []Span
	in := false
	for i, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && !in:
			out = append(out, Span{i, i + utf8.RuneLen(r)})
		case w:
			out[len(out)-1].End = i + utf8.RuneLen(r)
		}
		in = w
	}
	return out
}

// wordsIn returns the indexes of the words that overlap the spans.
func wordsIn(words []Span, spans []Span) map[int]bool {
	out := map[int]bool{}
	for _, s := range spans {
		i := sort.Search(len(words), func(i int) bool { return words[i].End > s.Start })
		for ; i < len(words) && words[i].Start < s.End; i++ {
			out[i] = true
		}
	}
	return out
}
