package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/nlp"
)

func main() {
	a, err := nlp.New(nil)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		text := sc.Text()
		ss := a.Annotate(text, []model.Span{{Start: 0, End: len(text)}})
		for _, s := range ss {
			for i, t := range s.Tokens {
				fmt.Printf("%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s/%s\n", i, t.Text, t.Lemma, t.UPOS, t.XPOS, t.Head, t.Rel, t.NER, t.Morph.Tense, t.Morph.VerbForm)
			}
		}
		fmt.Println()
	}
}
