package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/feed"
	"github.com/vigilhq/vigil/internal/model"
	"github.com/vigilhq/vigil/internal/store"
)

const (
	idA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	idB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	idX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
)

// fakeReader serves fixed records and remembers the last query.
type fakeReader struct {
	mu        sync.Mutex
	lastArt   store.ArticleQuery
	lastEv    store.EventQuery
	failStats bool
}

func (f *fakeReader) Articles(ctx context.Context, q store.ArticleQuery) ([]store.ArticleSummary, error) {
	f.mu.Lock()
	f.lastArt = q
	f.mu.Unlock()
	if q.Q == "nothing" {
		return nil, nil
	}
	return []store.ArticleSummary{
		{ID: idA, Title: "Ferry line to reopen", Source: model.StrPtr("Velmora Post"), Sentences: 4, Events: 1},
		{ID: idB, Title: "Frost cuts cherry harvest", Sentences: 2},
	}, nil
}

func (f *fakeReader) Article(ctx context.Context, id string) (*model.Article, error) {
	if id != idA {
		return nil, store.ErrNotFound
	}
	// Lists left nil on purpose: the API must still print them as [].
	return &model.Article{ID: idA, Title: "Ferry line to reopen", Text: "The council voted to reopen the ferry line."}, nil
}

func (f *fakeReader) Events(ctx context.Context, q store.EventQuery) ([]store.EventRow, error) {
	f.mu.Lock()
	f.lastEv = q
	f.mu.Unlock()
	if q.ArticleID == idX {
		return nil, errors.New("disk on fire")
	}
	return []store.EventRow{{ArticleID: idA, Index: 0, Event: model.Event{
		CAMEO: "036", Root: "03", QuadClass: 1, Modality: model.Asserted, Trigger: "voted to reopen",
	}}}, nil
}

func (f *fakeReader) Stats(ctx context.Context) (store.Stats, error) {
	if f.failStats {
		return store.Stats{}, errors.New("database is locked")
	}
	return store.Stats{Articles: 2, Sentences: 6, Events: 1}, nil
}

func (f *fakeReader) FeedStates(ctx context.Context) ([]model.FeedState, error) {
	return []model.FeedState{
		{URL: "https://good.example/rss", Title: "Good <News>", Items: 20, Added: 12,
			LastPoll: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), LastOK: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)},
		{URL: "https://bad.example/rss", LastError: "parse feed: XML syntax error on line 3: unexpected EOF",
			LastPoll: time.Date(2024, 3, 1, 10, 5, 0, 0, time.UTC)},
	}, nil
}

type fakeErrors []feed.ErrorEntry

func (f fakeErrors) RecentErrors() []feed.ErrorEntry { return f }

