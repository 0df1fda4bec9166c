package clean

import "strings"

// The word lists below are built once and never modified. All entries are
// lowercase with plain apostrophes (see fold).

// promoHeaders head a run of teaser links.
var promoHeaders = set(
	"don't miss", "dont miss", "read more", "more", "related", "related articles", "related stories",
	"related content", "related links", "related news", "related topics", "more on this story",
	"more on this", "more stories", "more news", "most read", "most popular", "most viewed",
	"trending", "trending now", "recommended", "recommended for you", "recommended stories",
	"you may also like", "you might also like", "you may be interested in", "also read",
	"read also", "see also", "latest", "latest news", "latest stories", "top stories",
	"read next", "what to read next", "up next", "more like this", "editor's picks",
	"must read", "popular", "in other news", "more from our site",
)

// promoPrefixes start a promo line when followed by a colon, dash, bar or
// nothing: "READ MORE: …", "RELATED - …", "WATCH:".
var promoPrefixes = []string{
	"read more", "read also", "also read", "related", "more", "see also", "watch", "listen",
	"latest", "trending", "recommended", "don't miss", "dont miss", "must read", "more on this story",
	"most read", "read next", "up next", "you may also like", "you might also like", "video",
	"in pictures", "in pics", "opinion", "explainer", "live updates",
}

// capsPromo start a promo line without a colon when written in capitals:
// "READ MORE Putin's plan".
var capsPromo = set("read more", "read also", "also read", "don't miss", "see also", "related", "more")

// alwaysPromo starts a promo line whatever follows.
var alwaysPromo = []string{
	"click here", "tap here", "follow us", "follow @", "like us on", "join us on", "find us on",
	"sign up to our", "sign up for our", "subscribe to our", "download our", "get our", "enter your email",
	"support our journalism", "become a member", "share your views", "got a story", "have your say",
	"invalid email", "thank you for subscribing", "thanks for subscribing", "we use your sign-up",
	"see our privacy notice", "something went wrong, please try again", "our standards:",
	"get the biggest",
}

// promoPhrases mark a short line as promo wherever they occur.
var promoPhrases = []string{
	"unsubscribe at any time", "we use your sign-up", "see our privacy notice", "you can unsubscribe",
}

// callsToAction start a promo line when a promo word follows.
var callsToAction = []string{
	"sign up", "subscribe", "register", "don't miss out", "never miss", "for the latest",
	"to get the latest", "get the latest", "want the latest", "stay up to date",
}

var promoWords = set(
	"newsletter", "newsletters", "inbox", "our", "us", "free", "now", "today", "here", "alerts",
	"updates", "notifications", "daily", "weekly", "app", "briefing", "podcast", "channel",
	"breaking", "app", "news",
)

var navLines = set(
	"skip to content", "skip to main content", "skip to navigation", "skip to footer",
	"skip to search", "back to top", "go to top", "top", "advertisement", "advertisements",
	"advertising", "ad", "sponsored", "sponsored content", "paid content", "menu", "main menu",
	"open menu", "close menu", "toggle navigation", "search", "close", "sections", "home",
	"log in", "login", "sign in", "register", "next article", "previous article", "next story",
	"previous story", "next", "previous", "show more", "load more", "see more", "view more",
	"show comments", "view comments", "hide comments", "cookie settings", "accept cookies",
	"accept all cookies", "scroll down", "scroll to continue", "topics", "tags", "loading",
	"play video", "watch video", "video loading", "video unavailable", "click to play",
	"click to play video", "replay", "pause", "mute", "unmute", "fullscreen", "more info",
	"listen to this article", "bookmark", "save article", "link copied",
)

var navPrefixes = []string{
	"story continues below", "article continues below", "continue reading", "scroll to continue",
	"skip advertisement", "this article is more than", "skip to", "this video can not be played",
	"this video cannot be played", "listen to this article",
}

var shareKeys = set(
	"share", "shares", "sharing", "tweet", "facebook", "twitter", "whatsapp", "email", "e-mail",
	"pinterest", "linkedin", "reddit", "messenger", "telegram", "flipboard", "tumblr", "print",
	"comments", "comment", "copy", "copied", "sms", "bookmark",
)

var shareFiller = set(
	"this", "article", "story", "page", "post", "on", "via", "with", "by", "and", "or", "the",
	"to", "your", "friends", "save", "x", "link", "url", "k", "icon", "opens", "new", "window",
	"in", "a",
)

