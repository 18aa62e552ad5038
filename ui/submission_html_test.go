package ui_test

import (
	"net/http"
	"strings"
	"testing"
)

// htmlPlan is a saved web page with a short plan on it.
func htmlPlan(gemeente string) []byte {
	return []byte(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Integraal Veiligheidsplan 2025-2028 | Gemeente ` + gemeente + `</title></head><body><main>
<h1>Integraal Veiligheidsplan 2025-2028</h1>
<p>De gemeente ` + gemeente + ` wil een veilige gemeente zijn waar inwoners, ondernemers en bezoekers zich thuis voelen.
In dit plan staan de prioriteiten voor de komende vier jaar en de manier waarop we samenwerken.</p>
<h2>Prioriteiten</h2>
<p>We pakken woninginbraak en fietsendiefstal aan met buurtpreventie, voorlichting en cameratoezicht bij het station.</p>
<p>Jongeren die overlast veroorzaken krijgen een persoonsgerichte aanpak met het jongerenwerk en de politie.</p>
<p>Ondermijning bestrijden we samen met het RIEC, het Openbaar Ministerie en de Belastingdienst.</p>
</main></body></html>`)
}

// TestSubmissionHTMLFile sends saved web pages as the file: the form
// offers .html, and the server takes what ingest takes (a page with a byte
// order mark, XHTML with an XML declaration) and explains, in Dutch, why a
// page without text is refused.
func TestSubmissionHTMLFile(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	accept := a.get("/indienen").html(t).Find(`#file`).AttrOr("accept", "")
	if !strings.Contains(accept, ".html") {
		t.Fatalf("the file picker offers %q", accept)
	}
	xhtml := `<?xml version="1.0" encoding="utf-8"?>` + "\n" + strings.Replace(string(htmlPlan("Ede")),
		"<!DOCTYPE html><html", `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"`, 1)
	cases := []struct {
		name   string
		file   []byte
		status int
		msg    string // in the message next to the file field
	}{
		{"web page", htmlPlan("Zwolle"), http.StatusSeeOther, ""},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), htmlPlan("Deventer")...), http.StatusSeeOther, ""},
		{"xhtml", []byte(xhtml), http.StatusSeeOther, ""},
		{"page without text", []byte(`<!doctype html><html><body><div>Menu</div></body></html>`), http.StatusUnprocessableEntity, "geen tekst"},
		{"text named html", []byte("Dit is platte tekst, geen webpagina."), http.StatusUnsupportedMediaType, "geen PDF-bestand of HTML-pagina"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := submissionFields(a.csrf("/indienen"), tc.file)
			fs[8].name = "plan.html"
			r := a.postMultipart("/indienen", fs)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", r.status, tc.status, r.html(t).Find(`.foutsamenvatting`).Text())
			}
			if tc.msg == "" {
				return
			}
			if msg := r.html(t).Find(`#veld-file .veldfout`).Text(); !strings.Contains(msg, tc.msg) {
				t.Errorf("message next to the file: %q, want %q in it", msg, tc.msg)
			}
		})
	}
}
