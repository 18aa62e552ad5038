package ui

import (
	"maps"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// gemeenteSlots is how many gemeente fields the forms show.
const gemeenteSlots = 4

// submissionPage is the view of the submission form.
type submissionPage struct {
	Layout    layoutData
	CSRF      string
	Form      submissionValues
	Errors    map[string]string // form field → Dutch message shown next to it
	Summary   []fieldMessage    // the same, in form order, for the box at the top
	Gemeenten []corpus.Gemeente // the datalist for autocompletion
	Types     []option
	MaxSize   string // "50 MB"
}

// submissionValues is what was typed into the form, shown again when the
// form comes back with errors.
type submissionValues struct {
	Gemeenten    []string // names, gemeenteSlots of them
	Type         string
	Period       string
	ContactName  string
	ContactEmail string
	Note         string
	URL          string
	FileName     string // the file that was chosen; browsers cannot keep it
	// Toets is the token of a draft of the kwaliteitstoets whose plan is
	// submitted instead of a file; "" for an ordinary submission.
	Toets string
}

// fieldMessage is one error in the summary, linking to its field.
type fieldMessage struct {
	Field, Msg string
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// submissionFields is the order of the fields on the form; "" is the
// message about the form as a whole.
var submissionFields = []string{"", corpus.FieldGemeenten, corpus.FieldType, corpus.FieldPeriod,
	corpus.FieldContactName, corpus.FieldContactEmail, corpus.FieldNote, corpus.FieldFile, corpus.FieldURL}

// submissionPage builds the form page with the values and errors given.
func (h *handler) submissionPage(c *gin.Context, v submissionValues, errs map[string]string) submissionPage {
	for len(v.Gemeenten) < gemeenteSlots {
		v.Gemeenten = append(v.Gemeenten, "")
	}
	p := submissionPage{Layout: h.layout("Plan indienen", true), CSRF: h.formToken(c, purposeSubmit),
		Form: v, Errors: errs, Gemeenten: h.gemeenten.All(), Types: typeOptions(v.Type),
		MaxSize: sizeLimit(h.opts.MaxUploadBytes)}
	p.Summary = summary(submissionFields, errs)
	return p
}

// summary lists errs in the order of fields; an error about a field that
// is not on the form is listed last, without a link.
func summary(fields []string, errs map[string]string) []fieldMessage {
	var out []fieldMessage
	for _, f := range fields {
		if msg, ok := errs[f]; ok {
			out = append(out, fieldMessage{Field: f, Msg: msg})
		}
	}
	for _, f := range slices.Sorted(maps.Keys(errs)) {
		if !slices.Contains(fields, f) {
			out = append(out, fieldMessage{Msg: errs[f]})
		}
	}
	return out
}

// typeOptions are the document types, with selected chosen.
func typeOptions(selected string) []option {
	out := make([]option, 0, len(corpus.DocTypes))
	for _, t := range corpus.DocTypes {
		out = append(out, option{Value: string(t), Label: t.Label(), Selected: string(t) == selected})
	}
	return out
}

// submissionValuesOf reads the typed values from a form.
func submissionValuesOf(u *upload) submissionValues {
	if u == nil {
		return submissionValues{}
	}
	get := func(k string) string { return strings.TrimSpace(u.values.Get(k)) }
	v := submissionValues{Type: get(corpus.FieldType), Period: get(corpus.FieldPeriod),
		ContactName: get(corpus.FieldContactName), ContactEmail: get(corpus.FieldContactEmail),
		Note: strings.TrimSpace(u.values.Get(corpus.FieldNote)), URL: get(corpus.FieldURL), FileName: u.name,
		Toets: get(toetsField)}
	for _, g := range u.values[corpus.FieldGemeenten] {
		if g = strings.TrimSpace(g); g != "" {
			v.Gemeenten = append(v.Gemeenten, g)
		}
	}
	return v
}
