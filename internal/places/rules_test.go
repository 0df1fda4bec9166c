package places

import (
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

// TestFindRules has one case per rule of toponym finding and resolution;
// the sentences are our own.
func TestFindRules(t *testing.T) {
	r := resolver(t)
	type want struct {
		text, kind, country, admin1 string // admin1 "" is not checked
	}
	tests := []struct {
		name string
		text string
		want []want
		not  []string
	}{
		{
			name: "a word for a part of a place before a known name",
			text: "Crews repaired a water main in north DeKalb County, Ga., on Monday.",
			want: []want{{"DeKalb County", "other", "USA", "Georgia"}},
			not:  []string{"north"},
		},
		{
			name: "a place entity trimmed to the town it opens",
			text: "Practices will be held at Stonington H.S. in Connecticut this spring.",
			want: []want{{"Stonington", "city", "USA", ""}},
		},
		{
			name: "names in a list of counties",
			text: "Flood warnings now cover Becker, Clay and Wilkin counties in Minnesota.",
			want: []want{{"Becker", "other", "USA", "Minnesota"}, {"Clay", "other", "USA", "Minnesota"}, {"Wilkin", "other", "USA", "Minnesota"}},
		},
		{
			name: "a town of several words whatever the first word's tag",
			text: "The suspect appeared at a bond hearing in Rolling Meadows on Friday.",
			want: []want{{"Rolling Meadows", "city", "USA", "Illinois"}},
		},
		{
			name: "St. finds Saint",
			text: "The team flew home to St. Paul, Minn., after the game.",
			want: []want{{"St. Paul", "city", "USA", "Minnesota"}},
		},
		{
			name: "a particle written joined",
			text: "Deputies from DeSoto Parish joined the search near Mansfield.",
			want: []want{{"DeSoto Parish", "other", "USA", "Louisiana"}},
		},
		{
			name: "a title is no town",
			text: "Defense Secretary William Perry said the first troops had arrived in Bosnia.",
			want: []want{{"Bosnia", "country", "BIH", ""}},
			not:  []string{"Secretary"},
		},
		{
			name: "a town before a word for its police",
			text: "Investigators and Brownsboro Police searched a house on Browning Street.",
			want: []want{{"Brownsboro", "city", "USA", ""}},
			not:  []string{"Street"},
		},
		{
			name: "a legislator's district",
			text: "The resolution's sponsor, Delegate Jane Roe, D-Braxton, spoke first.",
			want: []want{{"Braxton", "other", "USA", "West Virginia"}},
		},
		{
			name: "a legislator's district inside the name of a person",
			text: "House Minority Leader Marty Seifert, R-Marshall, joined by the majority leader, said the deal was fair.",
			want: []want{{"Marshall", "city", "USA", ""}},
			not:  []string{"R-Marshall"},
		},
		{
			name: "a dateline before a colon",
			text: "BEIRUT: Farmers counted their losses after the floods.",
			want: []want{{"BEIRUT", "city", "LBN", ""}},
		},
		{
			name: "a town in a list of towns",
			text: "Crews from Harwinton, Bantam, Litchfield, Winsted and Torrington fought the fire.",
			want: []want{{"Winsted", "city", "USA", "Connecticut"}, {"Torrington", "city", "USA", "Connecticut"}},
		},
		{
			name: "a town after an address",
			text: "Services will be at the Kreamer Funeral Home, 618 E. Main Street, Annville.",
			want: []want{{"Annville", "city", "USA", "Pennsylvania"}},
			not:  []string{"Street"},
		},
		{
			name: "a city's council is the city's",
			text: "The Dublin City Council voted on a new park near Columbus, Ohio.",
			want: []want{{"Dublin", "city", "USA", "Ohio"}},
			not:  []string{"Dublin City"},
		},
		{
			name: "a city manager is the town's",
			text: "The Dublin City Manager, hired from Columbus, Ohio, starts in May.",
			want: []want{{"Dublin", "city", "USA", "Ohio"}},
			not:  []string{"Dublin City"},
		},
		{
			name: "a town named with City keeps it before its council",
			text: "The Boulder City Council approved a new fire station near Henderson.",
			want: []want{{"Boulder City", "city", "USA", "Nevada"}},
		},
		{
			name: "a town the gazetteer lacks in the state its qualifier names lies in that state",
			text: "The new pastor grew up in Grantville, Pennsylvania, and studied in Ohio.",
			want: []want{{"Grantville", "admin1", "USA", ""}},
		},
		{
			name: "a list of names is no qualifier",
			text: "Outbreaks of the strains named Zaire, Bundibugyo, Sudan and Reston were compared.",
			want: []want{{"Bundibugyo", "city", "UGA", ""}},
		},
		{
			name: "a Canadian province's abbreviation qualifies a town",
			text: "The plant near Brandon, Man., will close in June.",
			want: []want{{"Brandon", "city", "CAN", "Manitoba"}, {"Man.", "admin1", "CAN", ""}},
		},
		{
			name: "a saint's name cut in two by the entity model",
			text: "Rescuers in St. John's, N.L., searched the harbour overnight.",
			want: []want{{"St. John's", "city", "CAN", ""}},
			not:  []string{"St."},
		},
		{
			name: "a mountain range of the region table beats a town named like its first word",
			text: "Climbers set out for the Atlas Mountains from Marrakesh on Monday.",
			want: []want{{"Atlas Mountains", "region", "", ""}},
			not:  []string{"Atlas"},
		},
		{
			name: "a short name is the town the article names in full",
			text: "Avondale Estates approved the annexation plan. Avondale wants more shops downtown.",
			want: []want{{"Avondale", "city", "USA", "Georgia"}},
		},
		{
			name: "a state keeps its name beside a town named after it",
			text: "Kansas City police met Kansas lawmakers in Topeka on Friday.",
			want: []want{{"Kansas", "admin1", "USA", ""}},
		},
		{
			name: "a local feature the gazetteer lacks lies among the article's towns",
			text: "Volunteers from Alexandria, Minn., and Osakis, Minn., cleaned the shore of Quarry Lake on Saturday.",
			want: []want{{"Quarry Lake", "other", "USA", "Minnesota"}},
		},
		{
			name: "a place the gazetteer lacks after in lies among the article's towns",
			text: "Deputies from Alexandria, Minn., and Osakis, Minn., made an arrest in Holmquist on Friday.",
			want: []want{{"Holmquist", "other", "USA", "Minnesota"}},
		},
		{
			name: "a small namesake far from a local article's towns is a local place the gazetteer lacks",
			text: "Deputies from Alexandria, Minn., and Osakis, Minn., stopped a truck near Burley on Friday.",
			want: []want{{"Burley", "other", "USA", "Minnesota"}},
		},
		{
			name: "a park named after a far town lies among the article's towns",
			text: "Deputies from Alexandria, Minn., and Osakis, Minn., searched Knox Park on Friday.",
			want: []want{{"Knox", "other", "USA", "Minnesota"}},
		},
		{
			name: "a dateline the gazetteer lacks lies among the article's towns",
			text: "Lamont visits supporters. HARWINTON — The senator met selectmen from Litchfield, Torrington and Stamford on Sunday.",
			want: []want{{"HARWINTON", "other", "USA", "Connecticut"}},
		},
		{
			name: "a news label before a dash is no dateline",
			text: "Lamont visits supporters. UPDATE — The senator met selectmen from Litchfield, Torrington and Stamford on Sunday.",
			not:  []string{"UPDATE"},
		},
		{
			name: "a body's building is no place the gazetteer lacks",
			text: "Officers from Alexandria, Minn., and Osakis, Minn., met at City Hall in Alexandria on Friday.",
			not:  []string{"City Hall"},
		},
		{
			name: "a city news style names alone beats a namesake near another name",
			text: "Relatives drove from Boston to the funeral in Thomaston.",
			want: []want{{"Boston", "city", "USA", "Massachusetts"}},
		},
		{
			name: "a direction word left out of a body's name",
			text: "Firefighters from the East Hampton Volunteer Fire Department put out the blaze in Connecticut.",
			want: []want{{"East Hampton", "city", "USA", ""}},
		},
		{
			name: "a state abbreviation fixes the state's name",
			text: "Vance, of Fresno, Calif., said California had changed.",
			want: []want{{"California", "admin1", "USA", ""}, {"Fresno", "city", "USA", "California"}},
		},
		{
			name: "a state qualifier beats the towns near a named state",
			text: "The finalists were Louisville, Ky., and New Haven, Conn., the panel said.",
			want: []want{{"New Haven", "city", "USA", "Connecticut"}},
		},
		{
			name: "a capital acting in an article about towns of another country is the town",
			text: "Athens has had few contested races, the mayor said. The city lies between Knoxville, Tenn., and Chattanooga, Tenn.",
			want: []want{{"Athens", "city", "USA", "Tennessee"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, r, tt.text)
			for _, w := range tt.want {
				ok := false
				for _, f := range got {
					if f.Text == w.text && f.Kind == w.kind && deref(f.Country) == w.country && (w.admin1 == "" || deref(f.Admin1) == w.admin1) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("want %+v; got %s", w, describe(got))
				}
			}
			for _, n := range tt.not {
				for _, f := range got {
					if f.Text == n || strings.HasPrefix(f.Text, n+" ") && n == "north" {
						t.Errorf("%q is not a place here; got %s", n, describe(got))
					}
				}
			}
		})
	}
}

func TestCapitalSharingARegionsName(t *testing.T) {
	r := resolver(t)
	got := find(t, r, "Protesters marched from Arlington, Va., and Bethesda, Md., into Washington on Tuesday.")
	ok := false
	for _, f := range got {
		if f.Text == "Washington" && deref(f.Admin1) == "District of Columbia" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("want Washington in the District of Columbia; got %s", describe(got))
	}
	got = find(t, r, "Wildfires spread east of Seattle and Tacoma across Washington on Sunday.")
	ok = false
	for _, f := range got {
		if f.Text == "Washington" && f.Kind == "admin1" && deref(f.Country) == "USA" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("want the state of Washington beside Seattle; got %s", describe(got))
	}
}

// TestQuietNames checks that a name used only in a street's
// name ("Hungerford Road") or as a surname of a person the article names
// is resolved but gives the article's other
// names no context, while the same name standing alone does.
func TestQuietNames(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		text  string
		key   string
		quiet bool
	}{
		{"Windsor police searched a house on Hungerford Road on Friday.", "hungerford", true},
		{"The parade will go down Memphis St. past the library in Alexandria.", "memphis", true},
		{"Windsor police searched a house in Hungerford on Friday.", "hungerford", false},
		{"Crews closed Hungerford Road, and later a bridge in Hungerford itself.", "hungerford", false},
		{"Coach Tom Burley praised his players. Burley said the team had improved.", "burley", true},
	}
	for _, tt := range tests {
		sents, _ := parse(t, tt.text)
		ms := r.mentions(tt.text, sents)
		groups := r.groupMentions(tt.text, sents, ms)
		found := false
		for _, g := range groups {
			if g.key == tt.key {
				found = true
				if g.quiet != tt.quiet {
					t.Errorf("%q: name %q quiet = %v, want %v", tt.text, tt.key, g.quiet, tt.quiet)
				}
			}
		}
		if !found {
			t.Errorf("%q: name %q not found among %d names", tt.text, tt.key, len(groups))
		}
	}
}

