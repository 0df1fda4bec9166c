package quotes

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/cues.tsv
var cuesTSV string

// Cue classes of data/cues.tsv.
const (
	classSpeech   = "speech"
	classWritten  = "written"
	classEvidence = "evidence"
	classThought  = "thought"
)

// lexicon maps a verb lemma to its cue class. It is built once by New and
// only read afterwards.
type lexicon map[string]string

func parseCues(src string) (lexicon, error) {
	lex := lexicon{}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || f[0] == "" {
			return nil, fmt.Errorf("parse cues line %d: want 2 tab-separated fields, got %q", n+1, line)
		}
		switch f[1] {
		case classSpeech, classWritten, classEvidence, classThought:
		default:
			return nil, fmt.Errorf("parse cues line %d: unknown class %q", n+1, f[1])
		}
		if _, dup := lex[f[0]]; dup {
			return nil, fmt.Errorf("parse cues line %d: duplicate lemma %q", n+1, f[0])
		}
		lex[f[0]] = f[1]
	}
	return lex, nil
}
