package clean

import (
	"reflect"
	"strings"
	"testing"

	"github.com/vigilhq/vigil/internal/model"
)

const (
	testTitle = "Putin masses 100,000 troops on Ukraine border as West warns of invasion"
	bodyA     = "Russia has gathered more than 100,000 troops along its border with Ukraine, Western officials said on Saturday."
	bodyB     = "Diplomats in Geneva struggled to keep the talks alive as the deadline approached."
)

// between cleans line placed between two body paragraphs, so that the
// rules that look at neighbours see it on its own.
func between(line string) Result {
	return Paragraphs(testTitle, []string{bodyA, line, bodyB})
}

func TestRemovesClutter(t *testing.T) {
	tests := []struct {
		line, reason string
	}{
		// captions with a credit
		{"Vladimir Putin (Image: Getty)", model.ReasonCaption},
		{"Russian troops near the border (Picture: AP)", model.ReasonCaption},
		{"Tanks on a train in Belgorod (Photo: Reuters)", model.ReasonCaption},
		{"Soldiers at a checkpoint (AP Photo/Evgeniy Maloletka)", model.ReasonCaption},
		{"Mr Zelensky meets troops in Donetsk (Image: GETTY)", model.ReasonCaption},
		{"Troops take part in drills in Belarus. Photograph: Reuters", model.ReasonCaption},
		{"Photo: Defence Ministry press service", model.ReasonCaption},
		{"Credit: Maxar Technologies", model.ReasonCaption},
		{"A convoy on the M2 highway / Reuters", model.ReasonCaption},
		{"Armoured vehicles near Yelnya Getty Images", model.ReasonCaption},
		{"A soldier in a trench near Avdiivka AFP via Getty Images", model.ReasonCaption},
		{"Russian President Vladimir Putin in Moscow REUTERS/Maxim Shemetov", model.ReasonCaption},
		{"FILE PHOTO: A Russian tank during drills in the Rostov region", model.ReasonCaption},
		{"Image caption, Ukrainian reservists train in a forest near Kyiv", model.ReasonCaption},
		{"(Richard Lam/Canadian Press)", model.ReasonCaption},
		{"Image: Russian troops have been moving closer to the border for weeks.", model.ReasonCaption},
		{"Image source, Getty Images", model.ReasonCaption},
		{"Getty Images", model.ReasonCaption},
		// captions without a credit
		{"Russian troops near the border with Ukraine", model.ReasonCaption},
		{"Ukrainian soldiers during drills near Kharkiv", model.ReasonCaption},
		{"Emmanuel Macron with Olaf Scholz in the chancellery garden", model.ReasonCaption},
		{"Putin masses 100,000 troops on Ukraine border", model.ReasonCaption},
		{testTitle, model.ReasonCaption},
		// promo
		{"READ MORE: Kremlin insists troops are on routine drills", model.ReasonPromo},
		{"Read more: How the crisis began", model.ReasonPromo},
		{"READ MORE Putin's generals in row over winter plans", model.ReasonPromo},
		{"RELATED: Nato sends jets to Baltic states", model.ReasonPromo},
		{"MORE: Biden warns of 'disaster'", model.ReasonPromo},
		{"WATCH: Tanks cross the frozen river", model.ReasonPromo},
		{"LISTEN: Our correspondent in Kyiv", model.ReasonPromo},
		{"DON'T MISS", model.ReasonPromo},
		{"DON’T MISS:", model.ReasonPromo},
		{"Sign up to our free daily newsletter", model.ReasonPromo},
		{"Sign up for breaking news alerts", model.ReasonPromo},
		{"Subscribe now for unlimited access", model.ReasonPromo},
		{"Follow us on Twitter @northerndaily", model.ReasonPromo},
		{"Click here to read the full report", model.ReasonPromo},
		{"Get the latest news on the crisis in our app", model.ReasonPromo},
		{"Invalid email", model.ReasonPromo},
		{"We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. You can unsubscribe at any time. More info", model.ReasonPromo},
		{"Something went wrong, please try again later.", model.ReasonPromo},
		// teasers
		{"Putin's secret plan for Kyiv exposed by former spy [INSIGHT]", model.ReasonTeaser},
		{"Tanks roll through Belgorod as locals film convoy [VIDEO]", model.ReasonTeaser},
		{"Will Putin invade? Experts give their verdict [POLL]", model.ReasonTeaser},
		// share and social
		{"Share this article", model.ReasonShare},
		{"Share on Facebook", model.ReasonShare},
		{"Share", model.ReasonShare},
		{"Tweet", model.ReasonShare},
		{"WhatsApp", model.ReasonShare},
		{"Email", model.ReasonShare},
		{"Facebook Twitter WhatsApp Email", model.ReasonShare},
		{"1.2k shares", model.ReasonShare},
		{"Share or comment on this article:", model.ReasonShare},
		{"Link copied", model.ReasonNavigation},
		// bylines and dates
		{"By John Smith", model.ReasonByline},
		{"By John Smith, Defence Correspondent", model.ReasonByline},
		{"By John Smith and Jane Doe", model.ReasonByline},
		{"By JOHN SMITH", model.ReasonByline},
		{"By John Smith in Kyiv", model.ReasonByline},
		{"By John Smith | Updated 12:30, 19 Feb 2022", model.ReasonByline},
		{"Updated 12:30, 19 Feb 2022", model.ReasonByline},
		{"Published: 19:02 GMT, 19 February 2022 | Updated: 20:13 GMT, 19 February 2022", model.ReasonByline},
		{"Last updated 2 hours ago", model.ReasonByline},
		{"Posted on Saturday, February 19, 2022 at 9:15 am", model.ReasonByline},
		{"PUBLISHED: 09:14, Sun, Feb 20, 2022 | UPDATED: 11:02, Sun, Feb 20, 2022", model.ReasonByline},
		{"Last modified on Sun 20 Feb 2022 11.02 GMT", model.ReasonByline},
		// copyright
		{"© 2022 Northern Daily Ltd", model.ReasonOther},
		{"Copyright 2022 Eastern Wire. All rights reserved.", model.ReasonOther},
		{"Copyright © Eastern Wire", model.ReasonOther},
		// navigation
		{"Home > World > Europe", model.ReasonNavigation},
		{"News » World » Europe » Ukraine", model.ReasonNavigation},
		{"Skip to content", model.ReasonNavigation},
		{"Advertisement", model.ReasonNavigation},
		{"ADVERTISEMENT", model.ReasonNavigation},
		{"Story continues below advertisement", model.ReasonNavigation},
		{"Play Video", model.ReasonNavigation},
		{"Listen to this article", model.ReasonNavigation},
	}
	for _, tt := range tests {
		res := between(tt.line)
		want := []model.Removal{{Text: tt.line, Reason: tt.reason}}
		if !reflect.DeepEqual(res.Removed, want) {
			t.Errorf("clean %q: removed %v, want %v", tt.line, res.Removed, want)
		}
		if got := strings.Join(res.Paragraphs, "\n"); got != bodyA+"\n"+bodyB {
			t.Errorf("clean %q: kept %q, want the two body paragraphs", tt.line, res.Paragraphs)
		}
	}
}

