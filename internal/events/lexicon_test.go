package events

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/codebook"
)

func TestLexiconCoversEveryRoot(t *testing.T) {
	c, err := New(nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	roots := map[string]int{}
	for _, m := range []map[string][]entry{c.lex.verbs, c.lex.nouns} {
		for _, es := range m {
			for _, e := range es {
				if e.code != "" {
					roots[e.code[:2]]++
				} else {
					roots[familyCode(e.family, "", false)[:min(2, len(familyCode(e.family, "", false)))]]++
				}
			}
		}
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if roots[root] == 0 {
			t.Errorf("no lexicon entry for CAMEO root %s", root)
		}
	}
	if c.LexiconSize() < 300 {
		t.Errorf("lexicon has %d entries, want at least 300", c.LexiconSize())
	}
}

// TestFamilyCodesExist checks that every code a family can give is in the
// codebook, for every act code.
func TestFamilyCodesExist(t *testing.T) {
	book, err := codebook.Load()
	if err != nil {
		t.Fatalf("codebook.Load: %v", err)
	}
	acts := append(book.Codes(), "")
	for fam := range families {
		for _, act := range acts {
			for _, cond := range []bool{false, true} {
				code := familyCode(fam, act, cond)
				if fam == famFear {
					if code != "" {
						t.Errorf("familyCode(FEAR, %q) = %q, want none", act, code)
					}
					continue
				}
				if _, ok := book.Lookup(code); !ok {
					t.Errorf("familyCode(%s, %q, %v) = %q: not a CAMEO code", fam, act, cond, code)
				}
			}
		}
	}
}

func TestFamilyCode(t *testing.T) {
	tests := []struct {
		family, act string
		cond        bool
		want        string
	}{
		{famAppeal, "040", false, "026"}, // call on X to meet
		{famDemand, "040", false, "106"},
		{famIntent, "060", false, "031"}, // agreed to cooperate
		{famIntent, "190", false, "138"}, // vowed to fight
		{famIntent, "0872", true, "130"}, // will withdraw unless
		{famThreat, "161", false, "1313"},
		{famThreat, "", false, "130"},
		{famDeny, "190", false, "016"},
		{famRefuse, "040", false, "125"},
		{famPrepare, "194", false, "150"},
		{famAppeal, "0871", false, "0256"},
	}
	for _, tc := range tests {
		if got := familyCode(tc.family, tc.act, tc.cond); got != tc.want {
			t.Errorf("familyCode(%s, %q, %v) = %q, want %q", tc.family, tc.act, tc.cond, got, tc.want)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	book, err := codebook.Load()
	if err != nil {
		t.Fatalf("codebook.Load: %v", err)
	}
	bad := []string{
		"",
		"# only a comment\n",
		"v\tattack",             // too few fields
		"x\tattack\t190",        // bad part of speech
		"v\tattack\t999",        // unknown code
		"v\tattack\t190\tfoo=1", // unknown condition
		"v\t\t190",              // empty lemma
	}
	for _, src := range bad {
		if _, err := parseLexicon(src, book); err == nil {
			t.Errorf("parseLexicon(%q): want error, got nil", src)
		}
	}
	lx, err := parseLexicon("v\tcall+on\tAPPEAL\nn\tstrike\t195\tobj=air,drone subj=MIL pass\n", book)
	if err != nil {
		t.Fatalf("parseLexicon: %v", err)
	}
	e := lx.verbs["call"][0]
	if e.particle != "on" || e.family != famAppeal || e.spec != 1 {
		t.Errorf("call+on parsed as %+v", e)
	}
	n := lx.nouns["strike"][0]
	if !n.obj["drone"] || !n.subj["MIL"] || !n.pass || n.spec != 3 {
		t.Errorf("strike parsed as %+v", n)
	}
}

func TestStems(t *testing.T) {
	for w, want := range map[string]string{"blamed": "blame", "shelling": "shell", "stopped": "stop", "rallies": "rally"} {
		found := false
		for _, s := range stems(w) {
			if s == want {
				found = true
			}
		}
		if !found {
			t.Errorf("stems(%q) = %v, want it to contain %q", w, stems(w), want)
		}
	}
	if got := strings.Join(stems("go"), ","); got != "" {
		t.Errorf("stems(go) = %q, want none", got)
	}
}
