package htmltext

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixedNow is the clock of the golden tests, so that date sanity checks do
// not depend on the day the tests run.
var fixedNow = time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)

func newTestExtractor() *Extractor {
	e := New(Options{})
	e.now = func() time.Time { return fixedNow }
	return e
}

// TestExtractGolden extracts every testdata/*.html page and compares the
// result with testdata/*.golden.json.
func TestExtractGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	e := newTestExtractor()
	for _, path := range pages {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page, err := e.Extract(raw, "https://example.test/"+name)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got, err := json.MarshalIndent(page, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, golden, got, want)
			}
		})
	}
}

// TestExtractNews checks the properties the golden file of the news page
// must have, so that a careless -update cannot hide a regression.
func TestExtractNews(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newTestExtractor().Extract(raw, "https://courier.example/news/2023/03/14/river-arden-floods?ref=home")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(page.Paragraphs, "\n")

	for _, want := range []string{
		"Hundreds of homes in Marlowe were evacuated",
		`"We have never seen the river rise this quickly,"`,
		"Schools closed",
		"We are asking everyone in the warning areas",
		"Call the flood line on 0300 000 0000 for updates on warnings.",
		`"This is going to take months, not weeks," she said.`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, clutter := range []string{
		"Photo: Courier staff",                  // figcaption
		"Volunteers fill sandbags",              // caption by class
		"Council approves new flood barrier",    // related box
		"morning briefing",                      // newsletter box
		"Share on Social",                       // share widget
		"Read more: The great flood",            // related link
		"All rights reserved",                   // footer
		"River Arden bursts its banks as storm", // headline is not body
	} {
		if strings.Contains(text, clutter) {
			t.Errorf("body keeps clutter %q", clutter)
		}
	}
	for _, p := range page.Paragraphs {
		if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "  ") || strings.ContainsAny(p, "\n\t") {
			t.Errorf("paragraph not normalised: %q", p)
		}
	}
	if len(page.Paragraphs) < 8 {
		t.Errorf("got %d paragraphs, want one per block (at least 8): %q", len(page.Paragraphs), page.Paragraphs)
	}

	checks := []struct{ field, got, want string }{
		{"Title", page.Title, "River Arden bursts its banks as storm hits Marlowe"},
		{"Site", page.Site, "The Marlowe Courier"},
		{"Published", page.Published, "2023-03-14"},
		{"URL", page.URL, "https://courier.example/news/2023/03/14/river-arden-floods"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestExtractCharset(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "latin1.html"))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(raw) {
		t.Fatal("fixture latin1.html must not be valid UTF-8")
	}
	page, err := newTestExtractor().Extract(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(page.Paragraphs, "\n")
	if !utf8.ValidString(text) || !utf8.ValidString(page.Title) {
		t.Fatalf("output is not valid UTF-8: %q", text)
	}
	for _, want := range []string{"Café owners in Zürich", "Anna Müller"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q (charset not decoded?): %q", want, text)
		}
	}
	if want := "Zürich café owners protest new terrace rules"; page.Title != want {
		t.Errorf("Title = %q, want %q", page.Title, want)
	}
}

func TestExtractLooseText(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "loose.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newTestExtractor().Extract(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"The harbour at Port Ellis reopened",
		"Engineers rebuilt forty metres",
		"Harbour master Owen Price said",
		"The harbour board will meet next month",
	}
	var got []string
	for _, p := range page.Paragraphs {
		for _, w := range want {
			if strings.HasPrefix(p, w) {
				got = append(got, w)
			}
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraph starts = %q, want %q (one paragraph per <br><br> block)\nparagraphs: %q", got, want, page.Paragraphs)
	}
	if page.URL != "https://gazette.example/harbour-reopens" {
		t.Errorf("URL = %q, want the og:url", page.URL)
	}
}

func TestExtractTableAndFutureDate(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "table.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newTestExtractor().Extract(raw, "https://ledger.example/turnout")
	if err != nil {
		t.Fatal(err)
	}
	if page.Published != "" {
		t.Errorf("Published = %q, want \"\" for a date in 2099", page.Published)
	}
	text := strings.Join(page.Paragraphs, "\n")
	if !strings.Contains(text, "Easthaven | 54% | 61%") {
		t.Errorf("table row not kept as one paragraph with cells: %q", page.Paragraphs)
	}
}

func TestExtractOldStyle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "oldstyle.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newTestExtractor().Extract(raw, "")
	if err != nil {
		t.Fatalf("Extract (unclosed <title>, text in a <span> with <br>): %v", err)
	}
	want := []string{
		"GREENFORD -- The Valley council voted",
		"The new bridge will keep the old arches",
		"Work is due to start in the spring",
	}
	if len(page.Paragraphs) < len(want) {
		t.Fatalf("got %d paragraphs, want at least %d: %q", len(page.Paragraphs), len(want), page.Paragraphs)
	}
	for i, w := range want {
		if !strings.HasPrefix(page.Paragraphs[i], w) {
			t.Errorf("paragraph %d = %q, want it to start with %q", i, page.Paragraphs[i], w)
		}
	}
	if page.Title != "Valley council votes to rebuild the old bridge" {
		t.Errorf("Title = %q", page.Title)
	}
}