// mustKeep are body lines that look a little like clutter.
var mustKeep = []string{
	"'We are ready.'",
	"\"We are ready.\"",
	"“Never.”",
	"Never.",
	"Why?",
	"The Kremlin denied the claims.",
	"“We will fight them in Kharkiv",
	"and they will not pass, he said",
	"By Monday, more than 30,000 troops had arrived.",
	"By then the convoy had crossed the river.",
	"By Christmas, the troops were in Belarus.",
	"By Vladimir Putin's own account, the war is going to plan.",
	"Sign up for military service was compulsory for men under 60, officials said.",
	"Share prices in Moscow fell 10% on Monday.",
	"Email was the only way to reach the village, he said.",
	"Copyright law was not the issue, the court ruled.",
	"More than 14,000 people have been killed since 2014.",
	"MORE than 1,100 people have died in the floods.",
	"Watch the skies, the sergeant told his men.",
	"Related talks will resume in Vienna next week.",
	"Follow-up talks are planned for March.",
	"Updated figures show 2,000 more troops arrived.",
	"Published reports say the plan was drawn up in January.",
	"Russian troops near the border, the ministry said.",
	"Putin meets Macron in Moscow",
	"Talks in Geneva",
	"Life in Kyiv",
	"Power and Performance",
	"What happens next?",
	"Here is what we know:",
	"Home is where the army is.",
	"Home Secretary Priti Patel said Britain would send more weapons.",
	"Photo opportunities were limited, officials said.",
	"The picture: bleak.",
	"KYIV (Reuters) - Ukraine said on Sunday it had seen no sign of a pullback.",
	"The report was compiled by Reuters",
	"(Reporting by Pavel Polityuk; Editing by Alex Richardson)",
	"Twitter and Facebook were blocked in Russia on Friday.",
	"Print media were shut down.",
	"Advertisement revenue fell sharply.",
	"Continue reading the statement, he said.",
	"Don't miss the deadline, officials warned residents.",
	"Get the latest figures from the ministry, he said.",
	"He said: “We are not going anywhere.”",
	"She called it a 'special operation' [sic]",
	"The troops are ready",
	"Ukraine",
	"14,000",
	"Kharkiv, Ukraine",
	"Here are the main points:",
	"First Minister Nicola Sturgeon condemned the invasion.",
	"Last year, the army held similar drills near Voronezh.",
	"Something went wrong, the minister admitted.",
	"More-experienced troops were sent to the front.",
	"Latest-generation drones were seen over the town.",
	"Video-game footage was passed off as combat.",
	"Related: the decision to send tanks was taken in January, officials said.",
	"Images of the convoy were shared widely online.",
	"Pictures from the scene showed burnt-out cars.",
	"Loading the tanks onto trains took three days.",
	"Play resumed after the air-raid siren stopped.",
	"Bookmakers cut the odds on an invasion.",
	"Source: a senior Western official",
	"The source: a senior Western official.",
}

