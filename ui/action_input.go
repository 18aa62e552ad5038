package ui

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
)

// inputKey caches the decoded input of a request.
const inputKey = "ivp.input"

// maxJSONBytes bounds the JSON body of an API action.
const maxJSONBytes = 1 << 20

// input returns the values of an action request: the form of a page, or
// the JSON object of an API call (strings, numbers, booleans and lists of
// strings; false is left out, as a form leaves out an unchecked box).
func (h *handler) input(c *gin.Context) (url.Values, error) {
	if v, ok := c.Get(inputKey); ok {
		return v.(url.Values), nil
	}
	var v url.Values
	var err error
	if ct, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type")); ct == "application/json" {
		v, err = decodeJSONInput(c)
	} else {
		err = c.Request.ParseForm()
		v = c.Request.PostForm
	}
	if err != nil {
		return nil, badRequest("de invoer kon niet worden gelezen")
	}
	c.Set(inputKey, v)
	return v, nil
}

// decodeJSONInput reads a JSON object into form values.
func decodeJSONInput(c *gin.Context) (url.Values, error) {
	var obj map[string]any
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, maxJSONBytes))
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("decode JSON input: %w", err)
	}
	v := url.Values{}
	for k, x := range obj {
		switch x := x.(type) {
		case string:
			v.Set(k, x)
		case float64:
			v.Set(k, strconv.FormatFloat(x, 'f', -1, 64))
		case bool:
			if x { // a checkbox: checked is any value, unchecked is none
				v.Set(k, "true")
			}
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					v.Add(k, s)
				}
			}
		}
	}
	return v, nil
}
