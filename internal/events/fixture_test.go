package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFixture returns a text of testdata without its headline line.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	_, body, _ := strings.Cut(string(data), "\n")
	return strings.TrimSpace(body)
}
