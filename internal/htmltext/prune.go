package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prepare rewrites a parsed page before trafilatura sees it: it removes
// caption, related, newsletter and share boxes, wraps loose text into
// paragraphs, removes link-only blocks (including paragraphs just made from
// a menu's loose links) and joins article bodies split into several
// containers.
func prepare(doc *html.Node) {
	pruneBoxes(doc)
	wrapLooseText(doc)
	pruneLinkOnly(doc)
	mergeSplitBodies(doc)
}

// Box words: a class or id naming one of these marks an element that is not
// article text. Words in boxSubstrings match anywhere in the lowercased
// class or id; those in boxPrefixes only at the start of a word, because
// they are short enough to hide inside unrelated words ("shared", "promo").
var (
	boxSubstrings = []string{
		"caption", "related", "newsletter", "subscri", "signup",
		"recommend", "popular", "trending", "most-read", "mostread", "outbrain", "taboola",
		"rollover", "tooltip", "popover", "hovercard",
	}
	boxPrefixes = []string{"share", "sharing", "social", "promo", "credit", "sign-up"}
)

// A box is kept when it holds more than this share of the page's long
// paragraph text: then it is the article's own container whose long class
// list happens to name a box word (as "article-body js-share-count").
// Without this guard the scrapinghub F1 falls by half a point.
const maxBoxShare = 0.25

// longParagraph is the length in bytes from which a <p> counts as article
// text when deciding whether a box is really the article container.
const longParagraph = 120

// pruneBoxes removes captions, related-link, newsletter, promo and share
// boxes from doc.
func pruneBoxes(doc *html.Node) {
	var boxes []box
	total := measure(doc, &boxes)
	limit := int(maxBoxShare * float64(total))
	for _, b := range boxes {
		if b.weight <= limit && b.node.Parent != nil {
			b.node.Parent.RemoveChild(b.node)
		}
	}
}

type box struct {
	node   *html.Node
	weight int // bytes of long-paragraph text inside
}

// measure returns the long-paragraph weight of the subtree at n and appends
// every box element found to boxes, outermost first.
func measure(n *html.Node, boxes *[]box) int {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return 0
	}
	own := 0
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return 0
		case atom.P:
			if l := textLen(n); l >= longParagraph {
				own = l
			}
		}
	}
	idx := -1
	// A long paragraph is text even when its class names a box word, as
	// sites that mark every paragraph "shareable" do.
	if n.Type == html.ElementNode && own == 0 && isBox(n) {
		idx = len(*boxes)
		*boxes = append(*boxes, box{node: n})
	}
	w := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w += measure(c, boxes)
	}
	if own > 0 {
		w = own // nested paragraphs are already counted in own
	}
	if idx >= 0 {
		(*boxes)[idx].weight = w
	}
	return w
}

// isBox reports whether element n is a caption or a related, newsletter,
// promo or share box by its tag, class or id.
func isBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figcaption:
		return true
	case atom.Html, atom.Body, atom.Main, atom.Head:
		return false
	}
	for _, a := range n.Attr {
		if a.Namespace != "" || (a.Key != "class" && a.Key != "id") || a.Val == "" {
			continue
		}
		if boxName(a.Val) {
			return true
		}
	}
	return false
}

// boxName reports whether a class or id value names a box.
func boxName(v string) bool {
	lower := strings.ToLower(v)
	for _, s := range boxSubstrings {
		if strings.Contains(lower, s) {
			return true
		}
	}
	for _, word := range splitWords(v) {
		for _, p := range boxPrefixes {
			if strings.HasPrefix(word, p) {
				return true
			}
		}
	}
	return false
}

// splitWords splits a class or id value into lowercase words at spaces,
// punctuation and camelCase boundaries.
func splitWords(v string) []string {
	var words []string
	start := -1
	prevLower := false
	for i, r := range v {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case !letter:
			if start >= 0 {
				words = append(words, strings.ToLower(v[start:i]))
				start = -1
			}
		case start < 0:
			start = i
		case unicode.IsUpper(r) && prevLower:
			words = append(words, strings.ToLower(v[start:i]))
			start = i
		}
		prevLower = unicode.IsLower(r)
	}
	if start >= 0 {
		words = append(words, strings.ToLower(v[start:]))
	}
	return words
}

// linkOnlyTags are the blocks that pruneLinkOnly removes when all their
// text is link text: items of related-article and navigation lists, and
// teaser headlines.
var linkOnlyTags = map[atom.Atom]bool{
	atom.Li: true, atom.P: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// pruneLinkOnly removes the blocks of linkOnlyTags whose whole text sits
// in links, and returns the non-space text bytes under n and how many of
// them are link text.
func pruneLinkOnly(n *html.Node) (text, link int) {
	switch n.Type {
	case html.TextNode:
		return nonSpace(n.Data), 0
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return 0, 0
		}
	case html.DocumentNode:
	default:
		return 0, 0
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		t, l := pruneLinkOnly(c)
		if t > 0 && l == t && c.Type == html.ElementNode && linkOnlyTags[c.DataAtom] {
			n.RemoveChild(c)
		} else {
			text += t
			link += l
		}
		c = next
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		link = text
	}
	return text, link
}

