package pdf

import "io"

// view is a read-only io.ReaderAt over a list of byte slices laid end to
// end. It lets a repair patch a header or append a rebuilt xref table
// without copying the whole file.
type view struct {
	parts [][]byte
	size  int64
}

func newView(parts ...[]byte) *view {
	v := &view{parts: parts}
	for _, p := range parts {
		v.size += int64(len(p))
	}
	return v
}

// ReadAt implements io.ReaderAt.
func (v *view) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, io.EOF
	}
	n := 0
	for _, p := range v.parts {
		if len(b) == 0 {
			break
		}
		if off >= int64(len(p)) {
			off -= int64(len(p))
			continue
		}
		c := copy(b, p[off:])
		n += c
		b = b[c:]
		off = 0
	}
	if len(b) > 0 {
		return n, io.EOF
	}
	return n, nil
}
