package feed

import (
	"net/url"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/vigilhq/vigil/internal/fetch"
)

// FuzzParseFeed checks that no feed body, however broken, panics, and that
// every link taken from a parsed feed is absolute http(s) or empty.
func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(rss("Seed", item{"A", "https://a.example/1", "Mon, 01 Jan 2024 10:00:00 +0000"}, item{"B", "/rel", ""})))
	f.Add([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><link href="x"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1"}]}`))
	f.Add([]byte(`<rss><channel><item><link>javascript:alert(1)</link></item>`))
	f.Add([]byte(`<html><body>not a feed</body></html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		parsed, err := parseFeed(&fetch.Response{Body: body, URL: "https://base.example/feeds/rss.xml"})
		if err != nil {
			return
		}
		for _, it := range newestItems(parsed.Items, DefaultMaxItems) {
			link := itemLink(it, "https://base.example/feeds/rss.xml")
			if link == "" {
				continue
			}
			u, err := url.Parse(link)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
				t.Errorf("itemLink gave %q, want an absolute http(s) URL without fragment", link)
			}
			_ = itemDate(it)
		}
	})
}

func TestItemLink(t *testing.T) {
	const base = "https://news.example/feeds/world.xml"
	tests := []struct {
		item gofeed.Item
		want string
	}{
		{gofeed.Item{Link: "https://news.example/a"}, "https://news.example/a"},
		{gofeed.Item{Link: "  /a#comments "}, "https://news.example/a"},
		{gofeed.Item{Link: "b"}, "https://news.example/feeds/b"},
		{gofeed.Item{Links: []string{"https://x.example/c"}}, "https://x.example/c"},
		{gofeed.Item{GUID: "https://x.example/guid"}, "https://x.example/guid"},
		{gofeed.Item{GUID: "tag:x.example,2024:1"}, ""},
		{gofeed.Item{Link: "javascript:alert(1)"}, ""},
		{gofeed.Item{Link: "mailto:desk@news.example"}, ""},
		{gofeed.Item{}, ""},
	}
	for _, tt := range tests {
		if got := itemLink(&tt.item, base); got != tt.want {
			t.Errorf("itemLink(%+v) = %q, want %q", tt.item, got, tt.want)
		}
	}
}
