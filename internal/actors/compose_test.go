package actors

import (
	"reflect"
	"testing"
)

func TestCompose(t *testing.T) {
	kb := loadKB(t)
	tests := []struct {
		mods         []string
		head, date   string
		ok           bool
		code, backer string
	}{
		// the examples of issue 4
		{[]string{"Russian"}, "units", "2022-02-20", true, "RUSMIL", ""},
		{[]string{"US"}, "officials", "2022-02-20", true, "USAGOV", ""},
		{[]string{"a", "British"}, "expat", "2022-02-20", true, "GBRCVL", ""},
		{[]string{"his", "Russian"}, "counterpart", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"Ukrainian"}, "President", "2022-02-20", true, "UKRGOV", ""},
		{[]string{"NATO"}, "allies", "2022-02-20", true, "IGOWSTNAT", ""},
		// countries with role nouns
		{[]string{"U.S."}, "officials", "2022-02-20", true, "USAGOV", ""},
		{[]string{"Israeli"}, "soldiers", "2022-02-20", true, "ISRMIL", ""},
		{[]string{"Israeli"}, "army", "2022-02-20", true, "ISRMIL", ""},
		{[]string{"two", "Russian"}, "soldiers", "2022-02-20", true, "RUSMIL", ""},
		{[]string{"thousands", "of", "Russian"}, "troops", "2022-02-20", true, "RUSMIL", ""},
		{[]string{"Syrian", "government"}, "forces", "2015-01-01", true, "SYRMIL", ""},
		{[]string{"Syrian"}, "security forces", "2015-01-01", true, "SYRCOP", ""},
		{[]string{"Egyptian"}, "police", "2015-01-01", true, "EGYCOP", ""},
		{[]string{"Israeli"}, "intelligence", "2015-01-01", true, "ISRSPY", ""},
		{[]string{"Iraqi"}, "civilians", "2015-01-01", true, "IRQCVL", ""},
		{[]string{"Palestinian"}, "refugees", "2015-01-01", true, "PSEREF", ""},
		{[]string{"French"}, "farmers", "2015-01-01", true, "FRAAGR", ""},
		{[]string{"Indonesian"}, "students", "2015-01-01", true, "IDNEDU", ""},
		{[]string{"Saudi"}, "businessman", "2015-01-01", true, "SAUBUS", ""},
		{[]string{"Argentine"}, "judge", "2015-01-01", true, "ARGJUD", ""},
		{[]string{"Poland's"}, "parliament", "2015-01-01", true, "POLLEG", ""},
		{[]string{"Russian"}, "journalists", "2015-01-01", true, "RUSMED", ""},
		{[]string{"Gaza"}, "doctors", "2015-01-01", true, "PSEHLH", ""},
		{[]string{"Ugandan"}, "opposition", "2015-01-01", true, "UGAOPP", ""},
		{[]string{"Russian", "foreign"}, "minister", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"the", "Russian"}, "side", "2022-02-20", true, "RUS", ""},
		{[]string{"Saudi-led"}, "coalition", "2016-01-01", true, "SAUMIL", ""},
		{[]string{"Russian"}, "Security Council", "2022-02-20", true, "RUSGOV", ""},
		// role modifiers over weak nouns
		{[]string{"rebel"}, "spokesman", "2015-01-01", true, "REB", ""},
		{[]string{"military"}, "spokesman", "2015-01-01", true, "MIL", ""},
		{[]string{"US", "military"}, "officials", "2015-01-01", true, "USAMIL", ""},
		{[]string{"army"}, "officers", "2015-01-01", true, "MIL", ""},
		{[]string{"Syrian"}, "officers", "2015-01-01", true, "SYRMIL", ""},
		{[]string{"intelligence"}, "officers", "2015-01-01", true, "SPY", ""},
		{[]string{"official", "Syrian"}, "newspaper", "2015-01-01", true, "SYRGOV", ""},
		{[]string{"Russian", "state"}, "media", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"Russian", "state-run"}, "television", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"Russian", "independent"}, "media", "2022-02-20", true, "RUSMED", ""},
		{[]string{"West", "Darfur"}, "officials", "2015-01-01", true, "SDNGOV", ""},
		{[]string{"opposition"}, "fighters", "2015-01-01", true, "REB", ""},
		{[]string{"police"}, "forces", "2015-01-01", true, "COP", ""},
		{[]string{"anti-government"}, "protesters", "2015-01-01", true, "OPP", ""},
		// former officials
		{[]string{"former", "US"}, "president", "2022-02-20", true, "USAELI", ""},
		{[]string{"ex-Soviet"}, "soldiers", "2022-02-20", true, "SUNELI", ""},
		// sponsors, separatists and regions
		{[]string{"Russian-backed"}, "separatists", "2015-01-01", true, "REB", "RUS"},
		{[]string{"pro-Russian"}, "separatists", "2015-01-01", true, "REB", "RUS"},
		{[]string{"Kremlin-backed"}, "separatists", "2015-01-01", true, "REB", "RUS"},
		{[]string{"Donetsk"}, "separatists", "2015-01-01", true, "UKRREB", ""},
		{[]string{"Tigrayan"}, "forces", "2021-01-01", true, "ETHREB", ""},
		{[]string{"Chechen"}, "fighters", "2000-01-01", true, "RUSREB", ""},
		{[]string{"Iran-backed", "Houthi"}, "rebels", "2020-01-01", true, "YEMREB", "IRN"},
		{[]string{"Western"}, "officials", "2022-02-20", true, "WSTGOV", ""},
		// named institutions, groups, people and IGOs as modifiers
		{[]string{"Hamas"}, "fighters", "2023-10-10", true, "PSEREB", ""},
		{[]string{"Taliban"}, "fighters", "2010-01-01", true, "AFGREB", ""},
		{[]string{"Taliban"}, "fighters", "2022-01-01", true, "AFGGOV", ""},
		{[]string{"Kremlin"}, "officials", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"Pentagon"}, "officials", "2022-02-20", true, "USAMIL", ""},
		{[]string{"Putin's"}, "troops", "2022-02-20", true, "RUSMIL", ""},
		{[]string{"Bush"}, "administration", "2005-01-01", true, "USAGOV", ""},
		{[]string{"bush"}, "administration", "2005-01-01", true, "GOV", ""},
		{[]string{"NATO"}, "troops", "2022-02-20", true, "IGOWSTNATMIL", ""},
		{[]string{"EU"}, "officials", "2022-02-20", true, "IGOEUREECGOV", ""},
		{[]string{"UN"}, "peacekeepers", "2022-02-20", true, "IGOUNOPKO", ""},
		{[]string{"Senegalese"}, "peacekeepers", "2022-02-20", true, "IGOPKO", ""},
		{[]string{"British"}, "aid workers", "2022-02-20", true, "NGO", ""},
		{[]string{"foreign"}, "diplomats", "2022-02-20", true, "UIS", ""},
		{[]string{"international"}, "observers", "2022-02-20", true, "INT", ""},
		// no country named
		{nil, "officials", "2022-02-20", true, "GOV", ""},
		{nil, "gunmen", "2022-02-20", true, "UAF", ""},
		{[]string{"two"}, "gunmen", "2022-02-20", true, "UAF", ""},
		// the head is a name
		{nil, "Kremlin", "2022-02-20", true, "RUSGOV", ""},
		{[]string{"US"}, "Congress", "2022-02-20", true, "USALEG", ""},
		{nil, "Security Council", "2022-02-20", true, "IGOUNOGOV", ""},
		{[]string{"Iran's"}, "Revolutionary Guards", "2022-02-20", true, "IRNMIL", ""},
		{[]string{"the"}, "Russians", "2022-02-20", true, "RUS", ""},
		// nothing to code
		{[]string{"Ukraine's"}, "allies", "2022-02-20", false, "", ""},
		{nil, "allies", "2022-02-20", false, "", ""},
		{[]string{"Russian"}, "Foo", "2022-02-20", false, "", ""},
		{[]string{"Russian"}, "", "2022-02-20", false, "", ""},
		{nil, "", "2022-02-20", false, "", ""},
	}
	for _, tt := range tests {
		c, ok := kb.Resolve(tt.mods, tt.head, day(tt.date))
		if ok != tt.ok || c.Code != tt.code || c.Backer != tt.backer {
			t.Errorf("Resolve(%q, %q) = %q backer %q ok %v, want %q backer %q ok %v", tt.mods, tt.head, c.Code, c.Backer, ok, tt.code, tt.backer, tt.ok)
		}
		code, ok2 := kb.Compose(tt.mods, tt.head, day(tt.date))
		if code != c.Code || ok2 != ok {
			t.Errorf("Compose(%q, %q) = %q %v, Resolve gave %q %v", tt.mods, tt.head, code, ok2, c.Code, ok)
		}
	}
}

