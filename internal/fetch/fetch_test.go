package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// noDelay is a config for tests that do not measure the host delay.
var noDelay = Config{HostDelay: -1, Timeout: 2 * time.Second}

func TestDoStatus(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Sat, 19 Feb 2022 10:00:00 GMT"
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "hello")
	})
	mux.HandleFunc("/etag", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, "fresh")
	})
	mux.HandleFunc("/lastmod", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "fresh")
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "nothing here", http.StatusNotFound)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := New(nil, noDelay)

	tests := []struct {
		name        string
		req         Request
		wantBody    string
		wantNotMod  bool
		wantETag    string
		wantLastMod string
		wantErr     string
		wantCode    int
	}{
		{name: "200", req: Request{URL: srv.URL + "/ok"}, wantBody: "hello", wantETag: etag, wantLastMod: lastMod},
		{name: "etag fresh", req: Request{URL: srv.URL + "/etag"}, wantBody: "fresh", wantETag: etag},
		{name: "etag 304", req: Request{URL: srv.URL + "/etag", ETag: etag}, wantNotMod: true, wantETag: etag},
		{name: "etag stale", req: Request{URL: srv.URL + "/etag", ETag: `"v0"`}, wantBody: "fresh", wantETag: etag},
		{name: "last-modified fresh", req: Request{URL: srv.URL + "/lastmod"}, wantBody: "fresh", wantLastMod: lastMod},
		{name: "last-modified 304", req: Request{URL: srv.URL + "/lastmod", LastModified: lastMod}, wantNotMod: true, wantLastMod: lastMod},
		{name: "404", req: Request{URL: srv.URL + "/missing"}, wantErr: "fetch " + srv.URL + "/missing: status 404", wantCode: 404},
		{name: "500", req: Request{URL: srv.URL + "/broken"}, wantErr: "fetch " + srv.URL + "/broken: status 500", wantCode: 500},
		{name: "bad scheme", req: Request{URL: "ftp://example.org/x"}, wantErr: `fetch ftp://example.org/x: unsupported scheme "ftp"`},
		{name: "no host", req: Request{URL: "http:///x"}, wantErr: "fetch http:///x: no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Do(context.Background(), tt.req)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Do(%s) = nil error, want %q", tt.req.URL, tt.wantErr)
				}
				if err.Error() != tt.wantErr {
					t.Errorf("Do(%s) error = %q, want %q", tt.req.URL, err, tt.wantErr)
				}
				var se *StatusError
				if tt.wantCode != 0 && (!errors.As(err, &se) || se.Code != tt.wantCode) {
					t.Errorf("Do(%s) error %v is not a StatusError with code %d", tt.req.URL, err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("Do(%s): %v", tt.req.URL, err)
			}
			if got := string(resp.Body); got != tt.wantBody {
				t.Errorf("body = %q, want %q", got, tt.wantBody)
			}
			if resp.NotModified != tt.wantNotMod {
				t.Errorf("NotModified = %v, want %v", resp.NotModified, tt.wantNotMod)
			}
			if resp.ETag != tt.wantETag {
				t.Errorf("ETag = %q, want %q", resp.ETag, tt.wantETag)
			}
			if resp.LastModified != tt.wantLastMod {
				t.Errorf("LastModified = %q, want %q", resp.LastModified, tt.wantLastMod)
			}
		})
	}
}

func TestDoHeaders(t *testing.T) {
	var gotUA, gotAccept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAccept = r.Header.Get("User-Agent"), r.Header.Get("Accept")
		fmt.Fprint(w, "x")
	}))
	defer srv.Close()
	c := New(nil, noDelay)
	if _, err := c.Do(context.Background(), Request{URL: srv.URL, Accept: "text/html"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(gotUA, "vigil/") {
		t.Errorf("User-Agent = %q, want it to start with vigil/", gotUA)
	}
	if gotAccept != "text/html" {
		t.Errorf("Accept = %q, want text/html", gotAccept)
	}
}

func TestDoGzip(t *testing.T) {
	const text = "a body that travels compressed"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			fmt.Fprint(w, "plain")
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, text)
		zw.Close()
	}))
	defer srv.Close()
	resp, err := New(nil, noDelay).Get(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(resp.Body); got != text {
		t.Errorf("body = %q, want %q", got, text)
	}
}

func TestDoTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}))
	defer srv.Close()
	c := New(nil, Config{HostDelay: -1, Timeout: 100 * time.Millisecond})
	start := time.Now()
	_, err := c.Get(context.Background(), srv.URL)
	took := time.Since(start)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Get error = %v, want ErrTimeout", err)
	}
	want := "fetch " + srv.URL + ": timed out after 100ms"
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if took > time.Second {
		t.Errorf("Get took %s, want about 100ms", took)
	}
}

func TestDoSlowBodyTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "start of body")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	}))
	defer srv.Close()
	c := New(nil, Config{HostDelay: -1, Timeout: 100 * time.Millisecond})
	_, err := c.Get(context.Background(), srv.URL)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Get error = %v, want ErrTimeout", err)
	}
}

func TestDoCallerCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := New(nil, noDelay).Get(ctx, srv.URL)
	if err == nil || errors.Is(err, ErrTimeout) {
		t.Fatalf("Get error = %v, want the caller's deadline, not ErrTimeout", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Get error = %v, want it to wrap context.DeadlineExceeded", err)
	}
}

func TestDoTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 4096)
	mux := http.NewServeMux()
	mux.HandleFunc("/length", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		w.Write(big)
	})
	var streamed int
	var mu sync.Mutex
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the client must stop reading at the cap.
		for i := 0; i < 1000; i++ {
			if _, err := w.Write(big); err != nil {
				break
			}
			w.(http.Flusher).Flush()
			mu.Lock()
			streamed++
			mu.Unlock()
		}
	})
	mux.HandleFunc("/fits", func(w http.ResponseWriter, r *http.Request) {
		w.Write(big[:1024])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := New(nil, Config{HostDelay: -1, Timeout: 2 * time.Second, MaxBytes: 1024})

	for _, path := range []string{"/length", "/chunked"} {
		_, err := c.Get(context.Background(), srv.URL+path)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("Get(%s) error = %v, want ErrTooLarge", path, err)
			continue
		}
		if !strings.Contains(err.Error(), "response too large") {
			t.Errorf("Get(%s) error = %q, want it to say response too large", path, err)
		}
	}
	srv.Close() // waits for the handler, so streamed is final
	mu.Lock()
	defer mu.Unlock()
	if streamed >= 1000 {
		t.Errorf("server streamed all %d chunks; the client read past the cap", streamed)
	}

	srv2 := httptest.NewServer(mux)
	defer srv2.Close()
	resp, err := c.Get(context.Background(), srv2.URL+"/fits")
	if err != nil {
		t.Fatalf("Get(/fits) with a body exactly at the cap: %v", err)
	}
	if len(resp.Body) != 1024 {
		t.Errorf("Get(/fits) body = %d bytes, want 1024", len(resp.Body))
	}
}

func TestDoRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/target", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/target", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "arrived")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := New(nil, Config{HostDelay: -1, Timeout: 2 * time.Second, MaxRedirects: 3})

	resp, err := c.Get(context.Background(), srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "arrived" || resp.URL != srv.URL+"/target" {
		t.Errorf("after redirect got body %q at %s, want %q at %s", resp.Body, resp.URL, "arrived", srv.URL+"/target")
	}
	_, err = c.Get(context.Background(), srv.URL+"/loop")
	if err == nil || !strings.Contains(err.Error(), "stopped after 3 redirects") {
		t.Errorf("redirect loop error = %v, want stopped after 3 redirects", err)
	}
}

