package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/model"
)

// sunday is the anchor of most tests: Sunday 20 February 2022.
var sunday = time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)

func findAll(f *Finder, text string, anchor time.Time, has bool, tense Tense) []Found {
	return f.Find(text, model.Span{Start: 0, End: len(text)}, anchor, has, tense)
}

// only returns the single expression found in text, failing otherwise.
func only(t *testing.T, f *Finder, text string, anchor time.Time, has bool, tense Tense) Found {
	t.Helper()
	got := findAll(f, text, anchor, has, tense)
	if len(got) != 1 {
		t.Fatalf("Find(%q): got %d expressions %+v, want 1", text, len(got), got)
	}
	return got[0]
}

func TestFindValues(t *testing.T) {
	f := New(Config{})
	tests := []struct {
		text         string
		tense        Tense
		extent       string
		typ, value   string
		start, end   string
		precision    string
		wantPrep     string
		wantModifier string
	}{
		// weekdays
		{text: "Shelling resumed on Saturday night.", extent: "Saturday night", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay, wantPrep: "on"},
		{text: "The talks will resume on Tuesday.", extent: "Tuesday", typ: TypeDate, value: "2022-02-22", start: "2022-02-22", end: "2022-02-22", precision: PrecDay},
		{text: "He spoke on Tuesday.", extent: "Tuesday", typ: TypeDate, value: "2022-02-15", start: "2022-02-15", end: "2022-02-15", precision: PrecDay},
		{text: "Officials said Sunday that the border was closed.", extent: "Sunday", typ: TypeDate, value: "2022-02-20", start: "2022-02-20", end: "2022-02-20", precision: PrecDay},
		{text: "They met last Sunday.", extent: "last Sunday", typ: TypeDate, value: "2022-02-13", start: "2022-02-13", end: "2022-02-13", precision: PrecDay},
		{text: "They meet next Friday.", extent: "next Friday", typ: TypeDate, value: "2022-02-25", start: "2022-02-25", end: "2022-02-25", precision: PrecDay},
		{text: "Talks are planned.", tense: TensePast}, // no time
		// deictic days
		{text: "The minister resigned yesterday.", extent: "yesterday", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay},
		{text: "Rain is expected tomorrow.", extent: "tomorrow", typ: TypeDate, value: "2022-02-21", start: "2022-02-21", end: "2022-02-21", precision: PrecDay},
		{text: "Sirens sounded last night.", extent: "last night", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay},
		{text: "Markets fell this morning.", extent: "this morning", typ: TypeDate, value: "2022-02-20", start: "2022-02-20", end: "2022-02-20", precision: PrecDay},
		{text: "The vote is today.", extent: "today", typ: TypeDate, value: "2022-02-20", start: "2022-02-20", end: "2022-02-20", precision: PrecDay},
		// weeks
		{text: "Troops massed at the border last week.", extent: "last week", typ: TypeDate, value: "2022-W06", start: "2022-02-07", end: "2022-02-13", precision: PrecWeek},
		{text: "Talks continue this week.", extent: "this week", typ: TypeDate, value: "2022-W07", start: "2022-02-14", end: "2022-02-20", precision: PrecWeek},
		{text: "Talks will continue next week.", extent: "next week", typ: TypeDate, value: "2022-W08", start: "2022-02-21", end: "2022-02-27", precision: PrecWeek},
		{text: "Protests spread over the weekend.", extent: "the weekend", typ: TypeDate, value: "2022-W07-WE", start: "2022-02-19", end: "2022-02-20", precision: PrecWeekend, wantPrep: "over"},
		// months
		{text: "In September, the army withdrew.", extent: "September", typ: TypeDate, value: "2021-09", start: "2021-09-01", end: "2021-09-30", precision: PrecMonth, wantPrep: "in"},
		{text: "In September, the army will withdraw.", extent: "September", typ: TypeDate, value: "2022-09", start: "2022-09-01", end: "2022-09-30", precision: PrecMonth},
		{text: "Elections are due in September.", tense: TenseFuture, extent: "September", typ: TypeDate, value: "2022-09", start: "2022-09-01", end: "2022-09-30", precision: PrecMonth},
		{text: "Prices rose last month.", extent: "last month", typ: TypeDate, value: "2022-01", start: "2022-01-01", end: "2022-01-31", precision: PrecMonth},
		{text: "Prices rose earlier this month.", extent: "earlier this month", typ: TypeDate, value: "2022-02", start: "2022-02-01", end: "2022-02-19", precision: PrecMonth},
		{text: "Prices rose in early September.", extent: "early September", typ: TypeDate, value: "2021-09", start: "2021-09-01", end: "2021-09-10", precision: PrecMonth, wantModifier: ModStart},
		// years
		{text: "The war began in 2014.", extent: "2014", typ: TypeDate, value: "2014", start: "2014-01-01", end: "2014-12-31", precision: PrecYear, wantPrep: "in"},
		{text: "The conflict has run since 2014.", extent: "2014", typ: TypeDate, value: "2014", start: "2014-01-01", end: "2014-12-31", precision: PrecYear, wantPrep: "since"},
		{text: "Inflation doubled last year.", extent: "last year", typ: TypeDate, value: "2021", start: "2021-01-01", end: "2021-12-31", precision: PrecYear},
		{text: "Fighting flared in the 1990s.", extent: "the 1990s", typ: TypeDate, value: "199", start: "1990-01-01", end: "1999-12-31", precision: PrecDecade},
		{text: "It was built in the late 1970s.", extent: "the late 1970s", typ: TypeDate, value: "197", start: "1977-01-01", end: "1979-12-31", precision: PrecDecade, wantModifier: ModEnd},
		{text: "The treaty dates from the 20th century.", extent: "the 20th century", typ: TypeDate, value: "19", start: "1900-01-01", end: "1999-12-31", precision: PrecCentury},
		// explicit dates
		{text: "The deal was signed Dec. 15.", extent: "Dec. 15", typ: TypeDate, value: "2021-12-15", start: "2021-12-15", end: "2021-12-15", precision: PrecDay},
		{text: "The vote is set for March 3.", extent: "March 3", typ: TypeDate, value: "2022-03-03", start: "2022-03-03", end: "2022-03-03", precision: PrecDay},
		{text: "It ended on 15 December 2021.", extent: "15 December 2021", typ: TypeDate, value: "2021-12-15", start: "2021-12-15", end: "2021-12-15", precision: PrecDay},
		{text: "It ended on December 15th, 2021.", extent: "December 15th, 2021", typ: TypeDate, value: "2021-12-15", start: "2021-12-15", end: "2021-12-15", precision: PrecDay},
		{text: "Posted Feb 20, 2022 by staff.", extent: "Feb 20, 2022", typ: TypeDate, value: "2022-02-20", start: "2022-02-20", end: "2022-02-20", precision: PrecDay},
		{text: "Updated 2022-02-19 by staff.", extent: "2022-02-19", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay},
		{text: "Filed 19/02/2022.", extent: "19/02/2022", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay},
		{text: "Filed 03/04/2022.", extent: "03/04/2022", typ: TypeDate, value: "2022-04-03", start: "2022-04-03", end: "2022-04-03", precision: PrecDay},
		{text: "He arrived in July 1997.", extent: "July 1997", typ: TypeDate, value: "1997-07", start: "1997-07-01", end: "1997-07-31", precision: PrecMonth},
		{text: "Markets crashed on Friday, Oct. 23, 1998.", extent: "Friday, Oct. 23, 1998", typ: TypeDate, value: "1998-10-23", start: "1998-10-23", end: "1998-10-23", precision: PrecDay},
		{text: "Gifts arrive at Christmas.", tense: TensePast, extent: "Christmas", typ: TypeDate, value: "2021-12-25", start: "2021-12-25", end: "2021-12-25", precision: PrecDay},
		{text: "Talks were held on Feb. 14-16 in Geneva.", extent: "Feb. 14-16", typ: TypeDate, value: "2022-02-14", start: "2022-02-14", end: "2022-02-16", precision: PrecDay},
		{text: "Missiles struck in the early hours of the 19th.", extent: "the 19th", typ: TypeDate, value: "2022-02-19", start: "2022-02-19", end: "2022-02-19", precision: PrecDay},
		{text: "Revenue grew in H1 2021.", extent: "H1 2021", typ: TypeDate, value: "2021-H1", start: "2021-01-01", end: "2021-06-30", precision: PrecHalf},
		{text: "Sanctions announced on Tuesday will take effect in days.", extent: "Tuesday", typ: TypeDate, value: "2022-02-15", start: "2022-02-15", end: "2022-02-15", precision: PrecDay},
		// relative spans
		{text: "The town fell two days ago.", extent: "two days ago", typ: TypeDate, value: "2022-02-18", start: "2022-02-18", end: "2022-02-18", precision: PrecDay},
		{text: "The town fell three weeks ago.", extent: "three weeks ago", typ: TypeDate, value: "2022-W04", start: "2022-01-24", end: "2022-01-30", precision: PrecWeek},
		{text: "The town fell a year ago.", extent: "a year ago", typ: TypeDate, value: "2021", start: "2021-01-01", end: "2021-12-31", precision: PrecYear},
		{text: "It happened nearly two years ago.", extent: "nearly two years ago", typ: TypeDate, value: "2020", start: "2020-01-01", end: "2020-12-31", precision: PrecYear, wantModifier: ModLessThan},
		{text: "In recent days the shelling grew.", extent: "recent days", typ: TypeDuration, value: "PXD", wantPrep: "in"},
		// seasons, quarters
		{text: "Sales will rise this summer.", extent: "this summer", typ: TypeDate, value: "2022-SU", start: "2022-06-01", end: "2022-08-31", precision: PrecSeason},
		{text: "Sales rose last summer.", extent: "last summer", typ: TypeDate, value: "2021-SU", start: "2021-06-01", end: "2021-08-31", precision: PrecSeason},
		{text: "Snow fell this winter.", extent: "this winter", typ: TypeDate, value: "2022-WI", start: "2021-12-01", end: "2022-02-28", precision: PrecSeason},
		{text: "Profit rose in the third quarter.", extent: "the third quarter", typ: TypeDate, value: "2021-Q3", start: "2021-07-01", end: "2021-09-30", precision: PrecQuarter},
		{text: "Profit rose in the first quarter of 2021.", extent: "the first quarter of 2021", typ: TypeDate, value: "2021-Q1", start: "2021-01-01", end: "2021-03-31", precision: PrecQuarter},
		// times
		{text: "The blast came at 09:14 GMT.", extent: "09:14 GMT", typ: TypeTime, value: "2022-02-20T09:14", start: "2022-02-20", end: "2022-02-20", precision: PrecTime, wantPrep: "at"},
		{text: "Voting closes at 10 p.m. Saturday.", extent: "10 p.m. Saturday", typ: TypeTime, value: "2022-02-19T22:00", start: "2022-02-19", end: "2022-02-19", precision: PrecTime},
		// durations and sets
		{text: "The siege lasted three years.", extent: "three years", typ: TypeDuration, value: "P3Y"},
		{text: "A two-year truce held.", extent: "two-year", typ: TypeDuration, value: "P2Y"},
		{text: "Talks took five hours.", extent: "five hours", typ: TypeDuration, value: "PT5H"},
		{text: "They waited a year and a half.", extent: "a year and a half", typ: TypeDuration, value: "P1Y6M"},
		{text: "Prices rose in the past two weeks.", extent: "the past two weeks", typ: TypeDuration, value: "P2W", start: "2022-02-07", end: "2022-02-20"},
		{text: "The paper appears daily.", extent: "daily", typ: TypeSet, value: "P1D"},
		{text: "They meet every Monday.", extent: "every Monday", typ: TypeSet, value: "XXXX-WXX-1"},
		{text: "It costs $5 a day.", extent: "a day", typ: TypeSet, value: "P1D"},
		// references
		{text: "The town is now quiet.", extent: "now", typ: TypeDate, value: PresentRef, start: "2022-02-20", end: "2022-02-20", precision: PrecDay},
		{text: "Prices recently rose.", extent: "recently", typ: TypeDate, value: PastRef},
		{text: "Nobody knows what the future holds.", extent: "the future", typ: TypeDate, value: FutureRef},
		// bad input: impossible day keeps the month
		{text: "The vote was held on February 30.", extent: "February", typ: TypeDate, value: "2022-02", start: "2022-02-01", end: "2022-02-28", precision: PrecMonth},
		{text: "Numbers like 1e400 and 1234567890123456789012345 are not dates."},
		{text: "In 99999 nothing happened."},
		// not times
		{text: "May said the plan would work."},
		{text: "April Ryan asked a question."},
		{text: "More than 2000 troops were deployed."},
		{text: "The fall of the city was swift."},
	}
	for _, tc := range tests {
		got := findAll(f, tc.text, sunday, true, tc.tense)
		if tc.value == "" {
			if len(got) != 0 {
				t.Errorf("Find(%q) = %+v, want nothing", tc.text, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("Find(%q): got %d expressions %+v, want 1", tc.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Text != tc.extent || g.Type != tc.typ || g.Value != tc.value || g.StartDay != tc.start ||
			g.EndDay != tc.end || g.Precision != tc.precision {
			t.Errorf("Find(%q) = %q %s %s [%s..%s] %s, want %q %s %s [%s..%s] %s", tc.text,
				g.Text, g.Type, g.Value, g.StartDay, g.EndDay, g.Precision,
				tc.extent, tc.typ, tc.value, tc.start, tc.end, tc.precision)
		}
		if tc.text[g.Start:g.End] != g.Text {
			t.Errorf("Find(%q): offsets %d:%d give %q, want %q", tc.text, g.Start, g.End, tc.text[g.Start:g.End], g.Text)
		}
		if g.Prep != tc.wantPrep && tc.wantPrep != "" {
			t.Errorf("Find(%q): prep %q, want %q", tc.text, g.Prep, tc.wantPrep)
		}
		if tc.wantPrep != "" && !strings.HasPrefix(strings.ToLower(tc.text[g.Lead:]), tc.wantPrep) {
			t.Errorf("Find(%q): lead %d does not start at %q", tc.text, g.Lead, tc.wantPrep)
		}
		if g.Mod != tc.wantModifier {
			t.Errorf("Find(%q): mod %q, want %q", tc.text, g.Mod, tc.wantModifier)
		}
	}
}
