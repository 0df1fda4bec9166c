package feed

import (
	"context"
	"fmt"
	"testing"

	"github.com/vigilhq/vigil/internal/fetch"
)

func benchFeed(n int) string {
	var items []item
	for i := 0; i < n; i++ {
		items = append(items, item{
			title: fmt.Sprintf("Report %d from the coast", i),
			link:  fmt.Sprintf("https://news.example/story/%d", i),
			date:  fmt.Sprintf("Mon, %02d Jan 2024 %02d:00:00 +0000", 1+i%28, i%24),
		})
	}
	return rss("Bench Desk", items...)
}

func BenchmarkParseFeed(b *testing.B) {
	resp := &fetch.Response{Body: []byte(benchFeed(50)), ContentType: "application/rss+xml"}
	b.SetBytes(int64(len(resp.Body)))
	for b.Loop() {
		f, err := parseFeed(resp)
		if err != nil {
			b.Fatal(err)
		}
		if got := newestItems(f.Items, DefaultMaxItems); len(got) != 50 {
			b.Fatalf("newestItems = %d items, want 50", len(got))
		}
	}
}

// BenchmarkPollKnown measures one poll of a 50-item feed whose items are
// all stored already: fetch, parse and the store look-ups.
func BenchmarkPollKnown(b *testing.B) {
	s := newSite(b)
	s.feed("/bench.xml", "", benchFeed(50))
	st := newMemStore()
	for i := 0; i < 50; i++ {
		st.urls[fmt.Sprintf("https://news.example/story/%d", i)] = fmt.Sprint(i)
	}
	p := New(nil, Config{}, fetch.New(nil, fetch.Config{HostDelay: -1}), &fakeProc{}, st)
	for b.Loop() {
		if r := p.Poll(context.Background(), s.url("/bench.xml")); r.Err != nil || r.New != 0 {
			b.Fatalf("Poll = %+v, want no error and nothing new", r)
		}
	}
}
