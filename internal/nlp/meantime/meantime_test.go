package meantime

import (
	"strings"
	"testing"
)

// A CAT document we wrote: two tokens, one mention, one entity and the
// link between them.
const sample = `<Document doc_name="sample">
<token t_id="1" sentence="0">Mayor</token>
<token t_id="2" sentence="0">Dunne</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="PER"/>
</Markables>
<Relations>
<REFERS_TO r_id="30"><source m_id="10"/><target m_id="20"/></REFERS_TO>
</Relations>
</Document>`

func TestRead(t *testing.T) {
	doc, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Tokens), 2; got != want {
		t.Fatalf("tokens = %d, want %d", got, want)
	}
	if got, want := doc.Tokens[1].Text, "Dunne"; got != want {
		t.Errorf("token 2 = %q, want %q", got, want)
	}
	if got := doc.Markables.Mentions; len(got) != 1 || got[0].Syntax != "NAM" || len(got[0].Anchors) != 2 {
		t.Errorf("mentions = %+v, want one NAM mention over two tokens", got)
	}
	if got := doc.Markables.Entities; len(got) != 1 || got[0].Type != "PER" {
		t.Errorf("entities = %+v, want one PER", got)
	}
	if got := doc.Relations.RefersTo; len(got) != 1 || got[0].Target.ID != "20" || len(got[0].Sources) != 1 || got[0].Sources[0].ID != "10" {
		t.Errorf("refers_to = %+v, want 10 -> 20", got)
	}
	if _, err := Read(strings.NewReader("<Document><token")); err == nil {
		t.Error("truncated XML: got no error")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("<Document/>")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Read(strings.NewReader(s))
		if err == nil && doc == nil {
			t.Fatal("nil document without an error")
		}
	})
}
