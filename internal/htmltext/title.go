package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeparators join a headline and the site name in <title> texts.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// cleanTitle removes the site name from a headline such as
// "Talks resume | Example News" or "Example News - Talks resume". It only
// cuts when the cut-off part names the site, so a dash inside a headline is
// never mistaken for a separator.
func cleanTitle(title, site string) string {
	key := siteKey(site)
	if title == "" || key == "" {
		return title
	}
	site = strings.TrimSpace(site)
	for _, sep := range titleSeparators {
		// the site name itself may hold a separator: "Headline - Site - Tagline"
		if n := len(sep) + len(site); len(title) > n {
			if cut := len(title) - n; utf8.RuneStart(title[cut]) && strings.EqualFold(title[cut:], sep+site) {
				return strings.TrimSpace(title[:cut])
			}
			if utf8.RuneStart(title[n]) && strings.EqualFold(title[:n], site+sep) {
				return strings.TrimSpace(title[n:])
			}
		}
		if i := strings.LastIndex(title, sep); i > 0 {
			if siteKey(title[i+len(sep):]) == key {
				return strings.TrimSpace(title[:i])
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if siteKey(title[:i]) == key {
				return strings.TrimSpace(title[i+len(sep):])
			}
		}
	}
	return title
}

// siteKey lowercases a site name and keeps only its letters and digits, so
// "The Example-News" and "the example news" compare equal.
func siteKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanSite tidies a site name from the page metadata: trafilatura joins
// several values with "; ", and some pages put a copyright notice there.
func cleanSite(site string) string {
	if i := strings.Index(site, "; "); i >= 0 {
		site = site[:i]
	}
	site = strings.TrimSpace(site)
	lower := strings.ToLower(site)
	if strings.HasPrefix(lower, "copyright") || strings.HasPrefix(lower, "©") || len(site) > 100 {
		return ""
	}
	return site
}
