package ui

import (
	"net/http"
	"runtime"
	"time"
)

// uploadRetryAfter is what a refused upload is told to wait.
const uploadRetryAfter = 30 * time.Second

// slots bounds how many uploads are extracted at once: extracting a PDF
// takes a worker process with up to the extraction memory limit, so a
// crowd of uploads must wait its turn instead of starving each other.
type slots chan struct{}

// newSlots returns n slots; n <= 0 means one per CPU.
func newSlots(n int) slots {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return make(slots, n)
}

// take takes a free slot and returns the function that gives it back, or
// nil when every slot is taken. It never waits.
func (s slots) take() (release func()) {
	select {
	case s <- struct{}{}:
		return func() { <-s }
	default:
		return nil
	}
}

// errBusy answers an upload when every extraction slot is taken: 503 with
// Retry-After, and the upload is thrown away.
var errBusy = &httpError{status: http.StatusServiceUnavailable, title: "Even te druk",
	msg: "Er worden op dit moment te veel bestanden tegelijk verwerkt. Uw bestand is niet opgeslagen. " +
		"Probeer het straks opnieuw, over een halve minuut of later.",
	retryAfter: uploadRetryAfter}
