package places

import (
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("PLQ")
	if text == "" {
		t.Skip()
	}
	r := resolver(t)
	sents, ents := parse(t, text)
	for _, s := range sents {
		for _, tk := range s.Tokens {
			t.Logf("%s/%s/%s/%s", tk.Text, tk.UPOS, tk.XPOS, tk.NER)
		}
	}
	ms := r.mentions(text, sents)
	for _, m := range ms {
		t.Logf("mention %q key=%q ner=%v weak=%v actor=%v mod=%v", text[m.start:m.end], m.key, m.ner, m.weak, m.actor, m.modifier)
	}
	for _, f := range r.Find(text, sents, ents) {
		t.Logf("found %q -> %s %s %s %v,%v", f.Text, f.Name, f.Kind, deref(f.Country), f.Lat, f.Lon)
	}
}
