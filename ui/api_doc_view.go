package ui

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// apiDocPage is the view of the readable API description.
type apiDocPage struct {
	Layout           layoutData
	Title, Version   string
	Summary, Intro   string
	Operations       []apiOperationView
	Schemas          []apiSchemaView
	OpenAPI, DocPath string
}

// apiOperationView is one endpoint.
type apiOperationView struct {
	Anchor, Method, Path string
	Summary, Description string
	Session              bool // needs a curator's session
	Params               []apiFieldView
	Body                 []apiFieldView // fields of the request body
	BodyType             string         // its media type, "" without body
	Responses            []apiResponseView
}

// apiFieldView is a parameter or a property.
type apiFieldView struct {
	Name, In, Type, Description string
	TypeRef                     string // anchor of the schema the type names, "" for none
	Required                    bool
}

// apiResponseView is the answer with one status.
type apiResponseView struct {
	Status, Description, Type, TypeRef string
}

// apiSchemaView is a schema of the components.
type apiSchemaView struct {
	Anchor, Name, Description string
	Props                     []apiFieldView
}

// methodOrder is the order of an endpoint's methods on the page.
var methodOrder = []string{"get", "post", "put", "patch", "delete"}

// newAPIDocPage builds the page once, at start.
func (h *handler) newAPIDocPage(d *oasDoc) apiDocPage {
	p := apiDocPage{Layout: h.layout("API", true), Title: d.Info.Title, Version: d.Info.Version,
		Summary: d.Info.Summary, Intro: d.Info.Description, OpenAPI: d.OpenAPI, DocPath: "/api/v1/openapi.json"}
	p.Operations = operationViews(d)
	for _, name := range sortedKeys(d.Components.Schemas) {
		s := d.Components.Schemas[name]
		p.Schemas = append(p.Schemas, apiSchemaView{Anchor: schemaAnchor(name), Name: name,
			Description: s.Description, Props: propViews(s)})
	}
	return p
}

// operationViews lists the endpoints grouped by their first tag, in the
// order of the document's tags, then by path and method.
func operationViews(d *oasDoc) []apiOperationView {
	rank := map[string]int{}
	for i, t := range d.Tags {
		rank[t.Name] = i + 1
	}
	type ranked struct {
		view apiOperationView
		rank int
	}
	var all []ranked
	for _, path := range sortedKeys(d.Paths) {
		for _, m := range methodOrder {
			if op := d.Paths[path][m]; op != nil {
				r := len(d.Tags) + 1
				if len(op.Tags) > 0 && rank[op.Tags[0]] > 0 {
					r = rank[op.Tags[0]]
				}
				all = append(all, ranked{operationView(m, path, op), r})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	out := make([]apiOperationView, len(all))
	for i, r := range all {
		out[i] = r.view
	}
	return out
}

// operationView describes one method of a path.
func operationView(method, path string, op *oasOperation) apiOperationView {
	v := apiOperationView{Anchor: strings.NewReplacer("/", "-", "{", "", "}", "").Replace(method + path),
		Method: strings.ToUpper(method), Path: path, Summary: op.Summary, Description: op.Description,
		Session: len(op.Security) > 0}
	for _, prm := range op.Parameters {
		f := apiFieldView{Name: prm.Name, In: prm.In, Description: prm.Description, Required: prm.Required}
		f.Type, f.TypeRef = typeOf(prm.Schema)
		v.Params = append(v.Params, f)
	}
	if op.RequestBody != nil {
		for _, ct := range sortedKeys(op.RequestBody.Content) {
			v.BodyType = ct
			v.Body = propViews(op.RequestBody.Content[ct].Schema)
		}
	}
	for _, status := range sortedKeys(op.Responses) {
		r := op.Responses[status]
		rv := apiResponseView{Status: status, Description: r.Description}
		if mt, ok := r.Content["application/json"]; ok {
			rv.Type, rv.TypeRef = typeOf(mt.Schema)
		}
		v.Responses = append(v.Responses, rv)
	}
	return v
}

// propViews lists the properties of an object schema, required first.
func propViews(s *oasSchema) []apiFieldView {
	if s == nil {
		return nil
	}
	var out []apiFieldView
	for _, name := range sortedKeys(s.Properties) {
		ps := s.Properties[name]
		f := apiFieldView{Name: name, Description: ps.Description, Required: slices.Contains(s.Required, name)}
		f.Type, f.TypeRef = typeOf(ps)
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b apiFieldView) int {
		switch {
		case a.Required == b.Required:
			return 0
		case a.Required:
			return -1
		}
		return 1
	})
	return out
}

// typeOf names the type of s in words, with the anchor of the schema it
// refers to.
func typeOf(s *oasSchema) (string, string) {
	switch {
	case s == nil:
		return "", ""
	case s.Ref != "":
		name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
		return name, schemaAnchor(name)
	case len(s.OneOf) > 0:
		var names []string
		ref := ""
		for _, o := range s.OneOf {
			n, r := typeOf(o)
			names, ref = append(names, n), cmp.Or(ref, r)
		}
		return strings.Join(names, " of "), ref
	}
	t := strings.Join(typeNames(s.Type), " of ")
	if s.Items != nil {
		it, ref := typeOf(s.Items)
		return strings.Replace(t, "array", "lijst van "+it, 1), ref
	}
	return t + constraints(s), ""
}

// constraints describes enum, format, pattern and bounds.
func constraints(s *oasSchema) string {
	var parts []string
	if len(s.Enum) > 0 {
		var vals []string
		for _, e := range s.Enum {
			vals = append(vals, fmt.Sprint(e))
		}
		parts = append(parts, strings.Join(vals, " | "))
	}
	if s.Format != "" {
		parts = append(parts, s.Format)
	}
	if s.Minimum != nil || s.Maximum != nil {
		parts = append(parts, bounds(s.Minimum, s.Maximum))
	}
	if s.Pattern != "" {
		parts = append(parts, "patroon "+s.Pattern)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// bounds is "1–100", "≥ 0" or "≤ 5".
func bounds(lo, hi *float64) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("%g–%g", *lo, *hi)
	case lo != nil:
		return fmt.Sprintf("≥ %g", *lo)
	}
	return fmt.Sprintf("≤ %g", *hi)
}

// typeNames reads a schema's type: one name or a list of them.
func typeNames(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	return []string{"JSON"}
}

func schemaAnchor(name string) string { return "schema-" + name }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
