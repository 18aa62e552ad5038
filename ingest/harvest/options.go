package harvest

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Options configures a Harvester. Zero fields take their defaults, apart
// from Contact, which is required.
type Options struct {
	// Contact is an e-mail address or web address where site owners can
	// reach whoever runs the harvester; it goes into the User-Agent.
	Contact string
	// HostInterval is the least time between two requests to one host.
	// Default 1 s.
	HostInterval time.Duration
	// MaxDocumentSize is the largest listing page or document read, in
	// bytes; a larger one is refused as soon as that shows. Default 50 MB.
	MaxDocumentSize int64
	// DocumentTimeout bounds fetching one page or document, redirects
	// included. Default 60 s.
	DocumentTimeout time.Duration
	// MaxLinks is the most links followed from one source in one run.
	// Default 500.
	MaxLinks int
	// AllowAddrs are addresses (ip:port) that may be fetched although they
	// are not public. Only tests set it, to the address of their test
	// server; every other loopback, private or link-local address stays
	// refused.
	AllowAddrs []string
}

// Validate reports settings that cannot work.
func (o Options) Validate() error {
	c := strings.TrimSpace(o.Contact)
	switch {
	case c == "":
		return errors.New("harvest: no contact address for the User-Agent (set --harvest-contact)")
	case strings.ContainsAny(c, "()\r\n"):
		return fmt.Errorf("harvest: contact %q may not hold parentheses or line breaks", c)
	case o.HostInterval < 0 || o.MaxDocumentSize < 0 || o.DocumentTimeout < 0 || o.MaxLinks < 0:
		return errors.New("harvest: a negative interval, size, timeout or link limit")
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.HostInterval == 0 {
		o.HostInterval = time.Second
	}
	if o.MaxDocumentSize == 0 {
		o.MaxDocumentSize = 50 << 20
	}
	if o.DocumentTimeout == 0 {
		o.DocumentTimeout = 60 * time.Second
	}
	if o.MaxLinks == 0 {
		o.MaxLinks = 500
	}
	return o
}

// agentToken is the name robots.txt groups are matched against.
const agentToken = "ivp-oogst"

// userAgent is the User-Agent header: the harvester's name and version
// and where to reach its operator.
func (o Options) userAgent() string {
	return agentToken + "/1 (+" + strings.TrimSpace(o.Contact) + ")"
}
