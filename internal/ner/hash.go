package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes. FNV-1a hashes strings; mix combines hashes.
const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes into one (order matters).
func mix(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	h ^= h >> 32
	h *= 0xd6e8feca66d9a1b5
	h ^= h >> 29
	return h
}

// appendLower appends the lower-case form of s to dst. Curly apostrophes
// become straight ones so that "McDonald’s" and "McDonald's" agree.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\u2019' || r == '\u2018' {
			dst = append(dst, '\'')
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Shape classes of a token, used alone and conjoined with other features.
const (
	shLower   = iota // "word"
	shTitle          // "Word"
	shUpper          // "WORD" (two letters or more)
	shMixed          // "iPhone", "McDonald"
	shDigit          // "2024"
	shAlnum          // "A320", "7e7"
	shPunct          // ",", "--"
	shInitial        // "J." or single capital letter
	shOther          // emoji, symbols, other scripts without case
	nShapes
)

// shapeInfo computes the coarse shape class and a hash of the collapsed
// shape string ("Xx", "X.X.", "d,d"), where runs of a character class are
// cut to at most two.
func shapeInfo(s string) (class int, shape uint64) {
	h := uint64(fnvOffset)
	var last byte
	run := 0
	upper, lower, digit, punct, other, n := 0, 0, 0, 0, 0, 0
	firstUpper := false
	for i, r := range s {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			c, lower = 'x', lower+1
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			c, upper = 'X', upper+1
			if i == 0 {
				firstUpper = true
			}
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			c, digit = 'd', digit+1
		case r < utf8.RuneSelf:
			c, punct = byte(r), punct+1
		case unicode.IsUpper(r):
			c, upper = 'X', upper+1
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			c, lower = 'x', lower+1
		case unicode.IsDigit(r):
			c, digit = 'd', digit+1
		case unicode.IsPunct(r):
			c, punct = '.', punct+1
		default:
			c, other = 'o', other+1
		}
		n++
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	letters := upper + lower
	switch {
	case n == 0:
		class = shOther
	case letters == 0 && digit > 0:
		class = shDigit
	case letters > 0 && digit > 0:
		class = shAlnum
	case letters == 0 && other == 0:
		class = shPunct
	case letters == 0:
		class = shOther
	case upper == 1 && lower == 0:
		class = shInitial
	case upper == 0:
		class = shLower
	case lower == 0:
		class = shUpper
	case firstUpper && upper == 1:
		class = shTitle
	default:
		class = shMixed
	}
	return class, h
}

// isCap reports whether a shape class starts with a capital letter.
func isCap(class int) bool {
	return class == shTitle || class == shUpper || class == shMixed || class == shInitial
}