func TestParagraphs(t *testing.T) {
	long := strings.Repeat("word ", 50)
	tests := []struct {
		name, html string
		want       []string
	}{
		{"blocks and inline", "<p>One <b>bold</b> <a href=x>link</a>.</p><h2>Head</h2><div>Div text</div>",
			[]string{"One bold link.", "Head", "Div text"}},
		{"line breaks", "<p>Line one<br>Line two<br><br>Line three</p>", []string{"Line one", "Line two", "Line three"}},
		{"lists", "<ul><li>First</li><li>Second <ul><li>Nested</li></ul></li></ul>", []string{"First", "Second", "Nested"}},
		{"pre", "<pre>a = 1\n\n  b = 2</pre>", []string{"a = 1", "b = 2"}},
		{"skipped", "<p>Text<script>var x;</script><style>p{}</style></p><figcaption>Cap</figcaption>", []string{"Text"}},
		{"data table", "<table><tr><th>City</th><th>Votes</th></tr><tr><td>Arden</td><td>12</td></tr></table>",
			[]string{"City | Votes", "Arden | 12"}},
		{"layout table", "<table><tr><td>Nav<br>Links</td><td><p>" + long + "</p></td></tr></table>",
			[]string{"Nav", "Links", strings.TrimSpace(long)}},
		{"whitespace", "<p>  a\n\t b\u00a0c  </p><p> </p>", []string{"a b c"}},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := paragraphs(doc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: paragraphs(%q) = %q, want %q", tt.name, tt.html, got, tt.want)
		}
	}
	// trafilatura builds elements by name only, without an atom
	root := &html.Node{Type: html.ElementNode, Data: "body"}
	tr := &html.Node{Type: html.ElementNode, Data: "tr"}
	for _, cell := range []string{"A", "B"} {
		td := &html.Node{Type: html.ElementNode, Data: "td"}
		td.AppendChild(&html.Node{Type: html.TextNode, Data: cell})
		tr.AppendChild(td)
	}
	root.AppendChild(tr)
	if got, want := paragraphs(root), []string{"A | B"}; !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs(atom-less row) = %q, want %q", got, want)
	}
}

