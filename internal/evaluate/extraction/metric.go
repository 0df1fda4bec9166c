// Package extraction scores article-body extraction against gold data sets:
// the scrapinghub article-extraction-benchmark and L3S GoogleNews.
//
// The metric is the scrapinghub benchmark's own, reimplemented here: texts
// are split into word tokens (runs of Unicode letters, digits and "_"), each
// text becomes the multiset of its 4-token shingles, and per document the
// shingle true positives, false positives and false negatives are counted
// and normalised to sum to one. Precision is the mean of per-document
// precision over documents that predicted something, recall the mean of
// per-document recall over documents with gold text, and F1 the harmonic mean
// of those two means. Accuracy is the share of documents whose token
// sequence equals the gold one.
package extraction

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the number of tokens in one shingle.
const ShingleSize = 4

// Counts are one document's shingle true positives, false positives and
// false negatives, normalised so that they sum to 1 (or all 0 when both
// texts are empty).
type Counts struct {
	TP, FP, FN float64
}

// Tokens splits text into word tokens: maximal runs of letters, numbers and
// underscores, as Python's re `\w+` does on str.
func Tokens(text string) []string {
	var out []string
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWord(r) && !(r == utf8.RuneError && size == 1) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles returns the multiset of n-token shingles of tokens. A text with
// fewer than n tokens (but at least one) is a single shorter shingle; an
// empty text has none.
func shingles(tokens []string, n int) map[string]int {
	m := make(map[string]int, len(tokens))
	last := len(tokens) - n + 1
	if last < 1 {
		last = 1
	}
	for i := 0; i < last; i++ {
		end := min(i+n, len(tokens))
		if end <= i {
			continue
		}
		m[strings.Join(tokens[i:end], "\x00")]++
	}
	return m
}

// Match compares a predicted text with the gold text.
func Match(gold, pred string) Counts {
	g := shingles(Tokens(gold), ShingleSize)
	p := shingles(Tokens(pred), ShingleSize)
	var c Counts
	for k, gc := range g {
		pc := p[k]
		c.TP += float64(min(gc, pc))
		c.FN += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		c.FP += float64(max(0, pc-g[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Exact reports whether pred has exactly the tokens of gold, in order.
func Exact(gold, pred string) bool {
	g, p := Tokens(gold), Tokens(pred)
	if len(g) != len(p) {
		return false
	}
	for i := range g {
		if g[i] != p[i] {
			return false
		}
	}
	return true
}

func (c Counts) precision() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP == 0 && c.FP == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

func (c Counts) recall() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP == 0 && c.FN == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// Doc is one scored document.
type Doc struct {
	Counts Counts
	Exact  bool
	Empty  bool // the extractor returned no text
}

// Score compares one prediction with its gold text.
func Score(gold, pred string) Doc {
	return Doc{Counts: Match(gold, pred), Exact: Exact(gold, pred), Empty: len(Tokens(pred)) == 0}
}

// Scores are the figures of one extractor over a data set.
type Scores struct {
	Precision, Recall, F1, Accuracy float64
	// F1Std is the bootstrap standard deviation of F1.
	F1Std float64
	N     int // documents
	Empty int // documents with an empty prediction
}

// Summarize averages per-document results the way the benchmark does.
func Summarize(docs []Doc) Scores {
	s := summarize(docs)
	s.F1Std = bootstrapF1(docs, 1000)
	return s
}

func summarize(docs []Doc) Scores {
	var s Scores
	var pSum, rSum float64
	var pN, rN, exact int
	for _, d := range docs {
		c := d.Counts
		if c.TP+c.FP > 0 {
			pSum += c.precision()
			pN++
		}
		if c.TP+c.FN > 0 {
			rSum += c.recall()
			rN++
		}
		if d.Exact {
			exact++
		}
		if d.Empty {
			s.Empty++
		}
	}
	s.N = len(docs)
	if pN > 0 {
		s.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		s.Recall = rSum / float64(rN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if s.N > 0 {
		s.Accuracy = float64(exact) / float64(s.N)
	}
	return s
}

// bootstrapF1 returns the standard deviation of F1 over n resamples of docs
// with replacement. The generator is seeded with a constant so that the
// figure is the same on every run.
func bootstrapF1(docs []Doc, n int) float64 {
	if len(docs) < 2 || n < 2 {
		return 0
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sample := make([]Doc, len(docs))
	vals := make([]float64, n)
	var mean float64
	for i := range vals {
		for j := range sample {
			sample[j] = docs[rng.IntN(len(docs))]
		}
		vals[i] = summarize(sample).F1
		mean += vals[i]
	}
	mean /= float64(n)
	var ss float64
	for _, v := range vals {
		ss += (v - mean) * (v - mean)
	}
	return math.Sqrt(ss / float64(n-1))
}
