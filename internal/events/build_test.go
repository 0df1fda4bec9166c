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

func TestWithCountry(t *testing.T) {
	c := newTestCoder(t)
	ind := "IDN"
	in := &Input{Entities: []model.Entity{{Text: "Indonesia", Type: "GPE", Sentence: 0, Actor: &ind}}}
	st := &sentence{a: newArticle(c, in), s: &model.Sentence{}}
	got := st.withCountry([]*model.Actor{{Text: "students", Actor: model.StrPtr("EDU")}, nil})
	if actorCode(got[0]) != "IDNEDU" || got[1] != nil {
		t.Errorf("withCountry = %s, %v; want IDNEDU and nil", actorCode(got[0]), got[1])
	}
	two := &Input{Entities: []model.Entity{{Text: "Indonesia", Sentence: 0, Actor: &ind}, {Text: "Russia", Sentence: 0, Actor: model.StrPtr("RUS")}}}
	st2 := &sentence{a: newArticle(c, two), s: &model.Sentence{}}
	if got := st2.withCountry([]*model.Actor{{Text: "students", Actor: model.StrPtr("EDU")}}); actorCode(got[0]) != "EDU" {
		t.Errorf("two countries: got %s, want the bare role EDU", actorCode(got[0]))
	}
}

func TestForcesMoved(t *testing.T) {
	rus := &model.Actor{Text: "Russia", Actor: model.StrPtr("RUS"), Country: model.StrPtr("RUS")}
	tests := []struct {
		tgt  *model.Actor
		keep bool
	}{
		{&model.Actor{Text: "more troops", Actor: model.StrPtr("MIL")}, false},
		{&model.Actor{Text: "its tanks", Actor: model.StrPtr("RUSMIL")}, false},
		{&model.Actor{Text: "Ukraine", Actor: model.StrPtr("UKR")}, true},
		{&model.Actor{Text: "Ukrainian troops", Actor: model.StrPtr("UKRMIL")}, true},
	}
	for _, tc := range tests {
		got := forcesMoved([]*model.Actor{tc.tgt}, []*model.Actor{rus})
		if (len(got) == 1) != tc.keep {
			t.Errorf("forcesMoved(%s) kept %v, want %v", actorCode(tc.tgt), len(got) == 1, tc.keep)
		}
	}
}

func TestDedupe(t *testing.T) {
	actor := func(text, code string) *model.Actor {
		a := &model.Actor{Text: text}
		if code != "" {
			a.Actor = model.StrPtr(code)
		}
		return a
	}
	event := func(trigger string, src, tgt *model.Actor) model.Event {
		return model.Event{CAMEO: "166", Trigger: trigger, Modality: model.Asserted, Source: src, Target: tgt}
	}
	tests := []struct {
		name string
		in   []model.Event
		want int
	}{
		{"one party named twice", []model.Event{
			event("expelled", actor("North Korea", "PRK"), actor("inspectors of the agency", "IGOUNOIAE")),
			event("expelled", actor("North Korea", "PRK"), actor("IAEA", "IGOUNOIAE")),
		}, 1},
		{"two parties", []model.Event{
			event("expelled", actor("North Korea", "PRK"), actor("IAEA", "IGOUNOIAE")),
			event("expelled", actor("North Korea", "PRK"), actor("US diplomats", "USAGOV")),
		}, 2},
		{"two uncoded parties", []model.Event{
			event("expelled", actor("North Korea", "PRK"), actor("Moody Awori", "")),
			event("expelled", actor("North Korea", "PRK"), actor("Amos Kiprono", "")),
		}, 2},
		{"two triggers", []model.Event{
			event("expelled", actor("North Korea", "PRK"), actor("IAEA", "IGOUNOIAE")),
			event("ordered out", actor("North Korea", "PRK"), actor("IAEA", "IGOUNOIAE")),
		}, 2},
	}
	for _, tc := range tests {
		if got := len(dedupe(tc.in)); got != tc.want {
			t.Errorf("%s: %d events, want %d", tc.name, got, tc.want)
		}
	}
}
