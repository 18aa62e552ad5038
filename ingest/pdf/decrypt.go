package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// openDecrypted opens an encrypted file the library cannot read (RC4 with
// keys under 128 bits, AES-256) by writing a decrypted copy and opening
// that, with a rebuilt cross-reference table. orig is the library's error;
// it is returned when the empty user password does not open the file.
func openDecrypted(body []byte, maxPages int, orig error) (*Reader, error) {
	dec, err := decryptFile(body)
	if errors.Is(err, ErrPanic) {
		return nil, fmt.Errorf("%w; %w", orig, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w; decrypt: %v", orig, err)
	}
	tail, err := rebuildXref(dec)
	if err != nil {
		return nil, fmt.Errorf("%w; decrypt: %v", orig, err)
	}
	return load(newView(dec, tail), maxPages)
}

// objLoc is where an "num gen obj" marker was found.
type objLoc struct {
	num, gen   int
	start, val int // offsets of the marker and of the object's value
	end        int // start of the next marker, or the end of the file
}

// decrypter rewrites the objects of one encrypted file.
type decrypter struct {
	body []byte
	objs []objLoc
	last map[int]int // object number → index of its last marker
	sec  security
	out  bytes.Buffer
	// budget is how many bytes object streams may still inflate to.
	budget int64
}

// decryptFile returns a decrypted copy of body, starting with goodHeader,
// without an xref table and with a trailer holding only the /ID.
// A panic while decrypting is returned as ErrPanic.
func decryptFile(body []byte) (dec []byte, err error) {
	defer recoverAs(&err, "decrypt")
	d := &decrypter{body: body, last: map[int]int{}, budget: maxInflate}
	d.scan()
	id, err := d.setup()
	if err != nil {
		return nil, err
	}
	d.out.WriteString(goodHeader)
	done := 0
	for _, o := range d.objs {
		if o.start < done || o.num == d.sec.encryptRefNo {
			continue
		}
		done = d.object(o)
	}
	if id != "" {
		fmt.Fprintf(&d.out, "trailer\n<< /ID [%s] >>\n", id)
	}
	return d.out.Bytes(), nil
}

// scan finds the object markers in file order.
func (d *decrypter) scan() {
	ms := objRE.FindAllSubmatchIndex(d.body, -1)
	for i, m := range ms {
		num, _ := strconv.Atoi(string(d.body[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(d.body[m[4]:m[5]]))
		end := len(d.body)
		if i+1 < len(ms) {
			end = ms[i+1][2]
		}
		d.last[num] = len(d.objs)
		d.objs = append(d.objs, objLoc{num: num, gen: gen, start: m[2], val: m[1], end: end})
	}
}

// value parses the value of object o, reading no further than its end.
func (d *decrypter) value(o objLoc) (any, int) {
	return parseValue(d.body[:o.end], o.val, 0)
}

// resolve returns v, or the value of the object it refers to.
func (d *decrypter) resolve(v any) any {
	ref, ok := v.(pdfRef)
	if !ok {
		return v
	}
	i, ok := d.last[ref.num]
	if !ok {
		return nil
	}
	v, _ = d.value(d.objs[i])
	return v
}

// setup reads the /Encrypt dictionary and derives the file key. It returns
// the trailer's /ID as text, to carry over.
func (d *decrypter) setup() (string, error) {
	ms := encryptRE.FindAllSubmatch(d.body, -1)
	if len(ms) == 0 {
		return "", errors.New("no /Encrypt reference")
	}
	ref, _ := parseValue(ms[len(ms)-1][1], 0, 0)
	r, ok := ref.(pdfRef)
	enc, _ := d.resolve(ref).(map[string]any)
	if !ok || enc == nil || enc["Filter"] != "/Standard" {
		return "", errors.New("no standard security handler")
	}
	d.sec.encryptRefNo = r.num
	var idText string
	var id0 []byte
	if ids := idRE.FindAllSubmatch(d.body, -1); len(ids) > 0 {
		idText = string(ids[len(ids)-1][1])
		v, _ := parseValue(ids[len(ids)-1][1], 0, 0)
		id0, _ = v.([]byte)
	}
	if err := d.sec.configure(enc, id0, d.resolve); err != nil {
		return "", err
	}
	return idText, nil
}

// configure picks the ciphers from enc and derives the file key.
// resolve follows indirect references inside enc.
func (s *security) configure(enc map[string]any, id []byte, resolve func(any) any) error {
	s.v = int(intOf(enc["V"]))
	s.encryptMeta = enc["EncryptMetadata"] != "false"
	switch s.v {
	case 1, 2:
		s.strm, s.str = cipherRC4, cipherRC4
	case 4, 5:
		cf, _ := resolve(enc["CF"]).(map[string]any)
		s.strm = cryptFilter(cf, enc["StmF"], resolve)
		s.str = cryptFilter(cf, enc["StrF"], resolve)
	default:
		return fmt.Errorf("unsupported /V %d", s.v)
	}
	return s.fileKey(enc, id)
}

// cryptFilter returns the cipher of the crypt filter named name.
func cryptFilter(cf map[string]any, name any, resolve func(any) any) cipherKind {
	n, _ := name.(string)
	if n == "" || n == "/Identity" {
		return cipherNone
	}
	f, _ := resolve(cf[n[1:]]).(map[string]any)
	switch f["CFM"] {
	case "/V2":
		return cipherRC4
	case "/AESV2", "/AESV3":
		return cipherAES
	}
	return cipherNone
}
