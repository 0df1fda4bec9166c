package segment

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/shareddata"
)

// udParagraphs reads a CoNLL-U file and returns its paragraphs, each as the
// list of its sentences' texts. A "# newdoc" or "# newpar" line starts a
// paragraph.
func udParagraphs(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var paras [][]string
	newPar := true
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"), strings.HasPrefix(line, "# newpar"):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			s := strings.TrimSpace(strings.TrimPrefix(line, "# text = "))
			if newPar || len(paras) == 0 {
				paras = append(paras, nil)
				newPar = false
			}
			paras[len(paras)-1] = append(paras[len(paras)-1], s)
		}
	}
	return paras, sc.Err()
}

// boundaryScore scores the sentence boundaries inside paragraphs (ends of
// paragraphs are given and not counted).
func boundaryScore(paras [][]string) (p, r, f1 float64, gold int) {
	var tp, fp, fn int
	for _, sents := range paras {
		text := strings.Join(sents, " ")
		want := make(map[int]bool)
		off := 0
		for _, s := range sents[:len(sents)-1] {
			off += len(s)
			want[off] = true
			off++
		}
		spans := Split(text)
		for i, sp := range spans {
			if i == len(spans)-1 {
				break
			}
			if want[sp.End] {
				tp++
			} else {
				fp++
			}
		}
		fn += len(want)
	}
	fn -= tp
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1, tp + fn
}

// TestUDEWTBoundaries scores the splitter on the UD English Web Treebank
// test set: sentences are joined into their paragraphs and the splitter
// must find the boundaries between them. EWT is web text (blogs, emails,
// reviews) with many sentences that lack final punctuation, which no
// punctuation-based splitter finds, so recall is bounded well below 1.
func TestUDEWTBoundaries(t *testing.T) {
	path, err := shareddata.Path("nlp", "ud-english-ewt", "en_ewt-ud-test.conllu")
	if err != nil {
		t.Skip(err)
	}
	paras, err := udParagraphs(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	p, r, f1, gold := boundaryScore(paras)
	t.Logf("UD EWT test: paragraphs=%d inner_boundaries=%d precision=%.3f recall=%.3f f1=%.3f", len(paras), gold, p, r, f1)
	const minP, minF1 = 0.93, 0.80
	if p < minP || f1 < minF1 {
		t.Errorf("boundary precision %.3f, f1 %.3f; want at least %.2f and %.2f", p, f1, minP, minF1)
	}
}

// TestUDPUDBoundaries scores the splitter on UD English PUD (news and
// Wikipedia sentences): each document's sentences are joined into one
// paragraph.
func TestUDPUDBoundaries(t *testing.T) {
	path, err := shareddata.Path("nlp", "ud-english-pud", "en_pud-ud-test.conllu")
	if err != nil {
		t.Skip(err)
	}
	paras, err := udParagraphs(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	p, r, f1, gold := boundaryScore(paras)
	t.Logf("UD PUD: paragraphs=%d inner_boundaries=%d precision=%.3f recall=%.3f f1=%.3f", len(paras), gold, p, r, f1)
	const minF1 = 0.97
	if f1 < minF1 {
		t.Errorf("boundary f1 %.3f, want at least %.2f", f1, minF1)
	}
}
