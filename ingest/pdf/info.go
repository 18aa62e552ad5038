package pdf

import (
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// maxInfoTitle bounds the /Title taken from the Info dictionary, in bytes.
const maxInfoTitle = 1000

// Title returns the /Title of the document's Info dictionary, as written
// (it may be a file name or the name of a template), or "".
func (r *Reader) Title() string { return r.title }

// infoTitle reads /Title from the Info dictionary; a damaged dictionary
// gives "", never an error: the title is a hint.
func infoTitle(r *lpdf.Reader) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	t := r.Trailer().Key("Info").Key("Title").Text()
	if len(t) > maxInfoTitle {
		return ""
	}
	return strings.Join(strings.Fields(strings.ToValidUTF8(t, "")), " ")
}
