package ner

import (
	"math/bits"

	"github.com/vigilhq/vigil/internal/model"
)

// Feature templates. Each feature is mix(template, value).
const (
	tBias uint64 = iota + 1
	tWord
	tShape
	tClass
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tWordM1
	tWordP1
	tWordM2
	tWordP2
	tBigramM1
	tBigramP1
	tShapeM1
	tShapeP1
	tClassTri
	tClassM2
	tClassP2
	tWordM1Class
	tWordP1Class
	tSentClass
	tPOS
	tXPOS
	tPOSM1
	tPOSP1
	tPOSTri
	tPOSClass
	tGaz
	tGazClass
	tGazM1
	tGazP1
	tLex
	tLexClass
	tLexM1
	tLexP1
	tCapRun
	tLexSilver
	tRunLast
	tRunLastGaz
	tRunFirst
	tRunFirstGaz
)

// Sentence-level case styles, so that a model trained mostly on edited
// text can tell headline case and all-lower-case web text apart.
const (
	caseNormal = iota
	caseLower  // no capitalised word at all
	caseTitle  // every word capitalised (headlines)
	caseUpper  // every word in capitals
)

// boundary values for positions outside the sentence.
var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

const classBoundary = nShapes

// tokInfo holds what feature extraction needs of one token, computed once.
type tokInfo struct {
	word, raw, shape uint64
	pre, suf         [4]uint64
	pos, xpos        uint64 // 0 when the token has no tag
	gaz              uint64 // gzBits bits per gazetteer category
	class            uint8
	lex              uint32
}

// extractor turns sentences into feature hashes. It holds scratch space
// and is used by one goroutine at a time.
type extractor struct {
	gaz              *gazetteer
	lex              map[uint64]uint32
	info             []tokInfo
	buf              []byte
	feats            []uint64 // features of all tokens, flattened
	offs             []int32  // token i's features are feats[offs[i]:offs[i+1]]
	gzh              []uint64 // per-token hashes for gazetteer lookup (folded)
	gzx              []uint64 // per-token hashes for gazetteer lookup (exact)
	runStart, runEnd []int32  // capitalised run of each token, -1 if none
}

func newExtractor(gaz *gazetteer, lex map[uint64]uint32) *extractor {
	return &extractor{gaz: gaz, lex: lex}
}

