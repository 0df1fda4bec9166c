package api

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// statusTmpl is the status page. It is parsed once; the text is constant.
var statusTmpl = template.Must(template.New("status").Funcs(template.FuncMap{
	"when": when,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>vigil status</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .8em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.err { color: #a00; }
.ok { color: #070; }
</style>
</head>
<body>
<h1>vigil</h1>
<p>Status at {{when .Time .Time}}. JSON: <a href="/api/status">/api/status</a>,
<a href="/api/articles">/api/articles</a>, <a href="/api/events">/api/events</a>.</p>

<h2>Store</h2>
<table>
<tr><th>articles</th><td class="n">{{.Stats.Articles}}</td></tr>
<tr><th>sentences</th><td class="n">{{.Stats.Sentences}}</td></tr>
<tr><th>entities</th><td class="n">{{.Stats.Entities}}</td></tr>
<tr><th>events</th><td class="n">{{.Stats.Events}}</td></tr>
<tr><th>quotes</th><td class="n">{{.Stats.Quotes}}</td></tr>
<tr><th>quantities</th><td class="n">{{.Stats.Quantities}}</td></tr>
<tr><th>places</th><td class="n">{{.Stats.Places}}</td></tr>
<tr><th>times</th><td class="n">{{.Stats.Times}}</td></tr>
<tr><th>last added</th><td>{{when .Time .Stats.LastAdded}}</td></tr>
</table>

<h2>Feeds ({{len .Feeds}})</h2>
{{if .Feeds}}<table>
<tr><th>feed</th><th>last poll</th><th>last success</th><th>items</th><th>added</th><th>last error</th></tr>
{{range .Feeds}}<tr>
<td>{{if .Title}}{{.Title}}<br>{{end}}<small>{{.URL}}</small></td>
<td>{{when $.Time .LastPoll}}</td>
<td>{{when $.Time .LastOK}}</td>
<td class="n">{{.Items}}</td>
<td class="n">{{.Added}}</td>
<td>{{if .LastError}}<span class="err">{{.LastError}}</span>{{else}}<span class="ok">ok</span>{{end}}</td>
</tr>
{{end}}</table>
{{else}}<p>No feed has been polled yet.</p>
{{end}}
<h2>Recent errors</h2>
{{if .Errors}}<table>
<tr><th>time</th><th>feed</th><th>item</th><th>error</th></tr>
{{range .Errors}}<tr><td>{{when $.Time .Time}}</td><td><small>{{.Feed}}</small></td><td><small>{{.Item}}</small></td><td class="err">{{.Error}}</td></tr>
{{end}}</table>
{{else}}<p>None.</p>
{{end}}
</body>
</html>
`))

// when renders t relative to now, e.g. "2022-02-19 10:00:00 UTC (5m ago)".
func when(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	abs := t.UTC().Format("2006-01-02 15:04:05 UTC")
	d := now.Sub(t)
	switch {
	case d < 0:
		return abs
	case d < time.Minute:
		return abs + " (just now)"
	case d < 48*time.Hour:
		return abs + " (" + d.Round(time.Minute).String() + " ago)"
	default:
		return fmt.Sprintf("%s (%dd ago)", abs, int(d/(24*time.Hour)))
	}
}

func (s *Server) statusPage(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	st, err := s.collectStatus(r.Context())
	if err != nil {
		s.internal(w, r, "read status", err)
		return
	}
	// Failing feeds first, then by URL.
	feeds := append([]model.FeedState(nil), st.Feeds...)
	sort.SliceStable(feeds, func(i, j int) bool {
		ei, ej := feeds[i].LastError != "", feeds[j].LastError != ""
		if ei != ej {
			return ei
		}
		return feeds[i].URL < feeds[j].URL
	})
	st.Feeds = feeds

	var buf bytes.Buffer
	if err := statusTmpl.Execute(&buf, st); err != nil {
		s.internal(w, r, "render status page", err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}
