package ui_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
)

// overviewCalls publishes a plan of Amsterdam whose period covers this
// year on a fresh desk, then asks the landelijk beeld, the gemeente and
// the speerpunten matrix for it, with and without filters; a bad filter
// answers 400, an unknown gemeente 404, a former gemeente its own answer
// and a gemeente's name a redirect to its code.
func (v *apiChecker) overviewCalls() {
	d := newDesk(v.t, nil)
	a := d.agent(v.t)
	a.submit(generatedPlans(v.t)[0])
	id := d.pendingID(v.t)
	doc := "/api/v1/beheer/documents/" + strconv.FormatInt(id, 10)
	a.login(curatorEmail)
	tok := csrfOf(v.t, v.do(a, call{method: "GET", target: doc, want: 200}))
	y := time.Now().Year()
	meta := fmt.Sprintf(`{"title":"IVP Amsterdam %d-%d","type":"ivp","period":"%d-%d","gemeenten":["Amsterdam"]}`, y-1, y+2, y-1, y+2)
	js := "application/json"
	v.do(a, call{method: "POST", target: doc + "/metadata", body: []byte(meta), contentType: js, csrf: tok, want: 200})
	v.do(a, call{method: "POST", target: doc + "/approve", body: []byte(`{}`), contentType: js, csrf: tok, want: 200})

	v.checkBeeld(a, id)
	v.checkGemeente(a, id)
	v.checkMatrix(a)
	for _, c := range []struct {
		call
		says string // in the answer
	}{
		{call{method: "GET", target: "/api/v1/landelijk-beeld?provincie=Atlantis", want: 400}, "Onbekende provincie ‘Atlantis’"},
		{call{method: "GET", target: "/api/v1/landelijk-beeld?regio=VR99", want: 400}, "Onbekende veiligheidsregio ‘VR99’"},
		{call{method: "GET", target: "/api/v1/landelijk-beeld?klasse=9", want: 400, badRequest: true}, "Onbekende inwonersklasse ‘9’"},
		{call{method: "GET", target: "/api/v1/gemeenten/GM9999", want: 404}, "geen gemeente met de code ‘GM9999’"},
		{call{method: "GET", target: "/api/v1/gemeenten/GM0053", want: 200}, `"opvolgers":[{"code":"GM1966"`},
		{call{method: "GET", target: "/api/v1/gemeenten/voormalig-weesp", want: 200}, `"voormalig":true`},
		{call{method: "GET", target: "/api/v1/gemeenten/winsum", want: 301}, ""},
		{call{method: "GET", target: "/api/v1/speerpunten?sort=onzin", want: 400}, "Onbekende sortering ‘onzin’"},
		{call{method: "GET", target: "/api/v1/speerpunten?gemeente=Atlantis", want: 400}, "Onbekende gemeente ‘Atlantis’"},
	} {
		if r := v.do(a, c.call); !strings.Contains(r.body, c.says) {
			v.t.Errorf("GET %s: %s, want it to say %q", c.target, r.body, c.says)
		}
	}
	v.ocrCalls(d, a, tok)
}

// checkBeeld asks the landelijk beeld for the whole country, then for
// the provincie of the plan (in lower case) and for another one.
func (v *apiChecker) checkBeeld(a *agent, id int64) {
	var b struct {
		Published int `json:"published_documents"`
		Gemeenten []struct {
			Code    string  `json:"code"`
			Status  string  `json:"status"`
			Plannen []int64 `json:"plannen"`
		} `json:"gemeenten"`
		Filter      map[string]string `json:"filter"`
		InForce     int               `json:"gemeenten_with_plan_in_force"`
		Speerpunten []json.RawMessage `json:"speerpunten"`
	}
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: "/api/v1/landelijk-beeld", want: 200}).body), &b)
	geldend := 0
	for _, g := range b.Gemeenten {
		if g.Status == "geldend" {
			geldend++
			if g.Code != "GM0363" || len(g.Plannen) != 1 || g.Plannen[0] != id {
				v.t.Errorf("landelijk beeld: %s geldend with plans %v, want only Amsterdam with plan %d", g.Code, g.Plannen, id)
			}
		}
	}
	if b.Published != 1 || geldend != 1 || b.InForce != 1 || len(b.Speerpunten) == 0 {
		v.t.Errorf("landelijk beeld: %d published, %d geldend, %d in force, %d speerpunten; want 1, 1, 1 and some",
			b.Published, geldend, b.InForce, len(b.Speerpunten))
	}
	for prov, want := range map[string]int{"noord-holland": 1, "Groningen": 0} {
		b.Filter, b.InForce = nil, -1
		q := "/api/v1/landelijk-beeld?" + url.Values{"provincie": {prov}, "klasse": {"8"}}.Encode()
		json.Unmarshal([]byte(v.do(a, call{method: "GET", target: q, want: 200}).body), &b)
		if b.InForce != want || !strings.EqualFold(b.Filter["provincie"], prov) || b.Filter["klasse"] != "8" {
			v.t.Errorf("%s: %d gemeenten in force, filter %v; want %d", q, b.InForce, b.Filter, want)
		}
	}
}

