package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigilhq/vigil/internal/model"
)

// params reads and checks query parameters, keeping the first problem.
type params struct {
	v       url.Values
	problem error
}

// newParams parses the query and rejects unknown or repeated parameters.
func newParams(r *http.Request, allowed ...string) (*params, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, errors.New("bad query string")
	}
	for name, vals := range v {
		known := false
		for _, a := range allowed {
			if name == a {
				known = true
				break
			}
		}
		switch {
		case !known && len(allowed) == 0:
			return nil, fmt.Errorf("unknown parameter %q: this path takes none", name)
		case !known:
			return nil, fmt.Errorf("unknown parameter %q; known: %s", name, strings.Join(allowed, ", "))
		case len(vals) > 1:
			return nil, fmt.Errorf("parameter %q given %d times", name, len(vals))
		}
	}
	return &params{v: v}, nil
}

func (p *params) fail(format string, args ...any) {
	if p.problem == nil {
		p.problem = fmt.Errorf(format, args...)
	}
}

func (p *params) err() error { return p.problem }

// raw returns a parameter's value and whether it was given.
func (p *params) raw(name string) (string, bool) {
	vals, ok := p.v[name]
	if !ok || len(vals) == 0 {
		return "", false
	}
	return vals[0], true
}

// int reads an integer in [min, max], or def when absent.
func (p *params) int(name string, def, min, max int) int {
	s, ok := p.raw(name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		p.fail("%s must be a whole number from %d to %d, got %q", name, min, max, clip(s))
		return def
	}
	return n
}

// text reads a free-text value of bounded length; "" when absent.
func (p *params) text(name string) string {
	s, _ := p.raw(name)
	s = strings.TrimSpace(s)
	switch {
	case !utf8.ValidString(s):
		p.fail("%s is not valid UTF-8", name)
		return ""
	case len(s) > maxTextParam:
		p.fail("%s is longer than %d bytes", name, maxTextParam)
		return ""
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 }):
		p.fail("%s contains control characters", name)
		return ""
	}
	return s
}

// date reads a YYYY-MM-DD date; "" when absent.
func (p *params) date(name string) string {
	s, ok := p.raw(name)
	if !ok {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		p.fail("%s must be a date as YYYY-MM-DD, got %q", name, clip(s))
		return ""
	}
	return s
}

// dateOrder checks that since is not after until when both are set.
func (p *params) dateOrder(sinceName, since, untilName, until string) {
	if since != "" && until != "" && since > until {
		p.fail("%s (%s) is after %s (%s)", sinceName, since, untilName, until)
	}
}

// articleID reads an article id (64 hex digits); "" when absent.
func (p *params) articleID(name string) string {
	s, ok := p.raw(name)
	if !ok {
		return ""
	}
	if !isArticleID(s) {
		p.fail("%s must be an article id of 64 hex digits, got %q", name, clip(s))
		return ""
	}
	return strings.ToLower(s)
}

// country reads an ISO 3166-1 alpha-3 code; "" when absent.
func (p *params) country(name string) string {
	s, ok := p.raw(name)
	if !ok {
		return ""
	}
	if len(s) != 3 || !allASCIILetters(s) {
		p.fail("%s must be a three-letter ISO country code such as UKR, got %q", name, clip(s))
		return ""
	}
	return strings.ToUpper(s)
}

// root reads a CAMEO root code 01..20 (a single digit is padded); "" when
// absent.
func (p *params) root(name string) string {
	s, ok := p.raw(name)
	if !ok {
		return ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 2 || n < 1 || n > 20 {
		p.fail("%s must be a CAMEO root code from 01 to 20, got %q", name, clip(s))
		return ""
	}
	return fmt.Sprintf("%02d", n)
}

var modalities = []string{model.Asserted, model.Negated, model.Hypothetical, model.Intended, model.Reported}

// modality reads one of the contract's modalities, or "all". Absent, it is
// "asserted": what did not happen (denied, feared, intended or only
// claimed) is listed only when asked for. "all" gives "", every modality.
func (p *params) modality(name string) string {
	s, ok := p.raw(name)
	if !ok {
		return model.Asserted
	}
	if s == "all" {
		return ""
	}
	for _, m := range modalities {
		if s == m {
			return s
		}
	}
	p.fail("%s must be all or one of %s, got %q", name, strings.Join(modalities, ", "), clip(s))
	return ""
}

// isArticleID reports whether s looks like an article id.
func isArticleID(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func allASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// clip shortens a value quoted back in an error message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	for i := max; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return ""
}
