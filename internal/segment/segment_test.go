package segment

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sentences returns the text of each span.
func sentences(text string) []string {
	var out []string
	for _, s := range Split(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", "  \n \t\n", nil},
		{"one sentence", "Troops massed on the border.", []string{"Troops massed on the border."}},
		{"no final stop", "Troops massed on the border", []string{"Troops massed on the border"}},
		{"two sentences", "Troops massed on the border. The Kremlin denied it.",
			[]string{"Troops massed on the border.", "The Kremlin denied it."}},
		{"question and exclamation", "Will they invade? Nobody knows! Talks go on.",
			[]string{"Will they invade?", "Nobody knows!", "Talks go on."}},
		{"surrounding spaces are trimmed", "  Troops massed.   They left.  ",
			[]string{"Troops massed.", "They left."}},
		{"paragraph break always ends", "The troops were at the border\nThe Kremlin denied it",
			[]string{"The troops were at the border", "The Kremlin denied it"}},
		{"paragraph break after an abbreviation", "He met Mr.\nSmith was there.",
			[]string{"He met Mr.", "Smith was there."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Valery Gerasimov. Then they left.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Valery Gerasimov.", "Then they left."}},
		{"more titles", "Lt. Col. Ivan Petrov spoke to Sgt. Pepper and Gov. Newsom. Prof. Lee agreed.",
			[]string{"Lt. Col. Ivan Petrov spoke to Sgt. Pepper and Gov. Newsom.", "Prof. Lee agreed."}},
		{"St. before a name", "He lives in St. Petersburg. It is cold.", []string{"He lives in St. Petersburg.", "It is cold."}},
		{"St. at the end", "The office is on Main St. The police came.", []string{"The office is on Main St.", "The police came."}},
		{"U.S. before a noun", "The U.S. officials said so. They left.", []string{"The U.S. officials said so.", "They left."}},
		{"U.S. ends a sentence", "Troops arrived from the U.S. The Kremlin objected.",
			[]string{"Troops arrived from the U.S.", "The Kremlin objected."}},
		{"U.S. before a name", "The U.S. President Joe Biden spoke.", []string{"The U.S. President Joe Biden spoke."}},
		{"U.K. and U.N.", "The U.K. and the U.N. agreed. It was late.", []string{"The U.K. and the U.N. agreed.", "It was late."}},
		{"etc. mid-sentence", "Tanks, trucks, etc. were seen near the border.", []string{"Tanks, trucks, etc. were seen near the border."}},
		{"etc. ends a sentence", "They brought tanks, trucks, etc. He counted them.",
			[]string{"They brought tanks, trucks, etc.", "He counted them."}},
		{"e.g. and i.e.", "Some units, e.g. the 1st Guards, i.e. the elite, moved. Others stayed.",
			[]string{"Some units, e.g. the 1st Guards, i.e. the elite, moved.", "Others stayed."}},
		{"months", "On Jan. 6 the crowd gathered. On Sept. 11, 2001 it happened.",
			[]string{"On Jan. 6 the crowd gathered.", "On Sept. 11, 2001 it happened."}},
		{"No. before a number", "He lives at No. 10 Downing Street. It is old.", []string{"He lives at No. 10 Downing Street.", "It is old."}},
		{"no space after the full stop", "The gunman fled on Thursday.The four were shot. He was caught?It is unclear.",
			[]string{"The gunman fled on Thursday.", "The four were shot.", "He was caught?", "It is unclear."}},
		{"glued stops that stay inside", "See vigil.com or http://x.org/a.The site runs ASP.NET on e.g.The box.",
			[]string{"See vigil.com or http://x.org/a.The site runs ASP.NET on e.g.The box."}},
		{"glued stop before a non-opener", "They met in Kyiv.Zelensky spoke at Theater.com today.",
			[]string{"They met in Kyiv.Zelensky spoke at Theater.com today."}},
		{"initials", "J. R. R. Tolkien met George W. Bush. They talked.",
			[]string{"J. R. R. Tolkien met George W. Bush.", "They talked."}},
		{"initial ends a sentence", "They chose Plan B. The army moved.", []string{"They chose Plan B.", "The army moved."}},
		{"decimals and thousands", "Prices rose 2.5 per cent. More than 14,000 people died.",
			[]string{"Prices rose 2.5 per cent.", "More than 14,000 people died."}},
		{"times", "The talks began at 3.30pm. They ended at 5 p.m. The result was unclear.",
			[]string{"The talks began at 3.30pm.", "They ended at 5 p.m.", "The result was unclear."}},
		{"a.m. before a day", "It started at 9 a.m. Monday and ended late.", []string{"It started at 9 a.m. Monday and ended late."}},
		{"ellipsis then lowercase", "He paused... and then he spoke. It was short.",
			[]string{"He paused... and then he spoke.", "It was short."}},
		{"ellipsis then capital", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"unicode ellipsis", "Wait… what? Yes… He agreed.", []string{"Wait… what?", "Yes…", "He agreed."}},
		{"spaced ellipsis", "He paused . . . and spoke.", []string{"He paused . . . and spoke."}},
		{"closing double quote", "He said: \"We are ready.\" Then he left.", []string{"He said: \"We are ready.\"", "Then he left."}},
		{"closing curly quote", "He said: “We are ready.” Then he left.", []string{"He said: “We are ready.”", "Then he left."}},
		{"closing single quote", "He said: 'We are ready.' Then he left.", []string{"He said: 'We are ready.'", "Then he left."}},
		{"question in quotes then lowercase", "“Why now?” he asked. Nobody answered.",
			[]string{"“Why now?” he asked.", "Nobody answered."}},
		{"question in quotes then speaker", "\"Why now?\" Smith asked. Nobody answered.",
			[]string{"\"Why now?\" Smith asked.", "Nobody answered."}},
		{"exclamation in quotes then new sentence", "'Go!' The troops ran.", []string{"'Go!'", "The troops ran."}},
		{"closing bracket", "Nato (the alliance.) met. (It was late.) They left.",
			[]string{"Nato (the alliance.) met.", "(It was late.)", "They left."}},
		{"domains, emails and versions", "See vigil.com or mail news@vigil.com today. Version 1.5.2 is out.",
			[]string{"See vigil.com or mail news@vigil.com today.", "Version 1.5.2 is out."}},
		{"url", "Read https://example.org/a.b/c. It is long.", []string{"Read https://example.org/a.b/c.", "It is long."}},
		{"hyphen after abbreviation", "The U.S.-led coalition moved. It was fast.", []string{"The U.S.-led coalition moved.", "It was fast."}},
		{"sentence ending in a number", "The war began in 2014. It continues.", []string{"The war began in 2014.", "It continues."}},
		{"sentence ending in a domain", "He runs vigil.com. It is new.", []string{"He runs vigil.com.", "It is new."}},
		{"lowercase after a stop", "The unit is called alpha. beta is next.", []string{"The unit is called alpha. beta is next."}},
		{"digit after a stop", "He counted 12. 14 more came.", []string{"He counted 12.", "14 more came."}},
		{"repeated punctuation", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"crlf", "One.\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"non-breaking space", "One.\u00a0Two.", []string{"One.", "Two."}},
		{"only punctuation", "... !!! ???", []string{"...", "!!!", "???"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSplitOffsets(t *testing.T) {
	text := "Putin spoke. “We are ready.”\nKyiv replied."
	got := Split(text)
	want := []struct{ start, end int }{{0, 12}, {13, 32}, {33, 46}}
	if len(got) != len(want) {
		t.Fatalf("Split(%q) = %v, want %d spans", text, got, len(want))
	}
	for i, w := range want {
		if got[i].Start != w.start || got[i].End != w.end {
			t.Errorf("span %d = [%d,%d), want [%d,%d) (%q)", i, got[i].Start, got[i].End, w.start, w.end, text[got[i].Start:got[i].End])
		}
	}
}

func TestSplitArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := sentences(strings.TrimSpace(string(b)))
	want := []string{
		"Russia has gathered more than 100,000 troops along its border with Ukraine, Western officials said on Saturday, as diplomats in Geneva struggled to keep talks alive.",
		"Satellite images taken on Friday showed new field hospitals, fuel depots and rows of armoured vehicles near the town of Yelnya, about 160 miles from the frontier.",
		"\"We are ready.\"",
		"That was the message from a Ukrainian commander in the eastern city of Kharkiv, who asked not to be named because he was not authorised to speak to the press.",
		"“We have watched them arrive for three months,” he said.",
		"“First the trucks, then the tanks, then the field kitchens.",
		"Now they have brought blood supplies.",
		"You do not bring blood to an exercise.”",
		"The Kremlin denied the claims.",
		"Dmitry Peskov, the Kremlin spokesman, told reporters in Moscow that Russia had \"no plans to attack anyone\" and accused Nato of \"hysteria\".",
		"Gen. Valery Gerasimov, the chief of the general staff, was said to be in Belarus to oversee the drills.",
		"U.S. Secretary of State Antony Blinken met his Russian counterpart, Sergei Lavrov, for 90 minutes on Jan. 21 in Geneva.",
		"Mr. Blinken said afterwards that the U.S. was \"prepared for either path\" but that a diplomatic solution remained possible.",
		"Talks would resume at 3.30pm on Monday, officials said... or perhaps later.",
		"'We are not going anywhere.'",
		"The words came from a 64-year-old pensioner in Mariupol, who said she had lived through the fighting of 2014.",
		"More than 14,000 people have been killed since fighting broke out in the Donbas region, according to the U.N.",
		"The figure includes civilians, soldiers and members of the armed groups.",
		"Why would Mr. Putin risk a war?",
		"Analysts at vigil.com and elsewhere, e.g. those at the Institute for the Study of War, pointed to his essay of July 2021.",
		"\"He believes Ukrainians and Russians are one people,\" said Dr. Anna Kowalski of the University of St. Andrews.",
		"\"That is the key to everything.\"",
		"Never.",
		"That, said one resident of Kharkiv, was how often she expected life to return to normal.",
	}
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < len(got) || i < len(want); i++ {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("sentence %d:\n got %q\nwant %q", i, g, w)
			}
		}
	}
}
