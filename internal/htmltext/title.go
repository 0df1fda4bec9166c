package htmltext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeparators join a headline and the site name in <title> texts.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// cleanTitle removes the site name from a headline such as
// "Talks resume | Example News" or "Example News - Talks resume". It only
// cuts when the cut-off part names the site (or the page's host, as
// "| Example" on example.com), so a dash inside a headline is never taken
// for a separator.
func cleanTitle(title, site, host string) string {
	if title == "" {
		return title
	}
	site = strings.TrimSpace(site)
	if site != "" {
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
		}
	}
	keys := hostKeys(host)
	if k := siteKey(site); k != "" {
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return title
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			if slices.Contains(keys, siteKey(title[i+len(sep):])) {
				return strings.TrimSpace(title[:i])
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if slices.Contains(keys, siteKey(title[:i])) {
				return strings.TrimSpace(title[i+len(sep):])
			}
		}
	}
	return title
}

// hostKeys returns the site keys a host name gives: its labels other than
// "www" and the top-level domain ("news.example.co.uk" gives "news",
// "example", "co").
func hostKeys(host string) []string {
	labels := strings.Split(strings.ToLower(host), ".")
	if len(labels) < 2 {
		return nil
	}
	var keys []string
	for _, l := range labels[:len(labels)-1] {
		if k := siteKey(l); k != "" && k != "www" && len(k) > 1 {
			keys = append(keys, k)
		}
	}
	return keys
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
