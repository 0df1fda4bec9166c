package store

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a click or campaign,
// not a page. Keys are compared in lower case.
var trackingParams = map[string]bool{
	"fbclid":  true,
	"gclid":   true,
	"dclid":   true,
	"msclkid": true,
	"ref":     true,
	"ref_src": true,
}

// CanonicalURL returns the form of raw under which two links to the same
// article compare equal: scheme and host in lower case, no default port, no
// fragment, no trailing slash, no tracking parameters (utm_*, fbclid,
// gclid, ref, …), and the remaining query parameters sorted. A string that
// is not an absolute URL is returned trimmed but otherwise unchanged; an
// empty string stays empty.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	host = strings.TrimRight(host, ".")
	if host == "" {
		return raw
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""

	// Trim trailing slashes from the path, keeping its escaping.
	p := strings.TrimRight(u.EscapedPath(), "/")
	if unescaped, err := url.PathUnescape(p); err == nil {
		u.Path, u.RawPath = unescaped, p
	}

	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	// A query may end in a raw space, which the next call would trim.
	return strings.TrimSpace(u.String())
}

// canonicalQuery drops tracking parameters and sorts the rest by key, then
// value, keeping each parameter's original escaping.
func canonicalQuery(q string) string {
	q = strings.TrimSpace(q)
	if q == "" {
		return ""
	}
	type param struct{ key, raw string }
	var keep []param
	for _, part := range strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, _, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		lk := strings.ToLower(key)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keep = append(keep, param{key, part})
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if keep[i].key != keep[j].key {
			return keep[i].key < keep[j].key
		}
		return keep[i].raw < keep[j].raw
	})
	parts := make([]string, len(keep))
	for i, p := range keep {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}
