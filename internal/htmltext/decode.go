package htmltext

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// sniffLimit is how far into a page decode looks for a charset declaration.
const sniffLimit = 16 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decode returns page as valid UTF-8.
//
// Bytes that are already valid UTF-8 are taken as UTF-8 whatever the page
// declares: real Latin-1 text with non-ASCII letters is almost never valid
// UTF-8, while pages re-encoded to UTF-8 that keep an old declaration are
// common. Otherwise a byte-order mark or a declared charset decides, and
// pages with neither are read as Windows-1252, as browsers do.
func decode(page []byte) []byte {
	if bytes.HasPrefix(page, utf8BOM) {
		return bytes.ToValidUTF8(page[len(utf8BOM):], []byte("\uFFFD"))
	}
	if utf8.Valid(page) {
		return page
	}
	enc, name, certain := charset.DetermineEncoding(page, "")
	if !certain { // no BOM: look further than the 1 KB the standard prescan reads
		if label := declaredCharset(page); label != "" {
			if e, n := charset.Lookup(label); e != nil {
				enc, name = e, n
			}
		}
	}
	if name == "utf-8" || (name == "utf-16le" || name == "utf-16be") && !certain {
		// A declared UTF-8 (or a meta tag claiming UTF-16, which HTML
		// treats as UTF-8) with broken bytes: keep what is valid.
		return bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(bytes.TrimPrefix(out, utf8BOM), []byte("\uFFFD"))
}

// declaredCharset finds the first charset=LABEL in the first sniffLimit bytes
// of page (as in <meta charset="…"> or a http-equiv Content-Type), or "".
func declaredCharset(page []byte) string {
	if len(page) > sniffLimit {
		page = page[:sniffLimit]
	}
	const key = "charset"
	for i := 0; i+len(key) < len(page); i++ {
		if !equalFoldASCII(page[i:i+len(key)], key) {
			continue
		}
		j := i + len(key)
		for j < len(page) && isSpaceASCII(page[j]) {
			j++
		}
		if j >= len(page) || page[j] != '=' {
			continue
		}
		j++
		for j < len(page) && (isSpaceASCII(page[j]) || page[j] == '"' || page[j] == '\'') {
			j++
		}
		start := j
		for j < len(page) && isLabelByte(page[j]) {
			j++
		}
		if j > start {
			return string(page[start:j])
		}
	}
	return ""
}

func equalFoldASCII(b []byte, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isLabelByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == ':'
}

// maxTitleBytes is the longest <title> text repairTitle leaves alone.
const maxTitleBytes = 2048

// repairTitle closes a <title> element that is never closed, as in
// "<title>Headline<script>…" from mangled or truncated pages. HTML reads
// everything after an unclosed <title> as its text, so such a page would
// otherwise have no body at all. The title is cut at its first tag.
func repairTitle(page []byte) []byte {
	head := page
	if len(head) > sniffLimit*4 {
		head = head[:sniffLimit*4]
	}
	open := indexFold(head, "<title")
	if open < 0 {
		return page
	}
	gt := bytes.IndexByte(page[open:], '>')
	if gt < 0 {
		return page
	}
	start := open + gt + 1
	window := page[start:]
	if len(window) > maxTitleBytes+len("</title") {
		window = window[:maxTitleBytes+len("</title")]
	}
	if indexFold(window, "</title") >= 0 {
		return page
	}
	// no </title> near: cut at the first tag
	lt := bytes.IndexByte(page[start:], '<')
	if lt < 0 {
		return page
	}
	at := start + lt
	out := make([]byte, 0, len(page)+len("</title>"))
	out = append(out, page[:at]...)
	out = append(out, "</title>"...)
	return append(out, page[at:]...)
}

// indexFold returns the index of the first ASCII case-insensitive match of
// lower (which must be lowercase) in b, or -1.
func indexFold(b []byte, lower string) int {
	for i := 0; i+len(lower) <= len(b); i++ {
		if equalFoldASCII(b[i:i+len(lower)], lower) {
			return i
		}
	}
	return -1
}
