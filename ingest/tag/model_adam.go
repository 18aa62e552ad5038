package tag

import (
	"math"

	"github.com/ccv/ivp/corpus"
)

// adam minimises the model's weighted cross-entropy with an L2 penalty.
type adam struct {
	m                  *Model
	gText, gDense      [][corpus.NumVelden]float64 // gradients
	mt, vt, md, vd     [][corpus.NumVelden]float64 // moments
	gBias, mb, vb      [corpus.NumVelden]float64
	rate, beta1, beta2 float64
}

func newAdam(m *Model) *adam {
	mk := func(n int) [][corpus.NumVelden]float64 { return make([][corpus.NumVelden]float64, n) }
	nt, nd := len(m.text), len(m.dense)
	return &adam{m: m, gText: mk(nt), gDense: mk(nd), mt: mk(nt), vt: mk(nt), md: mk(nd), vd: mk(nd),
		rate: 0.02, beta1: 0.9, beta2: 0.999}
}

func (a *adam) run(xs []row, ex []Example, o TrainOptions) {
	var count [corpus.NumVelden]float64
	for _, e := range ex {
		count[e.Veld]++
	}
	n := float64(len(ex))
	var cw [corpus.NumVelden]float64 // balanced class weights
	for v, c := range count {
		if c > 0 {
			cw[v] = n / (float64(corpus.NumVelden) * c)
		}
	}
	lambda := 1 / (o.C * n)
	for it := 1; it <= o.Iterations; it++ {
		a.gradient(xs, ex, cw, n, lambda)
		a.step(it)
	}
}

func (a *adam) gradient(xs []row, ex []Example, cw [corpus.NumVelden]float64, n, lambda float64) {
	m := a.m
	for j := range a.gText {
		for v := range a.gText[j] {
			a.gText[j][v] = lambda * m.text[j][v]
		}
	}
	for k := range a.gDense {
		for v := range a.gDense[k] {
			a.gDense[k][v] = lambda * m.dense[k][v]
		}
	}
	a.gBias = [corpus.NumVelden]float64{}
	for i, x := range xs {
		a.addExample(x, ex[i].Veld, cw[ex[i].Veld]/n)
	}
}

// addExample adds one example's share of the gradient of the weighted
// cross-entropy: w times (probabilities - one-hot label) per feature.
func (a *adam) addExample(x row, veld int, w float64) {
	m := a.m
	z := m.bias
	for k, d := range x.dense {
		for v := range z {
			z[v] += d * m.dense[k][v]
		}
	}
	for j, id := range x.ids {
		for v := range z {
			z[v] += x.vals[j] * m.text[id][v]
		}
	}
	g := softmax(z)
	g[veld]--
	for v := range g {
		g[v] *= w
		a.gBias[v] += g[v]
	}
	for k, d := range x.dense {
		for v := range g {
			a.gDense[k][v] += d * g[v]
		}
	}
	for j, id := range x.ids {
		for v := range g {
			a.gText[id][v] += x.vals[j] * g[v]
		}
	}
}

func (a *adam) step(it int) {
	c1 := 1 - math.Pow(a.beta1, float64(it))
	c2 := 1 - math.Pow(a.beta2, float64(it))
	upd := func(w, g, mo, ve *[corpus.NumVelden]float64) {
		for v := range w {
			mo[v] = a.beta1*mo[v] + (1-a.beta1)*g[v]
			ve[v] = a.beta2*ve[v] + (1-a.beta2)*g[v]*g[v]
			w[v] -= a.rate * (mo[v] / c1) / (math.Sqrt(ve[v]/c2) + 1e-8)
		}
	}
	for j := range a.m.text {
		upd(&a.m.text[j], &a.gText[j], &a.mt[j], &a.vt[j])
	}
	for k := range a.m.dense {
		upd(&a.m.dense[k], &a.gDense[k], &a.md[k], &a.vd[k])
	}
	upd(&a.m.bias, &a.gBias, &a.mb, &a.vb)
}
