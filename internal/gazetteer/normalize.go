package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps accented Latin letters to their plain forms. It is read-only.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a", 'ǎ': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ĕ': "e",
	'ğ': "g", 'ĝ': "g", 'ġ': "g", 'ģ': "g", 'ħ': "h", 'ĥ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i", 'ĭ': "i", 'ǐ': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ł': "l", 'ŀ': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'ŏ': "o", 'ǒ': "o", 'œ': "oe",
	'ŕ': "r", 'ř': "r", 'ŗ': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ŝ': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t", 'ŧ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ŭ': "u", 'ǔ': "u",
	'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// Normalize returns the lookup key of a place name: lower case, accents
// folded, dots and apostrophes dropped, hyphens, slashes and commas read as
// spaces, runs of space collapsed. "St. Louis" and "st louis" share a key,
// as do "Sana'a" and "Sanaa", "Ivano-Frankivsk" and "Ivano Frankivsk".
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == '.' || r == '\'' || r == '\u2019' || r == '\u2018' || r == '`' || r == '\u02bc' || r == '\u02bb':
			continue
		case r == '-' || r == '/' || r == ',' || r == '\u2013' || r == '\u2010' || unicode.IsSpace(r) || r == '(' || r == ')':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinName reports whether a name is written in the Latin script (with
// spaces and punctuation), which is what English news uses.
func latinName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= '0' && r <= '9' {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		case r <= 0x24F || (r >= 0x1E00 && r <= 0x1EFF) || r == '\u2019' || r == '\u02bc' || r == '\u02bb':
			if unicode.IsLetter(r) {
				letters++
			}
		default:
			return false
		}
	}
	return letters >= 2
}

// adminSuffixes are the words that name the type of an administrative
// region after its name ("Kharkiv Oblast", "Idlib Governorate").
var adminSuffixes = []string{
	" oblast", " province", " governorate", " region", " state", " district",
	" prefecture", " county", " parish", " department", " municipality",
	" voivodeship", " krai", " republic", " territory", " division",
}

// StripAdminSuffix removes one trailing administrative type word from a
// normalised key ("kharkiv oblast" -> "kharkiv") and reports whether it
// did.
func StripAdminSuffix(key string) (string, bool) {
	for _, suf := range adminSuffixes {
		if strings.HasSuffix(key, suf) && len(key) > len(suf)+1 {
			return key[:len(key)-len(suf)], true
		}
	}
	return key, false
}
