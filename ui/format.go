package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// datum renders t the Dutch way: "14 maart 2023"; "" for the zero time.
func datum(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), maanden[t.Month()-1], t.Year())
}

// isoDatum renders a YYYY-MM-DD date the Dutch way, or returns it unchanged
// when it is not one.
func isoDatum(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return datum(t)
}

// getal renders n with Dutch thousands separators: 12.345.
func getal[T ~int | ~int64 | ~uint64](n T) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// grootte renders a file size: "840 kB", "1,2 MB".
func grootte(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/1e6), ".", ",", 1)
}

// aantal renders a count with the right noun: "1 plan", "3 plannen".
func aantal[T ~int | ~uint64](n T, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return getal(n) + " " + many
}

// pagina renders a page range: "p. 3" or "p. 3–4".
func pagina(from, to int) string {
	if to > from {
		return fmt.Sprintf("p. %d–%d", from, to)
	}
	return fmt.Sprintf("p. %d", from)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