var datePrefixes = set("updated", "published", "posted", "modified", "created", "date", "last", "first")

var months = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec",
)

var weekdays = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
	"tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)

var dateWords = union(months, weekdays, set(
	"at", "on", "am", "pm", "a.m", "p.m", "ago", "hour", "hours", "hr", "hrs", "minute", "minutes",
	"min", "mins", "day", "days", "week", "weeks", "today", "yesterday", "updated", "published",
	"|", "-", "–", "•", "·",
))

var timeZones = set(
	"gmt", "bst", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "cet", "cest",
	"eet", "eest", "msk", "ist", "aest", "aedt", "jst", "hkt", "sgt",
)

// captionPrefixes start a caption line.
var captionPrefixes = []string{
	"image caption", "image source", "media caption", "caption:", "pictured:", "photo:", "photos:",
	"photograph:", "picture:", "pictures:", "pic:", "image:", "images:",
}

// creditMarkers introduce a photo credit: "… Photograph: Reuters".
var creditMarkers = []string{
	"photo:", "photos:", "photograph:", "photography:", "picture:", "pictures:", "pic:", "image:",
	"images:", "credit:", "credits:", "image credit:", "photo credit:", "picture credit:",
	"photo by ", "picture by ", "photographs by ",
}

// imageKeys open a credit in brackets: "(Image: Getty)".
var imageKeys = set(
	"image", "images", "picture", "pictures", "pic", "pics", "photo", "photos", "photograph",
	"photographs", "credit", "video", "footage", "photography", "pictured",
)

var agencies = set(
	"getty", "getty images", "reuters", "ap", "afp", "epa", "pa", "pa wire", "pa media",
	"shutterstock", "alamy", "bloomberg", "sputnik", "tass", "anadolu", "xinhua", "dpa", "efe",
	"ansa", "rex", "rex features", "ap photo", "afp photo",
)

// trailingAgencies end a caption after a separator, longest first.
var trailingAgencies = []string{
	"afp via getty images", "via getty images", "getty images", "shutterstock", "alamy", "rex features",
	"reuters", "afp", "ap", "epa", "pa wire", "pa media", "pa", "getty", "sputnik", "tass",
	"anadolu agency", "xinhua", "dpa", "efe", "ansa",
}

// distinctAgencies end a caption even without a separator.
var distinctAgencies = set("afp via getty images", "via getty images", "getty images", "shutterstock", "alamy", "rex features")

var creditWords = set("photo", "picture", "credit", "image", "photograph", "via", "©", "(c)")

var teaserTags = set(
	"INSIGHT", "VIDEO", "VIDEOS", "PICS", "PICTURES", "PHOTOS", "LATEST", "REVEAL", "REVEALED",
	"ANALYSIS", "POLL", "LIVE", "UPDATE", "COMMENT", "OPINION", "EXPLAINED", "EXPLAINER", "REPORT",
	"MAP", "MAPPED", "GALLERY", "INTERVIEW", "EXCLUSIVE", "QUIZ", "LIVE BLOG", "WATCH", "LISTEN",
	"REACTION", "REVIEW", "CLIP", "DATA", "TIMELINE", "BREAKING", "FULL STORY", "LATEST NEWS",
	"EXPLAINED", "EVIDENCE", "CLAIM", "REPORTS", "SEE", "MORE", "REVEALS", "PICTURED",
)

// nameJoiners may sit inside a person's name.
var nameJoiners = set("de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn", "y", "ben", "mc")

// notNames are capitalised words that do not name a person or place.
var notNames = union(months, weekdays, set(
	"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"as", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "my", "your", "who", "what", "when", "where", "why", "how",
	"which", "there", "here", "then", "now", "today", "yesterday", "tomorrow", "christmas",
	"easter", "new", "more", "most", "all", "some", "no", "not", "after", "before", "during",
	"near", "inside", "outside", "over", "under", "up", "down", "out", "off", "is", "are", "was",
	"were", "will", "would", "can", "could", "should", "may", "might", "must", "also", "just",
	"so", "if", "while", "about", "watch", "read", "share", "image", "picture", "photo", "video",
))

// sceneWords place a caption's subject: "Putin in Moscow", "troops near
// the border", "Macron, pictured, with Scholz".
var sceneWords = set(
	"at", "in", "near", "on", "during", "with", "outside", "inside", "after", "before", "from",
	"alongside", "amid", "beside", "following", "pictured", "seen", "shown", "left", "right",
	"centre", "center", "arriving",
)

