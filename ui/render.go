package ui

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// pageNames are the templates in templates/, each rendered inside layout.html.
var pageNames = []string{"search", "document", "error", "submission", "submission_status",
	"login", "queue", "review", "audit", "api",
	"jobs", "sources", "beeld", "gemeente", "gemeente_voormalig", "speerpunten", "toets", "toets_report",
	"toets_progress", "uitvoeringsplan", "uitvoeringsplan_format"}

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"inc": func(i int) int { return i + 1 },
	// dict makes a map of key, value pairs, to pass several values to a
	// sub-template.
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
}

// views holds the parsed templates and the embedded static files.
type views struct {
	pages   map[string]*template.Template
	static  http.Handler
	assets  map[string]string // file name → versioned URL
	version string
}

// parseViews parses every template once; a missing or broken one is an error.
func parseViews(version string) (*views, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/overzicht_delen.html")
	if err != nil {
		return nil, fmt.Errorf("ui: parse layout: %w", err)
	}
	v := &views{pages: map[string]*template.Template{}, version: version}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFiles, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("ui: parse template %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("ui: template %s defines no content", name)
		}
		v.pages[name] = t
	}
	return v, v.loadStatic()
}

// loadStatic serves static/ and gives each file a URL that changes with
// its content, so browsers may cache it for long.
func (v *views) loadStatic() error {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return fmt.Errorf("ui: static files: %w", err)
	}
	v.assets = map[string]string{}
	for _, name := range []string{"style.css", "overzicht.css", "favicon.svg"} {
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			return fmt.Errorf("ui: static file: %w", err)
		}
		sum := sha256.Sum256(data)
		v.assets[name] = "/static/" + name + "?v=" + hex.EncodeToString(sum[:6])
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	v.static = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
	return nil
}

// render executes the named page into memory, so a template error never
// leaves half a page behind.
func (v *views) render(name string, page any) ([]byte, error) {
	t, ok := v.pages[name]
	if !ok {
		return nil, fmt.Errorf("render %s: no such template", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", page); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// html renders the named page with status, or fails through the middleware.
func (h *handler) html(c *gin.Context, status int, name string, page any) {
	body, err := h.views.render(name, page)
	if err != nil {
		h.fail(c, err)
		return
	}
	writeHTML(c, status, body)
}

// contentSecurityPolicy allows our own stylesheet and nothing else: the
// pages need no scripts and no outside resources.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func writeHTML(c *gin.Context, status int, body []byte) {
	c.Header("Content-Security-Policy", contentSecurityPolicy)
	if c.Writer.Header().Get("Cache-Control") == "" {
		c.Header("Cache-Control", "no-cache")
	}
	c.Data(status, "text/html; charset=utf-8", body)
}

// layoutData is what layout.html needs on every page.
type layoutData struct {
	Title string // first part of <title>; empty on the start page
	// Description is the page's meta description; empty gives the
	// site's.
	Description string
	Version     string
	CSS         string     // versioned stylesheet URL
	PageCSS     string     // versioned URL of a page's own stylesheet; "" for none
	Icon        string     // versioned icon URL
	HeaderForm  bool       // show the small search box in the header
	Beheer      *beheerNav // the curator's bar; nil outside the curator area
	Indienen    bool       // submissions are on: link to the form
	Toets       bool       // the kwaliteitstoets is on: link to it
	// Feed is the address of the page's Atom feed, FeedTitle its name;
	// "" for none.
	Feed, FeedTitle string
	Refresh         int // seconds after which the page reloads itself; 0 never
}

// layout returns the layout data for a page with the given title.
func (h *handler) layout(title string, headerForm bool) layoutData {
	return layoutData{Title: title, Version: h.views.version, CSS: h.views.assets["style.css"],
		Icon: h.views.assets["favicon.svg"], HeaderForm: headerForm, Indienen: h.subs != nil,
		Toets: h.toets != nil}
}
