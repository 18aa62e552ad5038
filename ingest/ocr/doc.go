// Package ocr reads the text of a scanned PDF page: it renders the page
// with poppler's pdftoppm and recognises it with Tesseract, both run as
// programs, and returns the lines with their positions in points, as the
// text layer of a PDF would give them, and the confidence of the
// recognition. A page set on its side or upside down is turned upright
// (Tesseract's orientation detection, tried when the first reading is
// poor); a speckled page is cleaned with a 3×3 median and a skew of up to
// 3° straightened (a projection profile) before Tesseract reads it, which
// loses lines past about 1.5°.
//
// ocr imports nothing of ivp; ingest decides which pages need it and runs
// it inside the extraction worker, whose time and memory limits the
// programs inherit (the context kills them, and on Linux the worker's data
// limit holds for its children). Engine bounds the rendered image before
// anything is drawn: a page that would exceed Engine.MaxPixels even at the
// lowest resolution is refused with ErrTooLarge.
package ocr