func TestKeepsBody(t *testing.T) {
	for _, line := range mustKeep {
		res := between(line)
		if len(res.Removed) != 0 {
			t.Errorf("clean %q: removed %v, want nothing removed", line, res.Removed)
		}
		if len(res.Paragraphs) != 3 || res.Paragraphs[1] != line {
			t.Errorf("clean %q: kept %q, want it between the body paragraphs", line, res.Paragraphs)
		}
	}
}

func TestContext(t *testing.T) {
	tests := []struct {
		name        string
		paras       []string
		wantKept    []string
		wantRemoved []model.Removal
	}{
		{
			name:     "teaser run under DON'T MISS stops at the body",
			paras:    []string{bodyA, "DON'T MISS", "Putin's plan exposed [INSIGHT]", "Convoy filmed near Kursk [VIDEO]", "Talks in Geneva", bodyB},
			wantKept: []string{bodyA, "Talks in Geneva", bodyB},
			wantRemoved: []model.Removal{
				{Text: "DON'T MISS", Reason: model.ReasonPromo},
				{Text: "Putin's plan exposed [INSIGHT]", Reason: model.ReasonTeaser},
				{Text: "Convoy filmed near Kursk [VIDEO]", Reason: model.ReasonTeaser},
			},
		},
		{
			name:     "untagged teaser links under RELATED",
			paras:    []string{bodyA, "RELATED", "How Belarus became a staging ground", "Why Kharkiv matters", bodyB},
			wantKept: []string{bodyA, bodyB},
			wantRemoved: []model.Removal{
				{Text: "RELATED", Reason: model.ReasonPromo},
				{Text: "How Belarus became a staging ground", Reason: model.ReasonTeaser},
				{Text: "Why Kharkiv matters", Reason: model.ReasonTeaser},
			},
		},
		{
			name: "a long untagged list under a header is kept",
			paras: []string{bodyA, "Don't Miss", "Apple AirPods", "Automatic setup", "Quick access to Siri",
				"Double-tap to play", "Charges quickly in the case", bodyB},
			wantKept: []string{bodyA, "Apple AirPods", "Automatic setup", "Quick access to Siri",
				"Double-tap to play", "Charges quickly in the case", bodyB},
			wantRemoved: []model.Removal{{Text: "Don't Miss", Reason: model.ReasonPromo}},
		},
		{
			name: "a line inside an open quotation is kept",
			paras: []string{bodyA, "“We have seen the tanks arrive from the east",
				"Soldiers near the border with Belarus", "and we are ready,” he said.", bodyB},
			wantKept: []string{bodyA, "“We have seen the tanks arrive from the east",
				"Soldiers near the border with Belarus", "and we are ready,” he said.", bodyB},
		},
		{
			name:     "short lines in a list are kept",
			paras:    []string{bodyA, "Russian troops near the border", "Ukrainian troops near Kharkiv", bodyB},
			wantKept: []string{bodyA, "Russian troops near the border", "Ukrainian troops near Kharkiv", bodyB},
		},
		{
			name:        "a name on its own line is a caption",
			paras:       []string{"President Vladimir Putin ordered the drills.", "Vladimir Putin", "Mr Putin did not comment."},
			wantKept:    []string{"President Vladimir Putin ordered the drills.", "Mr Putin did not comment."},
			wantRemoved: []model.Removal{{Text: "Vladimir Putin", Reason: model.ReasonCaption}},
		},
		{
			name:     "a title-case heading is not a name",
			paras:    []string{"The game ended late.", "Game Notes", "The Game was close, and the notes show it."},
			wantKept: []string{"The game ended late.", "Game Notes", "The Game was close, and the notes show it."},
		},
		{
			name:     "a name that occurs nowhere else is kept",
			paras:    []string{bodyA, "Olena Kovalenko", bodyB},
			wantKept: []string{bodyA, "Olena Kovalenko", bodyB},
		},
		{
			name:     "whitespace is normalised and empty paragraphs dropped",
			paras:    []string{"  Troops\tmassed\u00a0on the  border.  ", "", " \n ", "They left."},
			wantKept: []string{"Troops massed on the border.", "They left."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Paragraphs(testTitle, tt.paras)
			if !reflect.DeepEqual(res.Paragraphs, tt.wantKept) {
				t.Errorf("kept %q, want %q", res.Paragraphs, tt.wantKept)
			}
			if !reflect.DeepEqual(res.Removed, tt.wantRemoved) {
				t.Errorf("removed %v, want %v", res.Removed, tt.wantRemoved)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantKept []string
	}{
		{
			name:     "one paragraph per line",
			text:     "Troops massed on the border.\n'We are ready.'\nThe Kremlin denied it.\n",
			wantKept: []string{"Troops massed on the border.", "'We are ready.'", "The Kremlin denied it."},
		},
		{
			name:     "CRLF and blank lines",
			text:     "\r\nTroops massed on the border.\r\n\r\nThe Kremlin denied it.\r\n",
			wantKept: []string{"Troops massed on the border.", "The Kremlin denied it."},
		},
		{
			name: "hard-wrapped blocks",
			text: "Residents of villages along the Russian border have begun to leave\n" +
				"their homes, loading cars with blankets and food as the armoured\n" +
				"columns on the other side of the frontier continue to grow.\n\n" +
				"Local officials said more than 1,200 people had registered with\n" +
				"emergency services since Wednesday. Buses would run twice a day to\n" +
				"Kharkiv, they added.\n",
			wantKept: []string{
				"Residents of villages along the Russian border have begun to leave their homes, loading cars with blankets and food as the armoured columns on the other side of the frontier continue to grow.",
				"Local officials said more than 1,200 people had registered with emergency services since Wednesday. Buses would run twice a day to Kharkiv, they added.",
			},
		},
		{
			name:     "a line broken mid-sentence is joined",
			text:     "The governor said the\nevacuation would continue.\nNobody was hurt.",
			wantKept: []string{"The governor said the evacuation would continue.", "Nobody was hurt."},
		},
		{
			name:     "a word broken by a hyphen is joined",
			text:     "The Kremlin-\nbacked separatists in Donetsk fired on the town overnight, the army said.",
			wantKept: []string{"The Kremlin-backed separatists in Donetsk fired on the town overnight, the army said."},
		},
		{
			name:     "clutter under a wrapped paragraph is not joined",
			text:     "Officials said more than 1,200 people had registered with emergency\nservices since Wednesday, and that buses would run twice a day to\nKharkiv.\nREAD MORE: Why Belgorod matters\n",
			wantKept: []string{"Officials said more than 1,200 people had registered with emergency services since Wednesday, and that buses would run twice a day to Kharkiv."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Text(testTitle, tt.text)
			if !reflect.DeepEqual(res.Paragraphs, tt.wantKept) {
				t.Errorf("kept %q, want %q", res.Paragraphs, tt.wantKept)
			}
		})
	}
}