// extract computes the features of every token of toks. usePOS false
// ignores any tags on the tokens.
func (x *extractor) extract(toks []model.Token, usePOS bool) {
	n := len(toks)
	x.info = grow(x.info, n)
	x.gzh = grow(x.gzh, n)
	x.gzx = grow(x.gzx, n)
	x.offs = grow(x.offs, n+1)
	x.feats = x.feats[:0]

	upperWords, capWords, lowerWords := 0, 0, 0
	for i := range toks {
		t := &toks[i]
		in := &x.info[i]
		x.buf = appendLower(x.buf[:0], t.Text)
		lw := x.buf
		in.word = hashBytes(lw)
		in.raw = hashString(t.Text)
		class, shape := shapeInfo(t.Text)
		in.class = uint8(class)
		in.shape = shape
		for k := 0; k < 4; k++ {
			if k < len(lw) {
				in.pre[k] = hashBytes(lw[:k+1])
				in.suf[k] = hashBytes(lw[len(lw)-k-1:])
			} else {
				in.pre[k], in.suf[k] = 0, 0
			}
		}
		in.pos, in.xpos = 0, 0
		if usePOS && t.UPOS != "" {
			in.pos = hashString(t.UPOS)
			in.xpos = hashString(t.XPOS)
		}
		in.lex = x.lex[in.word]
		in.gaz = 0
		x.gzh[i] = in.word
		x.gzx[i] = in.raw
		switch class {
		case shUpper:
			upperWords++
		case shTitle, shMixed:
			capWords++
		case shLower:
			lowerWords++
		}
	}
	x.matchGazetteer(n)
	x.findRuns(n)

	sentCase := caseNormal
	switch {
	case lowerWords+capWords+upperWords == 0:
	case capWords+upperWords == 0:
		sentCase = caseLower
	case lowerWords == 0 && capWords+upperWords > 1 && upperWords > capWords:
		sentCase = caseUpper
	case lowerWords == 0 && capWords+upperWords > 1:
		sentCase = caseTitle
	}

	for i := 0; i < n; i++ {
		x.offs[i] = int32(len(x.feats))
		x.tokenFeatures(i, n, sentCase)
	}
	x.offs[n] = int32(len(x.feats))
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// matchGazetteer marks every gazetteer match on the tokens' gaz bits.
func (x *extractor) matchGazetteer(n int) {
	g := x.gaz
	if g == nil {
		return
	}
	for i := 0; i < n; i++ {
		var hf, hx uint64
		for l := 1; l <= g.maxLen && i+l <= n; l++ {
			hf = seqHash(hf, x.gzh[i+l-1])
			hx = seqHash(hx, x.gzx[i+l-1])
			if !g.mayHave(hf, hx) {
				continue
			}
			cats := g.folded[hf] | g.exact[hx]
			if cats == 0 {
				continue
			}
			for c := 0; c < nGaz; c++ {
				if cats&(1<<c) == 0 {
					continue
				}
				base := uint(c * gzBits)
				if l == 1 {
					x.info[i].gaz |= 1 << (base + gzWhole)
					continue
				}
				x.info[i].gaz |= 1 << (base + gzBegin)
				for j := i + 1; j < i+l; j++ {
					x.info[j].gaz |= 1 << (base + gzInside)
				}
			}
		}
	}
}

func (x *extractor) add(tmpl, v uint64) {
	h := mix(tmpl, v)
	if h == 0 {
		h = 1
	}
	x.feats = append(x.feats, h)
}

func (x *extractor) tokenFeatures(i, n, sentCase int) {
	in := &x.info[i]
	cl := uint64(in.class)
	word := func(j int) uint64 {
		switch {
		case j < 0:
			return hashBOS
		case j >= n:
			return hashEOS
		}
		return x.info[j].word
	}
	class := func(j int) uint64 {
		if j < 0 || j >= n {
			return classBoundary
		}
		return uint64(x.info[j].class)
	}
	pos := func(j int) uint64 {
		switch {
		case j < 0:
			return hashBOS
		case j >= n:
			return hashEOS
		}
		return x.info[j].pos
	}

	x.add(tBias, 0)
	x.add(tWord, in.word)
	x.add(tShape, in.shape)
	x.add(tClass, cl)
	for k := 0; k < 4; k++ {
		if in.pre[k] != 0 {
			x.add(tPre1+uint64(k), in.pre[k])
			x.add(tSuf1+uint64(k), in.suf[k])
		}
	}
	x.add(tWordM1, word(i-1))
	x.add(tWordP1, word(i+1))
	x.add(tWordM2, word(i-2))
	x.add(tWordP2, word(i+2))
	x.add(tBigramM1, mix(word(i-1), in.word))
	x.add(tBigramP1, mix(in.word, word(i+1)))
	if i > 0 {
		x.add(tShapeM1, mix(x.info[i-1].shape, in.shape))
	} else {
		x.add(tShapeM1, mix(hashBOS, in.shape))
	}
	if i+1 < n {
		x.add(tShapeP1, mix(in.shape, x.info[i+1].shape))
	} else {
		x.add(tShapeP1, mix(in.shape, hashEOS))
	}
	x.add(tClassTri, class(i-1)*256+cl*16+class(i+1))
	x.add(tClassM2, class(i-2)*16+cl)
	x.add(tClassP2, cl*16+class(i+2))
	x.add(tWordM1Class, mix(word(i-1), cl))
	x.add(tWordP1Class, mix(word(i+1), cl))
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	x.add(tSentClass, uint64(sentCase)*64+first*16+cl)

	if in.pos != 0 {
		x.add(tPOS, in.pos)
		x.add(tXPOS, in.xpos)
		x.add(tPOSM1, mix(pos(i-1), in.pos))
		x.add(tPOSP1, mix(in.pos, pos(i+1)))
		x.add(tPOSTri, mix(mix(pos(i-1), in.pos), pos(i+1)))
		x.add(tPOSClass, mix(in.pos, cl))
	}

	for g := in.gaz; g != 0; g &= g - 1 {
		b := uint64(bits.TrailingZeros64(g))
		x.add(tGaz, b)
		x.add(tGazClass, b*16+cl)
	}
	if i > 0 {
		for g := x.info[i-1].gaz; g != 0; g &= g - 1 {
			x.add(tGazM1, uint64(bits.TrailingZeros64(g)))
		}
	}
	if i+1 < n {
		for g := x.info[i+1].gaz; g != 0; g &= g - 1 {
			x.add(tGazP1, uint64(bits.TrailingZeros64(g)))
		}
	}

	tb, silver := uint64(in.lex&0xff), uint64(in.lex>>16&0xf)
	x.add(tLex, tb)
	x.add(tLexClass, tb*16+cl)
	x.add(tLexSilver, silver*16+cl)
	if i > 0 {
		x.add(tLexM1, uint64(x.info[i-1].lex&0xff)*16+cl)
	}
	if i+1 < n {
		x.add(tLexP1, uint64(x.info[i+1].lex&0xff)*16+cl)
	}

	// The run of capitalised words the token is in ("Georgetown
	// University", "Department of Housing and Urban Development"): its
	// length, the position in it, and its first and last words, which
	// often tell the type.
	if a := int(x.runStart[i]); a >= 0 {
		b := int(x.runEnd[i])
		x.add(tCapRun, uint64(min(b-a, 5)*8+min(i-a, 4)))
		const headCats = 1<<(gazOrgWord*gzBits+gzWhole) | 1<<(gazLocWord*gzBits+gzWhole) |
			1<<(gazGPEWord*gzBits+gzWhole) | 1<<(gazTitle*gzBits+gzWhole) | 1<<(gazFirstName*gzBits+gzWhole) |
			1<<(gazSurname*gzBits+gzWhole)
		if last := b - 1; last != i {
			x.add(tRunLast, x.info[last].word)
			for g := x.info[last].gaz & headCats; g != 0; g &= g - 1 {
				x.add(tRunLastGaz, uint64(bits.TrailingZeros64(g)))
			}
		}
		if first := a; first != i {
			x.add(tRunFirst, x.info[first].word)
			for g := x.info[first].gaz & headCats; g != 0; g &= g - 1 {
				x.add(tRunFirstGaz, uint64(bits.TrailingZeros64(g)))
			}
		}
	}
}

// Lower-case words that may join the capitalised words of a name.
var runConnectors = func() map[uint64]bool {
	m := make(map[uint64]bool)
	for _, w := range []string{"of", "and", "&", "for", "de", "du", "la", "al", "-", "the", "on"} {
		m[hashString(w)] = true
	}
	return m
}()

// findRuns marks the runs of capitalised tokens, joined by connectors.
func (x *extractor) findRuns(n int) {
	x.runStart = grow(x.runStart, n)
	x.runEnd = grow(x.runEnd, n)
	for i := 0; i < n; i++ {
		x.runStart[i], x.runEnd[i] = -1, -1
	}
	for i := 0; i < n; {
		if !isCap(int(x.info[i].class)) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if isCap(int(x.info[j].class)) {
				j++
				continue
			}
			k := j
			for k < n && k-j < 2 && runConnectors[x.info[k].word] {
				k++
			}
			if k > j && k < n && isCap(int(x.info[k].class)) {
				j = k + 1
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			x.runStart[k], x.runEnd[k] = int32(i), int32(j)
		}
		i = j
	}
}
