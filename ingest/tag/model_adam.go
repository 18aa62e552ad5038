package tag

import "math"

// adam minimises a head's weighted cross-entropy with an L2 penalty.
type adam struct {
	h                  *head
	gText, gDense      []float64 // gradients, laid out as the weights
	mt, vt, md, vd     []float64 // moments
	gBias, mb, vb      []float64
	z                  []float64
	rate, beta1, beta2 float64
}

func newAdam(h *head) *adam {
	nt, nd, k := len(h.text), len(h.dense), len(h.classes)
	mk := func(n int) []float64 { return make([]float64, n) }
	return &adam{h: h, gText: mk(nt), gDense: mk(nd), mt: mk(nt), vt: mk(nt), md: mk(nd), vd: mk(nd),
		gBias: mk(k), mb: mk(k), vb: mk(k), z: mk(k), rate: 0.02, beta1: 0.9, beta2: 0.999}
}

// run fits the head to xs with class labels; weights per class (nil: all 1).
func (a *adam) run(xs []row, labels []int, weights []float64, c float64, iterations int) {
	n := float64(len(xs))
	lambda := 1 / (c * n)
	for it := 1; it <= iterations; it++ {
		a.gradient(xs, labels, weights, n, lambda)
		a.step(it)
	}
}

func (a *adam) gradient(xs []row, labels []int, weights []float64, n, lambda float64) {
	h := a.h
	for j, w := range h.text {
		a.gText[j] = lambda * w
	}
	for j, w := range h.dense {
		a.gDense[j] = lambda * w
	}
	clear(a.gBias)
	for i, x := range xs {
		w := 1.0
		if weights != nil {
			w = weights[labels[i]]
		}
		a.addExample(x, labels[i], w/n)
	}
}

// addExample adds one example's share of the gradient of the weighted
// cross-entropy: w times (probabilities - one-hot label) per feature.
func (a *adam) addExample(x row, label int, w float64) {
	h := a.h
	k := len(h.classes)
	z := h.logits(a.z[:0], h.bias, h.dense, x.dense, x.ids, x.vals)
	softmax(z)
	z[label]--
	for c := range z {
		z[c] *= w
		a.gBias[c] += z[c]
	}
	for j, d := range x.dense[:h.ndense] {
		g := a.gDense[j*k : j*k+k]
		for c := range z {
			g[c] += d * z[c]
		}
	}
	for j, id := range x.ids {
		g := a.gText[int(id)*k : int(id)*k+k]
		for c := range z {
			g[c] += x.vals[j] * z[c]
		}
	}
}

func (a *adam) step(it int) {
	c1 := 1 - math.Pow(a.beta1, float64(it))
	c2 := 1 - math.Pow(a.beta2, float64(it))
	upd := func(w, g, mo, ve []float64) {
		for j := range w {
			mo[j] = a.beta1*mo[j] + (1-a.beta1)*g[j]
			ve[j] = a.beta2*ve[j] + (1-a.beta2)*g[j]*g[j]
			w[j] -= a.rate * (mo[j] / c1) / (math.Sqrt(ve[j]/c2) + 1e-8)
		}
	}
	upd(a.h.text, a.gText, a.mt, a.vt)
	upd(a.h.dense, a.gDense, a.md, a.vd)
	upd(a.h.bias, a.gBias, a.mb, a.vb)
}
