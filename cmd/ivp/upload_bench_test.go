package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/go-pdf/fpdf"
)

// BenchmarkUploadMemory submits a 20 MB plan through the form of a real
// server, extracting in a worker process as 'ivp serve' does, and reports
// the bytes the server allocates per upload (B/op; the worker's memory is
// its own). Each upload differs in one field of the PDF's metadata, so no
// upload is a duplicate. Every upload is stored: run it with -benchtime=5x.
func BenchmarkUploadMemory(b *testing.B) {
	base, client := uploadServer(b)
	body, ct, mark := uploadBody(b, client, base, bigPlan(b, 20<<20))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		copy(body[mark:], fmt.Sprintf("%06d", n))
		req, err := http.NewRequest(http.MethodPost, base+"/indienen", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Content-Type", ct)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			b.Fatalf("upload %d: status %d", n, resp.StatusCode)
		}
	}
}

// uploadServer serves a fresh data directory as 'ivp serve' would, with
// the submission limit off, and returns its URL and a client that keeps
// cookies and does not follow redirects.
func uploadServer(b *testing.B) (string, *http.Client) {
	b.Helper()
	var c config
	newFlagSet("serve", &c)
	c.Data, c.SubmitRate = b.TempDir(), "off"
	e, err := open(context.Background(), &c)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	h, err := e.handler(&c, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return srv.URL, &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// subjectMark is the PDF's subject; its digits change per upload.
const subjectMark = "upload-000000"

// uploadBody is the submission form with plan as its file, and the offset
// of the digits of subjectMark in it.
func uploadBody(b *testing.B, client *http.Client, base string, plan []byte) ([]byte, string, int) {
	b.Helper()
	resp, err := client.Get(base + "/indienen")
	if err != nil {
		b.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		b.Fatal("no CSRF token on /indienen")
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("csrf", string(m[1]))
	for _, f := range [][2]string{{"gemeenten", "Amsterdam"}, {"type", "ivp"}, {"period", "2024-2027"},
		{"contact_name", "Anna de Vries"}, {"contact_email", "a.devries@amsterdam.nl"}} {
		w.WriteField(f[0], f[1])
	}
	fw, _ := w.CreateFormFile("file", "ivp-amsterdam.pdf")
	fw.Write(plan)
	w.WriteField("url", "")
	w.Close()
	mark := bytes.Index(buf.Bytes(), []byte(subjectMark))
	if mark < 0 {
		b.Fatal("no subject in the PDF")
	}
	return buf.Bytes(), w.FormDataContentType(), mark + len("upload-")
}

// bigPlan is a PDF of about size bytes: two pages of plan text and a
// photograph-like image (random pixels, which JPEG cannot shrink).
func bigPlan(b *testing.B, size int) []byte {
	b.Helper()
	side := 16 // JPEG keeps random pixels at about a byte each
	for side*side < size {
		side += 16
	}
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	r := rand.New(rand.NewPCG(1, 2))
	for y := range side {
		for x := range side {
			img.Set(x, y, color.RGBA{uint8(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), 255})
		}
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, img, &jpeg.Options{Quality: 92}); err != nil {
		b.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetSubject(subjectMark, false)
	pdf.SetTitle("Integraal Veiligheidsplan Amsterdam 2024-2027", false)
	pdf.RegisterImageOptionsReader("foto", fpdf.ImageOptions{ImageType: "JPG"}, &jpg)
	for p := range 2 {
		pdf.AddPage()
		pdf.SetFont("Helvetica", "B", 16)
		pdf.Cell(0, 10, fmt.Sprintf("%d Integraal Veiligheidsplan Amsterdam 2024-2027", p+1))
		pdf.Ln(12)
		pdf.SetFont("Helvetica", "", 11)
		for range 6 {
			pdf.MultiCell(0, 6, "De gemeente Amsterdam zet in op cameratoezicht in het uitgaansgebied, "+
				"de aanpak van ondermijning en de veiligheid van jongeren in de wijken. Samen met politie, "+
				"Openbaar Ministerie en bewoners werken we aan een veilige stad.", "", "", false)
			pdf.Ln(3)
		}
		if p == 1 {
			pdf.ImageOptions("foto", 20, 150, 100, 100, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		b.Fatal(err)
	}
	b.Logf("plan of %.1f MB", float64(out.Len())/(1<<20))
	return out.Bytes()
}
