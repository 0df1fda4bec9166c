// Package fetch downloads feeds and pages over HTTP politely: conditional
// GET, a minimum delay between requests to the same host, a timeout and a
// size cap on every response.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults for Config's zero values.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 8 << 20
	DefaultHostDelay    = 2 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "vigil/0.1 (news event monitor; +https://github.com/vigilhq/vigil)"
)

// Errors a caller can test for with errors.Is.
var (
	ErrTooLarge = errors.New("response too large")
	ErrTimeout  = errors.New("timed out")
)

// StatusError is returned for a response whose status is neither 2xx nor
// 304 Not Modified.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: status %d", e.URL, e.Code)
}

// Config sets a client's limits. Zero values take the defaults above; a
// negative HostDelay turns the per-host delay off.
type Config struct {
	UserAgent    string
	Timeout      time.Duration // whole request, body included
	MaxBytes     int64         // largest body accepted, after decompression
	HostDelay    time.Duration // minimum time between request starts to one host
	MaxRedirects int
	// Transport is the round tripper to use; nil means a clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
}

// Request is one GET. ETag and LastModified are the validators remembered
// from an earlier response; when set the request is conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	Accept       string // optional Accept header
}

// Response is a fetched body with the headers vigil cares about.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool // 304: Body is empty, the caller's copy is current
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Client is an HTTP client that is safe for concurrent use.
type Client struct {
	log     *slog.Logger
	cfg     Config
	http    *http.Client
	limiter *HostLimiter
}

// New returns a client. A nil logger discards diagnostics.
func New(log *slog.Logger, cfg Config) *Client {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	switch {
	case cfg.HostDelay == 0:
		cfg.HostDelay = DefaultHostDelay
	case cfg.HostDelay < 0:
		cfg.HostDelay = 0
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	tr := cfg.Transport
	if tr == nil {
		if dt, ok := http.DefaultTransport.(*http.Transport); ok {
			tr = dt.Clone()
		} else {
			tr = http.DefaultTransport
		}
	}
	c := &Client{log: log, cfg: cfg, limiter: NewHostLimiter(cfg.HostDelay)}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// checkRedirect limits redirects and keeps the per-host delay for the
// host redirected to.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects", c.cfg.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	return c.limiter.Wait(req.Context(), req.URL.Host)
}

// Get fetches rawURL unconditionally.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	return c.Do(ctx, Request{URL: rawURL})
}

// Do performs one GET, waiting first for the host's turn. A 304 answer gives
// a Response with NotModified set; any other non-2xx status gives a
// *StatusError.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(r.URL))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: unsupported scheme %q", r.URL, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %s: no host", r.URL)
	}
	target := u.String()
	if err := c.limiter.Wait(ctx, u.Host); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", target, err)
	}

	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", target, err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.wrapErr(parent, ctx, target, err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// A 304 may omit the validators; the caller's are still current.
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		c.log.Debug("fetch", "url", target, "status", resp.StatusCode, "took", time.Since(start))
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Read a little so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{URL: target, Code: resp.StatusCode}
	}

	if resp.ContentLength > c.cfg.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %w: %d bytes, limit %d", target, ErrTooLarge, resp.ContentLength, c.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBytes+1))
	if err != nil {
		return nil, c.wrapErr(parent, ctx, target, err)
	}
	if int64(len(body)) > c.cfg.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %w: more than %d bytes", target, ErrTooLarge, c.cfg.MaxBytes)
	}
	out.Body = body
	c.log.Debug("fetch", "url", target, "status", resp.StatusCode, "bytes", len(body), "took", time.Since(start))
	return out, nil
}

// wrapErr names a transport error plainly, telling this client's timeout
// apart from the caller giving up.
func (c *Client) wrapErr(parent, ctx context.Context, target string, err error) error {
	if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("fetch %s: %w after %s", target, ErrTimeout, c.cfg.Timeout)
	}
	// Drop net/http's `Get "URL": ` prefix, which repeats the URL.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetch %s: %w", target, err)
}