func newTestServer(t *testing.T, r *fakeReader) *httptest.Server {
	t.Helper()
	now := func() time.Time { return time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC) }
	errs := fakeErrors{{Time: now(), Feed: "https://good.example/rss", Item: "https://good.example/a/1",
		Error: "fetch https://good.example/a/1: status 404"}}
	srv := httptest.NewServer(New(nil, r, Options{Errors: errs, Now: now}))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestRoutes(t *testing.T) {
	r := &fakeReader{}
	srv := newTestServer(t, r)
	const jsonType = "application/json; charset=utf-8"

	tests := []struct {
		name     string
		method   string
		path     string
		wantCode int
		wantType string
		wantBody []string // substrings
	}{
		{"articles", "GET", "/api/articles", 200, jsonType, []string{`"articles":[{"id":"` + idA, `"limit":50`, `"offset":0`}},
		{"articles empty", "GET", "/api/articles?q=nothing", 200, jsonType, []string{`"articles":[]`}},
		{"articles paged", "GET", "/api/articles?limit=10&offset=20", 200, jsonType, []string{`"limit":10`, `"offset":20`}},
		{"article", "GET", "/api/articles/" + idA, 200, jsonType, []string{`"id":"` + idA + `"`, `"url":null`, `"entities":[]`, `"events":[]`, `"times":[]`}},
		{"article upper case id", "GET", "/api/articles/" + strings.ToUpper(idA), 200, jsonType, []string{`"id":"` + idA + `"`}},
		{"article absent", "GET", "/api/articles/" + idB, 404, jsonType, []string{`{"error":"no article with id ` + idB + `"}`}},
		{"article bad id", "GET", "/api/articles/xyz", 400, jsonType, []string{`"error":"bad article id`}},
		{"article with query", "GET", "/api/articles/" + idA + "?full=1", 400, jsonType, []string{`unknown parameter \"full\"`}},
		{"events", "GET", "/api/events", 200, jsonType, []string{`"events":[{"article_id":"` + idA + `","index":0,`, `"cameo":"036"`, `"counts":[]`, `"limit":100`}},
		{"events store error", "GET", "/api/events?article=" + idX, 500, jsonType, []string{`{"error":"internal error"}`}},
		{"status", "GET", "/api/status", 200, jsonType, []string{`"articles":2`, `"url":"https://bad.example/rss"`, `"errors":[{`, `status 404`}},
		{"status page", "GET", "/", 200, "text/html; charset=utf-8", []string{"<h1>vigil</h1>", "Good &lt;News&gt;", "XML syntax error", "https://good.example/a/1", "(30m0s ago)"}},
		{"head", "HEAD", "/api/articles", 200, jsonType, nil},
		{"post", "POST", "/api/articles", 405, jsonType, []string{`method POST not allowed`}},
		{"delete", "DELETE", "/api/articles/" + idA, 405, jsonType, []string{`read-only`}},
		{"unknown path", "GET", "/api/nothing", 404, jsonType, []string{`no such page: /api/nothing`}},
		{"unknown page", "GET", "/favicon.ico", 404, jsonType, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, tt.method, srv.URL+tt.path)
			if resp.StatusCode != tt.wantCode {
				t.Errorf("%s %s status = %d, want %d; body %s", tt.method, tt.path, resp.StatusCode, tt.wantCode, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("%s %s Content-Type = %q, want %q", tt.method, tt.path, got, tt.wantType)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s %s Cache-Control = %q, want no-store", tt.method, tt.path, got)
			}
			if tt.method == "HEAD" && body != "" {
				t.Errorf("HEAD %s returned a body of %d bytes", tt.path, len(body))
			}
			for _, want := range tt.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("%s %s body lacks %q:\n%s", tt.method, tt.path, want, body)
				}
			}
			if strings.HasPrefix(tt.wantType, "application/json") && tt.method != "HEAD" && !json.Valid([]byte(body)) {
				t.Errorf("%s %s body is not valid JSON: %s", tt.method, tt.path, body)
			}
		})
	}
}

