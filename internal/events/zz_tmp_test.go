package events

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestTmpParse(t *testing.T) {
	h := newHarness(t)
	b, _ := os.ReadFile("/tmp/s1.txt")
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		in := h.input(line, time.Time{})
		for _, s := range in.Sentences {
			for i, tk := range s.Tokens {
				fmt.Println(i, tk.Text, tk.UPOS, tk.XPOS, tk.Head, tk.Rel, tk.Lemma)
			}
		}
		fmt.Println("=>", describe(h.code(line)))
	}
}

func TestTmpActor(t *testing.T) {
	h := newHarness(t)
	line := "In what has been described as a policy u-turn, President Levy Mwanawasa has reneged on his commitment to the Zambian people for holding elections under a new constitution."
	in := h.input(line, time.Time{})
	for _, e := range in.Entities {
		fmt.Printf("ent %+v\n", e)
	}
}
