package quotes

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/segment"
)

func TestScratchDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	text := string(b)
	a, err := nlp.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	sents := a.Annotate(text, segment.Split(text))
	for _, s := range sents {
		fmt.Printf("== %q\n", text[s.Span.Start:s.Span.End])
		for i, tk := range s.Tokens {
			fmt.Printf("%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", i, tk.Text, tk.Lemma, tk.UPOS, tk.XPOS, tk.Head, tk.Rel, tk.NER)
		}
	}
}

func TestScratchFind(t *testing.T) {
	f := os.Getenv("FIND")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	text := string(b)
	a, err := nlp.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	sents := a.Annotate(text, segment.Split(text))
	fi, _ := New(nil)
	for _, q := range fi.Find(text, sents, nil, nil, time.Time{}) {
		sp := "<nil>"
		if q.Speaker != nil {
			sp = q.Speaker.Text
			if q.Speaker.Name != nil {
				sp += " => " + *q.Speaker.Name
			}
		}
		med := ""
		if q.Medium != nil {
			med = *q.Medium
		}
		fmt.Printf("[%v] %q cue=%q spk=%q medium=%q\n", q.Direct, q.Text, q.Quote.Cue, sp, med)
	}
}
