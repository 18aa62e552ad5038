package pdf

import (
	lpdf "github.com/ledongthuc/pdf"
)

// maxStack bounds q nesting; unbalanced streams must not grow it forever.
const maxStack = 256

// op executes one operator. Operators with the wrong number of operands are
// ignored, as viewers do.
func (in *interp) op(op string, a []lpdf.Value, res lpdf.Value, scope string, depth int) {
	switch op {
	case "q":
		if len(in.stack) < maxStack {
			in.stack = append(in.stack, in.g)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			in.g, in.stack = in.stack[n-1], in.stack[:n-1]
		}
	case "cm":
		if m, ok := toMatrix(a); ok {
			in.g.ctm = m.mul(in.g.ctm)
		}
	case "Do":
		if len(a) == 1 && depth < maxFormDepth {
			in.form(a[0].Name(), res, scope, depth)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tf":
		if len(a) == 2 {
			in.g.font = in.font(a[0].Name(), res, scope)
			in.g.size = a[1].Float64()
		}
	default:
		in.textOp(op, a)
	}
}

// textOp executes the text state, positioning and showing operators.
func (in *interp) textOp(op string, a []lpdf.Value) {
	switch {
	case op == "Tc" && len(a) == 1:
		in.g.tc = a[0].Float64()
	case op == "Tw" && len(a) == 1:
		in.g.tw = a[0].Float64()
	case op == "Tz" && len(a) == 1:
		in.g.th = a[0].Float64() / 100
	case op == "TL" && len(a) == 1:
		in.g.tl = a[0].Float64()
	case op == "Ts" && len(a) == 1:
		in.g.ts = a[0].Float64()
	case op == "Td" && len(a) == 2:
		in.moveLine(a[0].Float64(), a[1].Float64())
	case op == "TD" && len(a) == 2:
		in.g.tl = -a[1].Float64()
		in.moveLine(a[0].Float64(), a[1].Float64())
	case op == "Tm" && len(a) == 6:
		m, _ := toMatrix(a)
		in.tm, in.tlm = m, m
	case op == "T*":
		in.moveLine(0, -in.g.tl)
	case op == "Tj" && len(a) == 1:
		in.show(a[0].RawString())
	case op == "'" && len(a) == 1:
		in.moveLine(0, -in.g.tl)
		in.show(a[0].RawString())
	case op == "\"" && len(a) == 3:
		in.g.tw, in.g.tc = a[0].Float64(), a[1].Float64()
		in.moveLine(0, -in.g.tl)
		in.show(a[2].RawString())
	case op == "TJ" && len(a) == 1:
		in.showArray(a[0])
	}
}

func (in *interp) moveLine(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

func toMatrix(a []lpdf.Value) (matrix, bool) {
	if len(a) != 6 {
		return matrix{}, false
	}
	var m matrix
	for i := range m {
		m[i] = a[i].Float64()
	}
	return m, true
}

// font returns the font resource name, loading it once per scope.
func (in *interp) font(name string, res lpdf.Value, scope string) *font {
	fs := in.fonts[scope]
	if fs == nil {
		fs = map[string]*font{}
		in.fonts[scope] = fs
	}
	if f, ok := fs[name]; ok {
		return f
	}
	f := loadFont(res.Key("Font").Key(name))
	fs[name] = f
	return f
}

// form interprets a form XObject in place; images and others are skipped.
func (in *interp) form(name string, res lpdf.Value, scope string, depth int) {
	x := res.Key("XObject").Key(name)
	if x.Kind() != lpdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	saved, savedTm, savedTlm := in.g, in.tm, in.tlm
	if m, ok := toMatrix(arrayValues(x.Key("Matrix"))); ok {
		in.g.ctm = m.mul(in.g.ctm)
	}
	sub := x.Key("Resources")
	if sub.IsNull() {
		sub = res
	}
	in.run(x, sub, scope+"/"+name, depth+1)
	in.g, in.tm, in.tlm = saved, savedTm, savedTlm
}

func arrayValues(v lpdf.Value) []lpdf.Value {
	out := make([]lpdf.Value, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		out = append(out, v.Index(i))
	}
	return out
}
