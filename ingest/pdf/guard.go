package pdf

import (
	"io"

	lpdf "github.com/ledongthuc/pdf"
)

// tailSize is how much of the end of a content stream openHexAtEnd keeps.
const tailSize = 4096

// openHexAtEnd reports whether a content stream (or array of streams) ends
// inside a hex string (see endsInHex). The library's lexer loops forever
// on that: at the end of a stream it reads endless white space and waits
// for the ">". Such a stream must not reach lpdf.Interpret.
// buf is the copy buffer, reused across streams.
func openHexAtEnd(strm lpdf.Value, buf []byte) bool {
	t := &tail{b: make([]byte, 0, 2*tailSize)}
	if strm.Kind() == lpdf.Array {
		for i := 0; i < strm.Len(); i++ {
			io.CopyBuffer(t, strm.Index(i).Reader(), buf)
		}
	} else {
		io.CopyBuffer(t, strm.Reader(), buf)
	}
	return endsInHex(t.b)
}

// endsInHex reports whether the lexer would still be inside a hex string
// at the end of b: after a lone "<" come only hex digits and white space,
// but for the last byte, which may be anything except ">" (the lexer reads
// digits in pairs and waits for the second of the pair for ever). "<<" is a
// dictionary, not a hex string.
func endsInHex(b []byte) bool {
	i := len(b) - 1
	for i >= 0 && isWhite(b[i]) {
		i--
	}
	switch {
	case i < 0 || b[i] == '>':
		return false
	case b[i] == '<':
		return true
	}
	for i--; i >= 0; i-- {
		c := b[i]
		switch {
		case c == '<':
			return i == 0 || b[i-1] != '<'
		case isHexDigit(c) || isWhite(c):
		default:
			return false
		}
	}
	// No "<" in the tail: either no hex string is open, or one longer than
	// the tail, which only a hostile file has; the worker's time limit
	// catches that one, while a long run of integers and hex-letter
	// operators ("c", "f") in a vector drawing must not lose the page.
	return false
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// tail keeps the last tailSize bytes written to it.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	if len(p) >= tailSize {
		t.b = append(t.b[:0], p[len(p)-tailSize:]...)
		return len(p), nil
	}
	t.b = append(t.b, p...)
	if len(t.b) > 2*tailSize {
		t.b = append(t.b[:0], t.b[len(t.b)-tailSize:]...)
	}
	return len(p), nil
}