// minLooseText is how many non-space bytes of text must sit directly in a
// container before wrapLooseText wraps them into paragraphs.
const minLooseText = 50

// wrapLooseText wraps runs of text that sit directly in a container (as
// "<div>Text<br>More text</div>") into <p> elements, so that trafilatura,
// which looks for paragraphs, sees them.
func wrapLooseText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			wrapLooseText(c)
		}
	}
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Center:
	default:
		return
	}
	loose := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			loose += nonSpace(c.Data)
		case c.Type == html.ElementNode && isInline(c) && hasBr(c):
			// a <span> or <font> holding lines of text
			loose += textLen(c)
		}
	}
	if loose < minLooseText {
		return
	}
	var run []*html.Node
	wrap := func(before *html.Node) {
		text := 0
		for _, r := range run {
			text += textLen(r)
		}
		if text > 0 {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.InsertBefore(p, before)
			for _, r := range run {
				n.RemoveChild(r)
				p.AppendChild(r)
			}
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode || c.Type == html.ElementNode && isInline(c):
			run = append(run, c)
		case c.Type == html.CommentNode:
		default:
			wrap(c)
		}
		c = next
	}
	wrap(nil)
}

// isInline reports whether element n can go inside a paragraph.
func isInline(n *html.Node) bool {
	switch {
	case blockTags[n.DataAtom], n.DataAtom == atom.Br, n.DataAtom == atom.Hr, n.DataAtom == atom.Table:
		return false
	}
	return !hasBlock(n)
}

// hasBr reports whether n holds a <br>.
func hasBr(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Br || hasBr(c)) {
			return true
		}
	}
	return false
}

// hasBlock reports whether n holds a block element.
func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || c.DataAtom == atom.Table || hasBlock(c)) {
			return true
		}
	}
	return false
}

// textLen returns the number of non-space bytes of text under n.
func textLen(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return nonSpace(n.Data)
	case html.ElementNode:
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
			return 0
		}
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLen(c)
	}
	return l
}

// nonSpace returns the number of bytes of s outside white space.
func nonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n += size
		}
		i += size
	}
	return n
}

// minSplitLong is how many long paragraphs each part of a split body must
// hold before mergeSplitBodies joins the parts.
const minSplitLong = 3

// bodyWords mark a class naming an article-body container.
var bodyWords = []string{"body", "content", "text", "article", "story", "entry", "post"}

// mergeSplitBodies joins an article body that a page splits into several
// containers of the same tag and class (body, advert, more body), so that
// trafilatura, which takes the first container that looks like a body,
// sees all of it.
func mergeSplitBodies(doc *html.Node) {
	groups := map[string][]*html.Node{}
	var keys []string
	var rec func(n *html.Node, inComments bool) int
	rec = func(n *html.Node, inComments bool) int {
		inComments = inComments || n.Type == html.ElementNode && commentish(n)
		long := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				long += rec(c, inComments)
			}
		}
		if n.Type != html.ElementNode {
			return long
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return 0
		case atom.P:
			if textLen(n) >= longParagraph {
				return long + 1
			}
			return long
		}
		if long >= minSplitLong && !inComments && bodyClass(n) {
			k := n.Data + "\x00" + className(n)
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], n)
		}
		return long
	}
	rec(doc, false)
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		first := g[0]
		for _, part := range g[1:] {
			if contains(first, part) || contains(part, first) || part.Parent == nil {
				continue
			}
			for c := part.FirstChild; c != nil; {
				next := c.NextSibling
				part.RemoveChild(c)
				first.AppendChild(c)
				c = next
			}
			part.Parent.RemoveChild(part)
		}
	}
}

// contains reports whether b is inside a.
func contains(a, b *html.Node) bool {
	for p := b.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// className returns n's class attribute.
func className(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// commentish reports whether n's class or id names reader comments.
func commentish(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "comment") || strings.Contains(v, "reply") || strings.Contains(v, "replies") {
				return true
			}
		}
	}
	return false
}

// bodyClass reports whether n's class names an article body.
func bodyClass(n *html.Node) bool {
	c := strings.ToLower(className(n))
	if c == "" {
		return false
	}
	for _, w := range bodyWords {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// Limits on the paragraphs handed to trafilatura, which gathers the text of
// all <p> elements by repeated string concatenation: its time grows with
// the square of a page's paragraph count. News articles stay far below.
const (
	maxParagraphs     = 1000
	maxParagraphBytes = 512 << 10
)

// capParagraphs removes the <p> elements after the first maxParagraphs, or
// after maxParagraphBytes of paragraph text, in document order.
func capParagraphs(doc *html.Node) {
	count, size := 0, 0
	var extra []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P {
				if count >= maxParagraphs || size >= maxParagraphBytes {
					extra = append(extra, c)
					continue
				}
				count++
				size += textLen(c)
			}
			rec(c)
		}
	}
	rec(doc)
	for _, n := range extra {
		n.Parent.RemoveChild(n)
	}
}
