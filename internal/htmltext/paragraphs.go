package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// blockTags start and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Blockquote: true, atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Caption: true, atom.Figure: true, atom.Details: true, atom.Summary: true,
	atom.Address: true, atom.Form: true, atom.Fieldset: true, atom.Center: true, atom.Hgroup: true,
	atom.Body: true, atom.Html: true, atom.Menu: true, atom.Dialog: true,
}

// skipTags never contribute text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Figcaption: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Option: true, atom.Button: true, atom.Textarea: true, atom.Iframe: true,
}

// paragraphs walks a content tree and returns one paragraph per block
// element, line break and table row.
func paragraphs(root *html.Node) []string {
	if root == nil {
		return nil
	}
	w := &walker{}
	w.walk(root)
	w.flush()
	return w.paras
}

type walker struct {
	paras []string
	buf   strings.Builder
}

// flush ends the current paragraph.
func (w *walker) flush() {
	if w.buf.Len() == 0 {
		return
	}
	if p := normalizeSpace(w.buf.String()); p != "" {
		w.paras = append(w.paras, p)
	}
	w.buf.Reset()
}

func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n)
		return
	default:
		return
	}
	a := tagAtom(n)
	switch {
	case skipTags[a]:
		return

	case a == atom.Br || a == atom.Hr:
		w.flush()
		return
	case a == atom.Pre || a == atom.Code && strings.Contains(textOf(n), "\n"):
		w.flush()
		for _, line := range strings.Split(textOf(n), "\n") {
			w.buf.WriteString(line)
			w.flush()
		}
		return
	case a == atom.Tr:
		w.flush()
		w.row(n)
		return
	case blockTags[a] || a == 0 && isCustomBlock(n):
		w.flush()
		w.children(n)
		w.flush()
		return
	case a == atom.Td || a == atom.Th:
		// A cell outside a row: treat as a block.
		w.flush()
		w.children(n)
		w.flush()
		return
	}
	w.children(n)
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// maxCell is the longest cell text, in bytes, of a data table.
const maxCell = 200

// row emits a table row. A row of a data table (every cell one short
// paragraph) becomes one paragraph, cells separated by " | "; a row of a
// layout table gives each paragraph of its cells on its own.
func (w *walker) row(tr *html.Node) {
	var cells [][]string
	layout := false
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		sub := &walker{}
		sub.walk(c)
		sub.flush()
		if len(sub.paras) == 0 {
			continue
		}
		if len(sub.paras) > 1 || len(sub.paras[0]) > maxCell {
			layout = true
		}
		cells = append(cells, sub.paras)
	}
	if layout {
		for _, c := range cells {
			w.paras = append(w.paras, c...)
		}
		return
	}
	joined := make([]string, len(cells))
	for i, c := range cells {
		joined[i] = strings.Join(c, " ")
	}
	if len(joined) > 0 {
		w.paras = append(w.paras, strings.Join(joined, " | "))
	}
}

// tagAtom returns the atom of element n. Elements that trafilatura creates
// carry only their name, not the atom.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// isCustomBlock reports whether an element unknown to the HTML spec (as
// trafilatura's own "done" markers) should be treated as a block: it is if
// it holds block children.
func isCustomBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[tagAtom(c)] {
			return true
		}
	}
	return false
}

// textOf returns the concatenated text under n, skipping script-like tags.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[tagAtom(n)] {
				return
			}
			if tagAtom(n) == atom.Br {
				b.WriteByte('\n')
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// normalizeSpace collapses every run of white space to one space, drops
// invisible format characters (soft hyphen, zero-width space, BOM), trims the
// ends, repairs invalid UTF-8 and returns the text in Unicode NFC.
func normalizeSpace(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u00AD', r == '\u200B', r == '\u2060', r == '\uFEFF':
			continue
		case r < 0x20 || r == 0x7F || 0x80 <= r && r < 0xA0:
			// control characters carry no text
			space = space || b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// dropHeadlines removes the paragraphs that repeat the headline; titles are
// the headline and the page's raw title.
func dropHeadlines(paras []string, titles ...string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if isHeadline(p, titles) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// isHeadline reports whether p is one of titles, or one of them without a
// site name joined by a separator ("Headline | Site", "Site - Headline").
func isHeadline(p string, titles []string) bool {
	for _, t := range titles {
		if t == "" || len(p) > len(t) {
			continue
		}
		if strings.EqualFold(p, t) {
			return true
		}
		for _, sep := range titleSeparators {
			if len(t) > len(p)+len(sep) && (strings.EqualFold(t[:len(p)], p) && strings.HasPrefix(t[len(p):], sep) ||
				strings.EqualFold(t[len(t)-len(p):], p) && strings.HasSuffix(t[:len(t)-len(p)], sep)) {
				return true
			}
		}
	}
	return false
}
