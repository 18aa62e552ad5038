package pdf

import "encoding/hex"

// cmapToken is one token of a CMap program: a hex string, an array of hex
// strings, or a keyword or other word.
type cmapToken struct {
	hex  []byte
	list [][]byte
	word string
}

// cmapTokens splits a CMap program into the tokens the ToUnicode reader
// needs; anything else (names, dictionaries, numbers) becomes a word.
func cmapTokens(data []byte) []cmapToken {
	var out []cmapToken
	var list [][]byte
	inList := false
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			b, n := hexString(data[i+1:])
			i += n + 1
			if inList {
				list = append(list, b)
			} else {
				out = append(out, cmapToken{hex: b})
			}
		case c == '[':
			inList, list = true, [][]byte{}
			i++
		case c == ']':
			if inList {
				out = append(out, cmapToken{list: list})
			}
			inList = false
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case isSpace(c):
			i++
		default:
			j := i
			for j < len(data) && !isSpace(data[j]) && data[j] != '<' && data[j] != '[' && data[j] != ']' {
				j++
			}
			if j == i {
				j++
			}
			out = append(out, cmapToken{word: string(data[i:j])})
			i = j
		}
	}
	return out
}

// hexString decodes the hex digits up to '>' and returns how many bytes
// it consumed, including the '>'.
func hexString(data []byte) ([]byte, int) {
	var digits []byte
	n := 0
	for n < len(data) && data[n] != '>' {
		if c := data[n]; c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' {
			digits = append(digits, c)
		}
		n++
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	b, _ := hex.DecodeString(string(digits))
	return b, n + 1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}
