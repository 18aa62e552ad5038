package pdf

import (
	"io"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// maxCMapBytes bounds how much of a ToUnicode stream is read.
const maxCMapBytes = 1 << 20

// uniRange maps the codes lo..hi (of one byte length) to text: either
// consecutive UTF-16 values from first, or one string per code.
type uniRange struct {
	lo, hi int
	first  []uint16
	list   []string
}

// toUnicode is a font's ToUnicode map, read by us because the library
// counts through a bfrange on its last byte only: a range such as
// <0000> <FFFF> <0000>, which fpdf writes for every UTF-8 font, then maps
// U+2019 to U+0019. Viewers count through the whole code, and so do we.
type toUnicode struct {
	chars  map[int]string // (byte length << 24 | code) → text
	ranges [5][]uniRange  // per byte length
}

// readToUnicode parses a font's ToUnicode stream; nil when it has none or
// it cannot be read.
func readToUnicode(v lpdf.Value) *toUnicode {
	s := v.Key("ToUnicode")
	if s.Kind() != lpdf.Stream {
		return nil
	}
	r := s.Reader()
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxCMapBytes))
	if err != nil || len(data) == 0 {
		return nil
	}
	m := &toUnicode{chars: map[int]string{}}
	m.parse(cmapTokens(data))
	if len(m.chars) == 0 && m.empty() {
		return nil
	}
	return m
}

func (m *toUnicode) empty() bool {
	for _, rs := range m.ranges {
		if len(rs) > 0 {
			return false
		}
	}
	return true
}

// parse reads bfchar and bfrange sections from the token stream.
func (m *toUnicode) parse(toks []cmapToken) {
	for i := 0; i < len(toks); i++ {
		switch toks[i].word {
		case "beginbfchar":
			i = m.parseChars(toks, i+1)
		case "beginbfrange":
			i = m.parseRanges(toks, i+1)
		}
	}
}

func (m *toUnicode) parseChars(toks []cmapToken, i int) int {
	for ; i+1 < len(toks) && toks[i].word != "endbfchar"; i += 2 {
		src, dst := toks[i], toks[i+1]
		if src.hex == nil || dst.hex == nil || len(src.hex) > 4 {
			continue
		}
		m.chars[len(src.hex)<<24|bytesInt(src.hex)] = utf16Text(dst.hex)
	}
	return i
}

func (m *toUnicode) parseRanges(toks []cmapToken, i int) int {
	for ; i+2 < len(toks) && toks[i].word != "endbfrange"; i += 3 {
		lo, hi, dst := toks[i], toks[i+1], toks[i+2]
		if lo.hex == nil || hi.hex == nil || len(lo.hex) != len(hi.hex) || len(lo.hex) > 4 {
			continue
		}
		r := uniRange{lo: bytesInt(lo.hex), hi: bytesInt(hi.hex)}
		switch {
		case dst.hex != nil:
			r.first = utf16Units(dst.hex)
		case dst.list != nil:
			for _, h := range dst.list {
				r.list = append(r.list, utf16Text(h))
			}
		default:
			continue
		}
		if r.lo <= r.hi && (len(r.first) > 0 || len(r.list) > 0) {
			m.ranges[len(lo.hex)] = append(m.ranges[len(lo.hex)], r)
		}
	}
	return i
}

// lookup returns the text of a code of n bytes, and whether the map has it.
func (m *toUnicode) lookup(code, n int) (string, bool) {
	if s, ok := m.chars[n<<24|code]; ok {
		return s, true
	}
	for _, r := range m.ranges[n] {
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if off < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		units := append([]uint16(nil), r.first...)
		units[len(units)-1] += uint16(off)
		return string(utf16.Decode(units)), true
	}
	return "", false
}

func bytesInt(b []byte) int {
	n := 0
	for _, c := range b {
		n = n<<8 | int(c)
	}
	return n
}

func utf16Units(b []byte) []uint16 {
	out := make([]uint16, 0, len(b)/2+1)
	for i := 0; i+1 < len(b); i += 2 {
		out = append(out, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b)%2 == 1 {
		out = append(out, uint16(b[len(b)-1]))
	}
	return out
}

func utf16Text(b []byte) string { return string(utf16.Decode(utf16Units(b))) }
