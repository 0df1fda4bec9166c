package coref

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/ner"
	"github.com/vigilhq/vigil/internal/nlp"
	"github.com/vigilhq/vigil/internal/nlp/meantime"
	"github.com/vigilhq/vigil/internal/segment"
	"github.com/vigilhq/vigil/internal/shareddata"
)

// This file scores within-document entity coreference on MEANTIME
// (intra-doc annotation: entity mentions linked by REFERS_TO to one entity
// per chain). Only the chains of people, organisations and places are
// scored, the entity types vigil resolves. MEANTIME annotates only the
// entities that take part in its events, so a system mention that matches
// no gold mention is left out rather than counted wrong; a gold mention we
// did not find counts as a singleton of ours. Splits follow the usual
// MEANTIME use: airbus, apple and gm to develop on, stock to test.

// goldMention is one scored gold mention: a byte span of the rebuilt text.
type goldMention struct {
	start, end int
	chain      string
	syntax     string // NAM, NOM, PRO, ...
	text       string
	head       int // byte offset of the approximate head word
}

type goldDoc struct {
	name     string
	text     string
	date     time.Time
	mentions []goldMention // in text order
}

// readGold reads one CAT file and rebuilds its text, one gold sentence per
// line, with spaces between tokens except before closing punctuation.
func readGold(path string) (goldDoc, error) {
	doc, err := meantime.ReadFile(path)
	if err != nil {
		return goldDoc{}, err
	}
	type span struct{ start, end int }
	where := make(map[string]span, len(doc.Tokens))
	var b strings.Builder
	sent := -1
	prev := ""
	quoteOpen := false
	sentText := map[int]*strings.Builder{}
	for _, t := range doc.Tokens {
		w := strings.TrimSpace(t.Text)
		if w == "" {
			continue
		}
		if t.Sentence != sent {
			if sent >= 0 {
				b.WriteByte('\n')
			}
			sent, prev = t.Sentence, ""
			sentText[sent] = &strings.Builder{}
		} else if spaceBefore(prev, w, quoteOpen) {
			b.WriteByte(' ')
		}
		if w == "\"" {
			quoteOpen = !quoteOpen
		}
		where[t.ID] = span{b.Len(), b.Len() + len(w)}
		b.WriteString(w)
		sentText[sent].WriteString(w + " ")
		prev = w
	}
	g := goldDoc{name: strings.TrimSuffix(filepath.Base(path), ".xml"), text: b.String()}
	if st, ok := sentText[1]; ok {
		if d, err := time.Parse("January 02 , 2006", strings.TrimSpace(st.String())); err == nil {
			g.date = d
		}
	}
	entType := map[string]string{}
	for _, e := range doc.Markables.Entities {
		entType[e.ID] = e.Type
	}
	chainOf := map[string]string{}
	for _, r := range doc.Relations.RefersTo {
		switch entType[r.Target.ID] {
		case "PER", "ORG", "LOC":
		default:
			continue
		}
		for _, s := range r.Sources {
			chainOf[s.ID] = r.Target.ID
		}
	}
	for _, m := range doc.Markables.Mentions {
		chain, ok := chainOf[m.ID]
		if !ok || len(m.Anchors) == 0 {
			continue
		}
		st, en := -1, -1
		for _, a := range m.Anchors {
			sp, ok := where[a.ID]
			if !ok {
				continue
			}
			if st < 0 || sp.start < st {
				st = sp.start
			}
			if sp.end > en {
				en = sp.end
			}
		}
		if st < 0 {
			continue
		}
		g.mentions = append(g.mentions, goldMention{start: st, end: en, chain: chain, syntax: m.Syntax, text: g.text[st:en]})
	}
	sort.SliceStable(g.mentions, func(i, j int) bool { return g.mentions[i].start < g.mentions[j].start })
	// A mention inside a longer mention of the same chain ("EADS" in
	// "Airbus parent EADS") is the same reference: keep the outer one.
	kept := g.mentions[:0]
	for i, m := range g.mentions {
		inner := false
		for j, o := range g.mentions {
			if j != i && o.chain == m.chain && o.start <= m.start && o.end >= m.end && (o.end-o.start > m.end-m.start || j < i) {
				inner = true
				break
			}
		}
		if !inner {
			kept = append(kept, m)
		}
	}
	g.mentions = kept
	for i := range g.mentions {
		g.mentions[i].head = headOfGold(g.text, g.mentions[i].start, g.mentions[i].end)
	}
	return g, nil
}

