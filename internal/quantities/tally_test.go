package quantities

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestTally(t *testing.T) {
	tests := []struct {
		text            string
		killed, injured int
	}{
		{"Two people were killed and three others were wounded in the attack on Friday. The two victims were named by police.", 2, 3},
		{"A man was shot and killed outside a store on Elm Road late Sunday.", 1, 0},
		{"Teen killed in weekend shooting\n\nPolice are looking for the gunman.", 1, 0},
		{"Four people were shot, one fatally, at a party. The others were taken to a hospital.", 1, 3},
		{"A man and a woman were found dead in their home on Tuesday.", 2, 0},
		{"A 30-year-old man shot his wife and then turned the gun on himself, police said. She died at the scene.", 2, 0},
		{"The shooting left one man dead and five people injured.", 1, 5},
		{"A 7-year-old boy was wounded by a stray bullet. He is expected to survive.", 0, 1},
		{"Police said nobody was hurt when shots were fired at the house.", 0, 0},
		{"The boy died after accidentally shooting himself with his father's gun.", 1, 0},
		{"A woman was killed on Sunday. The state has 12.5 deaths per 100,000 people, and more than 400 people died in 2015 from gunfire.", 1, 0},
		{"The father killed his two sons and then turned the gun on himself.", 3, 0},
		{"The victim, 24-year-old Sam Doe, was pronounced dead at the scene.", 1, 0},
		{"Police said the man could have killed someone, but nobody died.", 0, 0},
		{"Detectives are investigating a double homicide on Oak Street.", 2, 0},
		{"He faces two counts of attempted murder.", 0, 0},
		{"Ex-soldier killed 6-year-old boy, wife, himself", 3, 0},
		// headlines: bare numbers, passives without "were", participles
		{"One killed, two hurt in Elm Park shooting", 1, 2},
		{"Two teens killed in crash on Route 9", 2, 0},
		{"Three shot, one killed Sunday on Main Street", 1, 2},
		{"Neighbor arrested in fatal Main Street shooting", 1, 0},
		{"Man charged in shooting deaths of mother, brother", 2, 0},
		{"Farmer kills self after barn fire", 1, 0},
		// victims of one predicate end at the next one
		{"The gunman killed two people and injured three others at the mall.", 2, 3},
		// murder charges count the dead, attempted murder does not
		{"A man was arrested on Friday. He faces three counts of first-degree murder.", 3, 0},
		{"She faces two counts of attempted murder and one count of robbery.", 0, 0},
		// ordinals and ages
		{"A third victim has died after Sunday's shooting on Elm Street.", 3, 0},
		{"Two brothers, 10 and 12, were killed in the fire.", 2, 0},
		// deaths told long after the lead are about other incidents
		{"A man was shot in the leg on Elm Street on Monday. He is expected to survive. " +
			"Police have no suspect. Neighbors heard four shots. The man was walking home. " +
			"A car drove off. Officers searched the area. Nobody was arrested. The street was closed. " +
			"Police asked for tips. Last month, a woman was killed two blocks away.", 0, 1},
	}
	for _, tc := range tests {
		sents := parse(t, tc.text)
		got := Tally(sents, Find(tc.text, sents))
		if got.Killed != tc.killed || got.Injured != tc.injured {
			t.Errorf("Tally(%q) = killed %d, injured %d; want %d, %d", tc.text, got.Killed, got.Injured, tc.killed, tc.injured)
		}
	}
}

// FuzzTally checks that Tally stays bounded and never panics on any
// tagging and parse of any words, however wrong.
func FuzzTally(f *testing.F) {
	f.Add("Two killed , 3 hurt : kills self", []byte{1, 2, 3, 4, 5, 6, 7})
	f.Add("his sons , 10 and 12 , a third victim died", []byte{0, 9, 200, 13})
	f.Add("faces two counts of murder deaths of mother , brother", []byte{255})
	upos := []string{"NUM", "NOUN", "VERB", "ADJ", "PROPN", "PRON", "PUNCT", "DET", "ADV", "CCONJ"}
	xpos := []string{"CD", "NN", "VBD", "JJ", "NNP", "PRP", ",", "DT", "RB", "NNS", "VBN", "VBG"}
	rels := []string{"nsubj", "nsubj:pass", "obj", "conj", "nummod", "amod", "acl", "nmod", "compound", "xcomp", "cc", "root"}
	f.Fuzz(func(t *testing.T, text string, shape []byte) {
		words := strings.Fields(text)
		if len(words) > 200 {
			words = words[:200]
		}
		toks := make([]model.Token, len(words))
		for i, w := range words {
			b := byte(i)
			if len(shape) > 0 {
				b = shape[i%len(shape)] + byte(i)
			}
			head := int(b)%(len(words)+1) - 1
			toks[i] = model.Token{Text: w, Lemma: strings.ToLower(w), UPOS: upos[int(b)%len(upos)],
				XPOS: xpos[int(b)%len(xpos)], Rel: rels[int(b)%len(rels)], Head: head, NER: "O"}
		}
		sents := []model.Sentence{{Index: 0, Tokens: toks}, {Index: 1, Tokens: toks}}
		c := Tally(sents, Find("", sents))
		if c.Killed < 0 || c.Injured < 0 || c.Killed > maxCasualties || c.Injured > maxCasualties {
			t.Errorf("Tally = %+v, out of bounds", c)
		}
	})
}
