package quotes

import (
	"reflect"
	"testing"
)

func TestScanMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][]string // content pieces of each quote
	}{
		{"straight", `He said "we will win" and left.`, [][]string{{"we will win"}}},
		{"curly", "“We will win,” he said.", [][]string{{"We will win"}}},
		{"two in a paragraph", "“One,” she said. “Two three.”", [][]string{{"One"}, {"Two three."}}},
		{"multi paragraph", "“First part.\n“Second part.\n“Third part,” she said.",
			[][]string{{"First part.", "Second part.", "Third part"}}},
		{"unclosed ends with paragraph", "He said: “This never closes.\nThe next paragraph is news.",
			[][]string{{"This never closes."}}},
		{"unclosed straight", "He said: \"This never closes.\nThe next paragraph is news.",
			[][]string{{"This never closes."}}},
		{"two apostrophes", "''We are ready,'' she said.", [][]string{{"We are ready"}}},
		{"stray closing mark", "The 12\" pipe burst.", nil},
		{"empty quote", `He said "" and left.`, nil},
		{"guillemets", "«Nous gagnerons», a-t-il dit.", [][]string{{"Nous gagnerons"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, m := range scanMarks(tt.text) {
				var ps []string
				for _, p := range m.pieces {
					ps = append(ps, tt.text[p.start:p.end])
				}
				got = append(got, ps)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("scanMarks(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanMarksParagraphOpen(t *testing.T) {
	text := "Intro line.\n“Opening quote here,” she said.\nShe added “a partial”."
	ms := scanMarks(text)
	if len(ms) != 2 {
		t.Fatalf("got %d quotes, want 2", len(ms))
	}
	if !ms[0].paraOpen {
		t.Errorf("first quote: paraOpen = false, want true")
	}
	if ms[1].paraOpen {
		t.Errorf("second quote: paraOpen = true, want false")
	}
}

func TestScanMarksBounded(t *testing.T) {
	// An opening mark in every paragraph and no closing mark: the quote
	// stops after MaxParagraphs paragraphs.
	text := ""
	for range 3 * MaxParagraphs {
		text += "“More words here.\n"
	}
	for _, m := range scanMarks(text) {
		if len(m.pieces) > MaxParagraphs {
			t.Fatalf("quote runs over %d paragraphs, want at most %d", len(m.pieces), MaxParagraphs)
		}
		if m.end()-m.start() > MaxQuoteBytes {
			t.Fatalf("quote is %d bytes, want at most %d", m.end()-m.start(), MaxQuoteBytes)
		}
	}
}