// finiteVerbs are auxiliaries and common verb forms that make a line a
// clause rather than a caption.
var finiteVerbs = set(
	"am", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "would",
	"shall", "should", "can", "could", "may", "might", "must", "cannot", "won't", "can't",
	"say", "says", "said", "tell", "tells", "told", "add", "adds", "asks", "warn", "warns",
	"claim", "claims", "deny", "denies", "insist", "insists", "believe", "believes", "think",
	"thinks", "thought", "know", "knows", "knew", "want", "wants", "need", "needs", "go", "goes",
	"went", "come", "comes", "came", "get", "gets", "got", "make", "makes", "made", "take",
	"takes", "took", "give", "gives", "gave", "see", "sees", "saw", "find", "finds", "found",
	"seem", "seems", "become", "becomes", "became", "remain", "remains", "continue", "continues",
	"show", "shows", "call", "calls", "look", "looks", "feel", "feels", "felt", "keep", "keeps",
	"kept", "begin", "begins", "began", "let", "lets", "mean", "means", "meant", "hold", "holds",
	"held", "bring", "brings", "brought", "write", "writes", "wrote", "stand", "stands", "stood",
	"hear", "hears", "heard", "run", "runs", "ran", "meet", "meets", "met", "pay", "pays", "paid",
	"send", "sends", "sent", "build", "builds", "built", "fall", "falls", "fell", "lose", "loses",
	"lost", "win", "wins", "won", "lead", "leads", "led", "happen", "happens", "speak", "speaks",
	"spoke", "leave", "leaves", "left", "put", "puts", "sit", "sits", "sat", "fight", "fights",
	"fought", "urge", "urges", "vow", "vows", "threaten", "threatens", "admit", "admits",
	"agree", "agrees", "accuse", "accuses", "reject", "rejects", "launch", "launches", "attack",
	"attacks", "kill", "kills", "die", "dies", "move", "moves", "live", "lives", "work", "works",
	"try", "tries", "help", "helps", "turn", "turns", "ask", "buy", "buys", "bought", "sell",
	"sells", "sold", "eat", "eats", "ate", "drink", "drinks", "drank", "play", "plays",
	"visit", "visits", "walk", "walks", "wait", "waits", "watch", "watches", "gets", "stay",
	"stays", "wears", "wear", "wore", "appear", "appears",
)

// pronouns refer back to the text, which a caption seldom does.
var pronouns = set("his", "her", "their", "its", "our", "my", "your", "him", "them", "us", "me")

// subjectPronouns signal a clause.
var subjectPronouns = set("i", "he", "she", "we", "they", "you")

// edAdjectives end in "-ed" but are mostly adjectives or captions'
// participles, not finite verbs.
var edAdjectives = set(
	"pictured", "photographed", "armed", "masked", "wounded", "injured", "based", "related",
	"alleged", "united", "detailed", "limited", "talented", "experienced", "advanced", "skilled",
	"beloved", "naked", "wicked", "aged", "occupied", "disputed", "annexed", "embattled",
	"bearded", "hooded", "uniformed", "red",
)

// functionWords are left out when comparing a line with the headline.
var functionWords = set(
	"the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
	"by", "with", "as", "into", "onto", "over", "under", "after", "before", "near", "about",
	"against", "between", "amid", "than", "that", "which", "who", "whom", "whose", "this",
	"these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
	"our", "my", "your", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
	"would", "could", "should", "can", "may", "might", "must", "not", "no", "so", "if", "while",
	"when", "where", "why", "how", "what", "because", "since", "also", "just", "more", "new",
	"says", "said", "up", "out", "amid",
)

// trailingWords cannot end a sentence, so a line ending in one is
// continued on the next line.
var trailingWords = set(
	"the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
	"by", "with", "as", "into", "onto", "than", "that", "which", "who", "whose", "this", "these",
	"its", "his", "her", "their", "our", "my", "your", "is", "are", "was", "were", "be", "been",
	"has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
	"not", "if", "while", "when", "because", "said", "says", "told", "very", "more", "most",
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[strings.ToLower(w)] = true
		m[w] = true
	}
	return m
}

func union(ms ...map[string]bool) map[string]bool {
	out := make(map[string]bool)
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}
