package main

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	code, out, stderr := runCmd(t, "Russian troops shelled Kharkiv. They didn't stop.\n", "parse")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	blocks := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(blocks) != 2 {
		t.Fatalf("got %d sentences, want 2:\n%s", len(blocks), out)
	}
	if !strings.Contains(blocks[0], "# text = Russian troops shelled Kharkiv.") {
		t.Errorf("first sentence lacks its text comment:\n%s", blocks[0])
	}
	roots := 0
	for _, line := range strings.Split(blocks[0], "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			t.Fatalf("line %q has %d columns, want 10", line, len(cols))
		}
		if cols[6] == "0" {
			roots++
		}
		if cols[1] == "Kharkiv" && !strings.Contains(cols[9], "NER=B-") {
			t.Errorf("Kharkiv has MISC %q, want an entity tag", cols[9])
		}
	}
	if roots != 1 {
		t.Errorf("first sentence has %d roots, want 1", roots)
	}
	// "didn't" is two tokens; "did" is glued to "n't".
	if !strings.Contains(blocks[1], "did\tdo\tAUX") || !strings.Contains(blocks[1], "SpaceAfter=No") {
		t.Errorf("second sentence lacks the split clitic:\n%s", blocks[1])
	}

	if code, _, _ := runCmd(t, "", "parse", "a", "b"); code != 2 {
		t.Errorf("two files: exit %d, want 2", code)
	}
}
