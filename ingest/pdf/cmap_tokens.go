package pdf

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
			b, end := lexHex(data, i)
			if b == nil {
				b = []byte{} // "<>": the ToUnicode reader tells an empty string from no string
			}
			i = end
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
		case isWhite(c):
			i++
		default:
			j := i
			for j < len(data) && !isWhite(data[j]) && data[j] != '<' && data[j] != '[' && data[j] != ']' {
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