// recorder is a round tripper that notes when each request leaves the
// client, by host.
type recorder struct {
	next   http.RoundTripper
	mu     sync.Mutex
	starts map[string][]time.Time
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.starts[req.URL.Host] = append(r.starts[req.URL.Host], time.Now())
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func TestHostDelay(t *testing.T) {
	const delay = 60 * time.Millisecond
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	a := httptest.NewServer(ok)
	defer a.Close()
	b := httptest.NewServer(ok)
	defer b.Close()
	rec := &recorder{next: http.DefaultTransport, starts: map[string][]time.Time{}}
	c := New(nil, Config{HostDelay: delay, Timeout: 2 * time.Second, Transport: rec})

	begin := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		for _, u := range []string{a.URL, b.URL} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.Get(context.Background(), u); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	took := time.Since(begin)

	if len(rec.starts) != 2 {
		t.Fatalf("requests went to %d hosts, want 2", len(rec.starts))
	}
	for host, ts := range rec.starts {
		if len(ts) != 3 {
			t.Fatalf("host %s got %d requests, want 3", host, len(ts))
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		for i := 1; i < len(ts); i++ {
			// (the limiter spaces its releases by the full delay; the
			// transport sees them later by however long the scheduler
			// took, which under -race on a loaded machine can be tens of
			// milliseconds, so only half the delay is asserted here;
			// without the limiter the gaps would be near zero)
			if gap := ts[i].Sub(ts[i-1]); gap < delay/2 {
				t.Errorf("host %s: requests %d and %d %s apart, want at least %s", host, i-1, i, gap, delay)
			}
		}
	}
	// Two hosts run in parallel: three requests each need about two delays,
	// not five.
	if took > 4*delay+200*time.Millisecond {
		t.Errorf("6 requests over 2 hosts took %s, want about %s (hosts should not wait for each other)", took, 2*delay)
	}
}

func TestHostLimiterCancel(t *testing.T) {
	l := NewHostLimiter(time.Hour)
	if err := l.Wait(context.Background(), "example.org"); err != nil {
		t.Fatalf("first Wait: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(ctx, "EXAMPLE.org"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Wait = %v, want context.DeadlineExceeded (hosts compare case-insensitively)", err)
	}
	if err := l.Wait(context.Background(), "other.example.org"); err != nil {
		t.Errorf("Wait for another host: %v", err)
	}
}

func BenchmarkGet(b *testing.B) {
	body := bytes.Repeat([]byte("<p>news</p>"), 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(body)
	}))
	defer srv.Close()
	c := New(nil, noDelay)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := c.Get(context.Background(), srv.URL); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHostLimiterForgetsIdleHosts(t *testing.T) {
	l := NewHostLimiter(time.Nanosecond)
	for i := 0; i < 3*pruneAt; i++ {
		if err := l.Wait(context.Background(), fmt.Sprintf("host%d.example", i)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(l.hosts); n > pruneAt {
		t.Errorf("limiter remembers %d hosts after %d idle ones, want at most %d", n, 3*pruneAt, pruneAt)
	}
}

func TestRedirectKeepsHostDelay(t *testing.T) {
	const delay = 50 * time.Millisecond
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "here") }))
	defer target.Close()
	redirector := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/page", http.StatusFound)
	})
	hop1 := httptest.NewServer(redirector)
	defer hop1.Close()
	hop2 := httptest.NewServer(redirector)
	defer hop2.Close()
	rec := &recorder{next: http.DefaultTransport, starts: map[string][]time.Time{}}
	c := New(nil, Config{HostDelay: delay, Timeout: 2 * time.Second, Transport: rec})

	// Two fetches through two redirectors at once: the target host sees
	// two requests, spaced by the delay although they came through
	// different hosts.
	var wg sync.WaitGroup
	for _, hop := range []string{hop1.URL, hop2.URL} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), hop); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	ts := rec.starts[strings.TrimPrefix(target.URL, "http://")]
	if len(ts) != 2 {
		t.Fatalf("target got %d requests, want 2", len(ts))
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	if gap := ts[1].Sub(ts[0]); gap < delay-10*time.Millisecond {
		t.Errorf("redirected requests to one host %s apart, want at least %s", gap, delay)
	}
}
