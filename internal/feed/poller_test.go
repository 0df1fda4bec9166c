package feed

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/fetch"
)

// pages are short bodies written for these tests.
var pages = map[string]string{
	"/news/a": "<p>The harbour council of Velmora voted on Tuesday to reopen the northern ferry line.</p>",
	"/news/b": "<p>Farmers in the Ostrel valley said late frost had cut the cherry harvest by a third.</p>",
	"/news/c": "<p>Two rival parties in Kasmir signed a pact to share the city budget until spring.</p>",
}

func threeItemSite(t *testing.T) *site {
	s := newSite(t)
	for p, body := range pages {
		s.page(p, body)
	}
	s.feed("/world.xml", `"w1"`, rss("Velmora Post World",
		item{"Ferry line to reopen", s.url("/news/a"), "Tue, 15 Feb 2022 09:00:00 +0000"},
		item{"Frost cuts cherry harvest", s.url("/news/b"), "Wed, 16 Feb 2022 10:30:00 +0000"},
		item{"Budget pact in Kasmir", s.url("/news/c"), "Thu, 17 Feb 2022 23:59:00 +0000"},
	))
	return s
}

func TestPollAddsNewItems(t *testing.T) {
	s := threeItemSite(t)
	st := newMemStore()
	proc := &fakeProc{}
	feedURL := s.url("/world.xml")
	p := New(nil, Config{Feeds: []string{feedURL}}, testFetcher(), proc, st)

	r := p.Poll(context.Background(), feedURL)
	if r.Err != nil {
		t.Fatalf("Poll: %v", r.Err)
	}
	if r.Items != 3 || r.New != 3 || r.Added != 3 || r.Failed != 0 {
		t.Errorf("Poll = items %d new %d added %d failed %d, want 3 3 3 0", r.Items, r.New, r.Added, r.Failed)
	}
	if got := st.count(); got != 3 {
		t.Errorf("store holds %d articles, want 3", got)
	}

	wantDocs := []struct{ path, title, published string }{
		{"/news/a", "Ferry line to reopen", "2022-02-15"},
		{"/news/b", "Frost cuts cherry harvest", "2022-02-16"},
		{"/news/c", "Budget pact in Kasmir", "2022-02-17"},
	}
	for _, w := range wantDocs {
		u := s.url(w.path)
		d, ok := proc.doc(u)
		if !ok {
			t.Errorf("page %s was not processed", u)
			continue
		}
		if d.Title != w.title || d.Published != w.published || d.Source != "Velmora Post World" || d.Origin != u {
			t.Errorf("document for %s = title %q published %q source %q origin %q, want %q %q %q %q",
				w.path, d.Title, d.Published, d.Source, d.Origin, w.title, w.published, "Velmora Post World", u)
		}
		if string(d.HTML) != pages[w.path] {
			t.Errorf("document for %s has HTML %q, want the served page", w.path, d.HTML)
		}
		if a := st.byURL(u); a == nil || a.Title != w.title {
			t.Errorf("stored article for %s = %+v, want title %q", w.path, a, w.title)
		}
	}

	fs := st.state(feedURL)
	if fs.ETag != `"w1"` || fs.Items != 3 || fs.Added != 3 || fs.LastError != "" || fs.Title != "Velmora Post World" {
		t.Errorf("feed state = %+v, want etag \"w1\", 3 items, 3 added, no error", fs)
	}
	if fs.LastPoll.IsZero() || !fs.LastOK.Equal(fs.LastPoll) {
		t.Errorf("feed state last poll %v, last ok %v, want both set and equal", fs.LastPoll, fs.LastOK)
	}
}

