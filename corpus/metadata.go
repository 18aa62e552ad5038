package corpus

// Periode is the period of the metadata as a Document shows it:
// "2023-2026", "2025" or "".
func (m Metadata) Periode() string {
	return Document{PeriodStart: m.PeriodStart, PeriodEnd: m.PeriodEnd}.Periode()
}

// GemeenteNames returns the names of the metadata's gemeenten.
func (m Metadata) GemeenteNames() []string {
	return Document{Gemeenten: m.Gemeenten}.GemeenteNames()
}
