package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
)

// maxInflate bounds the total size of the decompressed object streams of
// one file.
const maxInflate = 256 << 20

// maxLengthSpan is how far an indirect /Length object is read.
const maxLengthSpan = 64

// object writes object o decrypted to d.out and returns the offset up to
// which the file has been consumed. Cross-reference streams are dropped,
// object streams are written out as the plain objects they hold.
func (d *decrypter) object(o objLoc) int {
	v, end := d.value(o)
	dict, _ := v.(map[string]any)
	kw := lexToken(d.body[:o.end], end)
	typ, _ := dict["Type"].(string)
	if kw.kind != tokOther || string(kw.val) != "stream" || dict == nil {
		d.plain(o, end, typ)
		return end
	}
	data, done := d.streamData(dict, kw.end)
	switch typ {
	case "/XRef":
		return done
	case "/ObjStm":
		d.objectStream(dict, d.sec.decrypt(o.num, o.gen, d.sec.strm, data))
		return done
	case "/Metadata":
		if !d.sec.encryptMeta {
			d.stream(o, end, typ, data)
			return done
		}
	}
	d.stream(o, end, typ, d.sec.decrypt(o.num, o.gen, d.sec.strm, data))
	return done
}

// plain writes an object without a stream.
func (d *decrypter) plain(o objLoc, end int, typ string) {
	fmt.Fprintf(&d.out, "%d %d obj\n", o.num, o.gen)
	d.copyValue(o, end, typ, -1)
	d.out.WriteString("\nendobj\n")
}

// stream writes a stream object with data as its (decrypted) content.
func (d *decrypter) stream(o objLoc, end int, typ string, data []byte) {
	fmt.Fprintf(&d.out, "%d %d obj\n", o.num, o.gen)
	d.copyValue(o, end, typ, len(data))
	d.out.WriteString("\nstream\n")
	d.out.Write(data)
	d.out.WriteString("\nendstream\nendobj\n")
}

// copyValue copies the value of o, up to end, with its strings decrypted
// as hex strings. When length >= 0 the top dictionary's /Length becomes it.
// The dictionary's /Type, typ, moves to its front, where the repair looks
// for it (a signature's /Contents can push it far back).
func (d *decrypter) copyValue(o objLoc, end int, typ string, length int) {
	b := d.body[:end]
	depth := 0
	for i := o.val; i < end; {
		t := lexToken(b, i)
		if t.kind == tokEOF {
			return
		}
		i = t.end
		switch t.kind {
		case tokString:
			plain := d.sec.decrypt(o.num, o.gen, d.sec.str, t.val)
			fmt.Fprintf(&d.out, "<%s>", hex.EncodeToString(plain))
			continue
		case tokDictBeg, tokArrBeg:
			depth++
			if depth == 1 && t.kind == tokDictBeg && typ != "" {
				fmt.Fprintf(&d.out, "<< /Type %s ", typ)
				continue
			}
		case tokDictEnd, tokArrEnd:
			depth--
		case tokName:
			if depth == 1 && typ != "" && string(t.val) == "/Type" {
				_, i = parseValue(b, i, 0)
				continue
			}
			if depth == 1 && length >= 0 && string(t.val) == "/Length" {
				_, i = parseValue(b, i, 0)
				fmt.Fprintf(&d.out, "/Length %d ", length)
				continue
			}
		}
		d.out.Write(b[t.start:t.end])
		if b[t.start] == '%' {
			d.out.WriteByte('\n')
		} else {
			d.out.WriteByte(' ')
		}
	}
}

// streamData returns the raw data of the stream whose keyword ends at
// kwEnd, and the offset after it.
func (d *decrypter) streamData(dict map[string]any, kwEnd int) ([]byte, int) {
	s := kwEnd
	if s < len(d.body) && d.body[s] == '\r' {
		s++
	}
	if s < len(d.body) && d.body[s] == '\n' {
		s++
	}
	if n, ok := d.length(dict["Length"]); ok && int64(s)+n <= int64(len(d.body)) {
		e := int(int64(s) + n)
		rest := bytes.TrimLeft(d.body[e:min(len(d.body), e+64)], " \t\r\n\f\x00")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return d.body[s:e], e
		}
	}
	e := bytes.Index(d.body[s:], []byte("endstream"))
	if e < 0 {
		return d.body[s:], len(d.body)
	}
	data := d.body[s : s+e]
	data = bytes.TrimSuffix(data, []byte("\n"))
	data = bytes.TrimSuffix(data, []byte("\r"))
	return data, s + e
}

// length returns the stream length v, reading an indirect one from at
// most maxLengthSpan bytes of its object.
func (d *decrypter) length(v any) (int64, bool) {
	if ref, ok := v.(pdfRef); ok {
		i, found := d.last[ref.num]
		if !found {
			return 0, false
		}
		o := d.objs[i]
		v, _ = parseValue(d.body[:min(o.end, o.val+maxLengthSpan)], o.val, 0)
	}
	n, ok := v.(int64)
	return n, ok && n >= 0
}

// objectStream writes the objects held by a decrypted object stream as
// plain objects; their strings are not encrypted.
func (d *decrypter) objectStream(dict map[string]any, data []byte) {
	if f := dict["Filter"]; f == "/FlateDecode" || isFlateArray(f) {
		z, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		data, _ = io.ReadAll(io.LimitReader(z, d.budget))
		d.budget -= int64(len(data))
	}
	n, first := int(intOf(dict["N"])), int(intOf(dict["First"]))
	if first < 0 || first > len(data) || n < 0 {
		return
	}
	nums, offs := objStreamHeader(data[:first], n)
	for k := range nums {
		s, e := first+offs[k], len(data)
		if k+1 < len(offs) {
			e = first + offs[k+1]
		}
		if s < first || s > e || e > len(data) {
			continue
		}
		fmt.Fprintf(&d.out, "%d 0 obj\n", nums[k])
		d.out.Write(data[s:e])
		d.out.WriteString("\nendobj\n")
	}
}

// objStreamHeader reads up to n pairs "objnum offset" from head.
func objStreamHeader(head []byte, n int) (nums, offs []int) {
	i := 0
	for len(nums) < n && i < len(head) {
		a := lexToken(head, i)
		b := lexToken(head, a.end)
		x, err1 := strconv.Atoi(string(a.val))
		y, err2 := strconv.Atoi(string(b.val))
		if a.kind != tokOther || b.kind != tokOther || err1 != nil || err2 != nil {
			break
		}
		nums, offs = append(nums, x), append(offs, y)
		i = b.end
	}
	return nums, offs
}

func isFlateArray(f any) bool {
	a, ok := f.([]any)
	return ok && len(a) == 1 && a[0] == "/FlateDecode"
}