func TestPollSecondTimeNotModified(t *testing.T) {
	s := threeItemSite(t)
	st := newMemStore()
	feedURL := s.url("/world.xml")
	p := New(nil, Config{Feeds: []string{feedURL}}, testFetcher(), &fakeProc{}, st)

	if r := p.Poll(context.Background(), feedURL); r.Added != 3 {
		t.Fatalf("first poll added %d, want 3 (err %v)", r.Added, r.Err)
	}
	r := p.Poll(context.Background(), feedURL)
	if r.Err != nil || !r.NotModified || r.Added != 0 || r.New != 0 {
		t.Errorf("second poll = %+v, want not modified, nothing new", r)
	}
	if got := s.hitCount("/world.xml"); got != 2 {
		t.Errorf("feed fetched %d times, want 2", got)
	}
	for p := range pages {
		if got := s.hitCount(p); got != 1 {
			t.Errorf("page %s fetched %d times, want 1", p, got)
		}
	}
	if fs := st.state(feedURL); fs.Added != 3 || fs.Items != 3 || fs.LastError != "" {
		t.Errorf("feed state after 304 = %+v, want 3 added, 3 items, no error", fs)
	}
}

func TestPollKnownItemsNotFetched(t *testing.T) {
	// A feed without validators is fetched in full each time, but items
	// already stored are not fetched again.
	s := newSite(t)
	for p, body := range pages {
		s.page(p, body)
	}
	s.feed("/plain.xml", "", rss("Plain", item{"A", s.url("/news/a"), ""}, item{"B", s.url("/news/b"), ""}))
	st := newMemStore()
	feedURL := s.url("/plain.xml")
	p := New(nil, Config{}, testFetcher(), &fakeProc{}, st)
	for i := 0; i < 2; i++ {
		p.Poll(context.Background(), feedURL)
	}
	if got := s.hitCount("/news/a") + s.hitCount("/news/b"); got != 2 {
		t.Errorf("pages fetched %d times over two polls, want 2", got)
	}
	if fs := st.state(feedURL); fs.Added != 2 {
		t.Errorf("feed state added = %d, want 2", fs.Added)
	}
}

func TestPollBadFeeds(t *testing.T) {
	s := threeItemSite(t)
	s.mux.HandleFunc("/truncated.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		full := rss("Cut", item{"One", s.url("/news/a"), ""}, item{"Two", s.url("/news/b"), ""})
		fmt.Fprint(w, full[:len(full)/2])
	})
	s.page("/homepage.xml", "<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Our site moved.</p></body></html>")
	s.mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	s.feed("/empty.xml", "", "  \n")

	tests := []struct {
		path    string
		wantErr string
	}{
		{"/truncated.xml", "parse feed: XML syntax error"},
		{"/homepage.xml", "parse feed: not an RSS, Atom or JSON feed (content type text/html; charset=utf-8)"},
		{"/gone.xml", "fetch " + s.url("/gone.xml") + ": status 404"},
		{"/slow.xml", "fetch " + s.url("/slow.xml") + ": timed out after 300ms"},
		{"/empty.xml", "parse feed: empty response"},
	}
	feeds := []string{s.url("/world.xml")}
	for _, tt := range tests {
		feeds = append(feeds, s.url(tt.path))
	}
	st := newMemStore()
	p := New(nil, Config{Feeds: feeds}, testFetcher(), &fakeProc{}, st)
	sum := p.PollAll(context.Background())

	if sum.Feeds != len(feeds) || sum.FeedErrors != len(tests) || sum.Added != 3 {
		t.Errorf("PollAll = %+v, want %d feeds, %d feed errors, 3 added", sum, len(feeds), len(tests))
	}
	if got := st.count(); got != 3 {
		t.Errorf("store holds %d articles, want 3 from the good feed", got)
	}
	for _, tt := range tests {
		fs := st.state(s.url(tt.path))
		if !strings.HasPrefix(fs.LastError, tt.wantErr) {
			t.Errorf("feed %s: last error = %q, want it to start with %q", tt.path, fs.LastError, tt.wantErr)
		}
		if fs.LastPoll.IsZero() || !fs.LastOK.IsZero() {
			t.Errorf("feed %s: last poll %v, last ok %v, want a poll and no success", tt.path, fs.LastPoll, fs.LastOK)
		}
		if fs.ETag != "" {
			t.Errorf("feed %s: validators saved from a failed poll: etag %q", tt.path, fs.ETag)
		}
	}
	if fs := st.state(s.url("/world.xml")); fs.LastError != "" || fs.Added != 3 {
		t.Errorf("good feed state = %+v, want no error and 3 added", fs)
	}
	if errs := p.RecentErrors(); len(errs) != len(tests) {
		t.Errorf("RecentErrors holds %d entries, want %d: %+v", len(errs), len(tests), errs)
	}
}

