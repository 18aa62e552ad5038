package harvest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/andybalholm/cascadia"

	"github.com/ccv/ivp/corpus"
)

// Sources keeps the harvest sources: it checks what a curator enters (or
// a set-up file holds) before the store keeps it.
type Sources struct {
	store *corpus.Store
}

// NewSources returns the sources kept in store.
func NewSources(store *corpus.Store) *Sources { return &Sources{store: store} }

// List returns every source, by name.
func (s *Sources) List(ctx context.Context) ([]corpus.HarvestSource, error) {
	return s.store.HarvestSources(ctx)
}

// Source returns one source, or corpus.ErrNotFound.
func (s *Sources) Source(ctx context.Context, id int64) (corpus.HarvestSource, error) {
	return s.store.HarvestSource(ctx, id)
}

// Save checks src and adds it (ID 0) or changes the source with its ID.
// Problems come back as joined *corpus.FieldError values with Dutch
// messages (fields name, url, selector, depth).
func (s *Sources) Save(ctx context.Context, src corpus.HarvestSource) (corpus.HarvestSource, error) {
	if err := CheckSource(src); err != nil {
		return src, err
	}
	return s.store.SaveHarvestSource(ctx, src)
}

// Delete removes a source; what was harvested from it stays.
func (s *Sources) Delete(ctx context.Context, id int64) error {
	return s.store.DeleteHarvestSource(ctx, id)
}

// CheckSource reports what is wrong with a source, as field errors.
func CheckSource(src corpus.HarvestSource) error {
	var errs []error
	if n := strings.TrimSpace(src.Name); n == "" || len([]rune(n)) > 200 {
		errs = append(errs, fieldErr("name", "Geef de bron een naam (hoogstens 200 tekens)."))
	}
	u, err := url.Parse(strings.TrimSpace(src.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(src.URL) > 2000 {
		errs = append(errs, fieldErr("url", "Vul het volledige adres van de lijstpagina in, beginnend met https://."))
	}
	if sel := strings.TrimSpace(src.Selector); sel == "" {
		errs = append(errs, fieldErr("selector", "Vul de CSS-selector van de links in, bijvoorbeeld: main a[href$=\".pdf\"]."))
	} else if _, err := cascadia.ParseGroup(sel); err != nil {
		errs = append(errs, fieldErr("selector", "Deze CSS-selector is ongeldig: "+err.Error()+"."))
	}
	if src.Depth < 1 || src.Depth > corpus.MaxHarvestDepth {
		errs = append(errs, fieldErr("depth", fmt.Sprintf("De diepte ligt tussen 1 en %d.", corpus.MaxHarvestDepth)))
	}
	return errors.Join(errs...)
}

func fieldErr(field, msg string) *corpus.FieldError {
	return &corpus.FieldError{Field: field, Msg: msg, Err: corpus.ErrInvalid}
}

// fileSource is one source in a set-up file.
type fileSource struct {
	Name     string `json:"name"`
	URL      string `json:"url"`
	Selector string `json:"selector"`
	Depth    int    `json:"depth"`
	Enabled  *bool  `json:"enabled"` // default true
}

// Load reads sources from a set-up file, a JSON array of objects with
// name, url, selector, depth (default 1) and enabled (default true), and
// adds them, or changes the stored source with the same url. Nothing is
// stored when any entry is wrong; the error names it.
func (s *Sources) Load(ctx context.Context, r io.Reader) (added, changed int, err error) {
	var in []fileSource
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return 0, 0, fmt.Errorf("read sources: %w", err)
	}
	srcs, err := s.checkFile(in)
	if err != nil {
		return 0, 0, err
	}
	stored, err := s.store.HarvestSources(ctx)
	if err != nil {
		return 0, 0, err
	}
	byURL := map[string]int64{}
	for _, st := range stored {
		byURL[st.URL] = st.ID
	}
	for _, src := range srcs {
		src.ID = byURL[src.URL]
		if _, err := s.store.SaveHarvestSource(ctx, src); err != nil {
			return added, changed, fmt.Errorf("load source %s: %w", src.URL, err)
		}
		if src.ID == 0 {
			added++
		} else {
			changed++
		}
	}
	return added, changed, nil
}

// checkFile turns the entries of a set-up file into sources, or says
// which entry is wrong and why.
func (s *Sources) checkFile(in []fileSource) ([]corpus.HarvestSource, error) {
	out := make([]corpus.HarvestSource, 0, len(in))
	for i, f := range in {
		src := corpus.HarvestSource{Name: f.Name, URL: strings.TrimSpace(f.URL), Selector: f.Selector,
			Depth: f.Depth, Enabled: f.Enabled == nil || *f.Enabled}
		if src.Depth == 0 {
			src.Depth = 1
		}
		if err := CheckSource(src); err != nil {
			return nil, fmt.Errorf("source %d (%s): %w", i+1, f.URL, err)
		}
		out = append(out, src)
	}
	return out, nil
}
