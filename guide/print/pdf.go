package print

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"io"
)

// WritePDF writes sheets as the pages of a PDF, each sheet an A4 page
// holding one greyscale image. Text drawn by our own layout is what makes
// every script right on paper; a PDF viewer's text engine plays no part.
func WritePDF(w io.Writer, sheets []*image.RGBA) error {
	p := &pdfWriter{w: w}
	p.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")
	n := len(sheets)
	// Objects: 1 catalog, 2 page tree, then per sheet: page, content, image.
	p.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	p.object(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	for i, s := range sheets {
		if err := p.sheet(3+3*i, s); err != nil {
			return err
		}
	}
	p.trailer(2 + 3*n)
	return p.err
}

type pdfWriter struct {
	w       io.Writer
	n       int64
	offsets map[int]int64
	err     error
}

func (p *pdfWriter) printf(format string, args ...any) {
	if p.err != nil {
		return
	}
	k, err := fmt.Fprintf(p.w, format, args...)
	p.n += int64(k)
	p.err = err
}

func (p *pdfWriter) write(b []byte) {
	if p.err != nil {
		return
	}
	k, err := p.w.Write(b)
	p.n += int64(k)
	p.err = err
}

func (p *pdfWriter) begin(id int) {
	if p.offsets == nil {
		p.offsets = map[int]int64{}
	}
	p.offsets[id] = p.n
	p.printf("%d 0 obj\n", id)
}

func (p *pdfWriter) object(id int, body string) {
	p.begin(id)
	p.printf("%s\nendobj\n", body)
}

func (p *pdfWriter) stream(id int, dict string, data []byte) {
	p.begin(id)
	p.printf("<< %s /Length %d >>\nstream\n", dict, len(data))
	p.write(data)
	p.printf("\nendstream\nendobj\n")
}

// A4 in PDF points.
const a4W, a4H = 595.28, 841.89

func (p *pdfWriter) sheet(id int, s *image.RGBA) error {
	b := s.Bounds()
	gray, err := deflateGray(s)
	if err != nil {
		return fmt.Errorf("print: compress page: %w", err)
	}
	h := a4W * float64(b.Dy()) / float64(b.Dx())
	if h < a4H {
		h = a4H
	}
	p.object(id, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
		a4W, h, id+2, id+1))
	imgH := a4W * float64(b.Dy()) / float64(b.Dx())
	content := fmt.Sprintf("q %.2f 0 0 %.2f 0 %.2f cm /Im0 Do Q", a4W, imgH, h-imgH)
	p.stream(id+1, "", []byte(content))
	p.stream(id+2, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", b.Dx(), b.Dy()), gray)
	return p.err
}

func (p *pdfWriter) trailer(last int) {
	xref := p.n
	p.printf("xref\n0 %d\n0000000000 65535 f \n", last+1)
	for id := 1; id <= last; id++ {
		p.printf("%010d 00000 n \n", p.offsets[id])
	}
	p.printf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", last+1, xref)
}

// deflateGray converts to 8-bit grey (black text on white loses nothing)
// and compresses with zlib, as FlateDecode expects.
func deflateGray(img *image.RGBA) ([]byte, error) {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	b := img.Bounds()
	row := make([]byte, b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			r, g, bl := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
			row[x-b.Min.X] = byte((299*r + 587*g + 114*bl) / 1000)
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