func TestPollItemErrors(t *testing.T) {
	s := newSite(t)
	s.page("/news/a", pages["/news/a"])
	s.page("/news/c", pages["/news/c"])
	s.page("/news/video", "<video src=x></video>")
	s.mux.HandleFunc("/news/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	s.feed("/mixed.xml", `"m1"`, rss("Mixed",
		item{"Ferry", s.url("/news/a"), ""},
		item{"Gone", s.url("/news/missing"), ""},
		item{"Budget", s.url("/news/c"), ""},
		item{"Clip", s.url("/news/video"), ""},
		item{"Report", s.url("/news/report.pdf"), ""},
	))
	st := newMemStore()
	feedURL := s.url("/mixed.xml")
	p := New(nil, Config{MaxAttempts: 2}, testFetcher(), &fakeProc{}, st)

	r := p.Poll(context.Background(), feedURL)
	if r.Err != nil || r.New != 5 || r.Added != 2 || r.Failed != 3 {
		t.Fatalf("Poll = %+v, want no feed error, 5 new, 2 added, 3 failed", r)
	}
	fs := st.state(feedURL)
	for _, want := range []string{"3 of 5 new items failed", "last: "} {
		if !strings.Contains(fs.LastError, want) {
			t.Errorf("feed last error = %q, want it to contain %q", fs.LastError, want)
		}
	}
	if fs.ETag != "" {
		t.Errorf("feed etag = %q after failed items, want none so the items are retried", fs.ETag)
	}
	if fs.LastOK.IsZero() || fs.Added != 2 {
		t.Errorf("feed state = %+v, want last ok set and 2 added", fs)
	}

	wantItemErrs := map[string]string{
		s.url("/news/missing"):    "fetch " + s.url("/news/missing") + ": status 404",
		s.url("/news/video"):      "process " + s.url("/news/video") + ": no article text found",
		s.url("/news/report.pdf"): "not an HTML page (content type application/pdf)",
	}
	errs := p.RecentErrors()
	if len(errs) != len(wantItemErrs) {
		t.Fatalf("RecentErrors = %+v, want %d item errors", errs, len(wantItemErrs))
	}
	for _, e := range errs {
		want, ok := wantItemErrs[e.Item]
		if !ok || !strings.Contains(e.Error, want) || e.Feed != feedURL {
			t.Errorf("recent error %+v, want item error containing %q", e, want)
		}
	}

	// Failed items are retried until MaxAttempts, then left alone.
	r = p.Poll(context.Background(), feedURL)
	if r.Failed != 3 || r.Added != 0 {
		t.Errorf("second poll = %+v, want the 3 failed items retried", r)
	}
	r = p.Poll(context.Background(), feedURL)
	if r.Failed != 0 || r.Skipped != 3 || r.New != 0 {
		t.Errorf("third poll = %+v, want 3 skipped after 2 attempts", r)
	}
	if got := s.hitCount("/news/missing"); got != 2 {
		t.Errorf("missing page fetched %d times, want 2", got)
	}
	if fs := st.state(feedURL); fs.ETag != `"m1"` || fs.LastError != "" {
		t.Errorf("feed state after skipping = %+v, want etag saved and no error", fs)
	}
}

