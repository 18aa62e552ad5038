package ui

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDoc is the OpenAPI 3.1 description of /api/v1. The tests check
// it against the real answers of every endpoint; a route added under
// /api/v1 must be described here or they fail.
//
//go:embed openapi.json
var openAPIDoc []byte

// oasDoc is the part of an OpenAPI document the readable page shows.
type oasDoc struct {
	OpenAPI string `json:"openapi"`
	Info    struct {
		Title, Version, Summary, Description string
	} `json:"info"`
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
	Paths      map[string]map[string]*oasOperation `json:"paths"`
	Components struct {
		Schemas map[string]*oasSchema `json:"schemas"`
	} `json:"components"`
}

// oasOperation is one method of a path.
type oasOperation struct {
	Tags        []string                `json:"tags"`
	Summary     string                  `json:"summary"`
	Description string                  `json:"description"`
	Parameters  []oasParameter          `json:"parameters"`
	RequestBody *oasBody                `json:"requestBody"`
	Responses   map[string]*oasResponse `json:"responses"`
	Security    []map[string][]string   `json:"security"`
}

// oasParameter is a query, path or header parameter.
type oasParameter struct {
	Name        string     `json:"name"`
	In          string     `json:"in"`
	Description string     `json:"description"`
	Required    bool       `json:"required"`
	Schema      *oasSchema `json:"schema"`
}

// oasBody is a request body.
type oasBody struct {
	Required bool                    `json:"required"`
	Content  map[string]oasMediaType `json:"content"`
}

// oasResponse is the answer with one status.
type oasResponse struct {
	Description string                  `json:"description"`
	Content     map[string]oasMediaType `json:"content"`
}

// oasMediaType holds the schema of one content type.
type oasMediaType struct {
	Schema *oasSchema `json:"schema"`
}

// oasSchema is the part of a JSON Schema the page describes.
type oasSchema struct {
	Ref         string                `json:"$ref"`
	Type        json.RawMessage       `json:"type"` // a string, or a list in 3.1
	Items       *oasSchema            `json:"items"`
	Enum        []any                 `json:"enum"`
	OneOf       []*oasSchema          `json:"oneOf"`
	Description string                `json:"description"`
	Properties  map[string]*oasSchema `json:"properties"`
	Required    []string              `json:"required"`
	Format      string                `json:"format"`
	Pattern     string                `json:"pattern"`
	Minimum     *float64              `json:"minimum"`
	Maximum     *float64              `json:"maximum"`
}

// parseAPIDoc reads the embedded description; start fails when it does
// not parse.
func parseAPIDoc() (*oasDoc, error) {
	var d oasDoc
	if err := json.Unmarshal(openAPIDoc, &d); err != nil {
		return nil, fmt.Errorf("ui: parse openapi.json: %w", err)
	}
	if d.OpenAPI == "" || len(d.Paths) == 0 {
		return nil, fmt.Errorf("ui: openapi.json has no version or no paths")
	}
	return &d, nil
}

// apiOpenAPI serves the description: GET /api/v1/openapi.json.
func (h *handler) apiOpenAPI(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "application/json", openAPIDoc)
}

// showAPIDoc renders the description as a page: GET /api.
func (h *handler) showAPIDoc(c *gin.Context) {
	h.html(c, http.StatusOK, "api", h.apiPage)
}
