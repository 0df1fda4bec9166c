package tag

import (
	"unicode"
	"unicode/utf8"

	pc "github.com/vigilhq/vigil/internal/nlp/perceptron"
)

// atoms are the per-token hashes that the feature templates combine. They
// are computed once per token.
type atoms struct {
	form, lower, shape     uint64
	suf1, suf2, suf3, suf4 uint64
	pre1, pre2, pre3       uint64
	suf5, pre4             uint64
	amb                    uint64 // ambiguity class from the tag dictionary
}

var (
	padStart = atoms{form: pc.String("<s>"), lower: pc.String("<s>"), shape: pc.String("<s>"), suf3: pc.String("<s>"), amb: pc.String("<s>")}
	padEnd   = atoms{form: pc.String("</s>"), lower: pc.String("</s>"), shape: pc.String("</s>"), suf3: pc.String("</s>"), amb: pc.String("</s>")}
)

// Lower returns s lowercased, without allocating when s is already lower
// case ASCII.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return lowerSlow(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// Shape maps letters to X/x, digits to d and keeps other characters,
// collapsing runs of the same class: "Washington" → "Xx", "14,000" → "d,d".
// The result is at most 12 bytes.
func Shape(s string) string {
	var buf [12]byte
	n := 0
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case r < 0x80 && 'a' <= r && r <= 'z':
			c = 'x'
		case r < 0x80 && 'A' <= r && r <= 'Z':
			c = 'X'
		case r < 0x80 && '0' <= r && r <= '9':
			c = 'd'
		case r < 0x80:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(buf) {
			break
		}
		buf[n] = c
		n++
	}
	return string(buf[:n])
}

// suffix returns the last n runes of s (all of s when shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// capsBucket says how much of the sentence is capitalised: headlines and
// titles capitalise most words, which changes what a capital means.
func capsBucket(forms []string) uint64 {
	upper, words := 0, 0
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if words == 0 {
		return 0
	}
	switch q := upper * 4 / words; {
	case words < 3:
		return 5
	default:
		return uint64(q) + 1
	}
}

// makeAtoms computes the atoms of a word. Words seen fewer than rare times
// in training stand for the class of unknown words of their shape, so that
// the features of rare training words teach the tagger about unseen ones.
//
// With full false, the atoms used only by the static features are left
// out, for words whose static sums are cached.
func makeAtoms(form, low string, e lexEntry, known bool, rare int32, full bool) atoms {
	a := atoms{
		form:  pc.String(form),
		lower: pc.String(low),
		shape: pc.String(Shape(form)),
		suf2:  pc.String(suffix(low, 2)),
		suf3:  pc.String(suffix(low, 3)),
	}
	if full {
		a.suf1 = pc.String(suffix(low, 1))
		a.suf4 = pc.String(suffix(low, 4))
		a.suf5 = pc.String(suffix(low, 5))
		a.pre1 = pc.String(prefix(low, 1))
		a.pre2 = pc.String(prefix(low, 2))
		a.pre3 = pc.String(prefix(low, 3))
		a.pre4 = pc.String(prefix(low, 4))
	}
	if known && e.amb != 0 {
		a.amb = e.amb
	} else {
		a.amb = pc.H1(0, a.shape)
	}
	if !known || e.count < rare {
		a.form = pc.H1(1, a.shape)
		a.lower = a.form
	}
	return a
}

// Feature template ids.
const (
	fBias = iota + 1
	fLower
	fForm
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fTagM1
	fTagM2
	fTagM1M2
	fTagM1Lower
	fSuf3M1
	fSuf3P1
	fLowerM1Lower
	fLowerLowerP1
	fShapeM1
	fShapeP1
	fFirstForm
	fAmb
	fAmbP1
	fAmbP2
	fAmbM1
	fTagM1AmbP1
	fAmbAmbP1
	fTagM1Amb
	fTagM1Suf2
	fTagM1Suf3
	fTagM1M2Suf2
	fLastV
	fLastVSuf2
	fLastVLower
	fR1
	fR2
	fR1R2
	fR1Lower
	fTagM1R1
	fR1Amb
	fR0
	fLowerM1LowerP1
	fTagM1LowerP1
	fCapsShape
	fCapsAmb
	fSuf2M1Suf2
	fLowerP1Amb
	fTagM2LowerM1
)

// Later templates, with fixed ids so that models stay comparable.
const (
	fSuf5      = 100
	fPre4      = 101
	fR1Suf3    = 120
	fR1LowerP1 = 121
	fR2Lower   = 122
)