func TestPollNewestItemsFirst(t *testing.T) {
	s := newSite(t)
	var items []item
	for i := 1; i <= 6; i++ {
		path := fmt.Sprintf("/n/%d", i)
		s.page(path, fmt.Sprintf("<p>Report number %d from the coast.</p>", i))
		items = append(items, item{fmt.Sprintf("Report %d", i), s.url(path), fmt.Sprintf("Mon, %02d Jan 2024 08:00:00 +0000", i)})
	}
	// An undated item sorts after the dated ones.
	s.page("/n/undated", "<p>An undated note.</p>")
	items = append([]item{{"Undated", s.url("/n/undated"), ""}}, items...)
	s.feed("/many.xml", "", rss("Many", items...))
	st := newMemStore()
	proc := &fakeProc{}
	p := New(nil, Config{MaxItems: 3}, testFetcher(), proc, st)

	r := p.Poll(context.Background(), s.url("/many.xml"))
	if r.Items != 7 || r.New != 3 || r.Added != 3 {
		t.Errorf("Poll = %+v, want 7 items, 3 new, 3 added", r)
	}
	for _, n := range []string{"4", "5", "6"} {
		if _, ok := proc.doc(s.url("/n/" + n)); !ok {
			t.Errorf("item %s (among the 3 newest) was not processed", n)
		}
	}
	if _, ok := proc.doc(s.url("/n/undated")); ok {
		t.Errorf("undated item processed, want dated ones first")
	}
}

