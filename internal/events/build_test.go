package events

import (
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

func TestMaterialCode(t *testing.T) {
	for code, want := range map[string]bool{"130": false, "1323": true, "138": true, "141": true, "190": true, "2042": true, "051": false, "112": false} {
		if got := materialCode(code); got != want {
			t.Errorf("materialCode(%s) = %v, want %v", code, got, want)
		}
	}
}

func TestPlaceAsPeople(t *testing.T) {
	c := newTestCoder(t)
	st := &sentence{a: newArticle(c, &Input{}), s: &model.Sentence{}}
	tests := []struct{ text, code, want string }{
		{"Algiers", "DZAGOV", "DZACVL"}, // a capital: its people
		{"Algeria", "DZA", "DZA"},       // a country stays
		{"Hamas", "PSEREB", "PSEREB"},
	}
	for _, tc := range tests {
		got := st.placeAsPeople(&model.Actor{Text: tc.text, Actor: model.StrPtr(tc.code)})
		if actorCode(got) != tc.want {
			t.Errorf("placeAsPeople(%s %s) = %s, want %s", tc.text, tc.code, actorCode(got), tc.want)
		}
	}
	if placed := st.placeAsPeople(nil); placed != nil {
		t.Errorf("placeAsPeople(nil) = %v, want nil", placed)
	}
}
