package ui

import "encoding/xml"

// The elements of an Atom feed (RFC 4287) that the search feeds use.

// atomFeed is the document element.
type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string        `xml:"title"`
	Subtitle  string        `xml:"subtitle,omitempty"`
	ID        string        `xml:"id"`
	Updated   string        `xml:"updated"`
	Links     []atomLink    `xml:"link"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

// atomLink is a link element.
type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// atomPerson is an author.
type atomPerson struct {
	Name string `xml:"name"`
}

// atomGenerator names the software that made the feed.
type atomGenerator struct {
	Name    string `xml:",chardata"`
	Version string `xml:"version,attr,omitempty"`
}

// atomEntry is one plan.
type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

// atomCategory is a category of an entry: the document type.
type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// atomText is a text construct; Type "html" means Body is escaped HTML.
type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}
