package tag

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/nlp/binio"
)

// A lemma is derived from the word by an edit script: an optional
// lowercasing, then stripping bytes from the end and appending a string.
// "Running"/VBG → lower, strip 4, append "" → "run". Scripts are learned
// from the treebank: an exception table keyed by lowercased word and XPOS,
// and suffix rules per XPOS for unseen words.
type script struct {
	lower  bool
	strip  int
	append string
}

func (s script) key() string {
	l := "k"
	if s.lower {
		l = "l"
	}
	return l + strconv.Itoa(s.strip) + ":" + s.append
}

func parseScript(k string) (script, bool) {
	if len(k) < 3 || (k[0] != 'k' && k[0] != 'l') {
		return script{}, false
	}
	colon := strings.IndexByte(k, ':')
	if colon < 0 {
		return script{}, false
	}
	n, err := strconv.Atoi(k[1:colon])
	if err != nil || n < 0 {
		return script{}, false
	}
	return script{lower: k[0] == 'l', strip: n, append: k[colon+1:]}, true
}

// makeScript finds the script that turns form into lemma. A lemma without
// capitals lowercases the word first, so that "The" and "the" share a
// script.
func makeScript(form, lemma string) script {
	if Lower(lemma) == lemma {
		lf := Lower(form)
		q := commonPrefix(lf, lemma)
		return script{lower: true, strip: len(lf) - q, append: lemma[q:]}
	}
	p := commonPrefix(form, lemma)
	return script{strip: len(form) - p, append: lemma[p:]}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	// Do not cut inside a UTF-8 sequence.
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	return i
}

func (s script) apply(form string) (string, bool) {
	base := form
	if s.lower {
		base = Lower(form)
	}
	if s.strip > len(base) {
		return "", false
	}
	cut := len(base) - s.strip
	if cut < len(base) && !utf8.RuneStart(base[cut]) {
		return "", false
	}
	if s.strip == 0 && s.append == "" {
		return base, true
	}
	return base[:cut] + s.append, true
}

const maxSuffix = 6

// pair is a two-string map key (no concatenation, no allocation).
type pair [2]string

// Lemmatizer maps a word and its tags to a lemma.
type Lemmatizer struct {
	exact    map[pair]script // {form, XPOS}: words whose lemma depends on case
	words    map[pair]script // {lowercased form, XPOS}
	rules    map[pair]script // {XPOS, suffix of the lowercased form}
	defaults map[string]script
}

// Lemma returns the lemma of form tagged upos/xpos.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	if form == "" {
		return ""
	}
	if xpos == "CD" && isGroupedNumber(form) {
		return strings.ReplaceAll(form, ",", "")
	}
	if s, ok := l.exact[pair{form, xpos}]; ok {
		if out, ok := s.apply(form); ok && out != "" {
			return out
		}
	}
	low := Lower(form)
	if s, ok := l.words[pair{low, xpos}]; ok {
		if out, ok := s.apply(form); ok && out != "" {
			return out
		}
	}
	if s, ok := l.ruleScript(low, xpos); ok {
		if out, ok := s.apply(form); ok && out != "" && (hasVowel(out) || !hasVowel(form)) {
			return l.knownVerb(out, xpos)
		}
	}
	if upos == "PROPN" {
		return form
	}
	return low
}

// knownVerb checks a suffix rule's lemma of an inflected verb the
// training data never showed: when it is no base form seen there but a
// one-letter repair is ("blamed" → "blam" → "blame", "shelled" → "shel" →
// "shell", "raided" → "raide" → "raid"), the repair is the lemma.
func (l *Lemmatizer) knownVerb(out, xpos string) string {
	switch xpos {
	case "VBD", "VBN", "VBG", "VBZ":
	default:
		return out
	}
	if l.baseForm(out) {
		return out
	}
	cands := [3]string{out + "e", "", ""}
	if n := len(out); n > 1 {
		cands[1] = out + out[n-1:]
		if out[n-1] == 'e' {
			cands[2] = out[:n-1]
		}
	}
	for _, c := range cands {
		if c != "" && l.baseForm(c) {
			return c
		}
	}
	return out
}

// baseForm reports whether w was seen in training as a verb's base form.
func (l *Lemmatizer) baseForm(w string) bool {
	_, vb := l.words[pair{w, "VB"}]
	_, vbp := l.words[pair{w, "VBP"}]
	return vb || vbp
}

// isGroupedNumber reports whether s is a number with commas between groups
// of three digits ("14,000", "1,250.5"), whose lemma drops the commas.
func isGroupedNumber(s string) bool {
	intPart := s
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart = s[:k]
		if k == len(s)-1 || !allDigits(s[k+1:]) {
			return false
		}
	}
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasVowel reports whether s has an ASCII vowel: a suffix rule that
// leaves none ("fled" → "fl") has cut an irregular word.
func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// ruleScript is the script of the longest suffix rule for a lowercased
// word, else the default of its XPOS.
func (l *Lemmatizer) ruleScript(low, xpos string) (script, bool) {
	for n := maxSuffix; n >= 1; n-- {
		suf := suffix(low, n)
		if len(suf) == len(low) && n > 1 {
			continue
		}
		if s, ok := l.rules[pair{xpos, suf}]; ok {
			if _, ok := s.apply(low); ok {
				return s, true
			}
		}
	}
	s, ok := l.defaults[xpos]
	return s, ok
}

