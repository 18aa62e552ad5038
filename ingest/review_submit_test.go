package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// fields lists the fields an error names, in order.
func fields(err error) []string {
	var out []string
	for _, fe := range corpus.FieldErrorsOf(err) {
		out = append(out, fe.Field)
	}
	return out
}

func TestSubmitRefuses(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{MaxUploadSize: 40 << 10})
	small := d.plans[0]
	big := append(append([]byte{}, small...), bytes.Repeat([]byte("\n% padding"), 8<<10)...)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	if _, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(small)); err != nil {
		t.Fatal(err)
	}
	badForm := corpus.SubmissionInput{Gemeenten: []string{"GM0000"}, Type: "brief", PeriodStart: 1200,
		ContactEmail: "Jan <jan@x.nl>", Note: strings.Repeat("x", 4001)}
	tests := []struct {
		name   string
		in     corpus.SubmissionInput
		file   io.Reader
		want   error
		fields []string
	}{
		{"too large", validInput(), bytes.NewReader(big), corpus.ErrTooLarge, []string{"file"}},
		{"image", validInput(), bytes.NewReader(png), corpus.ErrUnsupportedType, []string{"file"}},
		{"html without text", validInput(), strings.NewReader("<html><body><p>Plan</p></body></html>"), corpus.ErrInvalid, []string{"file"}},
		{"xml that is no html", validInput(), strings.NewReader(`<?xml version="1.0"?><plan>tekst</plan>`), corpus.ErrUnsupportedType, []string{"file"}},
		{"no file", validInput(), nil, corpus.ErrInvalid, []string{"file"}},
		{"empty file", validInput(), strings.NewReader(" \n"), corpus.ErrInvalid, []string{"file"}},
		{"same plan again", validInput(), bytes.NewReader(small), corpus.ErrDuplicate, []string{"file"}},
		{"bad form", badForm, bytes.NewReader(small), corpus.ErrInvalid,
			[]string{"gemeenten", "type", "period", "contact_name", "contact_email", "note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := d.cur.Submit(ctx, tt.in, tt.file)
			if !errors.Is(err, tt.want) || strings.Join(fields(err), ",") != strings.Join(tt.fields, ",") {
				t.Errorf("err %v on %v; want %v on %v", err, fields(err), tt.want, tt.fields)
			}
			for _, fe := range corpus.FieldErrorsOf(err) {
				if fe.Msg == "" {
					t.Errorf("field %s has no message", fe.Field)
				}
			}
			if sub.ID != 0 {
				t.Errorf("stored as %d", sub.ID)
			}
		})
	}
	if c, _ := d.store.Counts(ctx); c.Documents != 1 {
		t.Errorf("%d documents stored, want only the first", c.Documents)
	}
}

// TestSubmitHTMLFile sends a saved web page as the file, as ivp ingest
// takes one: it is stored as an HTML document, with or without a byte
// order mark before the markup.
func TestSubmitHTMLFile(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	page, err := os.ReadFile("testdata/gemeente_ivp.html")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"plain": page, "bom": append([]byte("\xef\xbb\xbf"), page[:len(page)-1]...)} {
		t.Run(name, func(t *testing.T) {
			in := validInput()
			in.FileName = "ivp-" + name + ".html"
			sub, err := d.cur.Submit(ctx, in, bytes.NewReader(data))
			if err != nil {
				t.Fatalf("an HTML file was refused: %v", err)
			}
			doc, err := d.store.Document(ctx, sub.DocumentID)
			if err != nil || doc.MediaType != corpus.MediaHTML || doc.Source != in.FileName {
				t.Errorf("stored %+v (%v), want an HTML document from %s", doc, err, in.FileName)
			}
		})
	}
}

// TestSubmitHTMLWithoutText says what is wrong with a page that has no
// text to speak of.
func TestSubmitHTMLWithoutText(t *testing.T) {
	d := newDesk(t, ingest.CuratorOptions{})
	_, err := d.cur.Submit(context.Background(), validInput(),
		strings.NewReader("<!doctype html><html><head><title>Plan</title></head><body><div>Menu</div></body></html>"))
	fe := corpus.FieldErrorsOf(err)
	if len(fe) != 1 || fe[0].Field != corpus.FieldFile || !strings.Contains(fe[0].Msg, "geen tekst") {
		t.Errorf("an empty page: %v, want a message about the missing text", err)
	}
}

