package coref

import (
	"bufio"
	"embed"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Gender of a person as far as the text tells.
type Gender byte

// Genders.
const (
	GenderUnknown Gender = 0
	Male          Gender = 'm'
	Female        Gender = 'f'
)

// Classes of description nouns (data/nouns.tsv).
const (
	classPerson = "person"
	classOrg    = "org"
	classGov    = "gov"
	classInst   = "inst"
	classGPE    = "gpe"
	classNone   = "none"
)

type nounEntry struct {
	class  string
	gender Gender
	strict bool // refers back only to someone with this title
}

// lexicon holds the word lists of data/, parsed once by New and never
// changed afterwards.
type lexicon struct {
	titles     map[string]Gender // title word -> gender it implies
	nouns      map[string]nounEntry
	firstNames map[string]Gender
	speech     map[string]bool // lemmas of speech verbs
	orgSuffix  map[string]bool // dropped from the end of company names
	orgGeneric map[string]bool // may follow a company's short name
}

// loadLexicon parses the embedded lists. Malformed lines are skipped (the
// files are ours; TestLexicon checks them), so this never fails.
func loadLexicon() *lexicon {
	lx := &lexicon{
		titles:     make(map[string]Gender),
		nouns:      make(map[string]nounEntry),
		firstNames: make(map[string]Gender),
		speech:     make(map[string]bool),
		orgSuffix:  make(map[string]bool),
		orgGeneric: make(map[string]bool),
	}
	for _, row := range readRows("data/titles.tsv", 2) {
		lx.titles[row[0]] = gender(row[1])
	}
	for _, row := range readRows("data/nouns.tsv", 4) {
		lx.nouns[row[0]] = nounEntry{class: row[1], gender: gender(row[2]), strict: row[3] == "y"}
	}
	for _, row := range readRows("data/firstnames.tsv", 2) {
		lx.firstNames[row[0]] = gender(row[1])
	}
	for _, row := range readRows("data/speech.tsv", 1) {
		lx.speech[row[0]] = true
	}
	for _, row := range readRows("data/orgwords.tsv", 2) {
		switch row[1] {
		case "suffix":
			lx.orgSuffix[row[0]] = true
		case "generic":
			lx.orgGeneric[row[0]] = true
		}
	}
	return lx
}

func gender(s string) Gender {
	switch s {
	case "m":
		return Male
	case "f":
		return Female
	}
	return GenderUnknown
}

// readRows returns the rows of an embedded TSV file that have exactly cols
// fields, skipping comments and blank lines.
func readRows(path string, cols int) [][]string {
	f, err := dataFS.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != cols {
			continue
		}
		out = append(out, fields)
	}
	return out
}

// fold lower-cases s and strips diacritics and dots ("Zelenskyy's" is not
// changed here; callers drop possessives first).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
