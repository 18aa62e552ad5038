package ui

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// setCookie sets an HttpOnly, SameSite=Lax cookie on path /; Secure when
// the request came over TLS. ttl 0 makes a browser-session cookie, a
// negative ttl deletes it.
func (h *handler) setCookie(c *gin.Context, name, value string, ttl time.Duration) {
	ck := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.overTLS(c.Request)}
	switch {
	case ttl > 0:
		ck.MaxAge = int(ttl / time.Second)
		ck.Expires = time.Now().Add(ttl)
	case ttl < 0:
		ck.MaxAge = -1
	}
	http.SetCookie(c.Writer, ck)
}

// overTLS reports whether cookies must be Secure: always with
// Options.SecureCookies, else when the request came over TLS or through a
// trusted proxy that says it did.
func (h *handler) overTLS(r *http.Request) bool {
	if h.opts.SecureCookies || r.TLS != nil {
		return true
	}
	if !strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	for _, p := range h.proxies {
		if p.Contains(ip.Unmap()) {
			return true
		}
	}
	return false
}

// parseProxies turns Options.TrustedProxies (addresses or CIDRs) into
// prefixes.
func parseProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, err
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// localTarget returns where to go after login: next when it is a path in
// the curator area of this site, else /beheer. Absolute URLs, protocol-
// relative ones (//host, /\host) and anything with a backslash or control
// character are refused, so the login page cannot send anyone elsewhere.
func localTarget(next string) string {
	const home = "/beheer"
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\\x00\r\n\t") {
		return home
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return home
	}
	if u.Path != home && !strings.HasPrefix(u.Path, home+"/") {
		return home
	}
	if strings.HasPrefix(u.Path, "/beheer/login") || strings.Contains(u.Path, "/../") ||
		strings.HasSuffix(u.Path, "/..") {
		return home
	}
	return u.RequestURI()
}