// site fakes a municipality's web site.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile("testdata/gemeente_ivp.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ivp", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n"))
	})
	mux.HandleFunc("/fake-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>"))
		for range 100 {
			w.Write(bytes.Repeat([]byte("<p>veiligheid</p>"), 1<<10))
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestSubmitURL(t *testing.T) {
	ctx := context.Background()
	srv := site(t)
	d := newDesk(t, ingest.CuratorOptions{AllowPrivateFetch: true, MaxUploadSize: 1 << 20,
		FetchTimeout: 300 * time.Millisecond})
	in := validInput()
	in.URL = srv.URL + "/ivp"
	sub, err := d.cur.Submit(ctx, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := d.store.Document(ctx, sub.DocumentID)
	if sub.Source != in.URL || doc.MediaType != "text/html" || doc.Status != corpus.StatusPending {
		t.Errorf("submission %+v, document %+v", sub, doc)
	}
	tests := []struct {
		name string
		url  string
		file io.Reader
		want error
	}{
		{"pdf link", "/pdf", nil, corpus.ErrUnsupportedType},
		{"html label on an image", "/fake-html", nil, corpus.ErrUnsupportedType},
		{"too large", "/huge", nil, corpus.ErrTooLarge},
		{"not found", "/missing", nil, corpus.ErrInvalid},
		{"too slow", "/slow", nil, corpus.ErrInvalid},
		{"file and url", "/ivp", strings.NewReader("%PDF-1.4"), corpus.ErrInvalid},
		{"not http", "ftp://example.org/plan", nil, corpus.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			in.URL = srv.URL + tt.url
			if strings.Contains(tt.url, "://") {
				in.URL = tt.url
			}
			_, err := d.cur.Submit(ctx, in, tt.file)
			if !errors.Is(err, tt.want) || strings.Join(fields(err), ",") != "url" {
				t.Errorf("err %v on %v; want %v on url", err, fields(err), tt.want)
			}
		})
	}
}

func TestSubmitURLRefusesOwnNetwork(t *testing.T) {
	srv := site(t)
	d := newDesk(t, ingest.CuratorOptions{})
	in := validInput()
	in.URL = srv.URL + "/ivp"
	_, err := d.cur.Submit(context.Background(), in, nil)
	fe := corpus.FieldErrorsOf(err)
	if len(fe) != 1 || fe[0].Field != "url" || !strings.Contains(fe[0].Msg, "niet van buitenaf") {
		t.Errorf("fetch from loopback: %v, want refused", err)
	}
}

// TestSubmitSaysWhatIsWrong checks the messages of the service itself, which
// the JSON API and any other caller get: each says how a value is wrong.
func TestSubmitSaysWhatIsWrong(t *testing.T) {
	d := newDesk(t, ingest.CuratorOptions{})
	cases := []struct {
		name  string
		edit  func(in *corpus.SubmissionInput)
		field string
		want  string
	}{
		{"long name", func(in *corpus.SubmissionInput) { in.ContactName = strings.Repeat("x", 9000) }, "contact_name", "te lang: 9.000 tekens, hoogstens 200"},
		{"reversed period", func(in *corpus.SubmissionInput) { in.PeriodStart, in.PeriodEnd = 2027, 2023 }, "period", "Het laatste jaar (2023) ligt vóór het eerste (2027)"},
		{"long period", func(in *corpus.SubmissionInput) { in.PeriodStart, in.PeriodEnd = 2000, 2030 }, "period", "30 jaar"},
		{"no period", func(in *corpus.SubmissionInput) { in.PeriodStart, in.PeriodEnd = 0, 0 }, "period", "Vul de periode in"},
		{"long e-mail", func(in *corpus.SubmissionInput) { in.ContactEmail = strings.Repeat("a", 300) + "@x.nl" }, "contact_email", "te lang"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := validInput()
			tc.edit(&in)
			_, err := d.cur.Submit(context.Background(), in, bytes.NewReader(d.plans[0]))
			fe := corpus.FieldErrorsOf(err)
			if len(fe) != 1 || fe[0].Field != tc.field || !strings.Contains(fe[0].Msg, tc.want) {
				t.Errorf("got %v, want on %s a message with %q", err, tc.field, tc.want)
			}
		})
	}
}
