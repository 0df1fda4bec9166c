package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/store"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newsPage renders an article page with a headline, a date and body
// paragraphs, plus the kind of clutter real pages carry.
func newsPage(title, date string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | Harbour Gazette</title>
<meta property="og:title" content="%s"><meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="%sT08:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By Staff Reporter</p>
`, title, title, date, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside></main>
<footer><p>Copyright Harbour Gazette</p></footer></body></html>`)
	return b.String()
}

// newsSite serves one RSS feed with two article pages, all written for
// this test. It counts requests per path.
type newsSite struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (n *newsSite) hitCount(path string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.hits[path]
}

func startNewsSite(t *testing.T) *newsSite {
	t.Helper()
	n := &newsSite{hits: map[string]int{}}
	pages := map[string]string{
		"/world/ferry": newsPage("Velmora council votes to reopen northern ferry line", "2024-03-04",
			"The harbour council of Velmora voted on Tuesday to reopen the northern ferry line, which closed two years ago after a storm damaged the pier.",
			"Mayor Ilse Korven said the first crossing would run in May. \"People on the islands have waited long enough,\" she told reporters outside the town hall.",
			"The repairs will cost about 4 million crowns, shared between the town and the regional government, according to the council's budget office.",
			"Opposition members abstained, saying the ticket prices had not yet been agreed with the operator."),
		"/world/harvest": newsPage("Late frost cuts cherry harvest in Ostrel valley", "2024-03-05",
			"Farmers in the Ostrel valley said on Wednesday that a late frost had cut this year's cherry harvest by about a third.",
			"The regional farmers' union asked the agriculture ministry for emergency aid, warning that several family orchards might not survive the season.",
			"A ministry spokesman said officials would visit the valley next week to assess the damage before any payments were decided."),
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.mu.Lock()
		n.hits[r.URL.Path]++
		n.mu.Unlock()
		if r.URL.Path == "/rss.xml" {
			const etag = `"feed-1"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Harbour Gazette World</title><link>%[1]s/</link><description>World news</description>
<item><title>Velmora council votes to reopen northern ferry line</title><link>%[1]s/world/ferry</link><pubDate>Mon, 04 Mar 2024 08:00:00 +0000</pubDate></item>
<item><title>Late frost cuts cherry harvest in Ostrel valley</title><link>%[1]s/world/harvest</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL)
			return
		}
		if r.URL.Path == "/broken.xml" {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><p>This is not a feed.</p></body></html>")
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	n.srv = srv
	t.Cleanup(srv.Close)
	return n
}

func writeFeedList(t *testing.T, urls ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(path, []byte("# test feeds\n"+strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunOnce(t *testing.T) {
	site := startNewsSite(t)
	feeds := writeFeedList(t, site.srv.URL+"/rss.xml", site.srv.URL+"/broken.xml")
	db := filepath.Join(t.TempDir(), "vigil.db")
	args := []string{"run", "--once", "--db", db, "--feeds", feeds, "--host-delay", "0", "--timeout", "5s"}

	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errOut}); code != 0 {
		t.Fatalf("vigil run --once = exit %d\nstdout: %s\nstderr: %s", code, out.String(), errOut.String())
	}
	if want := "polled 2 feeds: 2 added, 0 duplicates, 0 failed items, 1 feed errors, 0 not modified\n"; out.String() != want {
		t.Errorf("first run printed %q, want %q\nstderr: %s", out.String(), want, errOut.String())
	}
	if strings.Contains(errOut.String(), "serving API") {
		t.Errorf("--once without --addr started the API server:\n%s", errOut.String())
	}

	out.Reset()
	errOut.Reset()
	if code := run(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errOut}); code != 0 {
		t.Fatalf("second vigil run --once = exit %d: %s", code, errOut.String())
	}
	if want := "polled 2 feeds: 0 added, 0 duplicates, 0 failed items, 1 feed errors, 1 not modified\n"; out.String() != want {
		t.Errorf("second run printed %q, want %q", out.String(), want)
	}
	for _, p := range []string{"/world/ferry", "/world/harvest"} {
		if got := site.hitCount(p); got != 1 {
			t.Errorf("page %s fetched %d times over two runs, want 1", p, got)
		}
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Articles(ctx, store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, a := range list {
		titles[a.Title] = true
		if a.Source == nil || *a.Source != "Harbour Gazette World" {
			t.Errorf("article %q source = %v, want Harbour Gazette World", a.Title, a.Source)
		}
	}
	for _, want := range []string{"Velmora council votes to reopen northern ferry line", "Late frost cuts cherry harvest in Ostrel valley"} {
		if !titles[want] {
			t.Errorf("store lacks article %q; has %v", want, titles)
		}
	}
	if len(list) != 2 {
		t.Fatalf("store holds %d articles, want 2", len(list))
	}
	a, err := st.Article(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(a.Text, "\n") < 2 || !strings.Contains(a.Text, "regional farmers' union") && !strings.Contains(a.Text, "Mayor Ilse Korven") {
		t.Errorf("stored text = %q, want the body's paragraphs separated by newlines", a.Text)
	}
	// A paragraph break always ends a sentence.
	if paras := strings.Count(a.Text, "\n") + 1; len(a.Sentences) < paras {
		t.Errorf("stored article has %d sentences over %d paragraphs, want at least one per paragraph", len(a.Sentences), paras)
	}
	for _, sp := range a.Sentences {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			t.Errorf("stored sentence span %+v out of the text's %d bytes", sp, len(a.Text))
		}
	}
	for _, clutter := range []string{"Most read", "Copyright", "Another story"} {
		if strings.Contains(a.Text, clutter) {
			t.Errorf("stored text keeps page clutter %q:\n%s", clutter, a.Text)
		}
	}

	states, err := st.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]string{}
	for _, fs := range states {
		byURL[fs.URL] = fs.LastError
	}
	if e, ok := byURL[site.srv.URL+"/rss.xml"]; !ok || e != "" {
		t.Errorf("good feed state error = %q (present %v), want recorded without error", e, ok)
	}
	if e := byURL[site.srv.URL+"/broken.xml"]; !strings.Contains(e, "not an RSS, Atom or JSON feed") {
		t.Errorf("broken feed error = %q, want it to say it is not a feed", e)
	}
}

var servingRE = regexp.MustCompile(`msg="serving API" addr=(http://127\.0\.0\.1:\d+)`)

func TestRunServesAPIAndStopsOnSignal(t *testing.T) {
	site := startNewsSite(t)
	feeds := writeFeedList(t, site.srv.URL+"/rss.xml")
	db := filepath.Join(t.TempDir(), "vigil.db")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errOut := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"run", "--db", db, "--feeds", feeds, "--addr", "127.0.0.1:0", "--host-delay", "0"},
			stdio{in: strings.NewReader(""), out: io.Discard, err: errOut})
	}()

	var base string
	waitFor(t, "the API to start", func() bool {
		if m := servingRE.FindStringSubmatch(errOut.String()); m != nil {
			base = m[1]
			return true
		}
		return false
	}, done)

	var status struct {
		Stats struct{ Articles int }
		Feeds []struct {
			URL   string `json:"url"`
			Added int    `json:"added"`
		}
	}
	waitFor(t, "two articles", func() bool {
		if err := getJSON(base+"/api/status", &status); err != nil {
			return false
		}
		return status.Stats.Articles == 2 && len(status.Feeds) == 1 && status.Feeds[0].Added == 2
	}, done)

	var list struct {
		Articles []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"articles"`
	}
	if err := getJSON(base+"/api/articles?limit=10", &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Articles) != 2 {
		t.Fatalf("/api/articles lists %d articles, want 2", len(list.Articles))
	}
	var rec map[string]any
	if err := getJSON(base+"/api/articles/"+list.Articles[0].ID, &rec); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "url", "source", "published", "title", "text", "removed", "sentences", "entities", "events", "quotes", "quantities", "places", "times"} {
		if _, ok := rec[key]; !ok {
			t.Errorf("/api/articles/{id} lacks contract key %q", key)
		}
	}
	if rec["title"] != list.Articles[0].Title {
		t.Errorf("record title = %v, want %q", rec["title"], list.Articles[0].Title)
	}
	var events struct {
		Events []any `json:"events"`
	}
	if err := getJSON(base+"/api/events", &events); err != nil || events.Events == nil {
		t.Errorf("/api/events = %+v, %v; want a JSON list", events, err)
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "Harbour Gazette World") {
		t.Errorf("status page does not list the feed:\n%s", page)
	}

	// The signal handler in main cancels ctx; run must stop cleanly.
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("vigil run after cancel = exit %d, want 0\n%s", code, errOut.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("vigil run did not stop after cancel")
	}
	if !strings.Contains(errOut.String(), "shutting down") {
		t.Errorf("log lacks the shutdown line:\n%s", errOut.String())
	}
	if _, err := http.Get(base + "/api/status"); err == nil {
		t.Errorf("API still answers after shutdown")
	}
	// The store was closed: it opens again.
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatalf("reopen store after shutdown: %v", err)
	}
	st.Close()
}

func TestRunFlags(t *testing.T) {
	feeds := writeFeedList(t, "https://a.example/rss")
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--interval", "0s"}, "--interval must be positive"},
		{[]string{"--host-delay", "-1s"}, "--host-delay must not be negative"},
		{[]string{"--timeout", "0s"}, "--timeout must be positive"},
		{[]string{"--max-items", "0"}, "--max-items must be positive"},
		{[]string{"--addr", "8080"}, `--addr "8080"`},
		{[]string{"--db", ""}, "--db must not be empty"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"--bogus"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := parseRunFlags(append([]string{"--feeds", feeds}, tt.args...), stdio{err: io.Discard})
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseRunFlags(%q) = %v, want a usage error containing %q", tt.args, err, tt.wantErr)
			}
		})
	}

	cfg, err := parseRunFlags(nil, stdio{err: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.addr != "127.0.0.1:8080" || !cfg.serve || cfg.once || cfg.interval != 15*time.Minute || cfg.hostDelay != 2*time.Second {
		t.Errorf("default config = %+v, want 127.0.0.1:8080, serving, 15m, 2s", cfg)
	}
	cfg, _ = parseRunFlags([]string{"--once"}, stdio{err: io.Discard})
	if cfg.serve {
		t.Errorf("--once alone serves the API; want it off so cron runs do not clash with a running server")
	}
	cfg, _ = parseRunFlags([]string{"--once", "--addr", "127.0.0.1:0"}, stdio{err: io.Discard})
	if !cfg.serve {
		t.Errorf("--once --addr does not serve the API")
	}
}

func TestRunDBFromEnv(t *testing.T) {
	t.Setenv(dbEnv, "/tmp/elsewhere.db")
	cfg, err := parseRunFlags(nil, stdio{err: io.Discard})
	if err != nil || cfg.db != "/tmp/elsewhere.db" {
		t.Errorf("db with $%s set = %q, %v; want /tmp/elsewhere.db", dbEnv, cfg.db, err)
	}
}

func TestLoadFeeds(t *testing.T) {
	fromFlag := writeFeedList(t, "https://flag.example/rss")
	fromEnv := writeFeedList(t, "https://env.example/rss", "https://env.example/more")

	t.Setenv(feedsEnv, "")
	got, from, err := loadFeeds("")
	if err != nil || from != "built-in list" || len(got) < 10 {
		t.Errorf("loadFeeds() = %d feeds from %q, %v; want the built-in list", len(got), from, err)
	}

	t.Setenv(feedsEnv, fromEnv)
	got, from, err = loadFeeds("")
	if err != nil || from != fromEnv || len(got) != 2 {
		t.Errorf("loadFeeds() with $%s = %q from %q, %v; want the env file's 2 feeds", feedsEnv, got, from, err)
	}
	got, from, err = loadFeeds(fromFlag)
	if err != nil || from != fromFlag || len(got) != 1 || got[0] != "https://flag.example/rss" {
		t.Errorf("loadFeeds(flag) = %q from %q, %v; want the flag file to win", got, from, err)
	}
	if _, _, err := loadFeeds(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Errorf("loadFeeds(absent file) = nil error")
	}
}

// waitFor polls cond until it holds, failing the test after a while or if
// the command exits first.
func waitFor(t *testing.T, what string, cond func() bool, done <-chan int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		select {
		case code := <-done:
			t.Fatalf("vigil run exited with %d while waiting for %s", code, what)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func getJSON(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
