package pdf

import (
	"errors"
	"fmt"

	lpdf "github.com/ledongthuc/pdf"
)

// Budgets that keep one hostile page from taking all time and memory.
const (
	maxOps       = 4_000_000 // content-stream operators per page
	maxGlyphs    = 400_000   // glyphs per page
	maxFormDepth = 8         // nesting of form XObjects
)

// errBudget aborts the interpretation of a page that exceeds a budget; the
// glyphs read so far are kept.
var errBudget = errors.New("page budget exceeded")

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// gstate is the part of the graphics and text state that positions glyphs.
type gstate struct {
	ctm                matrix
	font               *font
	size               float64 // Tfs
	tc, tw, th, tl, ts float64 // char and word spacing, scaling, leading, rise
}

// interp walks the content streams of one page and collects glyphs.
type interp struct {
	g       gstate
	stack   []gstate
	tm      matrix
	tlm     matrix
	glyphs  []glyph
	ops     int
	fonts   map[string]map[string]*font // resource scope → font name → font
	copyBuf []byte                      // for openHexAtEnd
}

// pageGlyphs interprets a page's content streams. When the library panics
// half-way, the glyphs read so far are returned with ErrPanic.
func pageGlyphs(pg lpdf.Page) (glyphs []glyph, err error) {
	in := &interp{g: gstate{ctm: identity, th: 1}, fonts: map[string]map[string]*font{}}
	defer func() {
		if x := recover(); x != nil {
			glyphs = in.glyphs
			if x != errBudget {
				err = fmt.Errorf("%w: %v", ErrPanic, x)
			}
		}
	}()
	res := inherited(pg.V, "Resources")
	in.run(pg.V.Key("Contents"), res, "", 0)
	return in.glyphs, nil
}

// run interprets one content stream with its resources; scope names the
// chain of form XObjects that led here, for the font cache. A stream that
// would hang the library's lexer is skipped.
func (in *interp) run(strm, res lpdf.Value, scope string, depth int) {
	if in.copyBuf == nil {
		in.copyBuf = make([]byte, 32<<10)
	}
	if strm.IsNull() || openHexAtEnd(strm, in.copyBuf) {
		return
	}
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		in.ops++
		if in.ops > maxOps || len(in.glyphs) > maxGlyphs {
			panic(errBudget)
		}
		args := make([]lpdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		in.op(op, args, res, scope, depth)
	})
}
