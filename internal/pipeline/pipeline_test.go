package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestProcessText(t *testing.T) {
	p := New(nil, Config{})
	doc := model.Document{
		Origin: "t.txt",
		URL:    "https://www.example.org/world/1",
		Text:   "\n  Troops gather near the border  \n\nRussia has moved troops to the border.\n\nThe Kremlin denied any plan to invade.\n",
	}
	a, err := p.Process(context.Background(), doc)
	if err != nil {
		t.Fatalf("Process: %v", err)
	}
	if got, want := a.Title, "Troops gather near the border"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if strings.Contains(a.Text, "Troops gather") {
		t.Errorf("text %q still holds the headline", a.Text)
	}
	if !strings.Contains(a.Text, "Russia has moved troops") {
		t.Errorf("text %q lost the body", a.Text)
	}
	if a.Source == nil || *a.Source != "example.org" {
		t.Errorf("source = %v, want example.org", a.Source)
	}
	if a.ID != ID(a.Text) || len(a.ID) != 64 {
		t.Errorf("id = %q, want the 64-hex digest of the text", a.ID)
	}
	if a.Published != nil {
		t.Errorf("published = %q, want null", *a.Published)
	}
	for _, s := range a.Sentences {
		if s.Start < 0 || s.End > len(a.Text) || s.Start >= s.End {
			t.Errorf("bad sentence span %+v for text of %d bytes", s, len(a.Text))
		}
	}
	if a.Entities == nil || a.Events == nil || a.Quotes == nil || a.Quantities == nil || a.Places == nil || a.Times == nil || a.Removed == nil {
		t.Errorf("a list of the contract is nil: %+v", a)
	}
}

func TestProcessBadInput(t *testing.T) {
	p := New(nil, Config{MaxText: 1000, MaxHTML: 1000})
	tests := []struct {
		name string
		doc  model.Document
		want error
	}{
		{"empty text", model.Document{Text: "   \n\t"}, ErrEmpty},
		{"binary", model.Document{Text: "abc\x00\x01\x02def"}, ErrBinary},
		{"invalid utf-8", model.Document{Text: "headline\nbody \xff\xfe text here."}, ErrEncoding},
		{"too large text", model.Document{Text: strings.Repeat("word ", 300)}, ErrTooLarge},
		{"too large html", model.Document{HTML: []byte("<html>" + strings.Repeat("<p>x</p>", 300))}, ErrTooLarge},
		{"empty html", model.Document{HTML: []byte("  \n ")}, ErrEmpty},
		{"headline only", model.Document{Text: "Just a headline\n\n"}, ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Process(context.Background(), tt.doc)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(nil, Config{}).Process(ctx, model.Document{Text: "a\nb c."})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestIDNormalises(t *testing.T) {
	a := ID("Russia  moved\ntroops.")
	b := ID(" russia moved troops. ")
	if a != b {
		t.Errorf("ID differs for texts that differ only in case and spacing: %s vs %s", a, b)
	}
	if c := ID("Russia moved tanks."); c == a {
		t.Errorf("ID equal for different texts")
	}
}

func TestHostOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.bbc.co.uk/news/world-1", "bbc.co.uk"},
		{"http://user@Example.com:8080/x?y#z", "example.com"},
		{"", ""},
		{"not a url", "not a url"},
	}
	for _, tt := range tests {
		if got := hostOf(tt.in); got != tt.want {
			t.Errorf("hostOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"a.html", "hello", FormatHTML},
		{"a.TXT", "<html>", FormatText},
		{"-", "\ufeff  <!DOCTYPE html><html>", FormatHTML},
		{"-", "<p>Body</p>", FormatHTML},
		{"-", "Headline\n\nBody text.", FormatText},
		{"noext", "<div class=x>", FormatHTML},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}
