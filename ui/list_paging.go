package ui

import (
	"net/url"
	"strconv"
)

// pageOffset reads the page number of a curator list ("pagina", from 1)
// and returns the offset of its first item.
func pageOffset(q url.Values) (int, error) {
	p := q.Get("pagina")
	if p == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > 10000 {
		return 0, badRequest("het paginanummer moet een getal vanaf 1 zijn")
	}
	return (n - 1) * queuePageSize, nil
}

// listPaging links the previous and the next page of a curator list at
// path that starts at offset and shows n items; only a full page has a
// next one.
func listPaging(path string, q url.Values, offset, n int) pagingView {
	var p pagingView
	page := offset/queuePageSize + 1
	if page > 1 {
		p.Prev = listPageURL(path, q, page-1)
	}
	if n == queuePageSize {
		p.Next = listPageURL(path, q, page+1)
	}
	return p
}

// listPageURL is a list page with the same filters.
func listPageURL(path string, q url.Values, page int) string {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Del("pagina")
	if page > 1 {
		v.Set("pagina", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}