func TestBadParams(t *testing.T) {
	srv := newTestServer(t, &fakeReader{})
	tests := []struct {
		path    string
		wantErr string
	}{
		{"/api/articles?limit=0", "limit must be a whole number from 1 to 500"},
		{"/api/articles?limit=501", "limit must be a whole number from 1 to 500"},
		{"/api/articles?limit=ten", `got \"ten\"`},
		{"/api/articles?offset=-1", "offset must be a whole number from 0"},
		{"/api/articles?since=2024-13-01", "since must be a date as YYYY-MM-DD"},
		{"/api/articles?until=yesterday", "until must be a date as YYYY-MM-DD"},
		{"/api/articles?since=2024-03-02&until=2024-03-01", "since (2024-03-02) is after until (2024-03-01)"},
		{"/api/articles?q=" + strings.Repeat("x", 300), "q is longer than 256 bytes"},
		{"/api/articles?source=a%00b", "source contains control characters"},
		{"/api/articles?q=%ff", "q is not valid UTF-8"},
		{"/api/articles?limit=1&limit=2", `parameter \"limit\" given 2 times`},
		{"/api/articles?sort=title", `unknown parameter \"sort\"`},
		{"/api/articles?q=%zz", "bad query string"},
		{"/api/events?limit=1001", "limit must be a whole number from 1 to 1000"},
		{"/api/events?country=Ukraine", "country must be a three-letter ISO country code"},
		{"/api/events?country=U1R", "country must be a three-letter ISO country code"},
		{"/api/events?root=21", "root must be a CAMEO root code from 01 to 20"},
		{"/api/events?root=00", "root must be a CAMEO root code"},
		{"/api/events?root=001", "root must be a CAMEO root code"},
		{"/api/events?modality=rumoured", "modality must be all or one of asserted, negated, hypothetical, intended, reported"},
		{"/api/events?article=abc", "article must be an article id of 64 hex digits"},
		{"/api/events?since=2024-02-30", "since must be a date"},
		{"/api/status?verbose=1", `unknown parameter \"verbose\": this path takes none`},
		{"/?x=1", `unknown parameter \"x\"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, "GET", srv.URL+tt.path)
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s status = %d, want 400", tt.path, resp.StatusCode)
			}
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				t.Fatalf("GET %s body is not a JSON error: %s", tt.path, body)
			}
			want := strings.ReplaceAll(tt.wantErr, `\"`, `"`)
			if !strings.Contains(e.Error, want) {
				t.Errorf("GET %s error = %q, want it to contain %q", tt.path, e.Error, want)
			}
		})
	}
}

func TestQueriesReachStore(t *testing.T) {
	r := &fakeReader{}
	srv := newTestServer(t, r)

	get(t, "GET", srv.URL+"/api/articles?limit=7&offset=3&q=ferry+line&source=Velmora%20Post&since=2024-01-01&until=2024-02-01")
	wantArt := store.ArticleQuery{Limit: 7, Offset: 3, Q: "ferry line", Source: "Velmora Post", Since: "2024-01-01", Until: "2024-02-01"}
	if r.lastArt != wantArt {
		t.Errorf("article query = %+v, want %+v", r.lastArt, wantArt)
	}

	get(t, "GET", srv.URL+"/api/events?limit=5&offset=1&article="+strings.ToUpper(idB)+"&country=ukr&root=4&modality=negated&since=2022-02-01&until=2022-02-28")
	wantEv := store.EventQuery{Limit: 5, Offset: 1, ArticleID: idB, Country: "UKR", Root: "04", Modality: "negated", Since: "2022-02-01", Until: "2022-02-28"}
	if r.lastEv != wantEv {
		t.Errorf("event query = %+v, want %+v", r.lastEv, wantEv)
	}

	// By default only asserted events are listed; "all" lifts the filter.
	for _, tt := range []struct{ query, want string }{
		{"", model.Asserted},
		{"?modality=all", ""},
		{"?modality=hypothetical", model.Hypothetical},
	} {
		get(t, "GET", srv.URL+"/api/events"+tt.query)
		if want := (store.EventQuery{Limit: DefaultEventLimit, Modality: tt.want}); r.lastEv != want {
			t.Errorf("GET /api/events%s: event query = %+v, want %+v", tt.query, r.lastEv, want)
		}
	}
}

func TestStatusStoreError(t *testing.T) {
	srv := newTestServer(t, &fakeReader{failStats: true})
	for _, path := range []string{"/api/status", "/"} {
		resp, body := get(t, "GET", srv.URL+path)
		if resp.StatusCode != 500 || !strings.Contains(body, `"error":"internal error"`) {
			t.Errorf("GET %s with a failing store = %d %s, want 500 internal error", path, resp.StatusCode, body)
		}
		if strings.Contains(body, "locked") {
			t.Errorf("GET %s leaks the store's error: %s", path, body)
		}
	}
}

func TestWhen(t *testing.T) {
	now := time.Date(2024, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, "never"},
		{now.Add(-10 * time.Second), "2024-03-10 11:59:50 UTC (just now)"},
		{now.Add(-90 * time.Minute), "2024-03-10 10:30:00 UTC (1h30m0s ago)"},
		{now.Add(-5 * 24 * time.Hour), "2024-03-05 12:00:00 UTC (5d ago)"},
		{now.Add(time.Hour), "2024-03-10 13:00:00 UTC"},
	}
	for _, tt := range tests {
		if got := when(now, tt.t); got != tt.want {
			t.Errorf("when(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func BenchmarkArticles(b *testing.B) {
	h := New(nil, &fakeReader{}, Options{})
	req := httptest.NewRequest("GET", "/api/articles?limit=20&q=ferry", nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// FuzzQuery feeds arbitrary query strings to the list endpoints: every
// answer is 200 or 400 with a JSON body, and what reaches the store is
// within bounds.
func FuzzQuery(f *testing.F) {
	f.Add("limit=5&offset=2&q=ferry")
	f.Add("country=ukr&root=4&modality=negated")
	f.Add("since=2024-01-01&until=2023-01-01")
	f.Add("article=" + idA)
	f.Add("%zz&limit=")
	r := &fakeReader{}
	h := New(nil, r, Options{})
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, path := range []string{"/api/articles", "/api/events"} {
			req := httptest.NewRequest("GET", path, nil)
			req.URL.RawQuery = rawQuery
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 && w.Code != 400 {
				t.Fatalf("GET %s?%s = %d, want 200 or 400", path, rawQuery, w.Code)
			}
			if !json.Valid(w.Body.Bytes()) {
				t.Fatalf("GET %s?%s body is not JSON: %q", path, rawQuery, w.Body.String())
			}
			if w.Code != 200 {
				continue
			}
			r.mu.Lock()
			aq, eq := r.lastArt, r.lastEv
			r.mu.Unlock()
			if path == "/api/articles" && (aq.Limit < 1 || aq.Limit > MaxArticleLimit || aq.Offset < 0 || len(aq.Q) > maxTextParam) {
				t.Errorf("article query out of bounds: %+v", aq)
			}
			if path == "/api/events" && (eq.Limit < 1 || eq.Limit > MaxEventLimit || eq.Offset < 0 || (eq.Country != "" && len(eq.Country) != 3)) {
				t.Errorf("event query out of bounds: %+v", eq)
			}
		}
	})
}
