package pdf

import (
	"bytes"
	"strconv"
)

// tokKind is the kind of a token read by lexToken.
type tokKind int

const (
	tokEOF     tokKind = iota
	tokOther           // number, keyword, delimiter or comment
	tokName            // /Name
	tokString          // (literal) or <hex>; val holds the bytes
	tokDictBeg         // <<
	tokDictEnd         // >>
	tokArrBeg          // [
	tokArrEnd          // ]
)

// token is one lexical token of b[start:end].
type token struct {
	kind       tokKind
	start, end int
	val        []byte // decoded string bytes, or the raw text otherwise
}

// maxDepth bounds the nesting of arrays and dictionaries parsed.
const maxDepth = 64

// lexToken reads the token at or after i. Every call advances past at
// least one byte, so a loop over the tokens ends within len(b) calls.
func lexToken(b []byte, i int) token {
	for i < len(b) && isWhite(b[i]) {
		i++
	}
	if i >= len(b) {
		return token{kind: tokEOF, start: i, end: i}
	}
	switch c := b[i]; {
	case c == '(':
		val, end := lexLiteral(b, i)
		return token{kind: tokString, start: i, end: end, val: val}
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		return token{kind: tokDictBeg, start: i, end: i + 2}
	case c == '>' && i+1 < len(b) && b[i+1] == '>':
		return token{kind: tokDictEnd, start: i, end: i + 2}
	case c == '<':
		val, end := lexHex(b, i)
		return token{kind: tokString, start: i, end: end, val: val}
	case c == '[':
		return token{kind: tokArrBeg, start: i, end: i + 1}
	case c == ']':
		return token{kind: tokArrEnd, start: i, end: i + 1}
	case c == '%':
		end := i
		for end < len(b) && b[end] != '\n' && b[end] != '\r' {
			end++
		}
		return token{kind: tokOther, start: i, end: end}
	case c == '/':
		end := regularEnd(b, i+1)
		return token{kind: tokName, start: i, end: end, val: b[i:end]}
	case isDelim(c):
		return token{kind: tokOther, start: i, end: i + 1, val: b[i : i+1]}
	default:
		end := regularEnd(b, i)
		return token{kind: tokOther, start: i, end: end, val: b[i:end]}
	}
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// regularEnd returns the end of the run of regular characters from i.
func regularEnd(b []byte, i int) int {
	for i < len(b) && !isWhite(b[i]) && !isDelim(b[i]) {
		i++
	}
	return i
}

// lexHex decodes <...> starting at b[i]=='<'.
func lexHex(b []byte, i int) ([]byte, int) {
	var out []byte
	hi, half := byte(0), false
	j := i + 1
	for ; j < len(b) && b[j] != '>'; j++ {
		v, ok := hexVal(b[j])
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out, min(j+1, len(b))
}

func hexVal(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// lexLiteral decodes (...) starting at b[i]=='('.
func lexLiteral(b []byte, i int) ([]byte, int) {
	var out []byte
	depth := 0
	j := i + 1
	for ; j < len(b); j++ {
		c := b[j]
		switch {
		case c == '\\' && j+1 < len(b):
			var n int
			out, n = unescape(out, b[j+1:])
			j += n
			continue
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return out, j + 1
			}
			depth--
		}
		out = append(out, c)
	}
	return out, j
}

// unescape appends the byte escaped by the backslash before b and returns
// how many bytes of b it used.
func unescape(out, b []byte) ([]byte, int) {
	switch c := b[0]; c {
	case 'n':
		return append(out, '\n'), 1
	case 'r':
		return append(out, '\r'), 1
	case 't':
		return append(out, '\t'), 1
	case 'b':
		return append(out, '\b'), 1
	case 'f':
		return append(out, '\f'), 1
	case '\r':
		if len(b) > 1 && b[1] == '\n' {
			return out, 2
		}
		return out, 1
	case '\n':
		return out, 1
	}
	if b[0] < '0' || b[0] > '7' {
		return append(out, b[0]), 1
	}
	v, n := 0, 0
	for n < 3 && n < len(b) && '0' <= b[n] && b[n] <= '7' {
		v = v*8 + int(b[n]-'0')
		n++
	}
	return append(out, byte(v)), n
}

// pdfRef is an indirect reference "num gen R".
type pdfRef struct{ num, gen int }

// parseValue parses one object at i: map[string]any for a dictionary
// (keys without the slash), []any, []byte for a string, string for a name
// ("/X") or keyword, int64, float64 or pdfRef. It returns the end offset.
func parseValue(b []byte, i, depth int) (any, int) {
	t := lexToken(b, i)
	if depth > maxDepth {
		return nil, t.end
	}
	switch t.kind {
	case tokString:
		return t.val, t.end
	case tokName:
		return string(t.val), t.end
	case tokDictBeg:
		return parseDict(b, t.end, depth+1)
	case tokArrBeg:
		return parseArray(b, t.end, depth+1)
	case tokOther:
		return parseNumber(b, t)
	}
	return nil, t.end
}

// parseNumber parses a number, or a reference when two integers and R follow.
func parseNumber(b []byte, t token) (any, int) {
	n, err := strconv.ParseInt(string(t.val), 10, 64)
	if err != nil {
		if f, err := strconv.ParseFloat(string(t.val), 64); err == nil {
			return f, t.end
		}
		return string(t.val), t.end
	}
	g := lexToken(b, t.end)
	gen, err := strconv.Atoi(string(g.val))
	if g.kind != tokOther || err != nil {
		return n, t.end
	}
	if r := lexToken(b, g.end); r.kind == tokOther && string(r.val) == "R" {
		return pdfRef{int(n), gen}, r.end
	}
	return n, t.end
}

func parseDict(b []byte, i, depth int) (any, int) {
	d := map[string]any{}
	for i < len(b) {
		t := lexToken(b, i)
		switch t.kind {
		case tokEOF, tokDictEnd:
			return d, t.end
		case tokName:
			var v any
			v, i = parseValue(b, t.end, depth)
			d[string(t.val[1:])] = v
		default:
			i = t.end
		}
	}
	return d, i
}

func parseArray(b []byte, i, depth int) (any, int) {
	var a []any
	for i < len(b) {
		t := lexToken(b, i)
		if t.kind == tokEOF || t.kind == tokArrEnd {
			return a, t.end
		}
		var v any
		v, i = parseValue(b, i, depth)
		a = append(a, v)
	}
	return a, i
}
