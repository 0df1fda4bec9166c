package store

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"spaces only", "   ", ""},
		{"already canonical", "https://example.com/news/story", "https://example.com/news/story"},
		{"scheme and host case", "HTTPS://Example.COM/News/Story", "https://example.com/News/Story"},
		{"default https port", "https://example.com:443/a", "https://example.com/a"},
		{"default http port", "http://example.com:80/a", "http://example.com/a"},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a"},
		{"http port on https kept", "https://example.com:80/a", "https://example.com:80/a"},
		{"fragment", "https://example.com/a#comments", "https://example.com/a"},
		{"trailing slash", "https://example.com/a/", "https://example.com/a"},
		{"many trailing slashes", "https://example.com/a///", "https://example.com/a"},
		{"root slash", "https://example.com/", "https://example.com"},
		{"utm params", "https://example.com/a?utm_source=tw&utm_medium=social&id=3", "https://example.com/a?id=3"},
		{"utm upper case", "https://example.com/a?UTM_Campaign=x", "https://example.com/a"},
		{"click ids", "https://example.com/a?fbclid=abc&gclid=def&ref=home", "https://example.com/a"},
		{"sorted params", "https://example.com/a?b=2&a=1&c=3", "https://example.com/a?a=1&b=2&c=3"},
		{"same key sorted by value", "https://example.com/a?k=2&k=1", "https://example.com/a?k=1&k=2"},
		{"escaping kept", "https://example.com/a%20b?q=x%26y", "https://example.com/a%20b?q=x%26y"},
		{"empty query", "https://example.com/a?", "https://example.com/a"},
		{"only tracking query and slash", "https://example.com/a/?utm_source=x#top", "https://example.com/a"},
		{"surrounding spaces", "  https://example.com/a  ", "https://example.com/a"},
		{"trailing dot host", "https://example.com./a", "https://example.com/a"},
		{"ipv6 default port", "http://[::1]:80/a", "http://[::1]/a"},
		{"not absolute", "news/story.html", "news/story.html"},
		{"unparseable", "http://exa mple.com/%zz", "http://exa mple.com/%zz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalURLIdempotent(t *testing.T) {
	for _, in := range []string{
		"HTTPS://Example.COM:443/a/b/?utm_source=x&z=1&a=2#frag",
		"http://example.com/%7Euser/",
		"https://example.com/?q=a+b&ref=x",
	} {
		once := CanonicalURL(in)
		if twice := CanonicalURL(once); twice != once {
			t.Errorf("CanonicalURL not idempotent: %q -> %q -> %q", in, once, twice)
		}
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://example.com/a/?utm_source=x&b=1#f", "http://[::1]:80/", "x", "https://a.b/%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := CanonicalURL(s)
		if twice := CanonicalURL(once); twice != once {
			t.Errorf("CanonicalURL not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}
