package ner

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Mention replacement: copies of the UNER training sentences in which some
// entity mentions are swapped for names of the same type from the
// hand-written lists. UNER dev holds few multi-word names of the kind news
// is full of ("European Union", "Amnesty International", "Gaza Strip"),
// so without these copies the model does not learn to trust a multi-word
// list match over, say, the NORP reading of "European".

// titleKey holds, among the lists, the titles that may precede a person.
const titleKey = "title"

// listNames reads the names of the lists that stand for one type, and the
// titles.
func listNames() (map[string][][]string, error) {
	files := map[string][]string{
		titleKey: {"title"},
		Person:   {"person"},
		Org:      {"org"},
		GPE:      {"country", "city", "region"},
		Loc:      {"loc"},
	}
	out := make(map[string][][]string)
	for typ, names := range files {
		for _, name := range names {
			f, err := gazetteerFS.Open("gazetteer/" + name + ".txt")
			if err != nil {
				return nil, fmt.Errorf("read list %s: %w", name, err)
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "="))
				if line == "" || strings.HasPrefix(line, "#") || !capitalised(line) {
					continue
				}
				variants := entryVariants(line)
				out[typ] = append(out[typ], variants[len(variants)-1])
			}
			f.Close()
			if err := sc.Err(); err != nil {
				return nil, fmt.Errorf("read list %s: %w", name, err)
			}
		}
	}
	return out, nil
}

// augment returns copies of the samples with mentions replaced: each
// mention of a listed type is swapped with probability share. Seeded and
// deterministic for a given input order.
func augment(samples []sample, names map[string][][]string, copies int, share float64, seed int64) []sample {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x61756720))
	var out []sample
	for _, s := range samples {
		if len(s.spans) == 0 {
			continue
		}
		for c := 0; c < copies; c++ {
			if ns, ok := replaceMentions(s, names, share, rng); ok {
				out = append(out, ns)
			}
		}
	}
	return out
}

func replaceMentions(s sample, names map[string][][]string, share float64, rng *rand.Rand) (sample, bool) {
	var words []string
	var spans []Mention
	changed := false
	prev := 0
	for _, m := range s.spans {
		for _, t := range s.toks[prev:m.Start] {
			words = append(words, t.Text)
		}
		var repl []string
		if pool := names[m.Type]; len(pool) > 0 && rng.Float64() < share {
			repl = pool[rng.IntN(len(pool))]
			changed = true
			// "President Zelenskyy", "Mr. Smith": a title before a person
			// is not part of the name.
			if titles := names[titleKey]; m.Type == Person && len(titles) > 0 && rng.Float64() < 0.3 {
				words = append(words, titles[rng.IntN(len(titles))]...)
			}
		} else {
			for _, t := range s.toks[m.Start:m.End] {
				repl = append(repl, t.Text)
			}
		}
		spans = append(spans, Mention{Start: len(words), End: len(words) + len(repl), Type: m.Type})
		words = append(words, repl...)
		prev = m.End
	}
	for _, t := range s.toks[prev:] {
		words = append(words, t.Text)
	}
	if !changed {
		return sample{}, false
	}
	return sample{id: s.id + "+r", src: s.src, toks: tokensOf(words), spans: spans}, true
}