// headOfGold approximates the head word of a gold span: its last word,
// before an opening parenthesis ("the United States Air Force (USAF"), a
// comma ("Steve Jobs, the chief executive"), a preposition or a relative
// pronoun ("the manufacturer of the iPhone").
func headOfGold(text string, start, end int) int {
	sp := text[start:end]
	for _, sep := range []string{" (", ", ", " of ", " in ", " on ", " at ", " from ", " for ", " with ", " to ", " who ", " which ", " that "} {
		if i := strings.Index(sp, sep); i > 0 {
			sp = sp[:i]
		}
	}
	sp = strings.TrimRight(sp, " ,")
	return start + strings.LastIndexByte(sp, ' ') + 1
}

func spaceBefore(prev, w string, quoteOpen bool) bool {
	switch w {
	case ",", ".", ":", ";", "?", "!", ")", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m":
		return false
	case "\"":
		return !quoteOpen
	}
	switch prev {
	case "(", "$", "US$", "#":
		return false
	case "\"":
		return !quoteOpen
	}
	return true
}

// sysMention is a mention of the system being scored, as a byte span with
// the span of its head word.
type sysMention struct {
	start, end         int
	headStart, headEnd int
	cluster            int
	kind               string
}

// align matches each gold mention with at most one system mention: the
// one whose head word lies inside the gold span, with the largest overlap.
// It returns, per gold mention, the index of the system mention or -1.
func align(gold []goldMention, sys []sysMention) []int {
	used := make([]bool, len(sys))
	out := make([]int, len(gold))
	for gi, g := range gold {
		out[gi] = -1
		best, bestOver := -1, -1
		for si, s := range sys {
			if used[si] || s.headStart < g.start || s.headEnd > g.end {
				continue
			}
			over := min(s.end, g.end) - max(s.start, g.start)
			if s.start == g.start && s.end == g.end {
				over += 1 << 20
			}
			if s.headStart <= g.head && g.head < s.headEnd || s.start <= g.head && g.head < s.end {
				over += 1 << 16
			}
			if over > bestOver {
				best, bestOver = si, over
			}
		}
		if best >= 0 {
			used[best] = true
			out[gi] = best
		}
	}
	return out
}

// scores accumulates MUC and B-cubed counts and pronoun and description
// accuracy over documents.
type scores struct {
	mucRN, mucRD, mucPN, mucPD float64
	b3P, b3R                   float64
	mentions                   int
	found                      int
	pron, pronOK, pronLinked   int
	nom, nomOK                 int
}

// add scores one document: key are gold chain ids per gold mention,
// response the system cluster per gold mention (unique negative ids for
// gold mentions the system did not find).
func (s *scores) add(gold []goldMention, resp []int, sysKinds []string) {
	key := make([]string, len(gold))
	for i := range gold {
		key[i] = gold[i].chain
	}
	// MUC recall: for each key chain, |K| - partitions(K by response)
	mucCount := func(a []string, b []int, byA bool) (num, den float64) {
		groups := map[string][]int{}
		if byA {
			for i, k := range a {
				groups[k] = append(groups[k], i)
			}
		} else {
			for i, r := range b {
				groups[fmt.Sprint(r)] = append(groups[fmt.Sprint(r)], i)
			}
		}
		for _, idx := range groups {
			parts := map[string]bool{}
			for _, i := range idx {
				if byA {
					parts[fmt.Sprint(b[i])] = true
				} else {
					parts[a[i]] = true
				}
			}
			num += float64(len(idx) - len(parts))
			den += float64(len(idx) - 1)
		}
		return num, den
	}
	n, d := mucCount(key, resp, true)
	s.mucRN += n
	s.mucRD += d
	n, d = mucCount(key, resp, false)
	s.mucPN += n
	s.mucPD += d
	for i := range gold {
		inter, kSize, rSize := 0, 0, 0
		for j := range gold {
			sk, sr := key[j] == key[i], resp[j] == resp[i]
			if sk {
				kSize++
			}
			if sr {
				rSize++
			}
			if sk && sr {
				inter++
			}
		}
		s.b3P += float64(inter) / float64(rSize)
		s.b3R += float64(inter) / float64(kSize)
		s.mentions++
		if resp[i] >= 0 {
			s.found++
		}
	}
	// pronouns and descriptions with an earlier mention of their chain
	for i, g := range gold {
		earlier := false
		ok := false
		for j := 0; j < i; j++ {
			if key[j] == key[i] {
				earlier = true
				if resp[i] >= 0 && resp[j] == resp[i] {
					ok = true
				}
			}
		}
		if !earlier {
			continue
		}
		switch {
		case g.syntax == "PRO" && thirdPerson(g.text):
			s.pron++
			if ok {
				s.pronOK++
			}
			if resp[i] >= 0 && sysKinds[i] == KindPronoun {
				s.pronLinked++
			}
		case g.syntax == "NOM":
			s.nom++
			if ok {
				s.nomOK++
			}
		}
	}
}