func TestPollAtomRelativeLinks(t *testing.T) {
	s := newSite(t)
	s.page("/story/1", "<p>A story linked relatively.</p>")
	s.mux.HandleFunc("/feeds/atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id><updated>2023-05-01T12:00:00Z</updated>
<entry><title>Story one</title><id>urn:1</id><link href="../story/1#top"/><updated>2023-05-01T12:00:00Z</updated></entry>
<entry><title>No link</title><id>urn:2</id><updated>2023-05-01T11:00:00Z</updated></entry>
</feed>`)
	})
	st := newMemStore()
	proc := &fakeProc{}
	p := New(nil, Config{}, testFetcher(), proc, st)
	r := p.Poll(context.Background(), s.url("/feeds/atom"))
	if r.Err != nil || r.Added != 1 {
		t.Fatalf("Poll = %+v, want 1 added", r)
	}
	d, ok := proc.doc(s.url("/story/1"))
	if !ok {
		t.Fatalf("relative link not resolved to %s", s.url("/story/1"))
	}
	if d.Published != "2023-05-01" || d.Source != "Atom Desk" {
		t.Errorf("document = published %q source %q, want 2023-05-01, Atom Desk", d.Published, d.Source)
	}
}

func TestPollSourceFallsBackToHost(t *testing.T) {
	s := newSite(t)
	s.page("/x", "<p>Untitled feed story.</p>")
	s.feed("/untitled.xml", "", rss("", item{"X", s.url("/x"), ""}))
	proc := &fakeProc{}
	p := New(nil, Config{}, testFetcher(), proc, newMemStore())
	p.Poll(context.Background(), s.url("/untitled.xml"))
	d, ok := proc.doc(s.url("/x"))
	if !ok {
		t.Fatal("item not processed")
	}
	if want := strings.TrimPrefix(s.srv.URL, "http://"); !strings.HasPrefix(want, d.Source) || d.Source == "" {
		t.Errorf("source = %q, want the host of %s", d.Source, s.srv.URL)
	}
}

func TestRunPollsUntilCancelled(t *testing.T) {
	s := threeItemSite(t)
	st := newMemStore()
	feedURL := s.url("/world.xml")
	p := New(nil, Config{Feeds: []string{feedURL}, Interval: 20 * time.Millisecond}, testFetcher(), &fakeProc{}, st)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for s.hitCount("/world.xml") < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if got := s.hitCount("/world.xml"); got < 3 {
		t.Errorf("feed polled %d times, want at least 3", got)
	}
	if got := st.count(); got != 3 {
		t.Errorf("store holds %d articles after repeated polls, want 3", got)
	}
}

func TestPollAllHostsInParallel(t *testing.T) {
	// Two slow feeds on two hosts finish in about one delay, not two.
	const slow = 150 * time.Millisecond
	var feeds []string
	for i := 0; i < 2; i++ {
		s := newSite(t)
		s.mux.HandleFunc("/f.xml", func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(slow)
			fmt.Fprint(w, rss("Slow"))
		})
		feeds = append(feeds, s.url("/f.xml"))
	}
	p := New(nil, Config{Feeds: feeds, Concurrency: 2}, fetch.New(nil, fetch.Config{HostDelay: -1, Timeout: time.Second}), &fakeProc{}, newMemStore())
	sum := p.PollAll(context.Background())
	if sum.Feeds != 2 || sum.FeedErrors != 0 {
		t.Fatalf("PollAll = %+v, want 2 feeds without errors", sum)
	}
	if sum.Took >= 2*slow {
		t.Errorf("two feeds on two hosts took %s, want under %s", sum.Took, 2*slow)
	}
}

func TestRecentErrorsBounded(t *testing.T) {
	p := New(nil, Config{KeepErrors: 3}, nil, nil, newMemStore())
	for i := 0; i < 10; i++ {
		p.remember(ErrorEntry{Error: fmt.Sprint(i)})
	}
	got := p.RecentErrors()
	var msgs []string
	for _, e := range got {
		msgs = append(msgs, e.Error)
	}
	if want := "9 8 7"; strings.Join(msgs, " ") != want {
		t.Errorf("RecentErrors = %v, want %s (newest first, 3 kept)", msgs, want)
	}
}

func TestGroupByHost(t *testing.T) {
	got := groupByHost([]string{"https://a.example/1", "https://b.example/1", "https://A.example/2", "not a url"})
	want := [][]string{{"https://a.example/1", "https://A.example/2"}, {"https://b.example/1"}, {"not a url"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("groupByHost = %v, want %v", got, want)
	}
}

func TestCancelledPollKeepsState(t *testing.T) {
	s := threeItemSite(t)
	st := newMemStore()
	feedURL := s.url("/world.xml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := New(nil, Config{}, testFetcher(), &fakeProc{}, st)
	r := p.Poll(ctx, feedURL)
	if r.Err == nil {
		t.Errorf("Poll with a cancelled context = %+v, want an error", r)
	}
	if fs := st.state(feedURL); fs.LastError != "" {
		t.Errorf("cancelled poll recorded error %q, want none", fs.LastError)
	}
	if errs := p.RecentErrors(); len(errs) != 0 {
		t.Errorf("cancelled poll recorded recent errors %+v, want none", errs)
	}
}

func TestPollDuplicateTextNotRefetched(t *testing.T) {
	// Two URLs serve the same text: the second is a duplicate, and is not
	// fetched again on later polls.
	s := newSite(t)
	s.page("/orig", pages["/news/a"])
	s.page("/copy", pages["/news/a"])
	s.feed("/dup.xml", "", rss("Dup", item{"Orig", s.url("/orig"), "Mon, 01 Jan 2024 10:00:00 +0000"}, item{"Copy", s.url("/copy"), "Mon, 01 Jan 2024 09:00:00 +0000"}))
	st := newMemStore()
	p := New(nil, Config{}, testFetcher(), &fakeProc{}, st)
	r := p.Poll(context.Background(), s.url("/dup.xml"))
	if r.Added != 1 || r.Duplicates != 1 || r.Failed != 0 {
		t.Fatalf("first poll = %+v, want 1 added and 1 duplicate", r)
	}
	r = p.Poll(context.Background(), s.url("/dup.xml"))
	if r.New != 0 || r.Duplicates != 0 {
		t.Errorf("second poll = %+v, want nothing new", r)
	}
	if got := s.hitCount("/copy"); got != 1 {
		t.Errorf("duplicate page fetched %d times over two polls, want 1", got)
	}
}
