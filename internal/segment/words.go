package segment

// The tables below are built once and never modified.

// abbrevKind says how an abbreviation behaves before a full stop.
type abbrevKind int

const (
	notAbbrev abbrevKind = iota
	// title never ends a sentence: "Mr. Smith", "Gen. Gerasimov", "e.g.".
	title
	// beforeNumber does not end a sentence before a number or a word that
	// does not open a sentence: "Jan. 6", "No. 10".
	beforeNumber
	// final ends a sentence only when a sentence-opening word follows:
	// "in the U.S. The …", "tanks, etc. He …", but "U.S. officials".
	final
)

// abbreviations maps an abbreviation, without its final full stop, to its
// kind. Entries are case-sensitive.
var abbreviations = func() map[string]abbrevKind {
	m := make(map[string]abbrevKind)
	for _, w := range []string{
		"Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Cpl",
		"Pte", "Pvt", "Capt", "Maj", "Brig", "Adm", "Cmdr", "Cdr", "Gov", "Sen", "Rep", "Rev",
		"Hon", "Fr", "Pres", "Supt", "Insp", "Det", "Mt", "Ft", "Lieut", "Gens", "Reps", "Sens",
		"Amb", "Atty", "Sec", "Sgts", "Dept", "MR", "MRS", "DR",
		"e.g", "i.e", "cf", "vs", "v", "viz", "approx", "incl", "ca", "Vs", "eg", "ie",
	} {
		m[w] = title
	}
	for _, w := range []string{
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"No", "Nos", "Vol", "pp", "Fig", "Art", "Ch", "Para", "Est", "Ext", "pop", "Pop", "Tel", "tel",
	} {
		m[w] = beforeNumber
	}
	for _, w := range []string{
		"etc", "St", "Ave", "Blvd", "Rd", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "al",
		"Govt", "govt", "Univ", "Assn", "Intl", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
		"Thurs", "Fri", "Sat", "Sun", "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.N", "E.U",
		"U.S.A", "D.C", "Ph.D", "plc", "PLC", "LLC", "Bhd", "AG", "SA", "NV",
	} {
		m[w] = final
	}
	return m
}()

// starters are common sentence-opening words: after an abbreviation that
// may end a sentence, one of them shows that it did.
var starters = set(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So",
	"Yet", "In", "On", "At", "As", "After", "Before", "When", "While", "If", "This", "That",
	"These", "Those", "There", "Their", "His", "Her", "Its", "Our", "My", "Your", "However",
	"Meanwhile", "Some", "Many", "Most", "More", "No", "Not", "Both", "All", "Other",
	"Another", "Such", "Since", "Although", "Though", "Because", "What", "Who", "Why", "How",
	"Where", "Which", "Last", "Next", "Earlier", "Later", "Now", "Then", "Still", "Also",
	"Instead", "Even", "One", "Two", "Three", "For", "From", "By", "With", "To", "Under",
	"According", "During", "Officials", "Police", "Here", "Today", "Yesterday", "Asked",
	"Mr", "Mrs", "Ms", "Dr", "THE", "HE", "IT",
)

// speechVerbs follow a speaker after a quoted question or exclamation.
var speechVerbs = set(
	"said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes",
	"replied", "replies", "shouted", "insisted", "continued", "explained", "warned", "recalled",
	"noted", "laughed", "cried", "demanded", "wondered", "tweeted",
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
