package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// Read-only patterns used by the repairs.
var (
	objRE     = regexp.MustCompile(`(?:^|[\r\n\s])(\d{1,9})\s+(\d{1,5})\s+obj\b`)
	catalogRE = regexp.MustCompile(`/Type\s*/Catalog\b`)
	xrefStmRE = regexp.MustCompile(`/Type\s*/XRef\b`)
	encryptRE = regexp.MustCompile(`/Encrypt\s+(\d+\s+\d+\s+R)`)
	idRE      = regexp.MustCompile(`/ID\s*\[\s*(<[0-9A-Fa-f\s]*>\s*<[0-9A-Fa-f\s]*>)\s*\]`)
)

// maxObjSpan is how far past "obj" a repair looks for the object's type.
const maxObjSpan = 4096

// goodHeader replaces the first bytes of the file: the library rejects
// PDF 2.0 and headers not followed by a line break.
const goodHeader = "%PDF-1.7\n"

// fixHeader returns the file from its %PDF- marker on; junk before the
// marker (mail gateways, HTTP headers) is dropped.
func fixHeader(data []byte) ([]byte, error) {
	start := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if start < 0 {
		return nil, fmt.Errorf("%w: no %%PDF header", ErrDamaged)
	}
	body := data[start:]
	if len(body) < 16 {
		return nil, fmt.Errorf("%w: file ends after the header", ErrDamaged)
	}
	return body, nil
}

// trimTail cuts whatever follows the last %%EOF marker (NUL padding, mail
// signatures), which the library does not tolerate.
func trimTail(body []byte) ([]byte, bool) {
	i := bytes.LastIndex(body, []byte("%%EOF"))
	if i < 0 {
		return body, false
	}
	return body[:i+5], true
}

// rebuildXref scans the file for "n g obj" markers and returns a new xref
// section with trailer to append to body. Offsets are relative to body.
func rebuildXref(body []byte) ([]byte, error) {
	offsets := map[int]int{}
	maxNum, root, xrefStm := 0, -1, -1
	for _, m := range objRE.FindAllSubmatchIndex(body, -1) {
		num, _ := strconv.Atoi(string(body[m[2]:m[3]]))
		off := m[2]
		offsets[num] = off
		maxNum = max(maxNum, num)
		span := body[m[1]:min(len(body), m[1]+maxObjSpan)]
		if end := bytes.Index(span, []byte("endobj")); end >= 0 {
			span = span[:end]
		}
		if catalogRE.Match(span) {
			root = num
		}
		if xrefStmRE.Match(span) {
			xrefStm = off
		}
	}
	if root < 0 && xrefStm >= 0 && !chainLoops(body, xrefStm) {
		return fmt.Appendf(nil, "\nstartxref\n%d\n%%%%EOF\n", xrefStm), nil
	}
	if root < 0 {
		return nil, fmt.Errorf("%w: no catalog object found", ErrDamaged)
	}
	if maxNum > 4*len(offsets)+1000 {
		maxNum = 4*len(offsets) + 1000
	}
	return xrefTable(body, offsets, maxNum, root), nil
}

// xrefTable renders a classic xref table and trailer for the objects found.
func xrefTable(body []byte, offsets map[int]int, maxNum, root int) []byte {
	var b bytes.Buffer
	start := len(body) + 1
	b.WriteString("\nxref\n")
	fmt.Fprintf(&b, "0 %d\n", maxNum+1)
	b.WriteString("0000000000 65535 f \n")
	for n := 1; n <= maxNum; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 00000 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R", maxNum+1, root)
	if m := encryptRE.FindSubmatch(lastTrailer(body)); m != nil {
		fmt.Fprintf(&b, " /Encrypt %s", m[1])
	}
	if m := idRE.FindSubmatch(lastTrailer(body)); m != nil {
		fmt.Fprintf(&b, " /ID [%s]", m[1])
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// lastTrailer returns the text from the last trailer keyword (or, for files
// with xref streams, the last /ID entry) to the end of the file.
func lastTrailer(body []byte) []byte {
	if i := bytes.LastIndex(body, []byte("trailer")); i >= 0 {
		return body[i:]
	}
	if i := bytes.LastIndex(body, []byte("/ID")); i >= 0 {
		return body[max(0, i-2048):]
	}
	return nil
}

// Patterns for the xref chain check.
var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d{1,12})`)
	prevRE      = regexp.MustCompile(`/Prev\s+(\d{1,12})`)
	sizeRE      = regexp.MustCompile(`/Size\s+(\d{1,15})`)
)

// maxSections bounds the /Prev chain of cross-reference sections.
const maxSections = 1000

// unsafeXref reports whether handing the file to the library could hang or
// exhaust memory: a /Prev chain that loops or is absurdly long (the
// library follows it forever), or a /Size far beyond what the file can
// hold (the library allocates a table of that size).
func unsafeXref(body []byte) bool {
	for _, m := range sizeRE.FindAllSubmatch(body, -1) {
		if n, _ := strconv.Atoi(string(m[1])); n > 16*len(body)+100_000 {
			return true
		}
	}
	ms := startxrefRE.FindAllSubmatch(body, -1)
	if len(ms) == 0 {
		return false
	}
	off, _ := strconv.Atoi(string(ms[len(ms)-1][1]))
	return chainLoops(body, off)
}

// chainLoops follows the /Prev chain from the xref section at off.
func chainLoops(body []byte, off int) bool {
	seen := map[int]bool{}
	for off > 0 && off < len(body) {
		if seen[off] || len(seen) > maxSections {
			return true
		}
		seen[off] = true
		off = prevOf(body[off:])
	}
	return false
}

// prevOf returns the /Prev offset of the xref section at the start of sec,
// or -1: it looks in the trailer (up to the next startxref) or, for an
// xref stream, in the stream dictionary.
func prevOf(sec []byte) int {
	end := len(sec)
	if i := bytes.Index(sec, []byte("startxref")); i >= 0 {
		end = i
	}
	if i := bytes.Index(sec[:end], []byte("stream")); i >= 0 && !bytes.HasPrefix(sec, []byte("xref")) {
		end = i
	}
	m := prevRE.FindSubmatch(sec[:end])
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
