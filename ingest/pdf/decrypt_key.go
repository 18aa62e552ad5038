package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"hash"
)

// passwordPad is the padding string of the standard security handler.
var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// errBadPassword means the empty user password does not open the file.
var errBadPassword = errors.New("empty user password rejected")

// cipherKind is how strings or streams are encrypted.
type cipherKind int

const (
	cipherNone cipherKind = iota
	cipherRC4
	cipherAES // AES-CBC, 128 or 256 bits by key length
)

// security holds what decryption needs: the file key and the ciphers.
type security struct {
	key          []byte
	v            int // /V: 5 uses the file key for every object
	strm, str    cipherKind
	encryptMeta  bool
	encryptRefNo int // the /Encrypt dictionary's object number
}

// fileKey derives and checks the file key for the empty user password.
func (s *security) fileKey(enc map[string]any, id []byte) error {
	r := intOf(enc["R"])
	o, u := bytesOf(enc["O"]), bytesOf(enc["U"])
	if r >= 5 {
		return s.fileKeyAES256(r, enc)
	}
	n := 5
	if r >= 3 {
		n = int(intOf(enc["Length"]) / 8)
		if n == 0 {
			n = 5
		}
	}
	if n < 5 || n > 16 || len(o) < 32 || len(u) < 16 {
		return errBadPassword
	}
	s.key = md5Key(int(r), n, o, uint32(intOf(enc["P"])), id, s.encryptMeta)
	want := userCheck(int(r), s.key, id)
	if len(u) < len(want) || !bytes.Equal(want, u[:len(want)]) {
		return errBadPassword
	}
	return nil
}

// md5Key is Algorithm 2 of ISO 32000-1 for the empty password.
func md5Key(r, n int, o []byte, p uint32, id []byte, encryptMeta bool) []byte {
	h := md5.New()
	h.Write(passwordPad)
	h.Write(o[:32])
	binary.Write(h, binary.LittleEndian, p)
	h.Write(id)
	if r >= 4 && !encryptMeta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			sum := md5.Sum(key[:n])
			key = sum[:]
		}
	}
	return key[:n]
}

// userCheck computes the value /U must start with (Algorithms 4 and 5).
func userCheck(r int, key, id []byte) []byte {
	if r == 2 {
		return rc4Crypt(key, passwordPad)
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	x := h.Sum(nil)
	k := make([]byte, len(key))
	for i := range 20 {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		x = rc4Crypt(k, x)
	}
	return x
}

// fileKeyAES256 checks the empty password against /U, or else as owner
// password against /O, and decrypts /UE or /OE (ISO 32000-2, Algorithms
// 2.A and 11; poppler also tries the empty owner password).
func (s *security) fileKeyAES256(r int64, enc map[string]any) error {
	u, ue := bytesOf(enc["U"]), bytesOf(enc["UE"])
	o, oe := bytesOf(enc["O"]), bytesOf(enc["OE"])
	if len(u) < 48 || len(ue) < 32 {
		return errBadPassword
	}
	if key, ok := unwrapKey(r, u[:48], nil, ue); ok {
		s.key = key
		return nil
	}
	if len(o) < 48 || len(oe) < 32 {
		return errBadPassword
	}
	if key, ok := unwrapKey(r, o[:48], u[:48], oe); ok {
		s.key = key
		return nil
	}
	return errBadPassword
}

// unwrapKey checks the empty password against the 48-byte hash entry h
// (/U or /O) and, when it matches, decrypts the file key from wrapped.
// Some writers mark files R6 but hash as R5 (pdf.js PR 6531).
func unwrapKey(r int64, h, udata, wrapped []byte) ([]byte, bool) {
	if !bytes.Equal(hash2B(r, h[32:40], udata), h[:32]) {
		if r != 6 || !bytes.Equal(hash2B(5, h[32:40], udata), h[:32]) {
			return nil, false
		}
		r = 5
	}
	block, err := aes.NewCipher(hash2B(r, h[40:48], udata))
	if err != nil {
		return nil, false
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, wrapped[:32])
	return key, true
}

// hash2B hashes the empty password with salt and udata: plain SHA-256 for
// R5, Algorithm 2.B for R6. It ends after at most 64+255+32 rounds.
func hash2B(r int64, salt, udata []byte) []byte {
	h0 := sha256.New()
	h0.Write(salt)
	h0.Write(udata)
	k := h0.Sum(nil)
	if r < 6 {
		return k
	}
	e := []byte{0}
	for i := 0; i < 64 || int(e[len(e)-1]) > i-32; i++ {
		k1 := bytes.Repeat(append(k[:len(k):len(k)], udata...), 64)
		block, _ := aes.NewCipher(k[:16])
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		var h hash.Hash
		switch sumMod3(e[:16]) {
		case 0:
			h = sha256.New()
		case 1:
			h = sha512.New384()
		default:
			h = sha512.New()
		}
		h.Write(e)
		k = h.Sum(nil)
	}
	return k[:32]
}

func sumMod3(b []byte) int {
	s := 0
	for _, c := range b {
		s += int(c)
	}
	return s % 3
}

// objectKey returns the key for object num gen (Algorithm 1).
func (s *security) objectKey(num, gen int, c cipherKind) []byte {
	if s.v >= 5 {
		return s.key
	}
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if c == cipherAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(s.key)+5, 16)]
}

// decrypt decrypts data of object num gen with cipher c.
func (s *security) decrypt(num, gen int, c cipherKind, data []byte) []byte {
	switch c {
	case cipherRC4:
		return rc4Crypt(s.objectKey(num, gen, c), data)
	case cipherAES:
		return aesDecrypt(s.objectKey(num, gen, c), data)
	}
	return data
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return data
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// aesDecrypt decrypts CBC data whose first block is the IV and strips the
// padding; malformed data gives what could be decrypted.
func aesDecrypt(key, data []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil || len(data) < 32 {
		return nil
	}
	body := data[16 : 16+(len(data)-16)/16*16]
	out := make([]byte, len(body))
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, body)
	if p := int(out[len(out)-1]); p >= 1 && p <= 16 {
		out = out[:len(out)-p]
	}
	return out
}

func intOf(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

func bytesOf(v any) []byte {
	b, _ := v.([]byte)
	return b
}
