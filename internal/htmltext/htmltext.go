// Package htmltext extracts an article's body paragraphs and metadata
// (title, publication date, site name, canonical URL) from an HTML page.
package htmltext

import "errors"

// Page is what Extract finds in an HTML page.
type Page struct {
	Title      string   // headline from the page metadata
	Published  string   // publication date as YYYY-MM-DD, or ""
	Site       string   // site or outlet name, or ""
	URL        string   // canonical URL from the page, or ""
	Paragraphs []string // body paragraphs in reading order, whitespace-normalised
}

// Extract returns the article body and metadata of an HTML page.
// pageURL, when known, helps resolve relative links and the site name.
func Extract(html []byte, pageURL string) (Page, error) {
	return Page{}, errors.New("htmltext: not implemented")
}