// lemmaCounts learns the lemmatizer.
type lemmaCounts struct {
	words map[pair]map[string]int // {lower, xpos} → script → count
	exact map[pair]map[string]int // {form, xpos} → script → count
}

func newLemmaCounts() *lemmaCounts {
	return &lemmaCounts{words: map[pair]map[string]int{}, exact: map[pair]map[string]int{}}
}

func (c *lemmaCounts) add(form, xpos, lemma string) {
	if form == "" || lemma == "" || lemma == "_" {
		return
	}
	sc := makeScript(form, lemma).key()
	inc := func(mm map[pair]map[string]int, k pair) {
		m := mm[k]
		if m == nil {
			m = map[string]int{}
			mm[k] = m
		}
		m[sc]++
	}
	inc(c.words, pair{Lower(form), xpos})
	inc(c.exact, pair{form, xpos})
}

func best(m map[string]int) string {
	b := ""
	for _, k := range sortedKeys(m) {
		if b == "" || m[k] > m[b] {
			b = k
		}
	}
	return b
}

func sortedPairs[V any](m map[pair]V) []pair {
	keys := make([]pair, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pair) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	return keys
}

// build makes the lemmatizer. Suffix rules need minRule word types.
func (c *lemmaCounts) build(minRule int) *Lemmatizer {
	l := &Lemmatizer{exact: map[pair]script{}, words: map[pair]script{}, rules: map[pair]script{}, defaults: map[string]script{}}
	// Suffix rules from word types: each (word, XPOS) votes once with its
	// most frequent script.
	ruleVotes := map[pair]map[string]int{}
	defVotes := map[pair]map[string]int{}
	vote := func(mm map[pair]map[string]int, k pair, sc string) {
		m := mm[k]
		if m == nil {
			m = map[string]int{}
			mm[k] = m
		}
		m[sc]++
	}
	keys := sortedPairs(c.words)
	for _, k := range keys {
		low, xpos := k[0], k[1]
		sc := best(c.words[k])
		vote(defVotes, pair{xpos}, sc)
		for n := 1; n <= maxSuffix; n++ {
			suf := suffix(low, n)
			vote(ruleVotes, pair{xpos, suf}, sc)
			if len(suf) == len(low) {
				break
			}
		}
	}
	for _, k := range sortedPairs(defVotes) {
		s, _ := parseScript(best(defVotes[k]))
		l.defaults[k[0]] = s
	}
	for _, k := range sortedPairs(ruleVotes) {
		m := ruleVotes[k]
		total := 0
		for _, v := range m {
			total += v
		}
		if total < minRule {
			continue
		}
		s, _ := parseScript(best(m))
		l.rules[k] = s
	}
	// Every known word keeps its script: the rules are for unseen words,
	// and one lookup is faster than trying suffixes.
	for _, k := range keys {
		s, _ := parseScript(best(c.words[k]))
		l.words[k] = s
	}
	// Exact-case exceptions, for words whose lemma depends on case ("i" →
	// "I" while "In" → "in").
	for _, k := range sortedPairs(c.exact) {
		m := c.exact[k]
		b := best(m)
		if m[b] < 2 {
			continue
		}
		s, _ := parseScript(b)
		want, _ := s.apply(k[0])
		if got := l.Lemma(k[0], "", k[1]); got == want {
			continue
		}
		l.exact[k] = s
	}
	return l
}

func encodeScripts(w *binio.Writer, m map[pair]script) {
	keys := sortedPairs(m)
	w.Uvarint(uint64(len(keys)))
	for _, k := range keys {
		w.String(k[0])
		w.String(k[1])
		w.String(m[k].key())
	}
}

func decodeScripts(r *binio.Reader) map[pair]script {
	n := r.Int(1 << 24)
	m := make(map[pair]script, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		k := pair{r.String(), r.String()}
		if s, ok := parseScript(r.String()); ok {
			m[k] = s
		}
	}
	return m
}

func (l *Lemmatizer) encode(w *binio.Writer) {
	encodeScripts(w, l.exact)
	encodeScripts(w, l.words)
	encodeScripts(w, l.rules)
	d := map[pair]script{}
	for k, v := range l.defaults {
		d[pair{k}] = v
	}
	encodeScripts(w, d)
}

func decodeLemmatizer(r *binio.Reader) *Lemmatizer {
	l := &Lemmatizer{exact: decodeScripts(r), words: decodeScripts(r), rules: decodeScripts(r), defaults: map[string]script{}}
	for k, v := range decodeScripts(r) {
		l.defaults[k[0]] = v
	}
	return l
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare[string])
	return keys
}
