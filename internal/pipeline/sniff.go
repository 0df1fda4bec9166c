package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Formats of an input document.
const (
	FormatAuto = "auto"
	FormatHTML = "html"
	FormatText = "text"
)

// DetectFormat decides whether an input is HTML or plain text, first by
// its file name's extension, then by its first bytes.
func DetectFormat(name string, head []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	if LooksHTML(head) {
		return FormatHTML
	}
	return FormatText
}

// LooksHTML reports whether b starts, after a byte-order mark and
// whitespace, with a doctype, a comment or a common HTML tag.
func LooksHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) > 512 {
		b = b[:512]
	}
	lower := bytes.ToLower(b)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title", "<article", "<div", "<p>", "<p ", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}
