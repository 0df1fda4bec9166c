package actors

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZScratch(t *testing.T) {
	q := os.Getenv("KBQ")
	if q == "" {
		t.Skip()
	}
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Split(q, "|") {
		f := strings.Split(p, ",")
		c, ok2 := kb.Resolve(f[:len(f)-1], f[len(f)-1], time.Time{})
		m, ok := kb.LookupName(strings.Join(f, " "), time.Time{})
		t.Logf("%-45q resolve=%v %+v lookup=%v %s", p, ok2, c, ok, m.Code)
	}
}