func TestMergeSplitBodies(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + strings.Repeat(" More words to make this paragraph long enough to count.", 3) + "</p>"
	}
	part := func(a, b, c string) string {
		return `<div class="story-body">` + para(a) + para(b) + para(c) + `</div>`
	}
	page := `<html><body><main>` + part("P1", "P2", "P3") + `<div class="ad">Advert</div>` +
		`<section>` + part("P4", "P5", "P6") + `</section>` +
		`<div class="comments"><div class="comment-text">` + para("C1") + para("C2") + para("C3") + `</div>` +
		`<div class="comment-text">` + para("C4") + para("C5") + para("C6") + `</div></div></main></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	mergeSplitBodies(doc)
	var bodies, comments []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch className(n) {
		case "story-body":
			bodies = append(bodies, n)
		case "comment-text":
			comments = append(comments, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
	if len(bodies) != 1 {
		t.Fatalf("got %d story-body containers after merging, want 1", len(bodies))
	}
	var starts []string
	for _, p := range paragraphs(bodies[0]) {
		starts = append(starts, p[:2])
	}
	if want := []string{"P1", "P2", "P3", "P4", "P5", "P6"}; !reflect.DeepEqual(starts, want) {
		t.Errorf("merged body paragraphs start %q, want %q", starts, want)
	}
	if len(comments) != 2 {
		t.Errorf("got %d comment containers, want 2 (comments are never merged)", len(comments))
	}
}

func TestLongText(t *testing.T) {
	long := strings.Repeat("x", longParagraph)
	tests := []struct {
		paras []string
		want  int
	}{
		{nil, 0},
		{[]string{"Home", "News", "Sport"}, 0},
		{[]string{long, "short", long + "y"}, 2*longParagraph + 1},
	}
	for _, tt := range tests {
		if got := longText(tt.paras); got != tt.want {
			t.Errorf("longText(%d paragraphs) = %d, want %d", len(tt.paras), got, tt.want)
		}
	}
}

func TestFallbackPolicies(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, fb := range []Fallback{FallbackWeak, FallbackNever, FallbackAlways} {
		page, err := New(Options{Fallback: fb}).Extract(raw, "")
		if err != nil {
			t.Fatalf("fallback %d: %v", fb, err)
		}
		if first == nil {
			first = page.Paragraphs
			continue
		}
		// the news page has a clear body: no policy may change it
		if !reflect.DeepEqual(page.Paragraphs, first) {
			t.Errorf("fallback %d gives %q, want %q", fb, page.Paragraphs, first)
		}
	}
}

func TestCapParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for i := 0; i < maxParagraphs+200; i++ {
		fmt.Fprintf(&b, "<div><p>Paragraph number %d.</p></div>", i)
	}
	b.WriteString("</article></body></html>")
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	capParagraphs(doc)
	paras := paragraphs(doc)
	if len(paras) != maxParagraphs {
		t.Fatalf("kept %d paragraphs, want %d", len(paras), maxParagraphs)
	}
	if last := paras[len(paras)-1]; last != fmt.Sprintf("Paragraph number %d.", maxParagraphs-1) {
		t.Errorf("last kept paragraph = %q, want the first ones in document order", last)
	}

	big := "<p>" + strings.Repeat("word ", maxParagraphBytes/4+1) + "</p><p>after the limit</p>"
	doc, err = html.Parse(strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	capParagraphs(doc)
	if got := paragraphs(doc); len(got) != 1 {
		t.Errorf("kept %d paragraphs after %d bytes of text, want 1", len(got), maxParagraphBytes)
	}
}

func TestExtractNoContent(t *testing.T) {
	tests := []struct {
		name string
		page string
	}{
		{"empty", ""},
		{"spaces", " \n\t "},
		{"empty body", "<html><head><title></title></head><body></body></html>"},
		{"scripts only", "<html><body><script>var a = 1;</script><style>p{}</style></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract([]byte(tt.page), "")
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("Extract(%q) = %q, %v; want ErrNoContent", tt.page, page.Paragraphs, err)
			}
		})
	}
}

func TestPublishedDate(t *testing.T) {
	e := newTestExtractor()
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), "1990-01-01"},
		{fixedNow.Add(20 * time.Hour), "2024-01-16"},
		{fixedNow.Add(48 * time.Hour), ""},
	}
	for _, tt := range tests {
		if got := e.publishedDate(tt.in); got != tt.want {
			t.Errorf("publishedDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		title, site, want string
	}{
		{"Festival opens | Inexhibit", "Inexhibit magazine", "Festival opens"}, // by host
		{"Festival opens - Other", "Inexhibit magazine", "Festival opens - Other"},
		{"Talks resume | Example News", "Example News", "Talks resume"},
		{"Talks resume - The Example-News", "the example news", "Talks resume"},
		{"Example News: Talks resume", "Example News", "Example News: Talks resume"},
		{"Example News | Talks resume", "Example News", "Talks resume"},
		{"Ceasefire holds - for now", "Example News", "Ceasefire holds - for now"},
		{"Talks resume | Example News", "", "Talks resume | Example News"},
		{"Talks resume - Example - News for all", "Example - News for all", "Talks resume"},
		{"", "Example News", ""},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, "www.inexhibit.com"); got != tt.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestCleanSite(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Example News", "Example News"},
		{"Example News; Example News Online", "Example News"},
		{"Copyright 2014", ""},
		{"© Example Media", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanSite(tt.in); got != tt.want {
			t.Errorf("cleanSite(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRepairTitle(t *testing.T) {
	long := strings.Repeat("x", maxTitleBytes+10)
	tests := []struct{ name, in, want string }{
		{"closed", "<title>A</title><p>b</p>", "<title>A</title><p>b</p>"},
		{"unclosed", "<title>A\n<script>s</script><p>b</p>", "<title>A\n</title><script>s</script><p>b</p>"},
		{"closed far away", "<TITLE>A<p>" + long + "</title>", "<TITLE>A</title><p>" + long + "</title>"},
		{"no title", "<p>b</p>", "<p>b</p>"},
		{"no tag after", "<title>A", "<title>A"},
	}
	for _, tt := range tests {
		if got := string(repairTitle([]byte(tt.in))); got != tt.want {
			t.Errorf("%s: repairTitle(%.40q) = %.60q, want %.60q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestDropHeadlines(t *testing.T) {
	paras := []string{
		"Flood waters rise",
		"Flood waters rise in Marlowe as the river bursts its banks.",
		"FLOOD WATERS RISE",
		"Body text continues here.",
		"Flood waters rise",
	}
	got := dropHeadlines(paras, "Flood waters rise", "Flood waters rise | Courier")
	want := []string{"Flood waters rise in Marlowe as the river bursts its banks.", "Body text continues here."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dropHeadlines = %q, want %q", got, want)
	}
	got = dropHeadlines([]string{"Talks resume", "Body."}, "", "Courier - Talks resume")
	if want := []string{"Body."}; !reflect.DeepEqual(got, want) {
		t.Errorf("dropHeadlines with raw title = %q, want %q", got, want)
	}
	if got := dropHeadlines([]string{"Talks"}, "Talks resume"); len(got) != 1 {
		t.Errorf("a paragraph that is only part of the title was dropped: %q", got)
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \n\t b  ", "a b"},
		{"a\u00a0b\u2009c", "a b c"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"},
		{"e\u0301te\u0301", "été"}, // NFC
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\x01\x02", ""},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBoxName(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"wp-caption-text", true},
		{"relatedArticles", true},
		{"newsletter-signup", true},
		{"js-share-tools", true},
		{"socialLinks", true},
		{"promo-box", true},
		{"article-body", false},
		{"story-content", false},
		{"shareholders-meeting", true}, // a word prefix; the weight guard protects real text
		{"nonsocial", false},
		{"compromise", false},
	}
	for _, tt := range tests {
		if got := boxName(tt.v); got != tt.want {
			t.Errorf("boxName(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8", []byte("<p>Zürich</p>"), "<p>Zürich</p>"},
		{"utf8 bom", []byte("\xef\xbb\xbf<p>a</p>"), "<p>a</p>"},
		{"declared latin1", []byte(`<meta charset="iso-8859-1"><p>Z` + "\xfc" + `rich</p>`), `<meta charset="iso-8859-1"><p>Zürich</p>`},
		{"undeclared latin1", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"declared utf8, broken", []byte(`<meta charset="utf-8"><p>a` + "\xff" + `b</p>`), `<meta charset="utf-8"><p>a` + "\uFFFD" + `b</p>`},
		{"utf16le bom", []byte("\xff\xfe<\x00p\x00>\x00"), "<p>"},
		{"latin1 declared but utf8 bytes", []byte(`<meta charset="iso-8859-1"><p>Zürich</p>`), `<meta charset="iso-8859-1"><p>Zürich</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode(tt.in)
			if string(got) != tt.want {
				t.Errorf("decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.Valid(got) {
				t.Errorf("decode(%q) is not valid UTF-8", tt.in)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	base, want := "https://news.example/a/b?x=1", "https://news.example/c"
	tests := []struct{ u, base, want string }{
		{"/c", base, want},
		{"https://news.example/c", "", want},
		{"/c", "", ""},
		{"javascript:alert(1)", base, ""},
		{"", base, base},
	}
	for _, tt := range tests {
		b := parseBase(tt.base)
		if got := canonicalURL(tt.u, b); got != tt.want {
			t.Errorf("canonicalURL(%q, %q) = %q, want %q", tt.u, tt.base, got, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	// Small seeds keep the fuzzer's input minimisation fast.
	for _, seed := range []string{
		"",
		"<p>short</p>",
		`<html><head><meta charset="iso-8859-1"><title>A | B</title><meta property="og:site_name" content="B"></head>` +
			"<body><article><h1>A</h1><p>Caf\xe9 text long enough to count as a paragraph of an article body, with a few more words.</p>" +
			`<figure><figcaption>Photo caption</figcaption></figure><div class="related"><a href="/x">Other</a></div></article></body></html>`,
		"<html><body><div>loose text<br>more loose text that is long enough to be wrapped in a paragraph</div></body></html>",
		"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",
		"<table><tr><td><table><tr><td>nested cell text</td></tr></table></td></tr></table>",
		`<meta charset="shift_jis"><p>` + "\x82\xa0\x82\xa2" + `</p>`,
		`<ul><li><a href="/a">link only</a></li><li>text item that is not a link</li></ul><pre>code
block</pre>`,
		`<div class="share-tools article-body"><p>` + strings.Repeat("Body text in a box-named container. ", 8) + `</p></div>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		page, err := Extract(b, "https://fuzz.example/page")
		if err != nil {
			return
		}
		if len(page.Paragraphs) == 0 {
			t.Fatal("no error but no paragraphs")
		}
		for _, p := range page.Paragraphs {
			if p == "" || !utf8.ValidString(p) || p != strings.TrimSpace(p) {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		for _, s := range []string{page.Title, page.Site, page.URL, page.Published} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in metadata %q", s)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(raw, "https://courier.example/news/1"); err != nil {
			b.Fatal(err)
		}
	}
}