func TestSector(t *testing.T) {
	kb := loadKB(t)
	tests := []struct {
		noun string
		code string
		ok   bool
	}{
		{"troops", "MIL", true}, {"soldier", "MIL", true}, {"forces", "MIL", true}, {"units", "MIL", true},
		{"army", "MIL", true}, {"Troops", "MIL", true}, {"air force", "MIL", true}, {"navy", "MIL", true},
		{"brigadiers", "MIL", true},
		{"police", "COP", true}, {"policemen", "COP", true}, {"officers", "MIL", true}, {"police officers", "COP", true},
		{"rebels", "REB", true}, {"separatists", "REB", true}, {"militants", "REB", true}, {"insurgents", "REB", true},
		{"fighters", "REB", true}, {"jihadists", "REB", true},
		{"opposition", "OPP", true}, {"protesters", "OPP", true}, {"demonstrators", "OPP", true}, {"activists", "OPP", true},
		{"civilians", "CVL", true}, {"residents", "CVL", true}, {"expats", "CVL", true}, {"villagers", "CVL", true},
		{"refugees", "REF", true}, {"displaced people", "REF", true},
		{"officials", "GOV", true}, {"minister", "GOV", true}, {"president", "GOV", true}, {"envoy", "GOV", true},
		{"diplomats", "GOV", true}, {"government", "GOV", true}, {"spokeswoman", "GOV", true}, {"authorities", "GOV", true},
		{"Foreign Minister", "GOV", true}, {"prime minister", "GOV", true},
		{"lawmakers", "LEG", true}, {"parliament", "LEG", true}, {"MPs", "LEG", true}, {"senators", "LEG", true},
		{"judges", "JUD", true}, {"courts", "JUD", true}, {"prosecutors", "JUD", true},
		{"journalists", "MED", true}, {"media", "MED", true}, {"reporters", "MED", true},
		{"businesses", "BUS", true}, {"companies", "BUS", true},
		{"students", "EDU", true}, {"teachers", "EDU", true},
		{"clerics", "REL", true}, {"church", "REL", true}, {"archbishops", "REL", true},
		{"spies", "SPY", true}, {"intelligence", "SPY", true},
		{"medics", "HLH", true}, {"doctors", "HLH", true}, {"hospitals", "HLH", true},
		{"gunmen", "UAF", true}, {"bandits", "CRM", true}, {"extremists", "RAD", true},
		{"peacekeepers", "IGOPKO", true}, {"aid workers", "NGO", true}, {"world powers", "UIS", true},
		{"side", "", false}, {"allies", "", false}, {"counterpart", "", false},
		{"banana", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		code, ok := kb.Sector(tt.noun)
		if code != tt.code || ok != tt.ok {
			t.Errorf("Sector(%q) = %q, %v; want %q, %v", tt.noun, code, ok, tt.code, tt.ok)
		}
	}
}

func TestDemonym(t *testing.T) {
	kb := loadKB(t)
	tests := []struct {
		word, code string
		ok         bool
	}{
		{"Russian", "RUS", true}, {"Russians", "RUS", true}, {"RUSSIAN", "RUS", true},
		{"Ukrainian", "UKR", true}, {"Ukrainians", "UKR", true},
		{"British", "GBR", true}, {"Briton", "GBR", true}, {"Britons", "GBR", true}, {"Scottish", "GBR", true},
		{"American", "USA", true}, {"Americans", "USA", true},
		{"Chinese", "CHN", true}, {"Emirati", "ARE", true}, {"Filipino", "PHL", true}, {"Filipinos", "PHL", true},
		{"North Korean", "PRK", true}, {"South Sudanese", "SSD", true}, {"Kosovar", "KSV", true},
		{"Israeli", "ISR", true}, {"Palestinians", "PSE", true}, {"Saudi", "SAU", true},
		{"Ivorian", "CIV", true}, {"Burmese", "MMR", true}, {"Dutch", "NLD", true}, {"Swiss", "CHE", true},
		{"Afghan", "AFG", true}, {"Congolese", "COD", true}, {"Chechen", "RUS", true},
		{"the British", "GBR", true},
		{"Kurdish", "", false}, {"Arab", "", false}, {"banana", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		code, ok := kb.Demonym(tt.word)
		if code != tt.code || ok != tt.ok {
			t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tt.word, code, ok, tt.code, tt.ok)
		}
	}
}

func TestCounterpart(t *testing.T) {
	tests := []struct{ country, other, want string }{
		{"RUS", "UKRGOV", "RUSGOV"},
		{"RUS", "USAMIL", "RUSMIL"},
		{"IRN", "ISRSPY", "IRNSPY"},
		{"CHN", "IGOUNOGOV", "CHNGOV"},
		{"FRA", "DEU", "FRAGOV"},
		{"FRA", "", "FRAGOV"},
	}
	for _, tt := range tests {
		if got := Counterpart(tt.country, tt.other); got != tt.want {
			t.Errorf("Counterpart(%q, %q) = %q, want %q", tt.country, tt.other, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		code, prefix string
		roles        []string
	}{
		{"USAGOV", "USA", []string{"GOV"}},
		{"IGOWSTNATMIL", "IGO", []string{"MIL"}},
		{"IGOUNO", "IGO", nil},
		{"RUS", "RUS", nil},
		{"IMGMOSALQ", "IMG", nil},
		{"GBRGOVMIL", "GBR", []string{"GOV", "MIL"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		p, r := Split(tt.code)
		if p != tt.prefix || !reflect.DeepEqual(r, tt.roles) {
			t.Errorf("Split(%q) = %q %q, want %q %q", tt.code, p, r, tt.prefix, tt.roles)
		}
	}
}

func TestPLOVERSector(t *testing.T) {
	tests := []struct{ role, want string }{
		{"MED", "JRN"}, {"HLH", "MED"}, {"GOV", "GOV"}, {"SEP", "REB"}, {"REF", "REF"}, {"RAD", ""}, {"XYZ", ""},
	}
	for _, tt := range tests {
		if got := PLOVERSector(tt.role); got != tt.want {
			t.Errorf("PLOVERSector(%q) = %q, want %q", tt.role, got, tt.want)
		}
	}
}