func thirdPerson(w string) bool {
	_, ok := pronounOf(&model.Token{Text: strings.ToLower(w), UPOS: "PRON"})
	return ok
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func (s *scores) muc() (p, r, f float64) {
	p, r = ratio(s.mucPN, s.mucPD), ratio(s.mucRN, s.mucRD)
	return p, r, f1(p, r)
}

func (s *scores) b3() (p, r, f float64) {
	p, r = ratio(s.b3P, float64(s.mentions)), ratio(s.b3R, float64(s.mentions))
	return p, r, f1(p, r)
}

func (s *scores) row(name string) string {
	mp, mr, mf := s.muc()
	bp, br, bf := s.b3()
	return fmt.Sprintf("| %s | %d | %.3f | %.3f %.3f **%.3f** | %.3f %.3f **%.3f** | %.3f (%d/%d) | %.3f (%d/%d) |",
		name, s.mentions, ratio(float64(s.found), float64(s.mentions)), mp, mr, mf, bp, br, bf,
		ratio(float64(s.pronOK), float64(s.pron)), s.pronOK, s.pron,
		ratio(float64(s.nomOK), float64(s.nom)), s.nomOK, s.nom)
}

// meantimeRun holds what scoring one split needs, so the models load once.
type meantimeRun struct {
	nlp *nlp.Annotator
	res *Resolver
}

// scoreDoc parses and resolves one gold document and adds it to the
// scores of vigil (full), of the stub that kept every named mention apart
// (base) and of exact string match between named mentions (exact).
func (r *meantimeRun) scoreDoc(g goldDoc, full, base, exact *scores, dump io.Writer) {
	sents := r.nlp.Annotate(g.text, segment.Split(g.text))
	var ents []model.Entity
	for i := range sents {
		s := &sents[i]
		for _, m := range ner.Mentions(s) {
			st, en := s.Tokens[m.Start].Start, s.Tokens[m.End-1].End
			ents = append(ents, model.Entity{Text: g.text[st:en], Type: m.Type, Sentence: s.Index, Start: st, End: en})
		}
	}
	ch := r.res.Resolve(g.text, sents, ents, g.date)
	var sys []sysMention
	for _, m := range ch.Mentions {
		toks := sents[m.Sentence].Tokens
		sys = append(sys, sysMention{start: toks[m.Start].Start, end: toks[m.End-1].End,
			headStart: toks[m.Head].Start, headEnd: toks[m.Head].End, cluster: m.Cluster, kind: m.Kind})
	}
	full.add(g.mentions, responses(g.mentions, sys), kinds(g.mentions, sys))
	var stub []sysMention
	for i, e := range ents {
		// the stub's mentions are the named entities, each its own cluster
		stub = append(stub, sysMention{start: e.Start, end: e.End, headStart: e.End - 1, headEnd: e.End, cluster: i, kind: KindName})
	}
	base.add(g.mentions, responses(g.mentions, stub), kinds(g.mentions, stub))
	if exact != nil {
		// named entities with the same words (case and diacritics aside)
		// share a cluster
		ids := map[string]int{}
		for i := range stub {
			k := ents[i].Type + "|" + strings.Join(nameWords(ents[i].Text, nil), " ")
			if _, ok := ids[k]; !ok {
				ids[k] = len(ids)
			}
			stub[i].cluster = ids[k]
		}
		exact.add(g.mentions, responses(g.mentions, stub), kinds(g.mentions, stub))
	}
	if dump != nil {
		al := align(g.mentions, sys)
		fmt.Fprintf(dump, "== %s\n", g.name)
		for gi, gm := range g.mentions {
			got := "-"
			if si := al[gi]; si >= 0 {
				m := ch.Mentions[si]
				got = fmt.Sprintf("%s #%d %q", m.Kind, m.Cluster, ch.Clusters[m.Cluster].Name)
			}
			fmt.Fprintf(dump, "%-4s %-14s %-35q -> %s\n", gm.syntax, gm.chain, gm.text, got)
		}
	}
}

func responses(gold []goldMention, sys []sysMention) []int {
	al := align(gold, sys)
	out := make([]int, len(gold))
	for i, si := range al {
		if si < 0 {
			out[i] = -1 - i
		} else {
			out[i] = sys[si].cluster
		}
	}
	return out
}

func kinds(gold []goldMention, sys []sysMention) []string {
	al := align(gold, sys)
	out := make([]string, len(gold))
	for i, si := range al {
		if si >= 0 {
			out[i] = sys[si].kind
		}
	}
	return out
}

// TestMeantime prints MUC, B-cubed, pronoun and description accuracy on
// MEANTIME (see the comment at the top of this file) for the development
// topics and the test topic, against the stub that kept every named
// mention apart. Run: go test -run TestMeantime -v ./internal/coref/
// Set COREF_DUMP=file to write every gold mention with what we linked it to.
func TestMeantime(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 120 articles; skipped in -short")
	}
	dir, err := shareddata.Path("eval", "entities-times-meantime", "intra-doc_annotation")
	if err != nil {
		t.Skip(err)
	}
	a, err := nlp.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	run := &meantimeRun{nlp: a, res: New(kb)}
	var dump io.Writer
	if p := os.Getenv("COREF_DUMP"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = f
	}
	splits := []struct {
		name   string
		topics []string
	}{
		{"dev (airbus, apple, gm)", []string{"corpus_airbus", "corpus_apple", "corpus_gm"}},
		{"test (stock)", []string{"corpus_stock"}},
	}
	var allFull, allBase, allExact scores
	var lines []string
	for _, sp := range splits {
		var full, base, exact scores
		for _, topic := range sp.topics {
			files, err := filepath.Glob(filepath.Join(dir, topic, "*.xml"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no documents in %s: %v", topic, err)
			}
			sort.Strings(files)
			for _, f := range files {
				g, err := readGold(f)
				if err != nil {
					t.Fatal(err)
				}
				var sub, subBase, subExact scores
				run.scoreDoc(g, &sub, &subBase, &subExact, dump)
				for _, pair := range [][2]*scores{{&full, &sub}, {&allFull, &sub}, {&base, &subBase}, {&allBase, &subBase},
					{&exact, &subExact}, {&allExact, &subExact}} {
					pair[0].merge(pair[1])
				}
			}
		}
		lines = append(lines, full.row("vigil, "+sp.name), exact.row("exact match, "+sp.name), base.row("stub, "+sp.name))
		_, _, fm := full.muc()
		_, _, bm := base.muc()
		if fm <= bm {
			t.Errorf("%s: MUC F1 %.3f, not above the stub's %.3f", sp.name, fm, bm)
		}
	}
	lines = append(lines, allFull.row("vigil, all 120"), allExact.row("exact match, all 120"), allBase.row("stub, all 120"))
	t.Log("\n| system, split | gold mentions | found | MUC P R **F1** | B³ P R **F1** | pronoun acc. | description acc. |\n|---|---|---|---|---|---|---|\n" + strings.Join(lines, "\n"))
	if acc := ratio(float64(allFull.pronOK), float64(allFull.pron)); acc < 0.3 {
		t.Errorf("pronoun accuracy %.3f, want at least 0.3", acc)
	}
}

func (s *scores) merge(o *scores) {
	s.mucRN += o.mucRN
	s.mucRD += o.mucRD
	s.mucPN += o.mucPN
	s.mucPD += o.mucPD
	s.b3P += o.b3P
	s.b3R += o.b3R
	s.mentions += o.mentions
	s.found += o.found
	s.pron += o.pron
	s.pronOK += o.pronOK
	s.pronLinked += o.pronLinked
	s.nom += o.nom
	s.nomOK += o.nomOK
}
