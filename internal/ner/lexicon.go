package ner

// buildLexicon learns, from a treebank with gold part-of-speech tags, how
// each word form behaves: how often it is a proper noun and how often it
// is capitalised away from the start of a sentence. The codes feed the
// tLex features, which carry this knowledge to lower-case web text
// ("tampa") and to words the NER data never shows.
//
// A lexicon code packs two parts:
//
//	bits 0-7   treebank code (lexCode over EWT train), 0 = unseen
//	bits 16-19 learned types: the word occurs in PER, ORG, GPE, LOC names
func buildLexicon(sents []posTags) map[uint64]uint32 {
	type stat struct{ n, propn, mid, capMid int }
	stats := make(map[uint64]*stat)
	var buf []byte
	for _, s := range sents {
		for i, w := range s.words {
			buf = appendLower(buf[:0], w)
			h := hashBytes(buf)
			st := stats[h]
			if st == nil {
				st = &stat{}
				stats[h] = st
			}
			st.n++
			if s.upos[i] == "PROPN" {
				st.propn++
			}
			if i > 0 && isWordish(w) {
				st.mid++
				if capitalised(w) {
					st.capMid++
				}
			}
		}
	}
	lex := make(map[uint64]uint32, len(stats))
	for h, st := range stats {
		lex[h] = uint32(lexCode(st.n, st.propn, st.mid, st.capMid))
	}
	return lex
}

// addSilverWords puts the silver type bits.
func addSilverWords(lex map[uint64]uint32, bits map[uint64]uint8) {
	for h, b := range bits {
		lex[h] |= uint32(b) << 16
	}
}

func isWordish(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// lexCode packs ratio buckets into a byte; 0 means "not in the lexicon".
func lexCode(n, propn, mid, capMid int) uint8 {
	bucket := func(k, n int) int {
		switch {
		case n == 0:
			return 0
		case k == 0:
			return 1
		case 10*k < 3*n:
			return 2
		case 10*k < 8*n:
			return 3
		}
		return 4
	}
	freq := 0
	if n > 2 {
		freq = 1
	}
	return uint8(1 + bucket(propn, n) + 5*bucket(capMid, mid) + 25*freq)
}
