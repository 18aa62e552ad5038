package ui

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// submissionInput checks the typed values and turns them into the input
// of Submit; errs maps each wrong field to a Dutch message.
func (h *handler) submissionInput(v submissionValues, hasFile bool) (corpus.SubmissionInput, map[string]string) {
	errs := map[string]string{}
	bad := func(field, msg string) { errs[field] = msg }
	in := corpus.SubmissionInput{ContactName: v.ContactName, ContactEmail: v.ContactEmail,
		Note: v.Note, URL: v.URL, FileName: v.FileName}
	in.Gemeenten = gemeenteCodes(h.checkGemeenten(v.Gemeenten, bad))
	in.Type = checkDocType(v.Type, bad)
	var msg string
	if in.PeriodStart, in.PeriodEnd, msg = parsePeriod(v.Period); msg != "" {
		errs[corpus.FieldPeriod] = msg
	}
	checkContact(v, errs)
	checkSource(v.URL, hasFile, errs)
	if len(errs) > 0 {
		return in, errs
	}
	return in, nil
}

// withTooLong adds to errs a message for each field that was too long to
// be read at all (more than maxFieldBytes): its value was left out, so
// the message of submissionInput ("Vul ... in") would be wrong.
func withTooLong(errs map[string]string, fields []string) map[string]string {
	if len(fields) == 0 {
		return errs
	}
	if errs == nil {
		errs = map[string]string{}
	}
	for _, f := range fields {
		errs[f] = "Wat u hier invulde is veel te lang (meer dan " + sizeLimit(maxFieldBytes) +
			") en is weggelaten. Vul het opnieuw in, korter."
	}
	return errs
}

// gemeenteCodes returns the distinct CBS codes of gs, in order.
func gemeenteCodes(gs []corpus.Gemeente) []string {
	var codes []string
	seen := map[string]bool{}
	for _, g := range gs {
		if !seen[g.Code] {
			seen[g.Code] = true
			codes = append(codes, g.Code)
		}
	}
	return codes
}

var periodPattern = regexp.MustCompile(`^(\d{4})(?:\s*[-–/]\s*(\d{4}))?$`)

// periodFormat is the message for a period that is not one or two years.
const periodFormat = "Vul de periode in als één jaar (2025) of twee jaren (2023-2026)."

// parsePeriod reads "2025" or "2023-2026"; msg says in Dutch what is
// wrong when it is not a period of a plan (corpus.PeriodProblem).
func parsePeriod(s string) (start, end int, msg string) {
	m := periodPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0, periodFormat
	}
	start, _ = strconv.Atoi(m[1])
	end = start
	if m[2] != "" {
		end, _ = strconv.Atoi(m[2])
	}
	return start, end, corpus.PeriodProblem(start, end, corpus.ThisYear())
}

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// checkContact checks the contact name, e-mail and note.
func checkContact(v submissionValues, errs map[string]string) {
	bad := func(field, msg string) {
		if msg != "" {
			errs[field] = msg
		}
	}
	if v.ContactName == "" {
		bad(corpus.FieldContactName, "Vul de naam van een contactpersoon in.")
	}
	bad(corpus.FieldContactName, corpus.LengthProblem("De naam", v.ContactName, corpus.MaxContactNameRunes))
	switch {
	case v.ContactEmail == "":
		bad(corpus.FieldContactEmail, "Vul een e-mailadres in, zoals naam@gemeente.nl.")
	case corpus.LengthProblem("", v.ContactEmail, corpus.MaxEmailRunes) != "":
		bad(corpus.FieldContactEmail, corpus.LengthProblem("Het e-mailadres", v.ContactEmail, corpus.MaxEmailRunes))
	case !emailPattern.MatchString(v.ContactEmail):
		bad(corpus.FieldContactEmail, "Dit is geen geldig e-mailadres. Vul het in zoals naam@gemeente.nl.")
	}
	bad(corpus.FieldNote, corpus.LengthProblem("De toelichting", v.Note, corpus.MaxNoteRunes))
}

// checkSource wants either a file or the web address of an HTML plan.
func checkSource(webURL string, hasFile bool, errs map[string]string) {
	switch {
	case hasFile && webURL != "":
		errs[corpus.FieldURL] = "Kies een bestand óf een webadres, niet allebei."
	case !hasFile && webURL == "":
		errs[corpus.FieldFile] = "Kies een PDF- of HTML-bestand, of vul het webadres van het plan in."
	case webURL != "":
		u, err := url.Parse(webURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs[corpus.FieldURL] = "Vul een volledig webadres in dat begint met https://."
		}
	}
}

// formFailure turns an error of reading or submitting a form into the
// status and the messages shown on the form; ok is false for errors that
// are not about the form (those are a 500).
func (h *handler) formFailure(err error) (status int, errs map[string]string, ok bool) {
	tooLarge := "Het bestand is groter dan " + sizeLimit(h.opts.MaxUploadBytes) + ". Verklein het of geef een webadres op."
	wrongType := "Dit bestand is geen PDF-bestand of HTML-pagina. Kies het plan als PDF of als opgeslagen webpagina (.html)."
	switch {
	case errors.Is(err, errUploadMalformed):
		return http.StatusBadRequest, map[string]string{"": "Het formulier kon niet worden gelezen. Vul het opnieuw in en verstuur het nog eens."}, true
	case len(corpus.FieldErrorsOf(err)) > 0:
		return fieldStatus(err), fieldMap(err), true
	case errors.Is(err, errUploadTooLarge), errors.Is(err, corpus.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, map[string]string{corpus.FieldFile: tooLarge}, true
	case errors.Is(err, errUploadType), errors.Is(err, corpus.ErrUnsupportedType):
		return http.StatusUnsupportedMediaType, map[string]string{corpus.FieldFile: wrongType}, true
	}
	return 0, nil, false
}

// fieldStatus is 413 or 415 when a field error says so, else 422.
func fieldStatus(err error) int {
	switch {
	case errors.Is(err, corpus.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, corpus.ErrUnsupportedType):
		return http.StatusUnsupportedMediaType
	}
	return http.StatusUnprocessableEntity
}