// checkGemeente asks for Amsterdam by its code in lower case.
func (v *apiChecker) checkGemeente(a *agent, id int64) {
	var g struct {
		Code   string `json:"code"`
		Status string `json:"status"`
		Plans  []struct {
			ID      int64 `json:"id"`
			InForce bool  `json:"in_force"`
		} `json:"plans"`
		Priorities []struct {
			Own bool `json:"own"`
		} `json:"priorities"`
		Toets []json.RawMessage `json:"kwaliteitstoets"`
	}
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: "/api/v1/gemeenten/gm0363", want: 200}).body), &g)
	if g.Code != "GM0363" || g.Status != "geldend" || len(g.Plans) != 1 || g.Plans[0].ID != id || !g.Plans[0].InForce ||
		len(g.Priorities) == 0 || !g.Priorities[0].Own || len(g.Toets) != len(corpus.Checklist) {
		v.t.Errorf("gemeente GM0363: %+v", g)
	}
	v.do(a, call{method: "GET", target: "/api/v1/gemeenten/GM0014", want: 200}) // Groningen, without a plan
}

// checkMatrix asks for the matrix sorted by number of priorities, with
// Amsterdam highlighted, and filtered to a provincie without plans.
func (v *apiChecker) checkMatrix(a *agent) {
	var m struct {
		Sort      string            `json:"sort"`
		Themes    []json.RawMessage `json:"themes"`
		Gemeenten []struct {
			Code  string `json:"code"`
			Prios int    `json:"priorities"`
			Cells []struct {
				State   string `json:"state"`
				Passage string `json:"passage"`
			} `json:"cells"`
		} `json:"gemeenten"`
	}
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: "/api/v1/speerpunten?sort=aantal&gemeente=GM0363&regio=vr13", want: 200}).body), &m)
	if m.Sort != "aantal" || len(m.Gemeenten) != 1 || m.Gemeenten[0].Code != "GM0363" || m.Gemeenten[0].Prios == 0 ||
		len(m.Gemeenten[0].Cells) != len(m.Themes) {
		v.t.Fatalf("speerpunten: %+v", m)
	}
	for _, c := range m.Gemeenten[0].Cells {
		if (c.State == "afwezig") != (c.Passage == "") {
			v.t.Errorf("speerpunten: cell %+v", c)
		}
	}
	m.Gemeenten = nil
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: "/api/v1/speerpunten?provincie=Groningen", want: 200}).body), &m)
	if len(m.Gemeenten) != 0 || m.Sort != "naam" {
		v.t.Errorf("speerpunten in Groningen: %+v", m)
	}
}

// ocrCalls has pages of a scanned plan read again and refused: this desk
// has no OCR programs, and page 7 was never read by OCR. The review of
// the plan carries its OCR pages.
func (v *apiChecker) ocrCalls(d *desk, a *agent, tok string) {
	id := scannedPlan(v.t, d.store, corpus.StatusPending)
	doc := "/api/v1/beheer/documents/" + strconv.FormatInt(id, 10)
	var review struct {
		OCR []corpus.OCRPage `json:"ocr"`
	}
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: doc, want: 200}).body), &review)
	if len(review.OCR) != 3 || review.OCR[1].Rotation != 180 || review.OCR[2].Note == "" {
		v.t.Errorf("review of a scanned plan: ocr %+v", review.OCR)
	}
	js, form := "application/json", "application/x-www-form-urlencoded"
	for _, c := range []struct {
		call
		says string // in the answer
	}{
		{call{method: "POST", target: doc + "/ocr", body: []byte(`{"page":7}`), contentType: js, csrf: tok, want: 422}, "Pagina 7 is niet met OCR gelezen."},
		{call{method: "POST", target: doc + "/ocr", body: []byte("page=1"), contentType: form, csrf: tok, want: 422}, "OCR is niet beschikbaar"},
		{call{method: "POST", target: doc + "/ocr", body: []byte(`{}`), contentType: js, csrf: tok, want: 422, badRequest: true}, "Kies een pagina"},
		{call{method: "POST", target: doc + "/ocr", body: []byte(`{"page":`), contentType: js, csrf: tok, want: 400, badRequest: true}, "niet worden gelezen"},
		{call{method: "POST", target: doc + "/ocr", body: []byte(`{"page":1}`), contentType: js, want: 403, badRequest: true}, "error"},
		{call{method: "POST", target: "/api/v1/beheer/documents/999999/ocr", body: []byte(`{"page":1}`), contentType: js, csrf: tok, want: 404}, "error"},
	} {
		if r := v.do(a, c.call); !strings.Contains(r.body, c.says) {
			v.t.Errorf("POST %s %s: %s, want it to say %q", c.target, c.body, r.body, c.says)
		}
	}
	v.do(d.agent(v.t), call{method: "POST", target: doc + "/ocr", body: []byte(`{"page":1}`), contentType: js, want: 401, badRequest: true})
}