// TestSaintBefore checks that an abbreviation the entity model left out
// of a name joins it when the gazetteer knows the whole.
func TestSaintBefore(t *testing.T) {
	r := resolver(t)
	if r.idx == nil {
		t.Skip("no gazetteer")
	}
	tests := []struct {
		words []string
		a, b  int
		want  int
	}{
		{[]string{"in", "ST.", "JOHN'S", ",", "N.L."}, 2, 3, 1},
		{[]string{"in", "St.", "Albans", "today"}, 2, 3, 1},
		{[]string{"Dr.", "Smithers", "said"}, 1, 2, 1},
		{[]string{"St.", "Albans"}, 0, 2, 0},
	}
	for _, tt := range tests {
		text := strings.Join(tt.words, " ")
		toks := make([]model.Token, len(tt.words))
		off := 0
		for i, w := range tt.words {
			toks[i] = model.Token{Text: w, Start: off, End: off + len(w)}
			off += len(w) + 1
		}
		taken := make([]bool, len(toks))
		if got := r.saintBefore(text, toks, taken, tt.a, tt.b); got != tt.want {
			t.Errorf("saintBefore(%q, %d, %d) = %d, want %d", text, tt.a, tt.b, got, tt.want)
		}
	}
}

// TestApprox checks that only a place put among the article's towns says
// its point is approximate; a county the gazetteer knows has its own.
func TestApprox(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		text, place string
		want        bool
	}{
		{"Deputies from Alexandria, Minn., and Osakis, Minn., made an arrest in Holmquist on Friday.", "Holmquist", true},
		{"Deputies from Alexandria, Minn., and Osakis, Minn., made an arrest in Holmquist on Friday.", "Osakis", false},
		{"Crews repaired a water main in north DeKalb County, Ga., on Monday.", "DeKalb County", false},
	}
	for _, tt := range tests {
		found := false
		for _, f := range find(t, r, tt.text) {
			if f.Text != tt.place {
				continue
			}
			found = true
			if f.Approx != tt.want {
				t.Errorf("%q in %q: approx = %v, want %v", tt.place, tt.text, f.Approx, tt.want)
			}
			if f.Approx && f.GeonameID != nil {
				t.Errorf("%q: an approximate place has geonameid %d, want none", tt.place, *f.GeonameID)
			}
		}
		if !found {
			t.Errorf("%q: place %q not found", tt.text, tt.place)
		}
	}
}