// features appends the features of token i to buf. at holds atoms for the
// padded sentence: at[0..1] start padding, token i at at[i+2], then two
// end paddings. tags holds the predicted class ids of earlier tokens
// (offset by 2 as well, with -1 and -2 for padding).
func features(buf []uint64, at []atoms, tagAtoms, right []uint64, i int, caps, lastV uint64) []uint64 {
	buf = staticFeatures(buf, &at[i+2])
	return dynamicFeatures(buf, at, tagAtoms, right, i, caps, lastV)
}

// staticFeatures appends the features that depend on the word alone. Their
// weights are summed once per word of the lexicon (see Tagger.cacheStatic).
func staticFeatures(buf []uint64, w *atoms) []uint64 {
	buf = append(buf,
		pc.H1(fBias, 0),
		pc.H1(fLower, w.lower),
		pc.H1(fForm, w.form),
		pc.H1(fSuf1, w.suf1),
		pc.H1(fSuf2, w.suf2),
		pc.H1(fSuf3, w.suf3),
		pc.H1(fSuf4, w.suf4),
		pc.H1(fPre1, w.pre1),
		pc.H1(fPre2, w.pre2),
		pc.H1(fPre3, w.pre3),
		pc.H1(fShape, w.shape),
		pc.H1(fAmb, w.amb),
		pc.H1(fSuf5, w.suf5),
		pc.H1(fPre4, w.pre4),
	)
	return buf
}

// dynamicFeatures appends the features of token i that depend on its
// context.
func dynamicFeatures(buf []uint64, at []atoms, tagAtoms, right []uint64, i int, caps, lastV uint64) []uint64 {
	p := i + 2
	w := &at[p]
	m1, m2 := &at[p-1], &at[p-2]
	p1, p2 := &at[p+1], &at[p+2]
	t1, t2 := tagAtoms[p-1], tagAtoms[p-2]
	buf = append(buf,
		pc.H1(fLowerM1, m1.lower),
		pc.H1(fLowerM2, m2.lower),
		pc.H1(fLowerP1, p1.lower),
		pc.H1(fLowerP2, p2.lower),
		pc.H1(fTagM1, t1),
		pc.H1(fTagM2, t2),
		pc.H2(fTagM1M2, t1, t2),
		pc.H2(fTagM1Lower, t1, w.lower),
		pc.H1(fSuf3M1, m1.suf3),
		pc.H1(fSuf3P1, p1.suf3),
		pc.H2(fLowerM1Lower, m1.lower, w.lower),
		pc.H2(fLowerLowerP1, w.lower, p1.lower),
		pc.H1(fShapeM1, m1.shape),
		pc.H1(fShapeP1, p1.shape),
		pc.H1(fAmbP1, p1.amb),
		pc.H1(fAmbP2, p2.amb),
		pc.H1(fAmbM1, m1.amb),
		pc.H2(fTagM1AmbP1, t1, p1.amb),
		pc.H2(fAmbAmbP1, w.amb, p1.amb),
		pc.H2(fTagM1Amb, t1, w.amb),
		// The last verb or auxiliary tag on the left: "was ... arrested"
		// against "police arrested".
		pc.H1(fLastV, lastV), pc.H2(fLastVSuf2, lastV, w.suf2), pc.H2(fLastVLower, lastV, w.lower),
		// The left tags with the ending, for words the tagger has not
		// seen: "soldiers clashed" (VBD) against "was clashed" (VBN).
		pc.H2(fTagM1Suf2, t1, w.suf2), pc.H2(fTagM1Suf3, t1, w.suf3), pc.H3(fTagM1M2Suf2, t1, t2, w.suf2),
	)
	if i == 0 {
		buf = append(buf, pc.H1(fFirstForm, w.form))
	}
	if right != nil {
		r1, r2 := right[p+1], right[p+2]
		buf = append(buf,
			pc.H1(fR1, r1), pc.H1(fR2, r2), pc.H2(fR1R2, r1, r2),
			pc.H2(fR1Lower, r1, w.lower), pc.H2(fTagM1R1, t1, r1), pc.H2(fR1Amb, r1, w.amb),
		)
		// The right tag with the word's ending and the next word:
		// "that" before a noun against before a verb.
		buf = append(buf, pc.H2(fR1Suf3, r1, w.suf3), pc.H2(fR1LowerP1, r1, p1.lower), pc.H2(fR2Lower, r2, w.lower))
	}
	return buf
}
